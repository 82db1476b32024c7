import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir, type TempDir } from '../../../../test/fixtures/import-input/helpers.js'
import { buildZip } from '../../../../test/fixtures/import-input/raw-zip.js'
import { openInput } from './open-input.js'

const ROWS = 400_000
const MiB = 1024 * 1024

// Garbage is not growth: collect before each sample so only what the reader retains is measured.
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void
const retained = () => {
  collectGarbage()
  const usage = process.memoryUsage()
  return usage.heapUsed + usage.arrayBuffers
}

let tmp: TempDir
let fileBytes = 0
beforeAll(async () => {
  tmp = await makeTempDir()
  await mkdir(`${tmp.path}/text`)
  const out = createWriteStream(`${tmp.path}/text/Big Skills.txt`)
  out.write('O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tDomain Source\n')
  for (let i = 0; i < ROWS; i++) {
    const code = `${10 + (i % 89)}-${String(i % 9973).padStart(4, '0')}.00`
    const line = `${code}\t2.A.${i % 7}.${i % 13}\tSkill number ${i} with a longer name\tIM\t${(i % 500) / 100}\tAnalyst\n`
    fileBytes += line.length
    if (!out.write(line)) await once(out, 'drain')
  }
  await new Promise<void>((resolve) => out.end(() => resolve()))
  await tmp.write(
    'big.zip',
    buildZip([{ name: 'data/Big Skills.txt', data: await readFile(`${tmp.path}/text/Big Skills.txt`) }]),
  )
}, 60_000)
afterAll(() => tmp.remove())

async function peakGrowth(path: string): Promise<{ rows: number; growth: number }> {
  const input = await openInput(path)
  const baseline = retained()
  let peak = 0
  let rows = 0
  for await (const row of input.rows('Big Skills.txt', { columns: ['O*NET-SOC Code', 'Data Value'] })) {
    if (++rows % 50_000 === 0) peak = Math.max(peak, retained() - baseline)
    if (row.values['Scale ID'] !== 'IM') throw new Error(`unexpected row ${row.line}`)
  }
  await input.close()
  return { rows, growth: peak }
}

describe('streaming keeps memory bounded', () => {
  it('reads a large text file with heap growth far below its size', async () => {
    const { rows, growth } = await peakGrowth(`${tmp.path}/text`)
    expect(rows).toBe(ROWS)
    expect(fileBytes).toBeGreaterThan(25 * MiB)
    expect(growth).toBeLessThan(8 * MiB)
  }, 60_000)

  it('reads the same file from inside a zip with heap growth far below its size', async () => {
    const { rows, growth } = await peakGrowth(`${tmp.path}/big.zip`)
    expect(rows).toBe(ROWS)
    expect(growth).toBeLessThan(8 * MiB)
  }, 60_000)
})

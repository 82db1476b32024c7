import { existsSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ImportInputError } from '../../import-types.js'
import { openInput } from '../../input/index.js'
import { runImporter } from '../shared/run-importer.js'
import { escoOnetCrosswalkImporter } from './esco-onet-crosswalk.importer.js'
import { SHARED_DATA } from '../../../../../test/support/shared-data.js'

const FIXTURE = join(import.meta.dirname, '../../../../../test/fixtures/import/esco-onet-crosswalk')
const NESTA = 'esco_onet_crosswalk_Nov2020.csv'
const WALK = 'onet_soc_2010_to_2019_crosswalk.semicolon.csv'
const ISCO = 'ISCO_SOC_Crosswalk.semicolon.csv'
const REAL = `${SHARED_DATA}/esco-onet-crosswalk-nesta`
const ESCO = 'http://data.europa.eu/esco/occupation/'
const temps: string[] = []
afterAll(async () => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))))

/** The named fixture files, one of them edited. */
async function fixtureWith(files: string[], edit?: { file: string; change: (text: string) => string }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'crosswalk-'))
  temps.push(dir)
  for (const file of files) await cp(join(FIXTURE, file), join(dir, file))
  if (edit) await writeFile(join(dir, edit.file), edit.change(await readFile(join(dir, edit.file), 'utf8')))
  return dir
}

describe('escoOnetCrosswalkImporter on the fixture', async () => {
  const { sink, summary } = await runImporter(escoOnetCrosswalkImporter, FIXTURE)
  const links = sink.of('code_links')
  const nesta = (id: string) => links.filter((l) => l.from_code === `${ESCO}${id}`).map((l) => [l.to_code, l.granularity])
  const isco = (code: string) => links.filter((l) => l.from_system === 'isco-08' && l.from_code === code)

  it('emits both sources first, then the Nesta links, then the ISCO links', () => {
    expect(sink.rows.slice(0, 2).map((r) => r.row)).toMatchObject([{ id: 'nesta-esco-onet-2020', kind: 'reference-data' }, { id: 'bls-isco-soc-2012' }])
    expect(summary.rows).toEqual({ sources: 2, code_links: 24 })
    expect(links.map((l) => l.via)).toEqual([...Array<string>(12).fill('nesta-crosswalk'), ...Array<string>(12).fill('isco-soc')])
    expect(summary.notes).toEqual([
      'Nesta: 9 ESCO occupations gave 12 ESCO → O*NET-SOC 2019 links (1 exact, 4 broader, 7 related).',
      'ISCO-08 ↔ SOC: 10 crosswalk rows gave 12 ISCO-08 → SOC 2018 links (related, group level).',
    ])
  })

  it('links a 2010 code split in 2019 to both successors', () => {
    expect(nesta('04ba4d6c-957d-417f-bf63-5b9e015a9f86')).toEqual([['15-1252.00', 'related'], ['15-1253.00', 'related']]) // software analyst
    expect(nesta('c40a2919-48a9-40ea-b506-1f34f693496d')).toEqual([['15-1254.00', 'related'], ['15-1255.00', 'related']]) // web developer
  })

  it('grades the other matches by confidence and sharing', () => {
    expect(nesta('0d93706d-32fd-4de3-aa08-be1003e325da')).toEqual([['19-2031.00', 'exact']]) // chemist, confidence 2, alone
    expect(nesta('0ee67d5e-8de9-48f0-97c5-ba23d486b1e9')).toEqual([['11-1011.00', 'broader']]) // secretary of state, shares chief executives
    expect(nesta('f2b15a0e-e65a-438a-affb-29b9d50b77d1')).toEqual([['15-1251.00', 'broader']]) // software developer, confidence 1
    expect(nesta('f2413988-f76a-4636-a4b1-9952517aa21f')).toEqual([['11-1011.00', 'related']]) // fire commissioner, confidence 0.5
  })

  it('converts ISCO ↔ SOC 2010 links to SOC 2018 and says they are group level', () => {
    expect(isco('2514').map((l) => l.to_code)).toEqual(['15-1251'])
    expect(isco('2512')).toMatchObject([
      { to_system: 'soc-2018', to_code: '15-1252', granularity: 'related', note: expect.stringContaining('from SOC 2010 15-1132, 15-1133') },
      { to_code: '15-1253' },
    ])
    expect(isco('1120')).toMatchObject([{ to_code: '11-1011', note: expect.stringMatching(/^Group-level link: .*same code in SOC 2010/) }])
    expect(isco('211').map((l) => l.to_code)).toEqual(['19-2099'])
  })

  it('gives the same rows in the same order on a second run', async () => {
    expect((await runImporter(escoOnetCrosswalkImporter, FIXTURE)).sink.rows).toEqual(sink.rows)
  })
})

describe('escoOnetCrosswalkImporter input checks', () => {
  it('recognises the Nesta file and hashes all three', async () => {
    const input = await openInput(FIXTURE)
    expect([escoOnetCrosswalkImporter.recognises(input), escoOnetCrosswalkImporter.files(input)]).toEqual([true, [NESTA, WALK, ISCO]])
    await input.close()
  })

  it('makes the Nesta links alone when the ISCO crosswalk is absent', async () => {
    const { summary } = await runImporter(escoOnetCrosswalkImporter, await fixtureWith([NESTA, WALK]))
    expect(summary.rows).toEqual({ sources: 1, code_links: 12 })
  })

  it('needs the 2010 → 2019 crosswalk', async () => {
    await expect(runImporter(escoOnetCrosswalkImporter, await fixtureWith([NESTA]))).rejects.toThrow(`${WALK} not found`)
  })

  it('names file and line of a confidence that is not a number', async () => {
    const dir = await fixtureWith([NESTA, WALK], { file: NESTA, change: (text) => text.replace(',0.5,', ',low,') })
    const error = await runImporter(escoOnetCrosswalkImporter, dir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportInputError)
    expect(error).toMatchObject({ file: NESTA, line: 4, message: `${NESTA}:4: column confidence: "low" is not a number` })
  })
})

describe.skipIf(!existsSync(REAL))(`Nesta and BLS crosswalks, real files (skipped when ${REAL} is absent)`, () => {
  it('makes 1,781 ESCO → O*NET links and 1,349 ISCO → SOC links', { timeout: 120_000 }, async ({ annotate }) => {
    const started = performance.now()
    const { sink, summary } = await runImporter(escoOnetCrosswalkImporter, REAL)
    await annotate(`Crosswalk import: ${Math.round(performance.now() - started)} ms, rows ${JSON.stringify(summary.rows)}; ${summary.notes.join(' ')}`)
    expect(summary.rows).toEqual({ sources: 2, code_links: 1781 + 1349 })
    const links = sink.of('code_links')
    expect(new Set(links.filter((l) => l.via === 'nesta-crosswalk').map((l) => l.from_code)).size).toBe(1680)
    expect(links.filter((l) => l.from_code === `${ESCO}c40a2919-48a9-40ea-b506-1f34f693496d`).map((l) => l.to_code)).toEqual(['15-1254.00', '15-1255.00'])
    const keys = new Set(links.map((l) => `${l.from_system} ${l.from_code} ${l.to_system} ${l.to_code} ${l.via}`))
    expect(keys.size).toBe(links.length)
  })
})

import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, describe, expect, it } from 'vitest'
import { ImportInputError } from '../../import-types.js'
import { openInput } from '../../input/index.js'
import { runImporter } from '../shared/run-importer.js'
import { cipSocImporter } from './cip-soc.importer.js'
import { SHARED_DATA } from '../../../../../test/support/shared-data.js'

const FIXTURE = join(import.meta.dirname, '../../../../../test/fixtures/import/cip-soc')
const CROSSWALK = 'CIP2020_SOC2018_Crosswalk.csv'
const REAL = `${SHARED_DATA}/nces-cip2020-soc2018-crosswalk`
const temps: string[] = []
afterAll(async () => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))))

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cip-'))
  temps.push(dir)
  return dir
}

/** The crosswalk fixture alone, its text edited. */
async function crosswalkOnly(edit: (text: string) => string = (text) => text): Promise<string> {
  const dir = await tempDir()
  await writeFile(join(dir, CROSSWALK), edit(await readFile(join(FIXTURE, CROSSWALK), 'utf8')))
  return dir
}

describe('cipSocImporter on the fixture', async () => {
  const { sink, summary } = await runImporter(cipSocImporter, FIXTURE)
  const programmes = sink.of('occupation_programmes')

  it('emits the source first, then one row per CIP–SOC pair', () => {
    expect(sink.rows[0]).toMatchObject({ table: 'sources', row: { id: 'nces-cip-2020-soc-2018', origin: 'cip-soc', attribution: 'Source: NCES (CIP 2020, CIP–SOC crosswalk).' } })
    expect(summary.rows).toEqual({ sources: 1, occupation_programmes: 27 })
    expect(summary.notes).toEqual([
      '27 CIP–SOC pairs; 2 programmes with no matching occupation (SOC 99-9999 "NO MATCH") and 2 occupations with no matching programme (CIP 99.9999) skipped.',
      '1 repeated CIP–SOC pairs skipped.',
    ])
  })

  it('links software and web developers to computer programming', () => {
    const socs = programmes.filter((p) => p.cip_code === '11.0201').map((p) => p.soc_code)
    expect(socs).toEqual(['15-1231', '15-1251', '15-1252', '15-1253', '15-1254', '15-1255', '25-1021'])
    expect(programmes.find((p) => p.soc_code === '15-1254' && p.cip_code === '11.0201')).toEqual({
      origin: 'cip-soc', soc_code: '15-1254', cip_code: '11.0201', cip_title: 'Computer Programming/Programmer, General.', source_id: 'nces-cip-2020-soc-2018',
    })
  })

  it('skips the NO MATCH placeholders', () => {
    expect(programmes.some((p) => p.soc_code === '99-9999' || p.cip_code === '99.9999')).toBe(false)
  })

  it('takes titles from CIPCode2020.csv when present, else the crosswalk\'s', async () => {
    expect(programmes.find((p) => p.cip_code === '51.0912')?.cip_title).toBe('Physician Associate/Assistant.')
    const alone = await runImporter(cipSocImporter, await crosswalkOnly())
    expect(alone.sink.of('occupation_programmes').find((p) => p.cip_code === '51.0912')?.cip_title).toBe('Physician Assistant.')
  })

  it('gives the same rows in the same order on a second run', async () => {
    expect((await runImporter(cipSocImporter, FIXTURE)).sink.rows).toEqual(sink.rows)
  })

  it('restores the zeros of CIP codes a workbook stored as numbers', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('File Guide').addRow(['Guide'])
    const sheet = workbook.addWorksheet('CIP-SOC')
    sheet.addRow(['CIP2020Code', 'CIP2020Title', 'SOC2018Code', 'SOC2018Title'])
    sheet.addRow([1, 'Agriculture, General.', '19-1011', 'Animal Scientists'])
    sheet.addRow([11.02, 'Computer Programming, General.', '15-1252', 'Software Developers'])
    const dir = await tempDir()
    await workbook.xlsx.writeFile(join(dir, 'CIP2020_SOC2018_Crosswalk.xlsx'))
    const { sink: fromWorkbook } = await runImporter(cipSocImporter, dir)
    expect(fromWorkbook.of('occupation_programmes').map((p) => [p.cip_code, p.soc_code])).toEqual([['01.0000', '19-1011'], ['11.0200', '15-1252']])
  })
})

describe('cipSocImporter input checks', () => {
  it('recognises the crosswalk and hashes the code list with it', async () => {
    const input = await openInput(FIXTURE)
    expect([cipSocImporter.recognises(input), cipSocImporter.files(input)]).toEqual([true, [CROSSWALK, 'CIPCode2020.csv']])
    await input.close()
  })

  it('names file and line of a malformed SOC code', async () => {
    const dir = await crosswalkOnly((text) => text.replace('19-1012', '19-10I2'))
    const error = await runImporter(cipSocImporter, dir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportInputError)
    expect(error).toMatchObject({ file: CROSSWALK, line: 3, message: `${CROSSWALK}:3: column SOC2018Code: "19-10I2" is not a SOC code` })
  })
})

describe.skipIf(!existsSync(REAL))(`NCES CIP 2020 → SOC 2018 real files (skipped when ${REAL} is absent)`, () => {
  it('maps 5,723 pairs with the official titles', { timeout: 120_000 }, async ({ annotate }) => {
    const started = performance.now()
    const { sink, summary } = await runImporter(cipSocImporter, REAL)
    await annotate(`CIP–SOC import: ${Math.round(performance.now() - started)} ms, rows ${JSON.stringify(summary.rows)}`)
    // 6,097 rows less 194 without an occupation and 180 without a programme.
    expect(summary.rows).toEqual({ sources: 1, occupation_programmes: 6097 - 194 - 180 })
    const programmes = sink.of('occupation_programmes')
    expect(programmes.filter((p) => p.soc_code === '15-1252').length).toBeGreaterThan(10)
    expect(programmes.find((p) => p.cip_code === '51.0912')?.cip_title).toBe('Physician Associate/Assistant.')
  })
})

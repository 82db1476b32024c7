import { existsSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, describe, expect, it } from 'vitest'
import { ImportInputError } from '../../import-types.js'
import { openInput } from '../../input/index.js'
import { runImporter } from '../shared/run-importer.js'
import { blsOewsImporter } from './bls-oews.importer.js'
import { SHARED_DATA } from '../../../../../test/support/shared-data.js'

const FIXTURE = join(import.meta.dirname, '../../../../../test/fixtures/import/bls-oews')
const CSV = 'national_M2024_dl.csv'
const REAL = `${SHARED_DATA}/bls-oews-may2024-national`
const temps: string[] = []
afterAll(async () => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))))

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'oews-'))
  temps.push(dir)
  return dir
}

/** A copy of the fixture CSV with its text changed. */
async function fixtureWith(edit: (text: string) => string): Promise<string> {
  const dir = await tempDir()
  await cp(FIXTURE, dir, { recursive: true })
  await writeFile(join(dir, CSV), edit(await readFile(join(dir, CSV), 'utf8')))
  return dir
}

/** The fixture's rows as a BLS-style workbook: numbers as numeric cells, `*` and `#` as text. */
async function fixtureAsWorkbook(): Promise<string> {
  const lines = (await readFile(join(FIXTURE, CSV), 'utf8')).trim().split('\n')
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('national_M2024_dl')
  const split = (line: string) => line.match(/("[^"]*"|[^,]*)(,|$)/g)?.slice(0, 32).map((f) => f.replace(/,$/, '').replace(/^"|"$/g, '')) ?? []
  lines.forEach((line, i) => sheet.addRow(split(line).map((cell, column) => (i > 0 && column >= 11 && /^[\d.]+$/.test(cell) ? Number(cell) : cell))))
  const dir = await tempDir()
  await workbook.xlsx.writeFile(join(dir, 'national_M2024_dl.xlsx'))
  return dir
}

describe('blsOewsImporter on the fixture', async () => {
  const { sink, summary, progress } = await runImporter(blsOewsImporter, FIXTURE)
  const facts = sink.of('occupation_facts')
  const fact = (id: string) => facts.find((f) => f.id === `bls-oews-2024-05/${id}`)

  it('emits the source first, then the figures of the six detailed occupations', () => {
    expect(sink.rows[0]).toMatchObject({ table: 'sources', row: { id: 'bls-oews-2024-05', origin: 'bls-oews', version: 'May 2024', kind: 'official-statistics', licence: 'Public domain', attribution: 'Source: U.S. Bureau of Labor Statistics (OEWS).' } })
    // 13 figures each; Legislators have no hourly wages and Actors no annual wages (6 "*" each).
    expect(summary.rows).toEqual({ sources: 1, occupation_facts: 4 * 13 + 2 * 7 })
    expect(new Set(facts.map((f) => f.code))).toEqual(new Set(['11-1011', '11-1031', '15-1252', '15-1254', '27-2011', '29-1215']))
    expect(summary.notes).toEqual([
      '6 detailed occupations read; 3 total/major/minor/broad aggregate rows skipped.',
      '12 figures BLS marks not available ("*", "**") skipped; 8 top-coded wages ("#") kept as the top-code with an "at least" note.',
    ])
    expect(progress).toEqual([9])
  })

  it('keeps Software Developers\' May 2024 annual median and employment', () => {
    expect(fact('15-1252/annual-median')).toMatchObject({ value: 133_080, unit: 'per-year', currency: 'USD', period: '2024-05', title: 'Software Developers' })
    expect(fact('15-1252/employment')).toMatchObject({ value: 1_654_440, kind: 'employment', unit: 'jobs' })
    expect(fact('15-1254/hourly-median')).toMatchObject({ value: 43.72, unit: 'per-hour' })
  })

  it('stores a top-coded wage as "at least" the top-code', () => {
    expect(fact('29-1215/annual-p90')).toMatchObject({ value: 239_200, note: expect.stringMatching(/^At least \$239,200 a year/) })
    expect(fact('11-1011/hourly-p75')).toMatchObject({ value: 115, note: expect.stringMatching(/^At least \$115\.00 an hour/) })
  })

  it('skips "*" figures', () => {
    expect(fact('11-1031/hourly-median')).toBeUndefined()
    expect(fact('27-2011/annual-median')).toBeUndefined()
    expect(fact('27-2011/hourly-median')).toMatchObject({ value: 23.33 })
  })

  it('gives the same rows in the same order on a second run', async () => {
    expect((await runImporter(blsOewsImporter, FIXTURE)).sink.rows).toEqual(sink.rows)
  })

  it('reads the workbook alone the same way', async () => {
    const dir = await fixtureAsWorkbook()
    const input = await openInput(dir)
    expect(blsOewsImporter.files(input)).toEqual(['national_M2024_dl.xlsx'])
    await input.close()
    const fromWorkbook = await runImporter(blsOewsImporter, dir)
    expect(fromWorkbook.sink.of('occupation_facts')).toEqual(facts)
  })
})

describe('blsOewsImporter input checks', () => {
  it('recognises the national file and reads only it', async () => {
    const input = await openInput(FIXTURE)
    expect([blsOewsImporter.recognises(input), blsOewsImporter.files(input)]).toEqual([true, [CSV]])
    await input.close()
  })

  it('names file and line of a wage that is not a number', async () => {
    const dir = await fixtureWith((text) => text.replace('133080', '133O80'))
    const error = await runImporter(blsOewsImporter, dir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportInputError)
    expect(error).toMatchObject({ file: CSV, line: 7, message: `${CSV}:7: column A_MEDIAN: "133O80" is not a number` })
  })

  it('refuses a file without the wage columns', async () => {
    const dir = await fixtureWith((text) => text.replace('A_MEDIAN', 'A_MEDIAN_X'))
    await expect(runImporter(blsOewsImporter, dir)).rejects.toThrow(/missing column\(s\) "A_MEDIAN"/)
  })
})

describe.skipIf(!existsSync(REAL))(`OEWS May 2024 real files (skipped when ${REAL} is absent)`, () => {
  it('maps 831 detailed occupations from the CSV and the workbook alike', { timeout: 120_000 }, async ({ annotate }) => {
    let started = performance.now()
    const { sink, summary } = await runImporter(blsOewsImporter, REAL)
    await annotate(`OEWS CSV import: ${Math.round(performance.now() - started)} ms, rows ${JSON.stringify(summary.rows)}`)
    const facts = sink.of('occupation_facts')
    expect(new Set(facts.map((f) => f.code)).size).toBe(831)
    expect(summary.rows).toEqual({ sources: 1, occupation_facts: 10_419 })
    expect(facts.find((f) => f.id === 'bls-oews-2024-05/15-1252/annual-median')?.value).toBe(133_080)
    expect(facts.find((f) => f.id === 'bls-oews-2024-05/15-1252/employment')?.value).toBe(1_654_440)
    started = performance.now()
    const workbook = await runImporter(blsOewsImporter, join(REAL, 'national_M2024_dl.xlsx'))
    await annotate(`OEWS workbook import: ${Math.round(performance.now() - started)} ms`)
    expect(workbook.sink.of('occupation_facts')).toEqual(facts)
  })
})

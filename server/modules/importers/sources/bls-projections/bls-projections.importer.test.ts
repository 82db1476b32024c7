import { existsSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, describe, expect, it } from 'vitest'
import { ImportInputError } from '../../import-types.js'
import { openInput } from '../../input/index.js'
import { runImporter } from '../shared/run-importer.js'
import { blsProjectionsImporter } from './bls-projections.importer.js'
import { SHARED_DATA } from '../../../../../test/support/shared-data.js'

const FIXTURE = join(import.meta.dirname, '../../../../../test/fixtures/import/bls-projections')
const CSV = 'table_1_2_occupational_projections_2024-34.csv'
const REAL = `${SHARED_DATA}/bls-employment-projections-2024-34`
const temps: string[] = []
afterAll(async () => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))))

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ep-'))
  temps.push(dir)
  return dir
}

async function fixtureWith(edit: (text: string) => string): Promise<string> {
  const dir = await tempDir()
  await cp(FIXTURE, dir, { recursive: true })
  await writeFile(join(dir, CSV), edit(await readFile(join(dir, CSV), 'utf8')))
  return dir
}

const splitCsv = (line: string): string[] => (line.match(/("[^"]*"|[^,]*)(,|$)/g) ?? []).slice(0, 16).map((f) => f.replace(/,$/, '').replace(/^"|"$/g, ''))

/** The fixture laid out as BLS's workbook: a title row above the header, numeric cells, footnotes below. */
async function fixtureAsWorkbook(): Promise<string> {
  const [header = '', ...data] = (await readFile(join(FIXTURE, CSV), 'utf8')).trim().split('\n')
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Index')
  sheet.addRow(['Employment Projections'])
  const table = workbook.addWorksheet('Table 1.2')
  table.addRow(['Table 1.2 Occupational projections, 2024–2034, and worker characteristics, 2024 (Employment in thousands)'])
  table.addRow(splitCsv(header))
  for (const line of data) table.addRow(splitCsv(line).map((cell, i) => (i >= 3 && i <= 11 && /^-?[\d.]+$/.test(cell) ? Number(cell) : cell)))
  table.addRow(['Footnotes:'])
  table.addRow(['Source: Employment Projections program, U.S. Bureau of Labor Statistics'])
  const dir = await tempDir()
  await workbook.xlsx.writeFile(join(dir, 'occupation.xlsx'))
  return dir
}

describe('blsProjectionsImporter on the fixture', async () => {
  const { sink, summary, progress } = await runImporter(blsProjectionsImporter, FIXTURE)
  const facts = sink.of('occupation_facts')
  const fact = (id: string) => facts.find((f) => f.id === `bls-ep-2024-2034/${id}`)

  it('emits the source first, then figures and requirements of the five line items', () => {
    expect(sink.rows[0]).toMatchObject({ table: 'sources', row: { id: 'bls-ep-2024-2034', origin: 'bls-projections', version: '2024–34' } })
    // Six figures each; Actors and fishing workers have no median wage ("—").
    expect(summary.rows).toEqual({ sources: 1, occupation_facts: 5 * 6 - 2, occupation_attributes: 5 * 3 })
    expect(summary.notes).toEqual([
      '5 line-item occupations read; 3 summary (group) rows skipped.',
      '2 figures marked "—" (not available) skipped; 1 median wages top-coded (">=$…") kept as the top-code with an "at least" note.',
    ])
    expect(progress).toEqual([8])
  })

  it('keeps the growth of software and web developers and counts jobs, not thousands', () => {
    expect(fact('15-1252/growth-percent')?.value).toBe(15.8)
    expect(fact('15-1254/growth-percent')?.value).toBe(7.5)
    expect(fact('15-1252/openings-annual')).toMatchObject({ value: 115_200, kind: 'openings', unit: 'jobs', period: '2024/2034' })
    expect(fact('15-1252/growth-count')).toMatchObject({ value: 267_700, kind: 'growth', statistic: 'count', unit: 'jobs' })
    expect(fact('15-1254/employment-2024')?.value).toBe(86_000)
    expect(fact('45-3031/growth-count')?.value).toBe(-1000)
  })

  it('stores a top-coded median as at least $239,200 and skips "—"', () => {
    expect(fact('29-1211/annual-median')).toMatchObject({ value: 239_200, note: expect.stringMatching(/^At least \$239,200 a year/) })
    expect(fact('27-2011/annual-median')).toBeUndefined()
  })

  it('gives the same rows in the same order on a second run', async () => {
    expect((await runImporter(blsProjectionsImporter, FIXTURE)).sink.rows).toEqual(sink.rows)
  })

  it('reads Table 1.2 of the workbook alone the same way (title row and footnotes skipped)', async () => {
    const dir = await fixtureAsWorkbook()
    const input = await openInput(dir)
    expect([blsProjectionsImporter.recognises(input), blsProjectionsImporter.files(input)]).toEqual([true, ['occupation.xlsx']])
    await input.close()
    const fromWorkbook = await runImporter(blsProjectionsImporter, dir)
    expect(fromWorkbook.sink.of('occupation_facts')).toEqual(facts)
    expect(fromWorkbook.sink.of('occupation_attributes')).toEqual(sink.of('occupation_attributes'))
    expect(fromWorkbook.summary.notes).toContain('2 rows that are neither line items nor summaries (footnotes) skipped.')
  })
})

describe('blsProjectionsImporter input checks', () => {
  it('names file and line of a figure that is not a number', async () => {
    const dir = await fixtureWith((text) => text.replace('1693.8', '1693.8k'))
    const error = await runImporter(blsProjectionsImporter, dir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportInputError)
    expect(error).toMatchObject({ file: CSV, line: 5, message: `${CSV}:5: column Employment, 2024: "1693.8k" is not a number` })
  })

  it('refuses another edition by its column names', async () => {
    const dir = await fixtureWith((text) => text.replaceAll('2024–34', '2025–35'))
    await expect(runImporter(blsProjectionsImporter, dir)).rejects.toThrow(/missing column\(s\) "Employment change, numeric, 2024–34"/)
  })
})

describe.skipIf(!existsSync(REAL))(`Employment Projections 2024–34 real files (skipped when ${REAL} is absent)`, () => {
  it('maps 832 line items from the CSV and the workbook alike', { timeout: 120_000 }, async ({ annotate }) => {
    let started = performance.now()
    const { sink, summary } = await runImporter(blsProjectionsImporter, REAL)
    await annotate(`EP CSV import: ${Math.round(performance.now() - started)} ms, rows ${JSON.stringify(summary.rows)}`)
    const facts = sink.of('occupation_facts')
    expect(summary.rows).toEqual({ sources: 1, occupation_facts: 4986, occupation_attributes: 2496 })
    expect(new Set(facts.map((f) => f.code)).size).toBe(832)
    expect(facts.find((f) => f.id === 'bls-ep-2024-2034/15-1252/growth-percent')?.value).toBe(15.8)
    expect(facts.find((f) => f.id === 'bls-ep-2024-2034/15-1254/growth-percent')?.value).toBe(7.5)
    expect(facts.find((f) => f.id === 'bls-ep-2024-2034/15-1252/employment-2024')?.value).toBe(1_693_800)
    started = performance.now()
    const workbook = await runImporter(blsProjectionsImporter, join(REAL, 'occupation.xlsx'))
    await annotate(`EP workbook import: ${Math.round(performance.now() - started)} ms`)
    expect(workbook.sink.of('occupation_facts')).toEqual(facts)
    expect(workbook.sink.of('occupation_attributes')).toEqual(sink.of('occupation_attributes'))
  })
})

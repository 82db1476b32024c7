import { describe, expect, it } from 'vitest'
import type { InputRow } from '../../import-types.js'
import { COLUMNS, epFile } from './ep-edition.js'
import { epOccupation } from './ep-rows.js'
import { readJobs, readWage, thousandsToJobs } from './ep-values.js'

const SOFTWARE_DEVELOPERS: Record<string, string> = {
  [COLUMNS.title]: '        Software developers', [COLUMNS.code]: '15-1252', [COLUMNS.type]: 'Line item',
  [COLUMNS.employmentBase]: '1693.8', [COLUMNS.employmentTarget]: '1961.4', [COLUMNS.changeCount]: '267.7',
  [COLUMNS.changePercent]: '15.8', [COLUMNS.openings]: '115.2', [COLUMNS.medianWage]: '133080',
  [COLUMNS.education]: "Bachelor's degree", [COLUMNS.experience]: 'None', [COLUMNS.training]: 'None',
}
const row = (values: Record<string, string> = {}, line = 5): InputRow => ({
  file: 'table_1_2_occupational_projections_2024-34.csv', line, values: { ...SOFTWARE_DEVELOPERS, ...values },
})

describe('thousandsToJobs', () => {
  it('turns thousands into whole jobs exactly', () => {
    expect(['1693.8', '0.1', '86', '169956.1', '-1', '-0.5', '0'].map(thousandsToJobs)).toEqual([1_693_800, 100, 86_000, 169_956_100, -1000, -500, 0])
  })

  it('rounds away the float noise a workbook can carry', () => {
    expect(['1.1000000000000001', '1693.7999999999997', '0.0995'].map(thousandsToJobs)).toEqual([1100, 1_693_800, 100])
  })
})

describe('Table 1.2 cells', () => {
  it('reads thousands separators, skips "—" and names file, line and column of anything else', () => {
    expect(readJobs(row({ [COLUMNS.employmentBase]: '1,693.8' }), COLUMNS.employmentBase)).toBe(1_693_800)
    expect(readJobs(row({ [COLUMNS.openings]: '—' }), COLUMNS.openings)).toBeNull()
    expect(() => readJobs(row({ [COLUMNS.openings]: 'n.a.' }, 9), COLUMNS.openings)).toThrow(
      'table_1_2_occupational_projections_2024-34.csv:9: column Occupational openings, 2024–34 annual average: "n.a." is not a number',
    )
  })

  it('reads a top-coded wage as at least its amount', () => {
    expect(readWage(row({ [COLUMNS.medianWage]: '>=$239,200' }), COLUMNS.medianWage)).toEqual({ value: 239_200, topCoded: true })
    expect(readWage(row(), COLUMNS.medianWage)).toEqual({ value: 133_080, topCoded: false })
    expect(readWage(row({ [COLUMNS.medianWage]: '—' }), COLUMNS.medianWage)).toBeNull()
  })
})

describe('epOccupation', () => {
  it('gives employment, growth, openings in jobs and the median wage, with stable ids', () => {
    const { code, facts, missing } = epOccupation(row())
    expect([code, missing]).toEqual(['15-1252', 0])
    expect(facts.map((f) => [f.id, f.kind, f.statistic, f.unit, f.period, f.value, f.position])).toEqual([
      ['bls-ep-2024-2034/15-1252/employment-2024', 'employment', 'count', 'jobs', '2024', 1_693_800, 0],
      ['bls-ep-2024-2034/15-1252/employment-2034', 'employment', 'count', 'jobs', '2034', 1_961_400, 1],
      ['bls-ep-2024-2034/15-1252/growth-percent', 'growth', 'percent-change', 'percent', '2024/2034', 15.8, 2],
      ['bls-ep-2024-2034/15-1252/growth-count', 'growth', 'count', 'jobs', '2024/2034', 267_700, 3],
      ['bls-ep-2024-2034/15-1252/openings-annual', 'openings', 'count', 'jobs', '2024/2034', 115_200, 4],
      ['bls-ep-2024-2034/15-1252/annual-median', 'salary', 'median', 'per-year', '2024-05', 133_080, 5],
    ])
    expect(facts[0]).toMatchObject({ title: 'Software developers', system: 'soc-2018', place_id: 'united-states', currency: null, origin: 'bls-projections' })
    expect(facts[3]?.note).toMatch(/^Numeric change in employment/)
    expect(facts[4]?.note).toMatch(/^Annual average openings/)
    expect(facts[5]).toMatchObject({ currency: 'USD', note: 'The OEWS May 2024 median as BLS prints it in the projections; excludes the self-employed.' })
  })

  it('keeps the entry requirements as attributes, skipping "—"', () => {
    expect(epOccupation(row()).attributes).toEqual([
      { origin: 'bls-projections', system: 'soc-2018', code: '15-1252', key: 'typical-entry-education', value: "Bachelor's degree", source_id: 'bls-ep-2024-2034' },
      { origin: 'bls-projections', system: 'soc-2018', code: '15-1252', key: 'work-experience', value: 'None', source_id: 'bls-ep-2024-2034' },
      { origin: 'bls-projections', system: 'soc-2018', code: '15-1252', key: 'on-the-job-training', value: 'None', source_id: 'bls-ep-2024-2034' },
    ])
    expect(epOccupation(row({ [COLUMNS.training]: '—' })).attributes.map((a) => a.key)).toEqual(['typical-entry-education', 'work-experience'])
  })

  it('leaves out "—" figures and notes a top-coded wage', () => {
    expect(epOccupation(row({ [COLUMNS.medianWage]: '—' }))).toMatchObject({ missing: 1, topCoded: false })
    const { facts, topCoded } = epOccupation(row({ [COLUMNS.medianWage]: '>=$239,200' }))
    expect(topCoded).toBe(true)
    expect(facts.at(-1)).toMatchObject({ value: 239_200, note: expect.stringMatching(/^At least \$239,200 a year/) })
  })
})

describe('epFile', () => {
  it('prefers our CSV export and accepts the BLS workbook alone', () => {
    expect(epFile(['occupation.xlsx', 'table_1_2_occupational_projections_2024-34.csv'])).toBe('table_1_2_occupational_projections_2024-34.csv')
    expect(epFile(['occupation.xlsx'])).toBe('occupation.xlsx')
    expect(epFile(['table_1_3.csv'])).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import { ImportInputError, type InputRow } from '../../import-types.js'
import { isNationalCrossIndustry, oewsFacts, readOewsValue } from './oews-facts.js'
import { findOewsRelease } from './oews-release.js'

const SCOPE = { AREA: '99', NAICS: '000000', I_GROUP: 'cross-industry', OWN_CODE: '1235' }
const WAGES = {
  H_MEAN: '69.5', A_MEAN: '144570', H_PCT10: '38.39', H_PCT25: '49.55', H_MEDIAN: '63.98', H_PCT75: '81.25', H_PCT90: '101.66',
  A_PCT10: '79850', A_PCT25: '103050', A_MEDIAN: '133080', A_PCT75: '169000', A_PCT90: '211450',
}
const row = (values: Record<string, string>, line = 7): InputRow => ({
  file: 'national_M2024_dl.csv', line,
  values: { ...SCOPE, OCC_CODE: '15-1252', OCC_TITLE: 'Software Developers', O_GROUP: 'detailed', TOT_EMP: '1654440', ...WAGES, ...values },
})
function caught(action: () => unknown): unknown {
  try {
    action()
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}
const release = findOewsRelease(['national_M2024_dl.csv'])
if (!release) throw new Error('release not found')

describe('findOewsRelease', () => {
  it('reads the year from the BLS file name and prefers the CSV when both are present', () => {
    expect(findOewsRelease(['national_M2024_dl.xlsx', 'national_M2024_dl.csv'])).toEqual({
      year: 2024, file: 'national_M2024_dl.csv', sheet: undefined, sourceId: 'bls-oews-2024-05', period: '2024-05',
    })
  })

  it('reads the workbook alone from its sheet named after the file, and takes the newest release', () => {
    expect(findOewsRelease(['national_M2023_dl.csv', 'national_M2024_dl.xlsx'])).toMatchObject({ file: 'national_M2024_dl.xlsx', sheet: 'national_M2024_dl' })
  })

  it('finds nothing in other files', () => {
    expect(findOewsRelease(['state_M2024_dl.xlsx', 'national.csv'])).toBeUndefined()
  })
})

describe('isNationalCrossIndustry', () => {
  it('keeps national, all-industry, all-ownership rows only', () => {
    expect(isNationalCrossIndustry(row({}))).toBe(true)
    expect(isNationalCrossIndustry(row({ AREA: '06' }))).toBe(false)
    expect(isNationalCrossIndustry(row({ NAICS: '511200', I_GROUP: '4-digit' }))).toBe(false)
    expect(isNationalCrossIndustry(row({ OWN_CODE: '5' }))).toBe(false)
  })
})

describe('readOewsValue', () => {
  const annual = { column: 'A_PCT90', kind: 'salary' } as const
  const hourly = { column: 'H_PCT90', kind: 'salary' } as const
  const employment = { column: 'TOT_EMP', kind: 'employment' } as const

  it('skips "*" and "**" (not available)', () => {
    expect(readOewsValue(row({ A_PCT90: '*' }), annual, 2024)).toBeNull()
    expect(readOewsValue(row({ TOT_EMP: '**' }), employment, 2024)).toBeNull()
  })

  it('turns "#" into the top-code of the release, annual or hourly', () => {
    expect(readOewsValue(row({ A_PCT90: '#' }), annual, 2024)).toEqual({ value: 239_200, topCoded: true })
    expect(readOewsValue(row({ H_PCT90: '#' }), hourly, 2024)).toEqual({ value: 115, topCoded: true })
  })

  it('refuses "#" when the release has no known top-code, and "#" in employment', () => {
    expect(() => readOewsValue(row({ A_PCT90: '#' }), annual, 2031)).toThrow('top-code of May 2031 is not known')
    expect(() => readOewsValue(row({ TOT_EMP: '#' }), employment, 2024)).toThrow('column TOT_EMP: "#" is not a number')
  })

  it('reads thousands separators and names file, line and column for anything else', () => {
    expect(readOewsValue(row({ TOT_EMP: '1,654,440' }), employment, 2024)).toEqual({ value: 1_654_440, topCoded: false })
    const error = caught(() => readOewsValue(row({ A_PCT90: 'n/a' }, 12), annual, 2024))
    expect(error).toBeInstanceOf(ImportInputError)
    expect(error).toMatchObject({ file: 'national_M2024_dl.csv', line: 12, message: 'national_M2024_dl.csv:12: column A_PCT90: "n/a" is not a number' })
  })
})

describe('oewsFacts', () => {
  it('gives employment, then annual and hourly wages, median first, with stable ids', () => {
    const { facts, missing, topCoded } = oewsFacts(row({}), release)
    expect([missing, topCoded]).toEqual([0, 0])
    expect(facts.map((f) => f.id.split('/')[2])).toEqual([
      'employment', 'annual-median', 'annual-mean', 'annual-p10', 'annual-p25', 'annual-p75', 'annual-p90',
      'hourly-median', 'hourly-mean', 'hourly-p10', 'hourly-p25', 'hourly-p75', 'hourly-p90',
    ])
    expect(facts.map((f) => f.position)).toEqual([...facts.keys()])
    expect(facts[1]).toEqual({
      id: 'bls-oews-2024-05/15-1252/annual-median', origin: 'bls-oews', system: 'soc-2018', code: '15-1252', title: 'Software Developers',
      kind: 'salary', statistic: 'median', value: 133_080, low: null, high: null, label: null, unit: 'per-year', currency: 'USD',
      period: '2024-05', place_id: 'united-states', source_id: 'bls-oews-2024-05', as_of: null, note: null, position: 1,
    })
    expect(facts[0]).toMatchObject({ kind: 'employment', statistic: 'count', unit: 'jobs', currency: null, value: 1_654_440 })
    expect(facts[7]).toMatchObject({ statistic: 'median', unit: 'per-hour', value: 63.98 })
  })

  it('leaves out unavailable figures and notes top-coded ones', () => {
    const { facts, missing, topCoded } = oewsFacts(row({ H_MEDIAN: '*', H_MEAN: '*', A_PCT90: '#' }), release)
    expect([facts.length, missing, topCoded]).toEqual([11, 2, 1])
    expect(facts.find((f) => f.id.endsWith('/annual-p90'))).toMatchObject({
      value: 239_200, note: 'At least $239,200 a year: BLS top-codes wages at or above this amount (printed "#").',
    })
  })

  it('refuses a code that is not SOC', () => {
    expect(() => oewsFacts(row({ OCC_CODE: '15-125' }), release)).toThrow('column OCC_CODE: "15-125" is not a SOC code')
  })
})

import { describe, expect, it } from 'vitest'
import type { InputRow } from '../../import-types.js'
import { findRppFiles } from './rpp-files.js'
import { isFooter, rppColumns, rppRows } from './rpp-rows.js'

const YEARS = [2022, 2023, 2024]
const row = (values: Record<string, string>, line = 3): InputRow => ({
  file: 'MARPP_MSA_2008_2024.csv', line,
  values: {
    GeoFIPS: ' "41940"', GeoName: 'San Jose-Sunnyvale-Santa Clara, CA (Metropolitan Statistical Area)', LineCode: '1',
    Description: 'RPPs: All items ', '2022': '115.281', '2023': '113.059', '2024': '110.423', ...values,
  },
})

describe('findRppFiles', () => {
  it('reads the years from the file names and puts the metro file first', () => {
    expect(findRppFiles(['PARPP_PORT_2008_2024.csv', 'MARPP_MSA_2008_2024.csv', 'README.txt'])).toEqual([
      { name: 'MARPP_MSA_2008_2024.csv', kind: 'metro', years: Array.from({ length: 17 }, (_, i) => 2008 + i) },
      { name: 'PARPP_PORT_2008_2024.csv', kind: 'portion', years: Array.from({ length: 17 }, (_, i) => 2008 + i) },
    ])
  })

  it('takes the newest metro file and needs one', () => {
    expect(findRppFiles(['MARPP_MSA_2008_2023.csv', 'MARPP_MSA_2008_2024.csv'])?.map((f) => f.name)).toEqual(['MARPP_MSA_2008_2024.csv'])
    expect(findRppFiles(['PARPP_PORT_2008_2024.csv'])).toBeUndefined()
  })

  it('requires a column per year', () => {
    expect(rppColumns([2023, 2024])).toEqual(['GeoFIPS', 'GeoName', 'LineCode', '2023', '2024'])
  })
})

describe('rppRows', () => {
  it('gives one row per year, the code without BEA\'s quotes and padding', () => {
    expect(rppRows(row({}), YEARS, 'bea-rpp-2024')).toEqual({
      notAvailable: 0,
      rows: [[2022, 115.281], [2023, 113.059], [2024, 110.423]].map(([year, value]) => ({
        origin: 'bea-rpp', geo_fips: '41940', area: 'San Jose-Sunnyvale-Santa Clara, CA (Metropolitan Statistical Area)', line: 'all-items',
        year, value, source_id: 'bea-rpp-2024',
      })),
    })
  })

  it('names the five lines and drops the footnote mark from the area', () => {
    const lines = ['1', '2', '3', '4', '5'].map((code) => rppRows(row({ LineCode: code }), YEARS, 's').rows[0]?.line)
    expect(lines).toEqual(['all-items', 'goods', 'housing', 'utilities', 'other-services'])
    expect(rppRows(row({ GeoName: 'Enid, OK (Metropolitan Statistical Area) *' }), YEARS, 's').rows[0]?.area).toBe('Enid, OK (Metropolitan Statistical Area)')
  })

  it('skips "(NA)" and other bracketed BEA codes', () => {
    const { rows, notAvailable } = rppRows(row({ '2022': '(NA)', '2023': '(D)' }), YEARS, 's')
    expect([rows.map((r) => r.year), notAvailable]).toEqual([[2024], 2])
  })

  it('names file, line and column of anything else', () => {
    expect(() => rppRows(row({ '2023': 'n/a' }, 40), YEARS, 's')).toThrow('MARPP_MSA_2008_2024.csv:40: column 2023: "n/a" is not a number')
    expect(() => rppRows(row({ LineCode: '6' }), YEARS, 's')).toThrow('column LineCode: "6" is not an RPP line (1–5)')
    expect(() => rppRows(row({ GeoFIPS: 'CA' }), YEARS, 's')).toThrow('column GeoFIPS: "CA" is not a FIPS/CBSA code')
  })

  it('tells footer notes from data', () => {
    expect(isFooter(row({ GeoFIPS: 'Last updated: February 19, 2026', GeoName: '', LineCode: '' }))).toBe(true)
    expect(isFooter(row({}))).toBe(false)
  })
})

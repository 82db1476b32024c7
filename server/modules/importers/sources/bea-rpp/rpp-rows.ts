/**
 * One BEA row (an area and a line, one column per year) → `price_parities` rows, one per year with a value.
 * BEA writes `(NA)` where a figure does not exist (an area defined later, say) and uses other bracketed
 * codes such as `(D)` for suppressed values: those years are skipped. The free-text footer lines at the
 * end of the file have no LineCode and are not data rows.
 */
import { ImportInputError, type InputRow } from '../../import-types.js'
import type { PriceParitiesTable } from '../../../../platform/db/types.js'
import { LINES, RPP_ORIGIN } from './rpp-files.js'

export const rppColumns = (years: readonly number[]): string[] => ['GeoFIPS', 'GeoName', 'LineCode', ...years.map(String)]

/** The cell without padding and the quotes BEA leaves around codes (` "10180"`). */
const cell = (row: InputRow, column: string): string => (row.values[column] ?? '').trim().replace(/^"(.*)"$/, '$1').trim()

/** True for the footer notes ("Last updated: …"): everything but the first column is empty. */
export function isFooter(row: InputRow): boolean {
  return cell(row, 'LineCode') === '' && cell(row, 'GeoName') === ''
}

const NUMBER = /^-?\d+(\.\d+)?$/
const BEA_CODE = /^\([A-Z]+\)$/

export interface RppRows {
  rows: PriceParitiesTable[]
  /** Years with a bracketed BEA code instead of a value. */
  notAvailable: number
}

/** All years of one area and line, in the header's year order. */
export function rppRows(row: InputRow, years: readonly number[], sourceId: string): RppRows {
  const fips = cell(row, 'GeoFIPS')
  if (!/^\d{5}$/.test(fips)) throw new ImportInputError(row.file, `column GeoFIPS: "${fips}" is not a FIPS/CBSA code`, row.line)
  const line = LINES[cell(row, 'LineCode')]
  if (line === undefined) throw new ImportInputError(row.file, `column LineCode: "${cell(row, 'LineCode')}" is not an RPP line (1–5)`, row.line)
  // A trailing " *" refers to BEA's footnote file; it is not part of the area's name.
  const area = cell(row, 'GeoName').replace(/\s*\*$/, '')
  const result: RppRows = { rows: [], notAvailable: 0 }
  for (const year of years) {
    const text = cell(row, String(year))
    if (BEA_CODE.test(text)) result.notAvailable++
    else if (!NUMBER.test(text)) throw new ImportInputError(row.file, `column ${year}: "${text}" is not a number`, row.line)
    else result.rows.push({ origin: RPP_ORIGIN, geo_fips: fips, area, line, year, value: Number(text), source_id: sourceId })
  }
  return result
}

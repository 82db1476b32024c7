/**
 * The NCES CIP 2020 → SOC 2018 crosswalk: files, columns, the `sources` row, and one row → one pair.
 * NCES marks programmes without an occupation with SOC `99-9999` "NO MATCH" and occupations without a
 * programme with CIP `99.9999`; neither is a link, so both are skipped and counted.
 */
import { ImportInputError, type InputRow, type ReadOptions } from '../../import-types.js'
import type { SourcesTable } from '../../../../platform/db/types.js'
import { normaliseCip } from './cip-codes.js'

export const CIP_ORIGIN = 'cip-soc'
export const CIP_SOURCE_ID = 'nces-cip-2020-soc-2018'

export const CROSSWALK_CSV = 'CIP2020_SOC2018_Crosswalk.csv'
export const CROSSWALK_XLSX = 'CIP2020_SOC2018_Crosswalk.xlsx'
/** The NCES code list, for the official CIP titles. */
export const CIP_CODES_CSV = 'CIPCode2020.csv'

const NO_MATCH_SOC = '99-9999'
const NO_MATCH_CIP = '99.9999'

const COLUMNS = ['CIP2020Code', 'CIP2020Title', 'SOC2018Code'] as const

/** The crosswalk to read: the CSV when present, else the "CIP-SOC" sheet of the workbook. */
export function crosswalkFile(names: readonly string[]): string | undefined {
  if (names.includes(CROSSWALK_CSV)) return CROSSWALK_CSV
  return names.includes(CROSSWALK_XLSX) ? CROSSWALK_XLSX : undefined
}

export function crosswalkReadOptions(file: string): ReadOptions {
  return file === CROSSWALK_XLSX ? { columns: COLUMNS, sheet: 'CIP-SOC', headerRow: 1 } : { columns: COLUMNS, delimiter: ',' }
}

export type CrosswalkPair =
  | { kind: 'pair'; soc: string; cip: string; title: string }
  | { kind: 'no-soc' }
  | { kind: 'no-cip' }

const cell = (row: InputRow, column: string): string => (row.values[column] ?? '').trim()

/** One crosswalk row; malformed codes name the file, line and column. */
export function readPair(row: InputRow): CrosswalkPair {
  const cip = normaliseCip(cell(row, 'CIP2020Code'))
  if (cip === null) throw new ImportInputError(row.file, `column CIP2020Code: "${cell(row, 'CIP2020Code')}" is not a CIP code`, row.line)
  const soc = cell(row, 'SOC2018Code')
  if (!/^\d{2}-\d{4}$/.test(soc)) throw new ImportInputError(row.file, `column SOC2018Code: "${soc}" is not a SOC code`, row.line)
  if (soc === NO_MATCH_SOC) return { kind: 'no-soc' }
  if (cip === NO_MATCH_CIP) return { kind: 'no-cip' }
  return { kind: 'pair', soc, cip, title: cell(row, 'CIP2020Title') }
}

export function cipSocSource(file: string, titlesFrom: string | null): SourcesTable {
  return {
    id: CIP_SOURCE_ID,
    origin: CIP_ORIGIN,
    publisher: 'National Center for Education Statistics (NCES), with the U.S. Bureau of Labor Statistics',
    title: 'CIP 2020 to SOC 2018 crosswalk',
    kind: 'reference-data',
    version: 'CIP 2020 / SOC 2018',
    url: 'https://nces.ed.gov/ipeds/cipcode/resources.aspx',
    licence: 'Public domain',
    attribution: 'Source: NCES (CIP 2020, CIP–SOC crosswalk).',
    published: null,
    retrieved: null,
    seed_document: null,
    note: `Programmes of study (CIP 2020) and the occupations (SOC 2018) they prepare for, from ${file}${titlesFrom ? `; programme titles from ${titlesFrom}` : ''}.`,
  }
}

/**
 * The Employment Projections edition this importer reads (2024–34, Table 1.2 of the National Employment
 * Matrix), its files, columns and `sources` row. The column names carry the edition's years, so a
 * different edition fails the header check with the missing columns named instead of being misread.
 */
import type { SourcesTable } from '../../../../platform/db/types.js'

export const EP_ORIGIN = 'bls-projections'

export const EDITION = { base: 2024, target: 2034, wageYear: 2024 } as const
const span = `${EDITION.base}–${String(EDITION.target).slice(2)}`

/** Our CSV export of Table 1.2 (title and footnote rows dropped). */
export const EP_CSV = `table_1_2_occupational_projections_${EDITION.base}-${String(EDITION.target).slice(2)}.csv`
/** The BLS workbook as published (https://www.bls.gov/emp/ind-occ-matrix/occupation.xlsx). */
export const EP_XLSX = 'occupation.xlsx'
/** In occupation.xlsx, Table 1.2 is the sheet "Table 1.2"; row 1 is the table title, the header is row 2. */
export const EP_SHEET = 'Table 1.2'
export const EP_HEADER_ROW = 2

export const COLUMNS = {
  title: `${EDITION.base} National Employment Matrix title`,
  code: `${EDITION.base} National Employment Matrix code`,
  type: 'Occupation type',
  employmentBase: `Employment, ${EDITION.base}`,
  employmentTarget: `Employment, ${EDITION.target}`,
  changeCount: `Employment change, numeric, ${span}`,
  changePercent: `Employment change, percent, ${span}`,
  openings: `Occupational openings, ${span} annual average`,
  medianWage: `Median annual wage, dollars, ${EDITION.wageYear}[1]`,
  education: 'Typical education needed for entry',
  experience: 'Work experience in a related occupation',
  training: 'Typical on-the-job training needed to attain competency in the occupation',
} as const

export const EP_COLUMNS: readonly string[] = Object.values(COLUMNS)

export const EP_SOURCE_ID = `bls-ep-${EDITION.base}-${EDITION.target}`

/** The file to read: the CSV when present, else the workbook. */
export function epFile(names: readonly string[]): string | undefined {
  if (names.includes(EP_CSV)) return EP_CSV
  return names.includes(EP_XLSX) ? EP_XLSX : undefined
}

export function epSource(file: string): SourcesTable {
  return {
    id: EP_SOURCE_ID,
    origin: EP_ORIGIN,
    publisher: 'U.S. Bureau of Labor Statistics',
    title: `Employment Projections ${span}`,
    kind: 'official-statistics',
    version: span,
    url: 'https://www.bls.gov/emp/',
    licence: 'Public domain',
    attribution: 'Source: U.S. Bureau of Labor Statistics (Employment Projections).',
    published: null,
    retrieved: null,
    seed_document: null,
    note: `National Employment Matrix, Table 1.2 (${file}): employment ${EDITION.base} and projected ${EDITION.target}, change, annual openings, the OEWS May ${EDITION.wageYear} median wage and typical education and training, by SOC 2018 occupation.`,
  }
}

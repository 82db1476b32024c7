/**
 * One OEWS row → the occupation's figures. Pure: no I/O, so every special value is unit-tested.
 *
 * BLS special values (Field Descriptions sheet): `*` wage not available, `**` employment not available
 * (both skipped: there is no figure to show), `#` wage at or above the top-code (kept as the top-code
 * with a note saying "at least", so the figure is not lost and not overstated).
 */
import { ImportInputError, type InputRow } from '../../import-types.js'
import type { OccupationFactsTable } from '../../../../platform/db/types.js'
import { OEWS_ORIGIN, TOP_CODES, type OewsRelease } from './oews-release.js'

type Unit = 'jobs' | 'per-year' | 'per-hour'

interface Figure {
  column: string
  key: string
  kind: 'employment' | 'salary'
  statistic: 'count' | 'median' | 'mean' | 'p10' | 'p25' | 'p75' | 'p90'
  unit: Unit
}

const wage = (column: string, key: string, statistic: Figure['statistic'], unit: Unit): Figure => ({ column, key, kind: 'salary', statistic, unit })

/** In emission order: employment, then annual wages, then hourly wages, median first. */
const FIGURES: readonly Figure[] = [
  { column: 'TOT_EMP', key: 'employment', kind: 'employment', statistic: 'count', unit: 'jobs' },
  ...(['A', 'H'] as const).flatMap((prefix) => {
    const unit: Unit = prefix === 'A' ? 'per-year' : 'per-hour'
    const period = prefix === 'A' ? 'annual' : 'hourly'
    return [
      wage(`${prefix}_MEDIAN`, `${period}-median`, 'median', unit),
      wage(`${prefix}_MEAN`, `${period}-mean`, 'mean', unit),
      ...(['10', '25', '75', '90'] as const).map((p) => wage(`${prefix}_PCT${p}`, `${period}-p${p}`, `p${p}`, unit)),
    ]
  }),
]

/** Columns the importer requires; the scope columns tell national cross-industry rows apart. */
export const OEWS_COLUMNS: readonly string[] = ['AREA', 'NAICS', 'I_GROUP', 'OWN_CODE', 'OCC_CODE', 'OCC_TITLE', 'O_GROUP', ...FIGURES.map((f) => f.column)]

const cell = (row: InputRow, column: string): string => (row.values[column] ?? '').trim()

/** National (`99`), all industries (`000000`, cross-industry), all ownerships (`1235`): other BLS files mix in slices. */
export function isNationalCrossIndustry(row: InputRow): boolean {
  return cell(row, 'AREA') === '99' && cell(row, 'NAICS') === '000000' && cell(row, 'I_GROUP') === 'cross-industry' && cell(row, 'OWN_CODE') === '1235'
}

const NUMBER = /^-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/

/** A plain or thousands-separated number; anything else names the file, line and column. */
export function parseNumber(row: InputRow, column: string, text: string): number {
  if (!NUMBER.test(text)) throw new ImportInputError(row.file, `column ${column}: "${text}" is not a number`, row.line)
  return Number(text.replaceAll(',', ''))
}

export type OewsValue = { value: number; topCoded: boolean } | null

/** The cell as a figure; null when BLS marks it not available. */
export function readOewsValue(row: InputRow, figure: Pick<Figure, 'column' | 'kind'>, year: number): OewsValue {
  const text = cell(row, figure.column)
  if (text === '*' || text === '**') return null
  if (text === '#' && figure.kind === 'salary') {
    const topCode = TOP_CODES[year]
    if (!topCode) throw new ImportInputError(row.file, `column ${figure.column}: "#" is top-coded but the top-code of May ${year} is not known`, row.line)
    return { value: figure.column.startsWith('A_') ? topCode.annual : topCode.hourly, topCoded: true }
  }
  return { value: parseNumber(row, figure.column, text), topCoded: false }
}

const usd = (amount: number, cents: boolean): string =>
  `$${amount.toLocaleString('en-US', { minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: cents ? 2 : 0 })}`

function noteFor(figure: Figure, value: NonNullable<OewsValue>): string | null {
  if (figure.kind === 'employment') return 'Wage and salary jobs; excludes the self-employed.'
  if (!value.topCoded) return null
  const amount = figure.unit === 'per-year' ? `${usd(value.value, false)} a year` : `${usd(value.value, true)} an hour`
  return `At least ${amount}: BLS top-codes wages at or above this amount (printed "#").`
}

export interface OewsOccupation {
  facts: OccupationFactsTable[]
  /** Figures BLS marks not available. */
  missing: number
  topCoded: number
}

/** The figures of one detailed occupation row, in a fixed order, positions counting from 0. */
export function oewsFacts(row: InputRow, release: OewsRelease): OewsOccupation {
  const code = cell(row, 'OCC_CODE')
  if (!/^\d{2}-\d{4}$/.test(code)) throw new ImportInputError(row.file, `column OCC_CODE: "${code}" is not a SOC code`, row.line)
  const result: OewsOccupation = { facts: [], missing: 0, topCoded: 0 }
  for (const figure of FIGURES) {
    const value = readOewsValue(row, figure, release.year)
    if (value === null) {
      result.missing++
      continue
    }
    if (value.topCoded) result.topCoded++
    result.facts.push({
      id: `${release.sourceId}/${code}/${figure.key}`, origin: OEWS_ORIGIN, system: 'soc-2018', code, title: cell(row, 'OCC_TITLE'),
      kind: figure.kind, statistic: figure.statistic, value: value.value, low: null, high: null, label: null, unit: figure.unit,
      currency: figure.kind === 'salary' ? 'USD' : null, period: release.period, place_id: 'united-states', source_id: release.sourceId,
      as_of: null, note: noteFor(figure, value), position: result.facts.length,
    })
  }
  return result
}

/**
 * One Table 1.2 line item → the occupation's figures (`occupation_facts`) and its education and training
 * requirements (`occupation_attributes`). Pure, so it is tested on rows built in the test.
 */
import { ImportInputError, type InputRow } from '../../import-types.js'
import type { OccupationAttributesTable, OccupationFactsTable } from '../../../../platform/db/types.js'
import { COLUMNS, EDITION, EP_ORIGIN, EP_SOURCE_ID } from './ep-edition.js'
import { cell, NOT_AVAILABLE, readJobs, readNumber, readWage } from './ep-values.js'

const SPAN = `${EDITION.base}/${EDITION.target}`
const SPAN_WORDS = `${EDITION.base}–${String(EDITION.target).slice(2)}`
const IN_THOUSANDS = 'published in thousands, so rounded to the nearest hundred'

function wageNote(wage: { value: number; topCoded: boolean }): string {
  const source = `The OEWS May ${EDITION.wageYear} median as BLS prints it in the projections; excludes the self-employed.`
  const amount = `$${wage.value.toLocaleString('en-US')}`
  return wage.topCoded ? `At least ${amount} a year: BLS top-codes higher wages (printed ">=${amount}"). ${source}` : source
}

type Figure = Pick<OccupationFactsTable, 'kind' | 'statistic' | 'unit' | 'period' | 'note'> & { key: string; value: number }

/** The occupation's figures before they get ids: `—` cells give none. */
function figures(row: InputRow): { figures: Figure[]; missing: number; topCoded: boolean } {
  const candidates: (Figure | null)[] = []
  const jobs = (column: string, figure: Omit<Figure, 'value' | 'unit'>): void => {
    const value = readJobs(row, column)
    candidates.push(value === null ? null : { ...figure, value, unit: 'jobs' })
  }
  jobs(COLUMNS.employmentBase, { key: `employment-${EDITION.base}`, kind: 'employment', statistic: 'count', period: String(EDITION.base), note: `Jobs, including the self-employed (${IN_THOUSANDS}).` })
  jobs(COLUMNS.employmentTarget, { key: `employment-${EDITION.target}`, kind: 'employment', statistic: 'count', period: String(EDITION.target), note: `Projected jobs, including the self-employed (${IN_THOUSANDS}).` })
  const percent = readNumber(row, COLUMNS.changePercent)
  candidates.push(percent === null ? null : { key: 'growth-percent', kind: 'growth', statistic: 'percent-change', unit: 'percent', period: SPAN, note: null, value: percent })
  jobs(COLUMNS.changeCount, { key: 'growth-count', kind: 'growth', statistic: 'count', period: SPAN, note: `Numeric change in employment, ${SPAN_WORDS} (${IN_THOUSANDS}).` })
  jobs(COLUMNS.openings, { key: 'openings-annual', kind: 'openings', statistic: 'count', period: SPAN, note: `Annual average openings over ${SPAN_WORDS}, from growth and from workers leaving (${IN_THOUSANDS}).` })
  const wage = readWage(row, COLUMNS.medianWage)
  candidates.push(wage === null ? null : {
    key: 'annual-median', kind: 'salary', statistic: 'median', unit: 'per-year', period: `${EDITION.wageYear}-05`, value: wage.value, note: wageNote(wage),
  })
  const present = candidates.filter((figure): figure is Figure => figure !== null)
  return { figures: present, missing: candidates.length - present.length, topCoded: wage?.topCoded ?? false }
}

export interface EpOccupation {
  code: string
  facts: OccupationFactsTable[]
  attributes: OccupationAttributesTable[]
  missing: number
  topCoded: boolean
}

const ATTRIBUTES = [
  ['typical-entry-education', COLUMNS.education],
  ['work-experience', COLUMNS.experience],
  ['on-the-job-training', COLUMNS.training],
] as const

/** A line item's rows. The title drops the leading spaces that encode the table's hierarchy. */
export function epOccupation(row: InputRow): EpOccupation {
  const code = cell(row, COLUMNS.code)
  if (!/^\d{2}-\d{4}$/.test(code)) throw new ImportInputError(row.file, `column ${COLUMNS.code}: "${code}" is not a SOC code`, row.line)
  const title = cell(row, COLUMNS.title)
  const { figures: found, missing, topCoded } = figures(row)
  const facts = found.map(({ key, ...figure }, position): OccupationFactsTable => ({
    id: `${EP_SOURCE_ID}/${code}/${key}`, origin: EP_ORIGIN, system: 'soc-2018', code, title, low: null, high: null, label: null,
    currency: figure.kind === 'salary' ? 'USD' : null, place_id: 'united-states', source_id: EP_SOURCE_ID, as_of: null, position, ...figure,
  }))
  const attributes = ATTRIBUTES.flatMap(([key, column]) => {
    const value = cell(row, column)
    return value === '' || value === NOT_AVAILABLE ? [] : [{ origin: EP_ORIGIN, system: 'soc-2018', code, key, value, source_id: EP_SOURCE_ID }]
  })
  return { code, facts, attributes, missing, topCoded }
}

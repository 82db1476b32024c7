/**
 * The matches page's GET form read back from the address: each filter checked against what the
 * analysis accepts (an unknown education level or a negative pay is a problem the page shows, not
 * something to guess at), an empty field meaning no filter, and the page offset.
 */
import type { MatchFilters } from '../../server/modules/analysis/analysis.schema.js'
import type { MatchFilterValues } from './analysis-views.js'
import { queryValue } from './passport-kit.js'

const EDUCATION = ['none', 'high-school', 'some-college', 'postsecondary-award', 'associate', 'bachelor', 'master', 'doctoral'] as const
const ORIGINS = ['catalog', 'onet', 'esco'] as const
const MAX_OFFSET = 100_000

export interface MatchQuery {
  filters: MatchFilters
  values: MatchFilterValues
  offset: number
  problems: string[]
}

const oneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value)

function numberIn(value: string, min: number, max: number): number | undefined {
  const n = Number(value)
  return value.trim() !== '' && Number.isFinite(n) && n >= min && n <= max ? n : undefined
}

export function parseMatchQuery(query: unknown): MatchQuery {
  const read = (name: string) => (queryValue(query, name) ?? '').trim()
  const values: MatchFilterValues = { maxEducation: read('maxEducation'), minPay: read('minPay'), minGrowthPercent: read('minGrowthPercent'), origin: read('origin') }
  const filters: MatchFilters = {}
  const problems: string[] = []
  if (values.maxEducation) {
    if (oneOf(EDUCATION, values.maxEducation)) filters.maxEducation = values.maxEducation
    else problems.push('Choose an education level from the list.')
  }
  if (values.minPay) {
    const pay = numberIn(values.minPay, 0, 10_000_000)
    if (pay === undefined) problems.push('Enter the lowest pay as a number of dollars, 0 or more.')
    else filters.minPay = pay
  }
  if (values.minGrowthPercent) {
    const growth = numberIn(values.minGrowthPercent, -100, 1000)
    if (growth === undefined) problems.push('Enter the lowest job growth as a percentage from -100 to 1000.')
    else filters.minGrowthPercent = growth
  }
  if (values.origin) {
    if (oneOf(ORIGINS, values.origin)) filters.origin = values.origin
    else problems.push('Choose which careers from the list.')
  }
  const offsetText = read('offset')
  const offset = offsetText === '' ? 0 : numberIn(offsetText, 0, MAX_OFFSET)
  if (offset === undefined || !Number.isInteger(offset)) problems.push('The page address is not one this site made; start again from the first page.')
  return { filters, values, offset: offset !== undefined && Number.isInteger(offset) ? offset : 0, problems }
}

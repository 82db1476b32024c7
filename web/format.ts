/**
 * Plain-language wording and number formatting for the pages, pure. The catalog stores codes
 * (`parent-occupation`, `onet-soc`, `range`); learners read sentences, so the mapping lives here.
 */
import type { Fact } from '../shared/schemas.js'

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 })
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 })

/** `$131,450`. */
export const formatUsd = (amount: number): string => usd.format(amount)

/** `4.9`, `22,418`. */
export const formatNumber = (n: number): string => plain.format(n)

const cents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 })
/** `$38.39`, for hourly wages. */
export const formatUsdCents = (amount: number): string => cents.format(amount)

/** `45.8%`; shares below 1% as `<1%` so a tiny share does not read as nothing. */
export const formatPercent = (n: number): string => (n > 0 && n < 1 ? '<1%' : `${formatNumber(n)}%`)

/** Compact axis labels: `$150k`, `$1.2M`, `2.5`. */
export function formatTick(n: number, money: boolean): string {
  if (!money) return formatNumber(n)
  if (n >= 1_000_000) return `$${formatNumber(n / 1_000_000)}M`
  if (n >= 1000) return `$${formatNumber(n / 1000)}k`
  return formatUsd(n)
}

const STATISTICS: Record<string, string> = {
  median: 'Median',
  mean: 'Mean',
  average: 'Average (method not stated)',
  range: 'Range',
  count: 'Count',
  'percent-change': 'Percent change',
  designation: 'Designation',
}
export const statisticWords = (statistic: string): string => STATISTICS[statistic] ?? statistic

const SCOPE_RELATIONS: Record<string, string> = {
  'same-role': 'this role, under the source’s own title',
  'parent-occupation': 'the whole official occupation this role belongs to',
  'broader-group': 'a broader group of occupations',
  'related-occupation': 'a neighbouring occupation',
  specialisation: 'one specialisation only',
}
export const scopeRelationWords = (relation: string): string => SCOPE_RELATIONS[relation] ?? relation

const CODE_SYSTEMS: Record<string, string> = {
  'onet-soc': 'O*NET-SOC',
  'soc-2018': 'SOC 2018',
  'isco-08': 'ISCO-08',
  esco: 'ESCO',
  ooh: 'Occupational Outlook Handbook',
}
export const codeSystemName = (system: string): string => CODE_SYSTEMS[system] ?? system

const GRANULARITY: Record<string, string> = {
  exact: 'Same job: the code describes exactly this career.',
  broader: 'Wider: the code covers this career and other kinds of work too.',
  narrower: 'Narrower: the code covers only part of this career.',
  related: 'Neighbouring: a related occupation, not this career itself.',
}
export const granularityWords = (granularity: string): string => GRANULARITY[granularity] ?? granularity

/**
 * `Software Developers (SOC 2018 15-1252)`; the system is left out when the source gives none, and
 * the code when the label already carries it (imported labels read `Software Developers (SOC 15-1252)`).
 */
export function scopeLabel(scope: Fact['scope']): string {
  if (scope.code && scope.label.includes(scope.code)) return scope.label
  const code = scope.code ? ` (${scope.system ? `${codeSystemName(scope.system)} ` : ''}${scope.code})` : ''
  return `${scope.label}${code}`
}

/** What one figure counts, in words: `+15.8%` is a projected change, `115,200 jobs` are openings a year. */
const FIGURE_MEANINGS: Record<string, string> = {
  'growth|percent-change': 'Projected change in the number of jobs',
  'growth|count': 'Projected change in the number of jobs',
  'openings|count': 'Job openings each year, on average',
  'employment|count': 'Number of jobs',
  'job-postings|count': 'Job postings counted',
}
export const figureMeaning = (fact: Pick<Fact, 'kind' | 'statistic'>): string =>
  FIGURE_MEANINGS[`${fact.kind}|${fact.statistic}`] ?? statisticWords(fact.statistic)

const KINDS: Record<string, string> = {
  growth: 'Projected growth in jobs',
  'job-postings': 'Job postings',
  employment: 'People employed',
  openings: 'Openings each year',
  outlook: 'Outlook designation',
  salary: 'Pay',
}
export const factKindWords = (kind: string): string => KINDS[kind] ?? kind

const ORIGINS: Record<string, string> = {
  catalog: 'Career pathway',
  onet: 'O*NET (US)',
  esco: 'ESCO (EU)',
}
/** How the career lists label where a career comes from: a curated pathway or an imported occupation. */
export const originLabel = (origin: string): string => ORIGINS[origin] ?? origin

/** Careers come from two taxonomies; a code system belongs to one (ISCO-08 groups ESCO, SOC 2018 O*NET). */
const TAXONOMY_OF: Record<string, string> = { esco: 'esco', 'isco-08': 'esco', 'onet-soc': 'onet', 'soc-2018': 'onet' }
export const taxonomyOf = (system: string): string => TAXONOMY_OF[system] ?? system

const TAXONOMIES: Record<string, string> = {
  esco: 'ESCO, the European classification of occupations',
  onet: 'O*NET, the US occupation database',
}
export const taxonomyWords = (taxonomy: string): string => TAXONOMIES[taxonomy] ?? codeSystemName(taxonomy)

const EQUIVALENT_GRANULARITY: Record<string, string> = {
  exact: 'The same occupation.',
  broader: 'A wider occupation: it covers this one and other work too.',
  narrower: 'A narrower occupation: it covers part of this one.',
  related: 'A related occupation, not the same one.',
}
/** How a matching occupation in the other taxonomy relates to this career. */
export const equivalentGranularityWords = (granularity: string): string => EQUIVALENT_GRANULARITY[granularity] ?? granularity

const CROSSWALKS: Record<string, string> = {
  'nesta-crosswalk': 'Matched by Nesta’s ESCO–O*NET crosswalk, occupation by occupation.',
  'isco-soc': 'Matched only at group level, through the ISCO-08 ↔ SOC crosswalk: every occupation in one group is linked with every occupation in the other, so the match is loose.',
  'shared-code': 'Both carry the same occupation code.',
}
export const crosswalkWords = (via: string): string => CROSSWALKS[via] ?? `Matched via ${via}.`

const CREDENTIAL_TYPES: Record<string, string> = {
  'professional-certificate': 'Professional certificate',
  course: 'Course',
  degree: 'Degree',
  'certification-exam': 'Certification exam',
  bootcamp: 'Bootcamp',
}
export const credentialTypeWords = (type: string): string => CREDENTIAL_TYPES[type] ?? type

const CREDENTIAL_ROLES: Record<string, string> = {
  start: 'A place to start',
  next: 'A next step',
  specialise: 'For specialising',
  related: 'Related',
}
export const credentialRoleWords = (role: string): string => CREDENTIAL_ROLES[role] ?? role

/** `beginner` → `Beginner`. */
export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/** A career's title as shown: ESCO writes titles in lower case (`software developer`), pages start them with a capital. */
export const displayTitle = (title: string): string => capitalise(title)

/** `the source states 28 specialized skills and lists 19`, one clause per kind the source counts. */
export function statedCountsSentence(stated: Record<string, number | null>, listed: Record<string, number>): string {
  const clauses = Object.entries(stated)
    .filter((entry): entry is [string, number] => entry[1] !== null)
    .map(([kind, count]) => `states ${formatNumber(count)} ${kind} skill${count === 1 ? '' : 's'} and lists ${formatNumber(listed[kind] ?? 0)}`)
  const total = Object.values(listed).reduce((sum, n) => sum + n, 0)
  if (clauses.length === 0) return `The source lists ${formatNumber(total)} skill${total === 1 ? '' : 's'}.`
  return `The source ${clauses.join('; it ')}.`
}

/** Words for when a figure applies: its period, else its as-of date, else a plain admission. */
export function whenWords(fact: Pick<Fact, 'period' | 'asOf'>): string {
  if (fact.period) return fact.period.label
  if (fact.asOf) return `as of ${fact.asOf}`
  return 'no date given'
}

/** The field path above a career: imported paths often end with the occupation itself, which is not repeated. */
export function fieldsAbove(fieldPath: readonly string[], title: string): string[] {
  const last = fieldPath.at(-1)
  return last !== undefined && last.trim().toLowerCase() === title.trim().toLowerCase() ? fieldPath.slice(0, -1) : [...fieldPath]
}

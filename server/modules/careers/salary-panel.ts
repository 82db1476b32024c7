/**
 * The salary panel, pure: every national salary figure side by side with a plain statement of why it
 * differs from the reference figure — statistic, occupation scope, year, place, currency, method.
 */
import type { Difference, Fact, PayDistribution, SalaryPanel } from '../../../shared/schemas.js'

const STATISTIC_WORDS: Record<string, string> = {
  median: 'a median (half earn more, half less)',
  mean: 'a mean (the arithmetic average)',
  average: 'an "average" whose method the source does not state',
  range: 'a range rather than one typical figure',
}

const PERCENTILES = ['p10', 'p25', 'median', 'p75', 'p90'] as const

const SCOPE_WORDS: Record<string, string> = {
  'same-role': 'this role itself, under the source’s own title',
  'parent-occupation': 'the whole official occupation the role belongs to, which includes other kinds of work',
  'broader-group': 'a broader official group of occupations',
  'related-occupation': 'a neighbouring official occupation',
  specialisation: 'one specialisation track only',
}

const METHOD_WORDS: Record<string, string> = {
  'official-statistics': 'a government survey of employers',
  'salary-survey': 'salaries reported by the site’s own users',
  'learning-platform': 'a learning platform’s estimate, with no published method',
  'career-site': 'a career site’s estimate, with no published method',
  'reference-data': 'a reference database',
}

/** Picks the reference: the fact flagged `reference`, else the newest national official median. */
export function pickReference(facts: readonly Fact[]): Fact | null {
  const flagged = facts.find((f) => f.reference)
  if (flagged) return flagged
  const official = facts
    .filter((f) => f.statistic === 'median' && f.source.kind === 'official-statistics' && f.place.kind === 'country')
    .sort((a, b) => (b.period?.endYear ?? 0) - (a.period?.endYear ?? 0))
  return official[0] ?? facts[0] ?? null
}

/** How `fact` differs from `reference`, one entry per dimension that differs. */
export function differencesFrom(fact: Fact, reference: Fact): Difference[] {
  const out: Difference[] = []
  if (fact.statistic !== reference.statistic) {
    out.push({ dimension: 'statistic', text: `It is ${STATISTIC_WORDS[fact.statistic] ?? fact.statistic}, where the reference is ${STATISTIC_WORDS[reference.statistic] ?? reference.statistic}.` })
  }
  if (fact.scope.relation !== reference.scope.relation || fact.scope.code !== reference.scope.code || fact.scope.label !== reference.scope.label) {
    out.push({ dimension: 'scope', text: `It counts ${fact.scope.label}: ${SCOPE_WORDS[fact.scope.relation] ?? fact.scope.relation}.` })
  }
  const period = fact.period
  const refPeriod = reference.period
  if (period?.value !== refPeriod?.value) {
    out.push({ dimension: 'period', text: periodText(period?.label ?? null, refPeriod?.label ?? null, period?.endYear, refPeriod?.endYear) })
  }
  if (fact.place.id !== reference.place.id) {
    out.push({ dimension: 'place', text: `It is for ${fact.place.name}, not ${reference.place.name}; pay and living costs vary by place.` })
  }
  if (fact.currency !== reference.currency && fact.currency) {
    const usd = fact.usd
    out.push({
      dimension: 'currency',
      text: usd
        ? `It is in ${fact.currency}; at ${usd.rate} ${fact.currency} per US dollar (${usd.ratePeriod} average, ${usd.rateSource.publisher}) that is about $${usd.annualUsd.toLocaleString('en-US')}.`
        : `It is in ${fact.currency}, not ${reference.currency ?? 'the reference currency'}.`,
    })
  }
  if (fact.source.kind !== reference.source.kind) {
    out.push({ dimension: 'method', text: `It comes from ${METHOD_WORDS[fact.source.kind] ?? fact.source.kind}; the reference comes from ${METHOD_WORDS[reference.source.kind] ?? reference.source.kind}.` })
  }
  return out
}

function periodText(label: string | null, refLabel: string | null, year?: number, refYear?: number): string {
  if (label === null) return `The source gives no period; the reference is for ${refLabel ?? 'an unstated period'}.`
  if (refLabel === null || year === undefined || refYear === undefined) return `It is for ${label}.`
  if (year === refYear) return `It is for ${label}, the reference for ${refLabel}.`
  const gap = Math.abs(year - refYear)
  const when = year < refYear ? 'earlier' : 'later'
  return `It is for ${label}, ${gap} year${gap === 1 ? '' : 's'} ${when} than the reference (${refLabel}); pay moves between years.`
}

/**
 * Splits salary facts into national rows (with explanations), city figures, specialisation ranges and
 * official percentile distributions. Rows keep one figure per statistic, value, period and occupation
 * code (a figure quoted by a curated page and imported from its source is shown once, curated first),
 * and leave hourly wages and the p10–p90 percentiles to the distributions.
 */
export function buildSalaryPanel(salaryFacts: readonly Fact[]): SalaryPanel {
  const ranges = salaryFacts.filter((f) => f.subject !== null)
  const cities = salaryFacts.filter((f) => f.subject === null && f.place.kind !== 'country')
  const national = salaryFacts.filter((f) => f.subject === null && f.place.kind === 'country')
  const seen = new Set<string>()
  const headline = national.filter((f) => {
    if (f.unit === 'per-hour' || (f.statistic !== 'median' && (PERCENTILES as readonly string[]).includes(f.statistic))) return false
    const key = `${f.statistic}|${f.value}|${f.period?.value}|${f.scope.code}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  const reference = pickReference(headline)
  const rows = headline.map((fact) => {
    if (reference === null || fact.id === reference.id) {
      return { fact, differences: [], explanation: 'Reference figure: the others are compared with this one.' }
    }
    const differences = differencesFrom(fact, reference)
    const explanation = differences.length === 0
      ? 'Same statistic, occupation, period and place as the reference.'
      : differences.map((d) => d.text).join(' ')
    return { fact, differences, explanation }
  })
  return { reference, rows, cities, ranges, distributions: distributionsOf(national) }
}

/** Percentile sets, one per source, occupation code and period, when at least one p10–p90 figure exists. */
export function distributionsOf(facts: readonly Fact[]): PayDistribution[] {
  const groups = new Map<string, Fact[]>()
  for (const f of facts) {
    if (!(PERCENTILES as readonly string[]).includes(f.statistic) || f.scope.code === null) continue
    const key = `${f.source.id}|${f.scope.code}|${f.period?.value}`
    groups.set(key, [...(groups.get(key) ?? []), f])
  }
  const out: PayDistribution[] = []
  for (const group of groups.values()) {
    if (!group.some((f) => f.statistic !== 'median')) continue
    const first = group[0] as Fact
    const pick = (unit: string) => Object.fromEntries(PERCENTILES.map((p) => [p, group.find((f) => f.unit === unit && f.statistic === p)?.value ?? null])) as PayDistribution['annual']
    const notes = [...new Set(group.map((f) => f.note).filter((n): n is string => n !== null))]
    out.push({ scope: first.scope, source: first.source, period: first.period, currency: first.currency ?? 'USD', annual: pick('per-year'), hourly: pick('per-hour'), note: notes.length > 0 ? notes.join(' ') : null })
  }
  return out
}

/**
 * The three charts of a career page as data, pure: salary figures by source, salary by city and
 * skills by score. Money is compared in annual US dollars; local amounts stay in the labels.
 */
import type { CareerProfile, Fact, SalaryPanel } from '../../shared/schemas.js'
import { formatNumber, formatUsd, statisticWords } from '../format.js'
import type { BarDatum } from './bar-chart.js'

export interface ChartSpec {
  title: string
  description: string
  bars: BarDatum[]
  /** Figures that could not be drawn (no currency or no exchange rate), named in the caption. */
  omitted: Fact[]
}

// BLS annualises hourly wages at 2,080 hours; the server does the same (figures.ts).
const HOURS_PER_YEAR = 2080
const annual = (amount: number, unit: string) => (unit === 'per-hour' ? amount * HOURS_PER_YEAR : amount)
const round100 = (n: number) => Math.round(n / 100) * 100

/** The figure as an annual US-dollar span (low = high for a single figure); null when unconvertible. */
export function annualUsdSpan(fact: Fact): { low: number; high: number } | null {
  if (!fact.currency) return null
  const convert = (n: number): number | null => {
    if (fact.currency === 'USD') return annual(n, fact.unit)
    return fact.usd ? round100(annual(n, fact.unit) / fact.usd.rate) : null
  }
  if (fact.statistic === 'range' && fact.low !== null && fact.high !== null) {
    const low = convert(fact.low)
    const high = convert(fact.high)
    return low === null || high === null ? null : { low, high }
  }
  if (fact.value === null) return null
  const value = fact.currency === 'USD' ? annual(fact.value, fact.unit) : (fact.usd?.annualUsd ?? null)
  return value === null ? null : { low: value, high: value }
}

const spanText = (span: { low: number; high: number }, approximate: boolean) =>
  `${approximate ? '~' : ''}${span.low === span.high ? formatUsd(span.high) : `${formatUsd(span.low)}–${formatUsd(span.high)}`}`

function rangeWords(bars: readonly { span: { low: number; high: number } }[]): string {
  const lows = bars.map((b) => b.span.low)
  const highs = bars.map((b) => b.span.high)
  return `from ${formatUsd(Math.min(...lows))} to ${formatUsd(Math.max(...highs))}`
}

/** National salary figures side by side; ranges are drawn low to high, the reference is marked. */
export function salarySourcesChart(panel: SalaryPanel): ChartSpec {
  const drawn = panel.rows.map(({ fact }) => ({ fact, span: annualUsdSpan(fact) }))
  const bars = drawn.flatMap(({ fact, span }) => (span === null ? [] : [{ fact, span }]))
  return {
    title: 'Salary figures from each source, in US dollars a year',
    description: bars.length === 0
      ? 'No salary figure can be drawn.'
      : `${bars.length} figure${bars.length === 1 ? '' : 's'} ${rangeWords(bars)}. Each bar names its source, statistic and period; the table after the chart gives every detail.`,
    bars: bars.map(({ fact, span }) => {
      const isReference = panel.reference?.id === fact.id
      return {
        label: `${fact.source.publisher}: ${statisticWords(fact.statistic).toLowerCase()} for ${fact.scope.label}, ${fact.period?.label ?? 'no date given'}${isReference ? ' (reference)' : ''}`,
        start: span.low === span.high ? 0 : span.low,
        end: span.high,
        valueText: spanText(span, fact.approximate),
        tone: isReference ? 'reference' : span.low === span.high ? 'primary' : 'range',
      }
    }),
    omitted: drawn.filter((d) => d.span === null).map((d) => d.fact),
  }
}

/** City figures in US dollars; the label keeps the amount in the local currency. */
export function citySalaryChart(cities: readonly Fact[]): ChartSpec {
  const drawn = cities.map((fact) => ({ fact, span: annualUsdSpan(fact) }))
  const bars = drawn.flatMap(({ fact, span }) => (span === null ? [] : [{ fact, span }]))
  return {
    title: 'Salary by city, converted to US dollars a year',
    description: bars.length === 0
      ? 'No city figure can be drawn.'
      : `${bars.length} cities ${rangeWords(bars)} after conversion. Labels give each amount in its own currency; the table after the chart gives the exchange rates.`,
    bars: bars.map(({ fact, span }) => ({
      label: fact.currency === 'USD' ? fact.place.name : `${fact.place.name}: ${fact.display}`,
      start: span.low === span.high ? 0 : span.low,
      end: span.high,
      valueText: `${fact.currency === 'USD' ? '' : '≈ '}${spanText(span, false)}`,
      tone: span.low === span.high ? 'primary' : 'range',
    })),
    omitted: drawn.filter((d) => d.span === null).map((d) => d.fact),
  }
}

type SkillSet = CareerProfile['skills']['sets'][number]

/** One source's scored skills, highest first; null when the source gives no scores. */
export function skillScoreChart(set: SkillSet): (ChartSpec & { domainMax: number }) | null {
  const scored = set.skills.flatMap((s) => (s.score === null ? [] : [{ name: s.name, score: s.score }]))
  if (scored.length === 0) return null
  scored.sort((a, b) => b.score - a.score)
  const domainMax = set.scaleMax ?? Math.max(...scored.map((s) => s.score))
  const top = scored[0]
  return {
    title: `Skill scores from ${set.source.publisher}, out of ${formatNumber(domainMax)}`,
    description: `${scored.length} scored skills${top ? `; the highest is ${top.name} at ${top.score.toFixed(1)}` : ''}. The table after the chart lists every skill with its score.`,
    bars: scored.map((s) => ({ label: s.name, start: 0, end: s.score, valueText: s.score.toFixed(1) })),
    omitted: [],
    domainMax,
  }
}

/** O*NET's rated skills and knowledge by importance (1–5), the most important `limit` of them. */
export function ratedSkillChart(rated: readonly { name: string; kind: string; importance: number | null }[], limit: number): ChartSpec & { domainMax: number } {
  const top = rated
    .flatMap((s) => (s.importance === null ? [] : [{ ...s, importance: s.importance }]))
    .sort((a, b) => b.importance - a.importance)
    .slice(0, limit)
  const first = top[0]
  return {
    title: `The ${top.length} most important skills and knowledge areas, importance out of 5`,
    description: first
      ? `${top.length} bars, from ${first.name} at ${first.importance.toFixed(1)} to ${top.at(-1)!.name} at ${top.at(-1)!.importance.toFixed(1)}. The tables after the chart list every rated skill and knowledge area.`
      : 'No rated skills.',
    bars: top.map((s) => ({
      label: s.kind === 'knowledge' ? `${s.name} (knowledge)` : s.name,
      start: 0,
      end: s.importance,
      valueText: s.importance.toFixed(1),
      tone: s.kind === 'knowledge' ? 'range' : 'primary',
    })),
    omitted: [],
    domainMax: 5,
  }
}

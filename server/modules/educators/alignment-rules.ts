/**
 * The rules behind the high-wage, high-skill and in-demand flags (pure, no I/O):
 *
 * - high-wage: the occupation's national annual median wage is at or above the configured percentile
 *   of all occupations' national annual medians (the percentile interpolated between neighbouring
 *   medians, as a spreadsheet's PERCENTILE.INC does). Default: the 50th percentile.
 * - in-demand: projected employment change over the projection decade at or above `growthPercent`,
 *   OR at least `annualOpenings` openings a year (with `inDemandRule: 'both'`, AND). Default growth: the all-occupations projected change
 *   (employment-weighted over the imported projection's occupations; 3.1 %, BLS's published 2024–34
 *   figure, when no projections are imported); default openings: 10,000 a year nationally.
 * - high-skill: the typical entry education (BLS categories, ordered from no formal credential to a
 *   doctoral or professional degree) is at or above the configured level. Default: a postsecondary
 *   nondegree award.
 *
 * A flag is null, with the reason, when the figure it needs is not published for the occupation (or
 * in-demand, when one figure is missing and the other does not meet its threshold).
 */
import { EDUCATION_LADDER, EDUCATION_LEVELS, type EducationLevel } from '../analysis/career-outlook.js'
import type { AlignmentData, OccupationFigures, SourceRef } from './alignment-data.js'

export { EDUCATION_LEVELS, type EducationLevel }

export type DemandRule = 'either' | 'both'
export const DEMAND_RULES: readonly DemandRule[] = ['either', 'both']

export interface Thresholds {
  wagePercentile: number
  growthPercent: number
  annualOpenings: number
  educationLevel: EducationLevel
  /** In-demand on growth OR openings ('either', the default), or only when both meet their thresholds. */
  inDemandRule: DemandRule
}

/** BLS's published all-occupations projected change, 2024–34, when no projections are imported. */
export const STATED_ALL_GROWTH = 3.1
export const DEFAULT_OPENINGS = 10_000
export const DEFAULT_WAGE_PERCENTILE = 50
export const DEFAULT_EDUCATION: EducationLevel = 'postsecondary-award'

export function defaultThresholds(data: Pick<AlignmentData, 'allGrowth'>): Thresholds {
  return {
    wagePercentile: DEFAULT_WAGE_PERCENTILE,
    growthPercent: data.allGrowth?.value ?? STATED_ALL_GROWTH,
    annualOpenings: DEFAULT_OPENINGS,
    educationLevel: DEFAULT_EDUCATION,
    inDemandRule: 'either',
  }
}

/** How each default was chosen, for the API and the page. */
export function defaultsExplained(data: Pick<AlignmentData, 'allGrowth'>): string[] {
  return [
    `High-wage: median at or above the ${ordinal(DEFAULT_WAGE_PERCENTILE)} percentile of all occupations' national medians.`,
    data.allGrowth
      ? `In-demand growth: the all-occupations projected change, ${formatPercent(data.allGrowth.value)} over ${periodWords(data.allGrowth.source.period)} (employment-weighted over the imported projections).`
      : `In-demand growth: ${formatPercent(STATED_ALL_GROWTH)}, BLS's published all-occupations change for 2024–34 (no projections are imported).`,
    `In-demand openings: at least ${DEFAULT_OPENINGS.toLocaleString('en-US')} openings a year nationally (about the top third of occupations); either figure meeting its threshold is enough.`,
    `High-skill: typical entry education at or above "${educationLabel(DEFAULT_EDUCATION)}".`,
  ]
}

export const educationLabel = (level: EducationLevel): string => EDUCATION_LADDER[EDUCATION_LEVELS.indexOf(level)]!

/** The `p`-th percentile (0–100) of ascending values, interpolated (PERCENTILE.INC); null when empty. */
export function percentileValue(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null
  const position = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1)
  const low = Math.floor(position)
  const high = Math.min(sorted.length - 1, low + 1)
  const value = sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low)
  return Math.round(value * 100) / 100
}

/**
 * Where a value ranks among ascending values: the share of the other values below it, in percent
 * (one decimal) — so a value ranking at P is at or above the P-th percentile value.
 */
export function percentileRank(sorted: readonly number[], value: number): number | null {
  if (sorted.length === 0) return null
  if (sorted.length === 1) return 100
  let below = 0
  while (below < sorted.length && sorted[below]! < value) below++
  return Math.round(Math.min(100, (below / (sorted.length - 1)) * 100) * 10) / 10
}

export interface Evidence {
  /** What was compared: `median annual wage`, `projected employment change`, … */
  measure: string
  figure: number | string | null
  unit: string
  source: SourceRef | null
  threshold: number | string
  /** The comparison in words, e.g. "$133,080 is at or above $90,930 (the 25th percentile …)". */
  comparison: string
  met: boolean | null
}

export interface Flag {
  value: boolean | null
  /** Why the value is null (a figure not published); null otherwise. */
  reason: string | null
  evidence: Evidence[]
}

export interface Flags {
  highWage: Flag
  highSkill: Flag
  inDemand: Flag
}

const usd = (n: number): string => `$${Math.round(n).toLocaleString('en-US')}`
export const formatPercent = (n: number): string => `${n.toLocaleString('en-US', { maximumFractionDigits: 1 })} %`
export function ordinal(n: number): string {
  const whole = Math.round(n * 10) / 10
  if (!Number.isInteger(whole)) return `${whole}th`
  const tens = whole % 100
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[whole % 10] ?? 'th'
  return `${whole}${suffix}`
}
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
/** `2024-05` → "May 2024", `2024/2034` → "2024–2034". */
export function periodWords(period: string | null): string {
  if (!period) return 'the published period'
  const month = /^(\d{4})-(\d{2})$/.exec(period)
  if (month) return `${MONTHS[Number(month[2]) - 1] ?? month[2]} ${month[1]}`
  const span = /^(\d{4})\/(\d{4})$/.exec(period)
  return span ? `${span[1]}–${span[2]}` : period
}

export function highWage(o: OccupationFigures, medians: readonly number[], t: Thresholds): Flag {
  const threshold = percentileValue(medians, t.wagePercentile)
  const base = { measure: 'national median annual wage', unit: 'USD a year' }
  if (!o.medianWage) {
    const reason = 'BLS publishes no national median annual wage for this occupation.'
    return { value: null, reason, evidence: [{ ...base, figure: null, source: null, threshold: threshold ?? t.wagePercentile, comparison: reason, met: null }] }
  }
  if (threshold === null) {
    const reason = 'No occupation wages are imported to compare with.'
    return { value: null, reason, evidence: [{ ...base, figure: o.medianWage.value, source: o.medianWage.source, threshold: t.wagePercentile, comparison: reason, met: null }] }
  }
  const met = o.medianWage.value >= threshold
  const atLeast = o.medianWage.topCoded ? 'at least ' : ''
  const rank = percentileRank(medians, o.medianWage.value)
  const comparison = `Median ${atLeast}${usd(o.medianWage.value)} (${periodWords(o.medianWage.source.period)}) is ${met ? 'at or above' : 'below'} ${usd(threshold)}, the ${ordinal(t.wagePercentile)} percentile of ${medians.length.toLocaleString('en-US')} occupations' national medians; it ranks at the ${ordinal(rank ?? 0)} percentile.`
  return { value: met, reason: null, evidence: [{ ...base, figure: o.medianWage.value, source: o.medianWage.source, threshold, comparison, met }] }
}

export function highSkill(o: OccupationFigures, t: Thresholds): Flag {
  const wanted = educationLabel(t.educationLevel)
  const base = { measure: 'typical education needed for entry', unit: 'BLS education category', threshold: wanted }
  if (!o.education) {
    const reason = 'BLS publishes no typical entry education for this occupation.'
    return { value: null, reason, evidence: [{ ...base, figure: null, source: null, comparison: reason, met: null }] }
  }
  const met = o.education.rank >= EDUCATION_LEVELS.indexOf(t.educationLevel)
  const comparison = `"${o.education.label}" is ${met ? 'at or above' : 'below'} "${wanted}" on the BLS education ladder.`
  return { value: met, reason: null, evidence: [{ ...base, figure: o.education.label, source: o.education.source, comparison, met }] }
}

export function inDemand(o: OccupationFigures, t: Thresholds): Flag {
  const growth: Evidence = o.growthPercent
    ? {
        measure: 'projected employment change', figure: o.growthPercent.value, unit: 'percent', source: o.growthPercent.source, threshold: t.growthPercent,
        met: o.growthPercent.value >= t.growthPercent,
        comparison: `Employment change ${formatPercent(o.growthPercent.value)} over ${periodWords(o.growthPercent.source.period)} is ${o.growthPercent.value >= t.growthPercent ? 'at or above' : 'below'} ${formatPercent(t.growthPercent)}.`,
      }
    : { measure: 'projected employment change', figure: null, unit: 'percent', source: null, threshold: t.growthPercent, met: null, comparison: 'BLS publishes no projected employment change for this occupation.' }
  const openings: Evidence = o.openings
    ? {
        measure: 'annual openings', figure: o.openings.value, unit: 'openings a year', source: o.openings.source, threshold: t.annualOpenings,
        met: o.openings.value >= t.annualOpenings,
        comparison: `${Math.round(o.openings.value).toLocaleString('en-US')} openings a year (average over ${periodWords(o.openings.source.period)}) is ${o.openings.value >= t.annualOpenings ? 'at or above' : 'below'} ${t.annualOpenings.toLocaleString('en-US')}.`,
      }
    : { measure: 'annual openings', figure: null, unit: 'openings a year', source: null, threshold: t.annualOpenings, met: null, comparison: 'BLS publishes no annual openings for this occupation.' }
  const evidence = [growth, openings]
  if (growth.met === null && openings.met === null) return { value: null, reason: 'BLS publishes no projections for this occupation.', evidence }
  const missing = growth.met === null ? 'The projected change' : 'The number of annual openings'
  if (t.inDemandRule === 'both') {
    if (growth.met === false || openings.met === false) return { value: false, reason: null, evidence }
    if (growth.met === true && openings.met === true) return { value: true, reason: null, evidence }
    return { value: null, reason: `${missing} is not published and this school needs both figures to meet their thresholds, so in-demand cannot be decided.`, evidence }
  }
  if (growth.met === true || openings.met === true) return { value: true, reason: null, evidence }
  if (growth.met === false && openings.met === false) return { value: false, reason: null, evidence }
  return { value: null, reason: `${missing} is not published and the other figure is below its threshold, so in-demand cannot be decided.`, evidence }
}

/** A flag's evidence in words: each comparison made, then why it is unknown (without repeating it). */
export function flagWords(flag: Flag): string {
  const made = flag.evidence.filter((e) => e.figure !== null).map((e) => e.comparison)
  const missing = flag.evidence.filter((e) => e.figure === null).map((e) => e.comparison)
  const parts = flag.reason ? [...made, flag.reason] : [...made, ...missing]
  return parts.filter((part, i) => parts.indexOf(part) === i).join(' ')
}

export function flagsOf(o: OccupationFigures, medians: readonly number[], t: Thresholds): Flags {
  return { highWage: highWage(o, medians, t), highSkill: highSkill(o, t), inDemand: inDemand(o, t) }
}

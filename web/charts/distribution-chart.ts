/**
 * Layout of one wage distribution, pure: the 10th–90th percentile as a bar, the middle half (25th–75th)
 * darker, the median as a tick, on a scale from 0 shared by every distribution on the page so they can
 * be compared. Values BLS top-codes are marked "at least" (≥). The viewBox is phone-sized like the bar
 * charts (360 units), so text stays legible at 100% of a 360 px screen.
 */
import type { PayDistribution } from '../../shared/schemas.js'
import { formatTick, formatUsd } from '../format.js'
import { niceStep, type Tick } from './bar-chart.js'

export type PercentileKey = 'p10' | 'p25' | 'median' | 'p75' | 'p90'
export type Percentiles = PayDistribution['annual']

export const PERCENTILE_KEYS: readonly PercentileKey[] = ['p10', 'p25', 'median', 'p75', 'p90']

export const PERCENTILE_WORDS: Record<PercentileKey, string> = {
  p10: '10th percentile',
  p25: '25th percentile',
  median: 'Median (50th percentile)',
  p75: '75th percentile',
  p90: '90th percentile',
}

export const DIST = {
  width: 360,
  pad: 4,
  /** Labels match the bar charts' 14 px, so they stay legible when a phone scales the SVG down. */
  fontSize: 14,
  axisFontSize: 12,
  /** A generous average glyph width of 14 px system sans-serif digits and `$,`: keeps labels apart. */
  charWidth: 8.6,
  barY: 24,
  barHeight: 18,
  labelGap: 17,
  lineHeight: 17,
  axisGap: 6,
} as const

export interface Label { x: number; y: number; text: string; anchor: 'start' | 'middle' | 'end' }
export interface Box { x: number; y: number; width: number; height: number }

export interface DistributionLayout {
  width: number
  height: number
  outer: Box | null
  inner: Box | null
  median: { x: number; y1: number; y2: number } | null
  labels: Label[]
  ticks: Tick[]
  /** Top and bottom of the band the grid lines cross. */
  grid: { y1: number; y2: number }
  axisY: number
}

/**
 * Percentiles BLS top-coded: printed "#" in the source and stored as the top-code with an "at least"
 * note. The API gives the note for the whole set, so the highest value(s) carry it.
 */
export function topCodedKeys(values: Percentiles, note: string | null): Set<PercentileKey> {
  if (note === null || !/top-cod/i.test(note)) return new Set()
  const present = PERCENTILE_KEYS.filter((k) => values[k] !== null)
  const max = Math.max(...present.map((k) => values[k] as number))
  return new Set(present.filter((k) => values[k] === max))
}

/** `$211,450`, or `≥ $239,200` for a top-coded value. */
export const percentileText = (value: number, atLeast: boolean, format: (n: number) => string = formatUsd): string =>
  `${atLeast ? '≥ ' : ''}${format(value)}`

/** A round scale end above the highest value of every distribution drawn together. */
export function sharedDomainMax(sets: readonly Percentiles[]): number {
  const max = Math.max(0, ...sets.flatMap((s) => PERCENTILE_KEYS.map((k) => s[k] ?? 0)))
  const step = niceStep(max, TICK_TARGET)
  return Math.max(step, Math.ceil(max / step) * step)
}

/** About five intervals: $0, $50k … $250k. */
const TICK_TARGET = 5

const textWidth = (text: string) => text.length * DIST.charWidth

/** Keeps a label inside the viewBox. */
function clampLabel(label: Label): Label {
  const w = textWidth(label.text)
  const left = label.anchor === 'start' ? label.x : label.anchor === 'middle' ? label.x - w / 2 : label.x - w
  const shift = Math.max(0, DIST.pad - left) - Math.max(0, left + w - (DIST.width - DIST.pad))
  return { ...label, x: label.x + shift }
}

export function layoutDistribution(values: Percentiles, options: { domainMax: number; atLeast?: ReadonlySet<PercentileKey> }): DistributionLayout {
  const { width, pad, barY, barHeight, labelGap, lineHeight, axisGap, axisFontSize } = DIST
  const atLeast = options.atLeast ?? new Set<PercentileKey>()
  const domainMax = options.domainMax > 0 ? options.domainMax : 1
  const x = (v: number) => pad + (Math.max(0, Math.min(v, domainMax)) / domainMax) * (width - 2 * pad)
  const present = PERCENTILE_KEYS.filter((k) => values[k] !== null)
  const low = present[0]
  const high = present.at(-1)
  const box = (from: PercentileKey, to: PercentileKey): Box | null => {
    const a = values[from]
    const b = values[to]
    return a === null || b === null ? null : { x: x(a), y: barY, width: Math.max(1, x(b) - x(a)), height: barHeight }
  }
  const outer = low && high && low !== high ? box(low, high) : null
  const inner = box('p25', 'p75')
  const median = values.median === null ? null : { x: x(values.median), y1: barY - 4, y2: barY + barHeight + 4 }

  const labels: Label[] = []
  if (values.median !== null) {
    labels.push(clampLabel({ x: x(values.median), y: barY - 8, text: `Median ${percentileText(values.median, atLeast.has('median'))}`, anchor: 'middle' }))
  }
  // The ends of the bar are labelled beneath it; when they would overlap, the high end drops a line.
  let belowLines = 0
  const underY = barY + barHeight + labelGap
  if (outer && low && high) {
    const lowText = percentileText(values[low] as number, atLeast.has(low))
    const highText = percentileText(values[high] as number, atLeast.has(high))
    const lowLabel = clampLabel({ x: outer.x, y: underY, text: lowText, anchor: 'start' })
    const highLabel = clampLabel({ x: outer.x + outer.width, y: underY, text: highText, anchor: 'end' })
    const overlap = lowLabel.x + textWidth(lowText) + 8 > highLabel.x - textWidth(highText)
    labels.push(lowLabel, overlap ? { ...highLabel, y: underY + lineHeight } : highLabel)
    belowLines = overlap ? 2 : 1
  }
  const lastText = underY + (belowLines - 1) * lineHeight
  const axisY = (belowLines > 0 ? lastText : barY + barHeight) + axisGap + axisFontSize + 2
  const step = niceStep(domainMax, TICK_TARGET)
  const ticks: Tick[] = []
  for (let v = 0; v <= domainMax + step / 1000; v += step) ticks.push({ x: x(v), label: formatTick(v, true), anchor: 'middle' })
  if (ticks[0]) ticks[0].anchor = 'start'
  if (ticks.length > 1) ticks[ticks.length - 1]!.anchor = 'end'
  return { width, height: axisY + 4, outer, inner, median, labels, ticks, grid: { y1: barY - 2, y2: barY + barHeight + 2 }, axisY }
}

/** One sentence a screen reader hears for the chart; the table after it has every figure. */
export function distributionSummary(values: Percentiles, atLeast: ReadonlySet<PercentileKey>): string {
  const parts = PERCENTILE_KEYS.flatMap((k) => {
    const v = values[k]
    return v === null ? [] : [`${PERCENTILE_WORDS[k].replace(' (50th percentile)', '').toLowerCase()} ${atLeast.has(k) ? 'at least ' : ''}${formatUsd(v)}`]
  })
  return parts.length === 0 ? 'No percentiles published.' : `Annual pay: ${parts.join(', ')}.`
}

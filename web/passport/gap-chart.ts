/**
 * The gap chart's layout, pure: one row per required skill, the level the learner has drawn as a bar
 * on the 0–5 scale and the level the career asks for as a marker across it. The skill's weight is
 * written in its label, so the heaviest rows (drawn first) are read first. Labels go on their own
 * line above each bar, as on the career charts, because a phone is narrow.
 */
import { wrapText } from '../charts/bar-chart.js'

export interface GapRow {
  skill: string
  name: string
  /** Importance for the career, 0–1. */
  weight: number
  have: number
  required: number
}

export interface GapChartRow {
  skill: string
  lines: { x: number; y: number; text: string }[]
  track: { x: number; y: number; width: number; height: number }
  have: { x: number; y: number; width: number; height: number }
  /** The required level: a vertical mark across the bar. */
  marker: { x: number; y1: number; y2: number }
  value: { x: number; y: number; text: string }
  met: boolean
}

export interface GapChartLayout {
  width: number
  height: number
  rows: GapChartRow[]
  ticks: { x: number; label: string; anchor: 'start' | 'middle' | 'end' }[]
  axisY: number
}

export const GAP_CHART = {
  width: 360,
  pad: 4,
  fontSize: 14,
  lineHeight: 17,
  barHeight: 14,
  rowGap: 14,
  charWidth: 7.6,
  /** Room right of the track for "2 of 3". */
  valueWidth: 50,
  axisHeight: 22,
  maxLevel: 5,
} as const

/** Weight as people read it: a percentage of full importance. */
export const weightWords = (weight: number): string => `weight ${Math.round(weight * 100)}%`

/** Heaviest first; equal weights by the larger shortfall, then by name. */
export function orderGapRows(rows: readonly GapRow[]): GapRow[] {
  const short = (r: GapRow) => Math.max(0, r.required - r.have)
  return [...rows].sort((a, b) => b.weight - a.weight || short(b) - short(a) || a.name.localeCompare(b.name))
}

export function layoutGapChart(rows: readonly GapRow[]): GapChartLayout {
  const { width, pad, fontSize, lineHeight, barHeight, rowGap, charWidth, valueWidth, axisHeight, maxLevel } = GAP_CHART
  const trackX = pad
  const trackWidth = width - pad - valueWidth - trackX
  const x = (level: number) => trackX + (Math.max(0, Math.min(maxLevel, level)) / maxLevel) * trackWidth
  const maxChars = Math.floor((width - 2 * pad) / charWidth)
  let cursor = pad
  const laid = rows.map((row): GapChartRow => {
    const lines = wrapText(`${row.name} (${weightWords(row.weight)})`, maxChars).map((text) => {
      cursor += lineHeight
      return { x: pad, y: cursor - (lineHeight - fontSize), text }
    })
    const y = cursor + 3
    cursor = y + barHeight + rowGap
    return {
      skill: row.skill,
      lines,
      track: { x: trackX, y, width: trackWidth, height: barHeight },
      have: { x: trackX, y, width: x(row.have) - trackX, height: barHeight },
      marker: { x: x(row.required), y1: y - 4, y2: y + barHeight + 4 },
      value: { x: trackX + trackWidth + 6, y: y + barHeight - 2, text: `${row.have} of ${row.required}` },
      met: row.have >= row.required,
    }
  })
  const axisTop = cursor - rowGap / 2
  const ticks = Array.from({ length: maxLevel + 1 }, (_, level) => ({
    x: x(level),
    label: String(level),
    anchor: level === 0 ? ('start' as const) : level === maxLevel ? ('end' as const) : ('middle' as const),
  }))
  return { width, height: axisTop + axisHeight, rows: laid, ticks, axisY: axisTop + fontSize }
}

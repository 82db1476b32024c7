/**
 * Horizontal bar chart layout, pure: data in, coordinates out (no React, no DOM), so the geometry is
 * unit-tested directly. Labels sit on their own line above each bar because category names here are
 * long ("SchoolDay Academy (powered by Coursera Career Academy)") and a phone is narrow; the viewBox
 * is phone-sized so text stays legible when the SVG scales down to 100% of a 360 px screen.
 */
import { formatTick } from '../format.js'

export interface BarDatum {
  label: string
  /** Where the bar starts: 0 for a single figure, the low end for a range. */
  start: number
  end: number
  /** Printed after the bar, e.g. `$131,450` or `$70,000–$120,000`. */
  valueText: string
  tone?: BarTone
}

export type BarTone = 'primary' | 'range' | 'reference'

export interface BarChartOptions {
  /** Axis labels as money (`$150k`) rather than plain numbers. */
  money?: boolean
  /** Fixes the right end of the scale, e.g. 5 for scores out of 5. */
  domainMax?: number
}

export interface TextLine { x: number; y: number; text: string }
export interface BarRow { lines: TextLine[]; bar: { x: number; y: number; width: number; height: number }; value: TextLine; tone: BarTone }
export interface Tick { x: number; label: string; anchor: 'start' | 'middle' | 'end' }

export interface BarLayout {
  width: number
  height: number
  rows: BarRow[]
  ticks: Tick[]
  /** Bottom of the last bar band; the axis labels sit below it. */
  plotBottom: number
  axisY: number
}

export const CHART = {
  width: 360,
  pad: 4,
  fontSize: 14,
  lineHeight: 17,
  barHeight: 14,
  rowGap: 12,
  /** A generous average glyph width of a system sans-serif at 14 px; used to wrap and to reserve room. */
  charWidth: 7.6,
  axisHeight: 24,
} as const

/** Greedy word wrap; a word longer than a line is cut so nothing runs off the chart. */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const pieces = word.length > maxChars ? (word.match(new RegExp(`.{1,${maxChars}}`, 'g')) ?? [word]) : [word]
    for (const piece of pieces) {
      const joined = line ? `${line} ${piece}` : piece
      if (joined.length <= maxChars) line = joined
      else {
        if (line) lines.push(line)
        line = piece
      }
    }
  }
  if (line) lines.push(line)
  return lines.length > 0 ? lines : ['']
}

/** A round step (1, 2, 2.5 or 5 × 10ⁿ) giving about `target` intervals up to `max`. */
export function niceStep(max: number, target = 4): number {
  if (max <= 0) return 1
  const raw = max / target
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const norm = raw / magnitude
  const factor = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10
  return factor * magnitude
}

/** Labels that wrap into at most two lines of this many characters sit in a column left of the bars. */
export const SIDE_LABEL_CHARS = 20
const MIN_SIDE_PLOT = 0.4

/** Lays out every bar on one linear scale from 0, so bar lengths are proportional to the values. */
export function layoutBars(bars: readonly BarDatum[], options: BarChartOptions = {}): BarLayout {
  const { width, pad, charWidth, axisHeight, fontSize, rowGap } = CHART
  const longestValue = Math.max(0, ...bars.map((b) => b.valueText.length))
  const reserve = Math.min(150, longestValue * charWidth + 10)
  const sideLabels = bars.map((b) => wrapText(b.label, SIDE_LABEL_CHARS))
  const labelColumn = Math.max(0, ...sideLabels.flat().map((line) => line.length)) * charWidth + 8
  // Beside the bars only when that leaves the bars enough room to show differences.
  const side = sideLabels.every((lines) => lines.length <= 2) && width - pad - labelColumn - reserve >= MIN_SIDE_PLOT * width
  const plotX = side ? pad + labelColumn : pad
  const plotWidth = width - plotX - reserve
  const { domainMax, step } = scale(bars, options)
  const x = (v: number) => plotX + (Math.max(0, Math.min(v, domainMax)) / domainMax) * plotWidth
  const rows = side ? sideRows(bars, sideLabels, x) : stackedRows(bars, x, Math.floor((width - 2 * pad) / charWidth))
  const plotBottom = (rows.at(-1)?.bar.y ?? pad) + CHART.barHeight + rowGap / 2
  const ticks = tickValues(domainMax, step).map(
    (v, i, all): Tick => ({ x: x(v), label: formatTick(v, options.money ?? false), anchor: i === 0 ? 'start' : i === all.length - 1 ? 'end' : 'middle' }),
  )
  return { width, height: plotBottom + axisHeight, rows, ticks, plotBottom, axisY: plotBottom + fontSize + 4 }
}

/** The scale's right end and tick step: the fixed maximum if given, else a round number above the data. */
function scale(bars: readonly BarDatum[], options: BarChartOptions): { domainMax: number; step: number } {
  if (options.domainMax !== undefined && options.domainMax > 0) return { domainMax: options.domainMax, step: niceStep(options.domainMax, 5) }
  const dataMax = Math.max(0, ...bars.map((b) => b.end))
  const step = niceStep(dataMax)
  return { domainMax: Math.max(step, Math.ceil(dataMax / step) * step), step }
}

function barRow(bar: BarDatum, x: (v: number) => number, lines: TextLine[], barY: number): BarRow {
  const x0 = x(bar.start)
  const x1 = x(bar.end)
  return {
    lines,
    bar: { x: x0, y: barY, width: Math.max(0, x1 - x0), height: CHART.barHeight },
    value: { x: x1 + 6, y: barY + CHART.barHeight - 3, text: bar.valueText },
    tone: bar.tone ?? 'primary',
  }
}

/** Label (one or two lines) in a column, its bar beside it, centred on the label. */
function sideRows(bars: readonly BarDatum[], labels: readonly string[][], x: (v: number) => number): BarRow[] {
  const { pad, fontSize, lineHeight, barHeight, rowGap } = CHART
  let cursor = pad
  return bars.map((bar, i) => {
    const texts = labels[i] ?? [bar.label]
    const height = Math.max(barHeight, texts.length * lineHeight)
    const textTop = cursor + (height - texts.length * lineHeight) / 2
    const lines = texts.map((text, j) => ({ x: pad, y: textTop + j * lineHeight + fontSize - 1, text }))
    const row = barRow(bar, x, lines, cursor + (height - barHeight) / 2)
    cursor += height + rowGap
    return row
  })
}

/** Label wrapped on its own lines, bar underneath. */
function stackedRows(bars: readonly BarDatum[], x: (v: number) => number, maxChars: number): BarRow[] {
  const { pad, fontSize, lineHeight, barHeight, rowGap } = CHART
  let cursor = pad
  return bars.map((bar) => {
    const lines = wrapText(bar.label, maxChars).map((text) => {
      cursor += lineHeight
      return { x: pad, y: cursor - (lineHeight - fontSize), text }
    })
    const barY = cursor + 3
    cursor = barY + barHeight + rowGap
    return barRow(bar, x, lines, barY)
  })
}

function tickValues(domainMax: number, step: number): number[] {
  const values: number[] = []
  for (let v = 0; v <= domainMax + step / 1000; v += step) values.push(Math.round(v * 1000) / 1000)
  return values
}

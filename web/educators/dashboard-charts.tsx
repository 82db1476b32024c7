/**
 * The cohort dashboard's charts as inline SVG: columns for a distribution (learners per band) and a
 * line for a weekly series. Each SVG is `role="img"` named by its <title> and summarised by its
 * <desc>; the figure's caption points to the data table printed right after it, which is the full
 * text alternative. Colours are presentation attributes (no style attribute under the CSP) and reach
 * 3:1 (shapes) and 4.5:1 (text) on white; the viewBox scales down to a 360 px screen.
 */
import type { ReactNode } from 'react'
import { CHART_COLOURS } from '../charts/bar-chart-svg.js'
import { TableRegion } from '../ui/blocks.js'

const W = 360
const H = 200
const PAD = { left: 40, right: 12, top: 14, bottom: 34 }
const FONT = 12
const r2 = (n: number): number => Math.round(n * 100) / 100

/** A "nice" top for the y axis: at least 1, rounded up to 1, 2, 5 × 10ⁿ. */
export function niceMax(value: number): number {
  if (value <= 1) return 1
  const power = 10 ** Math.floor(Math.log10(value))
  const step = [1, 2, 5, 10].find((m) => m * power >= value) ?? 10
  return step * power
}

export interface Column { label: string; value: number }

/** Vertical columns, one per band, with the value above each. */
export function ColumnChartSvg({ id, title, description, columns }: { id: string; title: string; description: string; columns: readonly Column[] }) {
  const top = niceMax(Math.max(0, ...columns.map((c) => c.value)))
  const plotW = W - PAD.left - PAD.right
  const plotH = H - PAD.top - PAD.bottom
  const slot = plotW / Math.max(1, columns.length)
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH
  const ticks = [0, top / 2, top].filter((v, i, all) => all.indexOf(v) === i && Number.isInteger(v))
  return (
    <svg className="chart" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} viewBox={`0 0 ${W} ${H}`} width="100%" xmlns="http://www.w3.org/2000/svg">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g stroke={CHART_COLOURS.grid} strokeWidth="1">
        {ticks.map((v) => <line key={v} x1={PAD.left} x2={W - PAD.right} y1={r2(y(v))} y2={r2(y(v))} />)}
      </g>
      <g fill={CHART_COLOURS.axis} fontSize={FONT}>
        {ticks.map((v) => <text key={v} x={PAD.left - 6} y={r2(y(v) + 4)} textAnchor="end">{v}</text>)}
        {columns.map((c, i) => <text key={i} x={r2(PAD.left + slot * i + slot / 2)} y={H - 12} textAnchor="middle">{c.label}</text>)}
      </g>
      {columns.map((c, i) => {
        const x = PAD.left + slot * i + slot * 0.15
        return (
          <g key={i}>
            <rect x={r2(x)} y={r2(y(c.value))} width={r2(slot * 0.7)} height={r2(Math.max(0, PAD.top + plotH - y(c.value)))} rx="2" fill={CHART_COLOURS.bars.primary} />
            <text x={r2(x + slot * 0.35)} y={r2(y(c.value) - 4)} textAnchor="middle" fill={CHART_COLOURS.text} fontSize={FONT} fontWeight="600">{c.value}</text>
          </g>
        )
      })}
    </svg>
  )
}

export interface LinePoint { label: string; value: number | null }

/** A line through the points that have a value (a gap where one is missing), a dot on each. */
export function LineChartSvg({ id, title, description, points, percent }: { id: string; title: string; description: string; points: readonly LinePoint[]; percent?: boolean }) {
  const top = percent ? 1 : niceMax(Math.max(0, ...points.map((p) => p.value ?? 0)))
  const plotW = W - PAD.left - PAD.right
  const plotH = H - PAD.top - PAD.bottom
  const inset = 16 // keeps the first and last dots and their labels inside the frame
  const x = (i: number) => PAD.left + inset + (points.length <= 1 ? (plotW - 2 * inset) / 2 : ((plotW - 2 * inset) * i) / (points.length - 1))
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH
  const tickLabel = (v: number) => (percent ? `${Math.round(v * 100)}%` : String(v))
  const ticks = [0, top / 2, top].filter((v, i, all) => all.indexOf(v) === i && (percent || Number.isInteger(v)))
  const segments: string[] = []
  let current = ''
  points.forEach((p, i) => {
    if (p.value === null) { if (current) segments.push(current); current = ''; return }
    current += `${current ? 'L' : 'M'}${r2(x(i))},${r2(y(p.value))}`
  })
  if (current) segments.push(current)
  // At most five labels along the axis (the first and the last always), so none overlap on a phone.
  const step = Math.max(1, Math.ceil((points.length - 1) / 4))
  const labelled = points.map((p, i) => ({ p, i })).filter(({ i }) => i === points.length - 1 || (i % step === 0 && points.length - 1 - i >= step))
  return (
    <svg className="chart" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} viewBox={`0 0 ${W} ${H}`} width="100%" xmlns="http://www.w3.org/2000/svg">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g stroke={CHART_COLOURS.grid} strokeWidth="1">
        {ticks.map((v) => <line key={v} x1={PAD.left} x2={W - PAD.right} y1={r2(y(v))} y2={r2(y(v))} />)}
      </g>
      <g fill={CHART_COLOURS.axis} fontSize={FONT}>
        {ticks.map((v) => <text key={v} x={PAD.left - 6} y={r2(y(v) + 4)} textAnchor="end">{tickLabel(v)}</text>)}
        {labelled.map(({ p, i }) => <text key={i} x={r2(x(i))} y={H - 12} textAnchor="middle">{p.label}</text>)}
      </g>
      {segments.map((d, i) => <path key={i} d={d} fill="none" stroke={CHART_COLOURS.bars.primary} strokeWidth="2.5" strokeLinejoin="round" />)}
      <g fill={CHART_COLOURS.bars.primary}>
        {points.map((p, i) => (p.value === null ? null : <circle key={i} cx={r2(x(i))} cy={r2(y(p.value))} r="3.5" />))}
      </g>
    </svg>
  )
}

/** A chart in a figure whose caption sends readers to the table after it. */
export function ChartWithTable({ chart, caption, table }: { chart: ReactNode; caption: string; table: ReactNode }) {
  return (
    <>
      <figure className="chart-figure">
        {chart}
        <figcaption>{caption} The table below lists the same figures.</figcaption>
      </figure>
      {table}
    </>
  )
}

/** A simple data table: a caption, column headers, and the first cell of each row as its header. */
export function DataTable({ caption, head, rows }: { caption: string; head: readonly string[]; rows: readonly (readonly ReactNode[])[] }) {
  return (
    <TableRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>{head.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}>{cell}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  )
}

export const percent = (share: number | null): string => (share === null ? 'no data' : `${Math.round(share * 100)}%`)

/** "2 Mar" for a week's Monday (UTC). */
export function weekLabel(start: string): string {
  const d = new Date(start)
  return `${d.getUTCDate()} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]}`
}

/** "2 March 2026" for a date or timestamp (UTC). */
export function dayWords(at: string): string {
  const d = new Date(at.length === 10 ? `${at}T00:00:00.000Z` : at)
  return `${d.getUTCDate()} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][d.getUTCMonth()]} ${d.getUTCFullYear()}`
}

/**
 * The progress chart's layout, pure: coverage of a target career (0–100 %) over time as a line with
 * a dot per recorded point. Time runs on a true scale (dates far apart sit far apart); a single point
 * sits in the middle. Only the first and last dates are written on the axis, since a phone has no
 * room for more — the table beside the chart lists every point.
 */
export interface ProgressPoint {
  /** ISO date or instant. */
  at: string
  /** 0–1. */
  coverage: number
}

export interface ProgressLayout {
  width: number
  height: number
  plot: { left: number; right: number; top: number; bottom: number }
  points: { x: number; y: number; point: ProgressPoint }[]
  /** SVG path data of the line through the points. */
  path: string
  yTicks: { y: number; label: string }[]
  xLabels: { x: number; label: string; anchor: 'start' | 'end' | 'middle' }[]
}

export const PROGRESS_CHART = { width: 360, height: 200, left: 40, right: 12, top: 12, bottom: 30, fontSize: 12 } as const

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "2 Mar 2026" (UTC), or the text as given when it is not a date. */
export function dateWords(at: string): string {
  const d = new Date(at)
  if (Number.isNaN(d.getTime())) return at
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`
}

export const percentWords = (share: number): string => `${Math.round(share * 100)}%`

const round = (n: number): number => Math.round(n * 100) / 100

export function layoutProgress(series: readonly ProgressPoint[]): ProgressLayout {
  const { width, height, left, right, top, bottom } = PROGRESS_CHART
  const plot = { left, right: width - right, top, bottom: height - bottom }
  const sorted = [...series].filter((p) => !Number.isNaN(Date.parse(p.at))).sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
  const times = sorted.map((p) => Date.parse(p.at))
  const t0 = times[0] ?? 0
  const t1 = times.at(-1) ?? 0
  const x = (t: number) => (t1 === t0 ? (plot.left + plot.right) / 2 : plot.left + ((t - t0) / (t1 - t0)) * (plot.right - plot.left))
  const y = (share: number) => plot.bottom - Math.max(0, Math.min(1, share)) * (plot.bottom - plot.top)
  const points = sorted.map((point, i) => ({ x: round(x(times[i] as number)), y: round(y(point.coverage)), point }))
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ')
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((share) => ({ y: round(y(share)), label: percentWords(share) }))
  const first = points[0]
  const last = points.at(-1)
  const xLabels = !first || !last ? [] : first === last
    ? [{ x: first.x, label: dateWords(first.point.at), anchor: 'middle' as const }]
    : [{ x: first.x, label: dateWords(first.point.at), anchor: 'start' as const }, { x: last.x, label: dateWords(last.point.at), anchor: 'end' as const }]
  return { width, height, plot, points, path, yTicks, xLabels }
}

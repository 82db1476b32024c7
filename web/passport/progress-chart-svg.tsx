/**
 * Progress over time as inline SVG — a line of coverage with a dot per point — in a figure whose
 * caption sends readers to the data table that follows it (every point written out). Colours are
 * presentation attributes; the line and dots reach 3:1 on white.
 */
import { CHART_COLOURS } from '../charts/bar-chart-svg.js'
import { TableRegion } from '../ui/blocks.js'
import { dateWords, layoutProgress, percentWords, PROGRESS_CHART, type ProgressPoint } from './progress-chart.js'

export interface ProgressRow extends ProgressPoint {
  /** Items of plans done by then, when known. */
  done?: number
}

export function ProgressChartSvg({ id, title, series }: { id: string; title: string; series: readonly ProgressPoint[] }) {
  const layout = layoutProgress(series)
  const first = layout.points[0]?.point
  const last = layout.points.at(-1)?.point
  const summary = first && last
    ? `${layout.points.length} points from ${dateWords(first.at)} (${percentWords(first.coverage)}) to ${dateWords(last.at)} (${percentWords(last.coverage)}).`
    : 'No points yet.'
  const { plot } = layout
  return (
    <svg className="chart" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} viewBox={`0 0 ${layout.width} ${layout.height}`} width="100%" xmlns="http://www.w3.org/2000/svg">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      <g stroke={CHART_COLOURS.grid} strokeWidth="1">
        {layout.yTicks.map((tick) => <line key={tick.label} x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} />)}
      </g>
      <g fill={CHART_COLOURS.axis} fontSize={PROGRESS_CHART.fontSize}>
        {layout.yTicks.map((tick) => <text key={tick.label} x={plot.left - 6} y={tick.y + 4} textAnchor="end">{tick.label}</text>)}
        {layout.xLabels.map((label) => <text key={label.anchor} x={label.x} y={layout.height - 8} textAnchor={label.anchor}>{label.label}</text>)}
      </g>
      {layout.points.length > 1 ? <path d={layout.path} fill="none" stroke={CHART_COLOURS.bars.primary} strokeWidth="2.5" strokeLinejoin="round" /> : null}
      <g fill={CHART_COLOURS.bars.primary}>
        {layout.points.map((p, i) => <circle key={i} cx={p.x} cy={p.y} r="4" />)}
      </g>
    </svg>
  )
}

export function ProgressFigure({ id, careerTitle, series }: { id: string; careerTitle: string; series: readonly ProgressRow[] }) {
  if (series.length === 0) return null
  return (
    <figure className="chart-figure">
      <ProgressChartSvg id={id} title={`How much of ${careerTitle} you cover, over time`} series={series} />
      <figcaption>Coverage is the weighted share of the career's skills you have at the level it needs. The table below lists every point.</figcaption>
    </figure>
  )
}

/** Every point, oldest first: the chart's text alternative. */
export function ProgressTable({ series, caption }: { series: readonly ProgressRow[]; caption: string }) {
  if (series.length === 0) return null
  const sorted = [...series].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
  const withDone = sorted.some((p) => p.done !== undefined)
  return (
    <TableRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Coverage</th>
            {withDone ? <th scope="col">Items done</th> : null}
          </tr>
        </thead>
        <tbody>
          {sorted.map((p, i) => (
            <tr key={i}>
              <th scope="row"><time dateTime={p.at}>{dateWords(p.at)}</time></th>
              <td>{percentWords(p.coverage)}</td>
              {withDone ? <td>{p.done ?? '—'}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  )
}

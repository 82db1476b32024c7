/**
 * The gap chart as inline SVG (a figure with a caption) and its full text alternative, a table with
 * every skill's weight, the level had, the level needed and what is left. Colours are presentation
 * attributes (the CSP forbids style attributes): the level bar and the required mark both reach 3:1
 * on white and on the light track, and the chart never relies on colour alone — the value "2 of 3"
 * is written beside every bar.
 */
import { LEVEL_NAMES } from '../../server/modules/analysis/index.js'
import { CHART_COLOURS } from '../charts/bar-chart-svg.js'
import { TableRegion } from '../ui/blocks.js'
import { GAP_CHART, layoutGapChart, orderGapRows, weightWords, type GapRow } from './gap-chart.js'

export const GAP_COLOURS = { have: '#1d4ed8', met: '#166534', required: '#9a3412', track: '#f3f4f6', trackEdge: '#9ca3af' } as const

/** How many rows the drawing shows; the table always lists all. */
export const GAP_CHART_ROWS = 12

const round = (n: number): number => Math.round(n * 100) / 100

export const levelWords = (level: number): string => `${level} ${LEVEL_NAMES[level] ?? ''}`.trim()

export function GapChartSvg({ id, title, rows }: { id: string; title: string; rows: readonly GapRow[] }) {
  const layout = layoutGapChart(rows)
  const met = rows.filter((r) => r.have >= r.required).length
  return (
    <svg className="chart" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} viewBox={`0 0 ${layout.width} ${round(layout.height)}`} width="100%" xmlns="http://www.w3.org/2000/svg">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{`${rows.length} skills on a scale of 0 to 5: a bar for the level you have, a mark for the level needed. ${met} of ${rows.length} met.`}</desc>
      {layout.rows.map((row) => (
        <g key={row.skill}>
          {row.lines.map((line, i) => (
            <text key={i} x={round(line.x)} y={round(line.y)} fill={CHART_COLOURS.text} fontSize={GAP_CHART.fontSize}>{line.text}</text>
          ))}
          <rect x={round(row.track.x)} y={round(row.track.y)} width={round(row.track.width)} height={row.track.height} rx="2" fill={GAP_COLOURS.track} stroke={GAP_COLOURS.trackEdge} strokeWidth="1" />
          {row.have.width > 0 ? <rect x={round(row.have.x)} y={round(row.have.y)} width={round(row.have.width)} height={row.have.height} rx="2" fill={row.met ? GAP_COLOURS.met : GAP_COLOURS.have} /> : null}
          <line x1={round(row.marker.x)} x2={round(row.marker.x)} y1={round(row.marker.y1)} y2={round(row.marker.y2)} stroke={GAP_COLOURS.required} strokeWidth="3" />
          <text x={round(row.value.x)} y={round(row.value.y)} fill={CHART_COLOURS.text} fontSize="13" fontWeight="600">{row.value.text}</text>
        </g>
      ))}
      <g fill={CHART_COLOURS.axis} fontSize="12">
        {layout.ticks.map((tick) => (
          <text key={tick.label} x={round(tick.x)} y={round(layout.axisY)} textAnchor={tick.anchor}>{tick.label}</text>
        ))}
      </g>
    </svg>
  )
}

/** The chart in a figure, the heaviest skills drawn; the caption points at the table. */
export function GapChartFigure({ id, careerTitle, rows }: { id: string; careerTitle: string; rows: readonly GapRow[] }) {
  if (rows.length === 0) return null
  const ordered = orderGapRows(rows)
  const drawn = ordered.slice(0, GAP_CHART_ROWS)
  return (
    <figure className="chart-figure">
      <GapChartSvg id={id} title={`Your levels against what ${careerTitle} needs`} rows={drawn} />
      <figcaption>
        Each bar is your level on the 0–5 scale; the dark mark is the level the career needs. A green bar reaches it.
        {ordered.length > drawn.length ? ` The ${drawn.length} most important of ${ordered.length} skills are drawn.` : ''} The table below lists every skill.
      </figcaption>
    </figure>
  )
}

/** Every skill of the career, heaviest first: the chart's text alternative. */
export function GapTable({ rows, caption }: { rows: readonly GapRow[]; caption: string }) {
  if (rows.length === 0) return null
  return (
    <TableRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Skill</th>
            <th scope="col">Weight</th>
            <th scope="col">You have</th>
            <th scope="col">Needed</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {orderGapRows(rows).map((row) => (
            <tr key={row.skill}>
              <th scope="row">{row.name}</th>
              <td>{weightWords(row.weight).replace('weight ', '')}</td>
              <td>{levelWords(row.have)}</td>
              <td>{levelWords(row.required)}</td>
              <td>{row.have >= row.required ? 'Met' : row.have === 0 ? 'Missing' : `${row.required - row.have} level${row.required - row.have === 1 ? '' : 's'} to go`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  )
}

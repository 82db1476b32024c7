/**
 * Renders a bar layout as inline SVG. `role="img"` with a <title> and <desc> gives screen readers
 * one summary; the data table the page prints beside every chart is the full text alternative.
 * Colours are presentation attributes (the CSP forbids style attributes) and meet contrast on white:
 * bars ≥ 3:1, text ≥ 4.5:1.
 */
import { CHART, layoutBars, type BarChartOptions, type BarDatum, type BarTone } from './bar-chart.js'

export const CHART_COLOURS = {
  text: '#1f2937',
  axis: '#4b5563',
  grid: '#d1d5db',
  bars: { primary: '#1d4ed8', range: '#0f766e', reference: '#9a3412' } satisfies Record<BarTone, string>,
} as const

export interface BarChartProps extends BarChartOptions {
  /** Unique on the page; ids of the <title> and <desc> derive from it. */
  id: string
  title: string
  description: string
  bars: readonly BarDatum[]
}

export function BarChartSvg({ id, title, description, bars, ...options }: BarChartProps) {
  const layout = layoutBars(bars, options)
  const titleId = `${id}-title`
  const descId = `${id}-desc`
  return (
    <svg
      className="chart"
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descId}
      viewBox={`0 0 ${layout.width} ${round(layout.height)}`}
      width="100%"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      {/* Grid lines only across each bar's band, so they never run through label text. */}
      <g stroke={CHART_COLOURS.grid} strokeWidth="1">
        {layout.rows.flatMap((row, i) =>
          layout.ticks.map((tick) => (
            <line key={`${i}-${tick.x}`} x1={round(tick.x)} x2={round(tick.x)} y1={round(row.bar.y - 4)} y2={round(row.bar.y + row.bar.height + 4)} />
          )),
        )}
      </g>
      {layout.rows.map((row, i) => (
        <g key={i}>
          {row.lines.map((line, j) => (
            <text key={j} x={round(line.x)} y={round(line.y)} fill={CHART_COLOURS.text} fontSize={CHART.fontSize}>
              {line.text}
            </text>
          ))}
          <rect x={round(row.bar.x)} y={round(row.bar.y)} width={round(row.bar.width)} height={row.bar.height} rx="2" fill={CHART_COLOURS.bars[row.tone]} />
          <text x={round(row.value.x)} y={round(row.value.y)} fill={CHART_COLOURS.text} fontSize="13" fontWeight="600">
            {row.value.text}
          </text>
        </g>
      ))}
      <g fill={CHART_COLOURS.axis} fontSize="12">
        {layout.ticks.map((tick) => (
          <text key={tick.x} x={round(tick.x)} y={round(layout.axisY)} textAnchor={tick.anchor}>
            {tick.label}
          </text>
        ))}
      </g>
    </svg>
  )
}

/** Two decimals keep the markup short without visible error. */
const round = (n: number): number => Math.round(n * 100) / 100

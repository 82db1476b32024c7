/**
 * One wage distribution as inline SVG: a named image (<title>, <desc>) whose full text alternative is
 * the percentile table printed after it. Colours are presentation attributes (the CSP forbids style
 * attributes). The light 10th–90th bar has a dark outline so its ends meet 3:1 against white; the
 * median tick is dark with a white halo so it stands out on the dark middle band too.
 */
import { CHART_COLOURS } from './bar-chart-svg.js'
import { DIST, layoutDistribution, type PercentileKey, type Percentiles } from './distribution-chart.js'

export const DIST_COLOURS = {
  outerFill: '#bfdbfe',
  outerStroke: '#1d4ed8',
  inner: '#1d4ed8',
  median: '#111827',
  halo: '#ffffff',
} as const

export interface DistributionChartProps {
  id: string
  title: string
  description: string
  values: Percentiles
  domainMax: number
  atLeast: ReadonlySet<PercentileKey>
}

const round = (n: number): number => Math.round(n * 100) / 100

export function DistributionChartSvg({ id, title, description, values, domainMax, atLeast }: DistributionChartProps) {
  const layout = layoutDistribution(values, { domainMax, atLeast })
  const { outer, inner, median } = layout
  return (
    <svg
      className="chart chart-distribution"
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      viewBox={`0 0 ${layout.width} ${round(layout.height)}`}
      width="100%"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g stroke={CHART_COLOURS.grid} strokeWidth="1">
        {layout.ticks.map((tick) => (
          <line key={tick.x} x1={round(tick.x)} x2={round(tick.x)} y1={round(layout.grid.y1)} y2={round(layout.grid.y2)} />
        ))}
      </g>
      {outer ? (
        <rect x={round(outer.x)} y={outer.y} width={round(outer.width)} height={outer.height} rx="2" fill={DIST_COLOURS.outerFill} stroke={DIST_COLOURS.outerStroke} strokeWidth="1.5" />
      ) : null}
      {inner ? <rect x={round(inner.x)} y={inner.y} width={round(inner.width)} height={inner.height} fill={DIST_COLOURS.inner} /> : null}
      {median ? (
        <g>
          <rect x={round(median.x - 3)} y={median.y1 - 1} width="6" height={median.y2 - median.y1 + 2} fill={DIST_COLOURS.halo} />
          <rect x={round(median.x - 1.5)} y={median.y1} width="3" height={median.y2 - median.y1} fill={DIST_COLOURS.median} />
        </g>
      ) : null}
      <g fill={CHART_COLOURS.text} fontSize={DIST.fontSize}>
        {layout.labels.map((label, i) => (
          <text key={i} x={round(label.x)} y={round(label.y)} textAnchor={label.anchor} fontWeight={i === 0 && median ? 600 : undefined}>
            {label.text}
          </text>
        ))}
      </g>
      <g fill={CHART_COLOURS.axis} fontSize={DIST.axisFontSize}>
        {layout.ticks.map((tick) => (
          <text key={tick.x} x={round(tick.x)} y={round(layout.axisY)} textAnchor={tick.anchor}>
            {tick.label}
          </text>
        ))}
      </g>
    </svg>
  )
}

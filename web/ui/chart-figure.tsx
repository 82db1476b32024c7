/**
 * A chart inside a <figure>: the SVG, a visible caption that says what it shows and where the
 * numbers are written out (the table the section prints straight after).
 */
import { BarChartSvg } from '../charts/bar-chart-svg.js'
import type { ChartSpec } from '../charts/career-charts.js'

export interface ChartFigureProps {
  id: string
  spec: ChartSpec
  caption: string
  money?: boolean
  domainMax?: number
}

export function ChartFigure({ id, spec, caption, money, domainMax }: ChartFigureProps) {
  if (spec.bars.length === 0) return null
  const omitted = spec.omitted.map((f) => f.source.publisher)
  return (
    <figure className="chart-figure">
      <BarChartSvg
        id={id}
        title={spec.title}
        description={spec.description}
        bars={spec.bars}
        {...(money === undefined ? {} : { money })}
        {...(domainMax === undefined ? {} : { domainMax })}
      />
      <figcaption>
        {caption} The table below lists the same figures in full.
        {omitted.length > 0 ? ` Not drawn, for want of a currency or exchange rate: ${omitted.join(', ')}.` : ''}
      </figcaption>
    </figure>
  )
}

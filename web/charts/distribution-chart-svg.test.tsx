import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { DistributionChartSvg } from './distribution-chart-svg.js'

const svg = renderToStaticMarkup(
  <DistributionChartSvg
    id="d1"
    title="Spread of annual pay"
    description="Annual pay: median $133,080."
    values={{ p10: 79850, p25: 103050, median: 133080, p75: 169000, p90: 211450 }}
    domainMax={250_000}
    atLeast={new Set()}
  />,
)

describe('DistributionChartSvg', () => {
  it('is an image named by its <title> and described by its <desc>', () => {
    expect(svg).toMatch(/^<svg[^>]* role="img"/)
    expect(svg).toContain('aria-labelledby="d1-title"')
    expect(svg).toContain('<title id="d1-title">Spread of annual pay</title>')
    expect(svg).toContain('<desc id="d1-desc">Annual pay: median $133,080.</desc>')
  })

  it('scales with its container and uses presentation attributes only (the CSP forbids style)', () => {
    expect(svg).toMatch(/viewBox="0 0 360 [\d.]+" width="100%"/)
    expect(svg).not.toContain('style=')
  })

  it('draws the outer bar, the middle band, the median tick and the three labels', () => {
    expect(svg).toContain('fill="#bfdbfe" stroke="#1d4ed8"')
    expect(svg.match(/<rect/g)).toHaveLength(4)
    for (const text of ['Median $133,080', '$79,850', '$211,450', '$250k']) expect(svg).toContain(`>${text}</text>`)
  })
})

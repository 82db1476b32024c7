import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { BarChartSvg } from './bar-chart-svg.js'

const render = (label: string) =>
  renderToStaticMarkup(
    <BarChartSvg
      id="c1"
      title="Pay by source"
      description="Two figures from $100,000 to $150,000."
      bars={[
        { label, start: 0, end: 100_000, valueText: '$100,000' },
        { label: 'Range', start: 120_000, end: 150_000, valueText: '$120,000–$150,000', tone: 'range' },
      ]}
      money
    />,
  )

describe('BarChartSvg', () => {
  it('is an image named by its <title> and described by its <desc>', () => {
    const svg = render('BLS')
    expect(svg).toMatch(/^<svg[^>]* role="img"/)
    expect(svg).toContain('aria-labelledby="c1-title"')
    expect(svg).toContain('<title id="c1-title">Pay by source</title>')
    expect(svg).toContain('aria-describedby="c1-desc"')
    expect(svg).toContain('<desc id="c1-desc">Two figures from $100,000 to $150,000.</desc>')
  })

  it('scales with its container through a viewBox and width 100%', () => {
    expect(render('BLS')).toMatch(/viewBox="0 0 360 [\d.]+" width="100%"/)
  })

  it('escapes label text, so a label cannot inject markup', () => {
    const svg = render('<script>1</script>')
    expect(svg).not.toContain('<script>')
    expect(svg).toContain('&lt;script&gt;1&lt;/script&gt;')
  })

  it('colours with presentation attributes, never style attributes (the CSP forbids them)', () => {
    const svg = render('BLS')
    expect(svg).not.toContain('style=')
    expect(svg).toContain('fill="#1d4ed8"')
    expect(svg).toContain('fill="#0f766e"')
  })

  it('prints each value next to its bar', () => {
    const svg = render('BLS')
    expect(svg).toContain('>$100,000</text>')
    expect(svg).toContain('>$120,000–$150,000</text>')
  })
})

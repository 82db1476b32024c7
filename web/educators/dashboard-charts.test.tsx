import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ColumnChartSvg, LineChartSvg, niceMax, percent, weekLabel } from './dashboard-charts.js'

describe('dashboard charts', () => {
  it('rounds the axis top up to 1, 2 or 5 × 10ⁿ', () => {
    expect([0, 1, 3, 7, 12, 20, 99, 101].map(niceMax)).toEqual([1, 1, 5, 10, 20, 20, 100, 200])
  })

  it('draws a named image with one column and value per band', () => {
    const html = renderToStaticMarkup(<ColumnChartSvg id="c" title="Learners by coverage" description="0–19%: 2." columns={[{ label: '0–19', value: 2 }, { label: '20–39', value: 0 }]} />)
    expect(html).toMatch(/^<svg class="chart" role="img" aria-labelledby="c-title" aria-describedby="c-desc"/)
    expect(html).toContain('<title id="c-title">Learners by coverage</title>')
    expect(html.match(/<rect /g)).toHaveLength(2)
    expect(html).not.toContain('style=')
  })

  it('breaks the line where a week has no value and labels at most five weeks', () => {
    const points = Array.from({ length: 12 }, (_, i) => ({ label: `w${i}`, value: i === 5 ? null : i / 12 }))
    const html = renderToStaticMarkup(<LineChartSvg id="l" title="Mean coverage" description="d" points={points} percent />)
    expect(html.match(/<path /g)).toHaveLength(2)
    expect(html.match(/<circle /g)).toHaveLength(11)
    const labels = [...html.matchAll(/>(w\d+)</g)].map((m) => m[1])
    expect(labels.length).toBeLessThanOrEqual(5)
    expect(labels[0]).toBe('w0')
    expect(labels.at(-1)).toBe('w11')
    expect(html).toContain('>100%<')
  })

  it('writes shares and weeks in words', () => {
    expect([percent(null), percent(0.256), percent(1)]).toEqual(['no data', '26%', '100%'])
    expect(weekLabel('2026-03-02T00:00:00.000Z')).toBe('2 Mar')
  })
})

import { describe, expect, it } from 'vitest'
import { CHART, layoutBars, niceStep, SIDE_LABEL_CHARS, wrapText, type BarDatum } from './bar-chart.js'

const bar = (label: string, end: number, start = 0): BarDatum => ({ label, start, end, valueText: String(end) })

describe('layoutBars', () => {
  it('makes bar widths proportional to the values', () => {
    const { rows } = layoutBars([bar('A', 50_000), bar('B', 100_000), bar('C', 150_000)])
    const [a, b, c] = rows.map((r) => r.bar.width)
    expect(b! / a!).toBeCloseTo(2, 6)
    expect(c! / a!).toBeCloseTo(3, 6)
  })

  it('starts every single-figure bar at the same zero line', () => {
    const { rows } = layoutBars([bar('A', 10), bar('B', 20)])
    expect(new Set(rows.map((r) => r.bar.x)).size).toBe(1)
  })

  it('draws a range from its low end to its high end on the same scale', () => {
    const { rows } = layoutBars([bar('single', 100), bar('range', 120, 80)])
    const [single, range] = rows
    const unit = single!.bar.width / 100
    expect(range!.bar.x - single!.bar.x).toBeCloseTo(80 * unit, 6)
    expect(range!.bar.width).toBeCloseTo(40 * unit, 6)
  })

  it('keeps every bar and value label inside the view box', () => {
    const layout = layoutBars([bar('Short', 171_776), { ...bar('Long label '.repeat(8), 200_000), valueText: '$80,000–$130,000' }])
    for (const row of layout.rows) {
      expect(row.bar.x + row.bar.width).toBeLessThanOrEqual(layout.width)
      expect(row.value.x + row.value.text.length * CHART.charWidth).toBeLessThanOrEqual(layout.width)
    }
  })

  it('puts labels of up to two short lines beside the bars', () => {
    const side = layoutBars([bar('Java', 5), bar('Problem solving and troubleshooting', 4.5)])
    expect(side.rows.map((r) => r.lines.length)).toEqual([1, 2])
    for (const row of side.rows) {
      expect(row.bar.x).toBeGreaterThan(row.lines[0]!.x + SIDE_LABEL_CHARS * CHART.charWidth * 0.5)
      expect(row.bar.y).toBeLessThan(row.lines.at(-1)!.y)
    }
  })

  it('stacks labels when a column of them would leave the bars too little room', () => {
    const cities = layoutBars([{ ...bar('Toronto: CA$133,000 a year', 97_100), valueText: '≈ $97,100' }])
    expect(cities.rows[0]!.bar.x).toBe(cities.rows[0]!.lines[0]!.x)
  })

  it('puts longer labels on their own lines above the bar', () => {
    const long = 'word '.repeat(3 * (SIDE_LABEL_CHARS / 5))
    const stacked = layoutBars([bar(long, 5)])
    expect(stacked.rows[0]!.bar.x).toBe(stacked.rows[0]!.lines[0]!.x)
    expect(stacked.rows[0]!.bar.y).toBeGreaterThan(stacked.rows[0]!.lines.at(-1)!.y)
  })

  it('uses a fixed maximum for scores and ticks every whole point', () => {
    const { rows, ticks } = layoutBars([bar('Java', 2.5)], { domainMax: 5 })
    expect(ticks.map((t) => t.label)).toEqual(['0', '1', '2', '3', '4', '5'])
    const zero = ticks[0]!.x
    const five = ticks.at(-1)!.x
    expect(rows[0]!.bar.width).toBeCloseTo((five - zero) / 2, 6)
  })

  it('labels money ticks compactly', () => {
    const { ticks } = layoutBars([bar('A', 171_776)], { money: true })
    expect(ticks.map((t) => t.label)).toEqual(['$0', '$50k', '$100k', '$150k', '$200k'])
  })
})

describe('wrapText', () => {
  it('wraps at word boundaries', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four'])
  })

  it('cuts a word longer than a line', () => {
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij'])
  })
})

describe('niceStep', () => {
  it.each([
    [171_776, 50_000],
    [5, 2],
    [100, 25],
    [0, 1],
  ])('%d → %d', (max, step) => {
    expect(niceStep(max)).toBe(step)
  })
})

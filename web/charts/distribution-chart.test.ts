import { describe, expect, it } from 'vitest'
import { DIST, distributionSummary, layoutDistribution, sharedDomainMax, topCodedKeys, type Percentiles } from './distribution-chart.js'

const SOFTWARE: Percentiles = { p10: 79850, p25: 103050, median: 133080, p75: 169000, p90: 211450 }
const span = DIST.width - 2 * DIST.pad
const xOf = (v: number, max: number) => DIST.pad + (v / max) * span

describe('layoutDistribution', () => {
  const layout = layoutDistribution(SOFTWARE, { domainMax: 250_000 })

  it('draws the 10th–90th percentile as the outer bar and the 25th–75th inside it, on a scale from 0', () => {
    expect(layout.outer?.x).toBeCloseTo(xOf(79850, 250_000))
    expect(layout.outer!.x + layout.outer!.width).toBeCloseTo(xOf(211450, 250_000))
    expect(layout.inner?.x).toBeCloseTo(xOf(103050, 250_000))
    expect(layout.inner!.x + layout.inner!.width).toBeCloseTo(xOf(169000, 250_000))
    expect(layout.median?.x).toBeCloseTo(xOf(133080, 250_000))
  })

  it('labels the median above the bar and both ends beneath it', () => {
    const [median, low, high] = layout.labels
    expect(median).toMatchObject({ text: 'Median $133,080', anchor: 'middle' })
    expect(median!.y).toBeLessThan(DIST.barY)
    expect(low).toMatchObject({ text: '$79,850', anchor: 'start' })
    expect(high).toMatchObject({ text: '$211,450', anchor: 'end' })
    expect(low!.y).toBe(high!.y)
  })

  it('puts the high end on a second line when the ends are too close to label side by side', () => {
    const narrow = layoutDistribution({ p10: 30000, p25: 32000, median: 34000, p75: 36000, p90: 38000 }, { domainMax: 250_000 })
    const [, low, high] = narrow.labels
    expect(high!.y).toBeGreaterThan(low!.y)
    expect(narrow.axisY).toBeGreaterThan(layout.axisY)
  })

  it('keeps every label inside the viewBox, however close to an edge its value sits', () => {
    const edge = layoutDistribution({ p10: 200, p25: 400, median: 239200, p75: 239200, p90: 239200 }, { domainMax: 240_000 })
    for (const label of edge.labels) {
      const width = label.text.length * DIST.charWidth
      const left = label.anchor === 'start' ? label.x : label.anchor === 'middle' ? label.x - width / 2 : label.x - width
      expect(left).toBeGreaterThanOrEqual(DIST.pad - 0.01)
      expect(left + width).toBeLessThanOrEqual(DIST.width - DIST.pad + 0.01)
    }
  })

  it('marks top-coded values with ≥', () => {
    const capped = layoutDistribution({ ...SOFTWARE, p90: 239200 }, { domainMax: 250_000, atLeast: new Set(['p90']) })
    expect(capped.labels.map((l) => l.text)).toContain('≥ $239,200')
  })

  it('draws what it can when BLS publishes only some percentiles', () => {
    const partial = layoutDistribution({ p10: 50000, p25: null, median: 70000, p75: null, p90: null }, { domainMax: 100_000 })
    expect(partial.inner).toBeNull()
    expect(partial.outer!.x + partial.outer!.width).toBeCloseTo(xOf(70000, 100_000))
    expect(layoutDistribution({ p10: null, p25: null, median: 70000, p75: null, p90: null }, { domainMax: 100_000 }).outer).toBeNull()
  })

  it('puts round-number ticks from $0 to the end of the scale', () => {
    expect(layout.ticks.map((t) => t.label)).toEqual(['$0', '$50k', '$100k', '$150k', '$200k', '$250k'])
    expect(layout.ticks[0]!.anchor).toBe('start')
    expect(layout.ticks.at(-1)!.anchor).toBe('end')
  })
})

describe('sharedDomainMax', () => {
  it('ends the shared scale at a round number above the highest percentile of any set', () => {
    expect(sharedDomainMax([SOFTWARE])).toBe(250_000)
    expect(sharedDomainMax([SOFTWARE, { p10: 48560, p25: 63140, median: 90930, p75: 124300, p90: 162870 }])).toBe(250_000)
    expect(sharedDomainMax([{ p10: 20000, p25: null, median: 30000, p75: null, p90: 41000 }])).toBe(50_000)
  })
})

describe('topCodedKeys', () => {
  it('treats the highest values as "at least" when the note says BLS top-coded them', () => {
    const note = 'At least $239,200 a year: BLS top-codes wages at or above this amount (printed "#").'
    expect([...topCodedKeys({ ...SOFTWARE, p75: 239200, p90: 239200 }, note)]).toEqual(['p75', 'p90'])
  })

  it('marks nothing without a top-coding note', () => {
    expect(topCodedKeys(SOFTWARE, null).size).toBe(0)
    expect(topCodedKeys(SOFTWARE, 'Wage and salary jobs only.').size).toBe(0)
  })
})

describe('distributionSummary', () => {
  it('reads every published percentile in one sentence, "at least" where top-coded', () => {
    expect(distributionSummary({ ...SOFTWARE, p25: null, p90: 239200 }, new Set(['p90']))).toBe(
      'Annual pay: 10th percentile $79,850, median $133,080, 75th percentile $169,000, 90th percentile at least $239,200.',
    )
  })
})

import { describe, expect, it } from 'vitest'
import { makeFact, makeProfile, refOf, SOURCES } from '../fixtures/profile.fixture.js'
import { annualUsdSpan, citySalaryChart, ratedSkillChart, salarySourcesChart, skillScoreChart } from './career-charts.js'

const usdRate = { annualUsd: 98_300, rate: 0.783, ratePeriod: '2024', rateSource: refOf(SOURCES.irs) }

describe('annualUsdSpan', () => {
  it('takes a US-dollar annual figure as it is', () => {
    expect(annualUsdSpan(makeFact({ id: 'a', value: 131_450 }))).toEqual({ low: 131_450, high: 131_450 })
  })

  it('annualises an hourly wage at 2,080 hours', () => {
    expect(annualUsdSpan(makeFact({ id: 'a', value: 50, unit: 'per-hour' }))).toEqual({ low: 104_000, high: 104_000 })
  })

  it('uses the stated conversion for a local-currency figure', () => {
    expect(annualUsdSpan(makeFact({ id: 'a', value: 77_000, currency: 'GBP', usd: usdRate }))).toEqual({ low: 98_300, high: 98_300 })
  })

  it('converts both ends of a local-currency range at the stated rate', () => {
    const fact = makeFact({ id: 'a', statistic: 'range', value: null, low: 78_300, high: 156_600, currency: 'GBP', usd: usdRate })
    expect(annualUsdSpan(fact)).toEqual({ low: 100_000, high: 200_000 })
  })

  it('gives up on a figure with no currency or no exchange rate', () => {
    expect(annualUsdSpan(makeFact({ id: 'a', currency: null }))).toBeNull()
    expect(annualUsdSpan(makeFact({ id: 'a', currency: 'EUR', usd: null }))).toBeNull()
  })
})

describe('salarySourcesChart', () => {
  it('draws every national figure, naming source, statistic, scope and period, and marks the reference', () => {
    const chart = salarySourcesChart(makeProfile().salaryPanel)
    expect(chart.bars.map((b) => [b.label, b.end, b.tone])).toEqual([
      ['U.S. Bureau of Labor Statistics: median for Software Developers, May 2024 (reference)', 131_450, 'reference'],
      ['Coursera Career Academy: median for Back-End Developer, 2025', 171_776, 'primary'],
    ])
    expect(chart.description).toContain('from $131,450 to $171,776')
  })

  it('draws a range from low to high and lists figures it cannot draw', () => {
    const range = makeFact({ id: 'r', statistic: 'range', value: null, low: 70_000, high: 120_000 })
    const noCurrency = makeFact({ id: 'n', currency: null })
    const chart = salarySourcesChart({ reference: null, rows: [range, noCurrency].map((fact) => ({ fact, differences: [], explanation: '' })), cities: [], ranges: [], distributions: [] })
    expect(chart.bars).toEqual([expect.objectContaining({ start: 70_000, end: 120_000, tone: 'range', valueText: '$70,000–$120,000' })])
    expect(chart.omitted.map((f) => f.id)).toEqual(['n'])
  })
})

describe('citySalaryChart', () => {
  it('charts US dollars and keeps the local amount in the label', () => {
    const chart = citySalaryChart(makeProfile().salaryPanel.cities)
    expect(chart.bars).toEqual([expect.objectContaining({ label: 'London: £77,000 a year', end: 98_300, valueText: '≈ $98,300' })])
  })
})

describe('skillScoreChart', () => {
  it('orders scored skills from highest to lowest on the source scale', () => {
    const chart = skillScoreChart(makeProfile().skills.sets[0]!)
    expect(chart?.domainMax).toBe(5)
    expect(chart?.bars.map((b) => [b.label, b.valueText])).toEqual([['Java', '5.0'], ['SQL', '4.5'], ['Git', '2.5']])
  })

  it('is null for a source that gives no scores', () => {
    const set = { ...makeProfile().skills.sets[0]!, skills: [{ id: 'java', name: 'Java', kind: 'specialized', score: null, note: null }] }
    expect(skillScoreChart(set)).toBeNull()
  })
})

describe('ratedSkillChart', () => {
  it('draws the most important rated skills on a fixed 1–5 scale, knowledge labelled and toned apart', () => {
    const rated = Array.from({ length: 20 }, (_, i) => ({ name: `Skill ${i}`, kind: i === 3 ? 'knowledge' : 'common', importance: 5 - i * 0.2 }))
    const chart = ratedSkillChart(rated, 15)
    expect(chart.domainMax).toBe(5)
    expect(chart.bars).toHaveLength(15)
    expect(chart.bars[0]).toMatchObject({ label: 'Skill 0', end: 5, valueText: '5.0', tone: 'primary' })
    expect(chart.bars[3]).toMatchObject({ label: 'Skill 3 (knowledge)', tone: 'range' })
    expect(chart.description).toContain('from Skill 0 at 5.0 to Skill 14 at 2.2')
  })
})

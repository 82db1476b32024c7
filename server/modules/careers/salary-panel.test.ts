import { describe, expect, it } from 'vitest'
import type { Fact } from '../../../shared/schemas.js'
import { parsePeriod } from './figures.js'
import { buildSalaryPanel, differencesFrom, pickReference } from './salary-panel.js'

const us = { id: 'united-states', name: 'United States', kind: 'country', country: 'US', currency: 'USD' }
const official = { id: 'bls', publisher: 'BLS', title: 'OEWS', kind: 'official-statistics', url: null }

function fact(overrides: Partial<Fact> & { id: string }): Fact {
  return {
    career: 'c', subject: null, kind: 'salary', statistic: 'median', value: 100000, low: null, high: null, label: null,
    unit: 'per-year', currency: 'USD', approximate: false, display: '', period: parsePeriod('2024-05'), place: us,
    scope: { label: 'Web developers', relation: 'parent-occupation', system: 'soc-2018', code: '15-1254' },
    source: official, citedIn: null, asOf: null, reference: false, note: null, usd: null, ...overrides,
  }
}

describe('pickReference', () => {
  it('prefers the fact flagged as reference', () => {
    const flagged = fact({ id: 'b', reference: true, source: { ...official, kind: 'career-site' } })
    expect(pickReference([fact({ id: 'a' }), flagged])?.id).toBe('b')
  })
  it('else takes the newest national official median', () => {
    const older = fact({ id: 'old', period: parsePeriod('2022') })
    const newer = fact({ id: 'new', period: parsePeriod('2024-05') })
    expect(pickReference([older, newer])?.id).toBe('new')
  })
})

describe('differencesFrom', () => {
  const reference = fact({ id: 'ref', reference: true })

  it('finds nothing to explain between like figures', () => {
    expect(differencesFrom(fact({ id: 'twin', value: 95000 }), reference)).toEqual([])
  })

  it('names a different statistic, scope, year and method', () => {
    const glassdoor = fact({
      id: 'gd', statistic: 'average', period: parsePeriod('2025'),
      scope: { label: 'Back-end engineers', relation: 'same-role', system: null, code: null },
      source: { id: 'gd', publisher: 'Glassdoor', title: 'Salaries', kind: 'salary-survey', url: null },
    })
    const diffs = differencesFrom(glassdoor, reference)
    expect(diffs.map((d) => d.dimension)).toEqual(['statistic', 'scope', 'period', 'method'])
    expect(diffs[2]?.text).toContain('1 year later than the reference (May 2024)')
    expect(diffs[3]?.text).toContain('reported by the site’s own users')
  })

  it('explains another place and currency with the rate used', () => {
    const london = fact({
      id: 'ldn', currency: 'GBP', place: { id: 'london', name: 'London', kind: 'city', country: 'GB', currency: 'GBP' },
      usd: { annualUsd: 98300, rate: 0.783, ratePeriod: '2024', rateSource: { id: 'irs', publisher: 'IRS', title: 'Rates', kind: 'reference-data', url: null } },
    })
    const diffs = differencesFrom(london, reference)
    expect(diffs.find((d) => d.dimension === 'place')?.text).toContain('London, not United States')
    expect(diffs.find((d) => d.dimension === 'currency')?.text).toContain('0.783 GBP per US dollar (2024 average, IRS) that is about $98,300')
  })

  it('says when a figure has no period', () => {
    expect(differencesFrom(fact({ id: 'np', period: null }), reference)[0]?.text).toContain('gives no period')
  })
})

describe('buildSalaryPanel', () => {
  it('puts national figures in rows, cities and specialisation ranges apart', () => {
    const panel = buildSalaryPanel([
      fact({ id: 'ref', reference: true }),
      fact({ id: 'avg', statistic: 'average' }),
      fact({ id: 'city', place: { id: 'austin', name: 'Austin', kind: 'city', country: 'US', currency: 'USD' } }),
      fact({ id: 'range', subject: 'dba', statistic: 'range', value: null, low: 1, high: 2 }),
    ])
    expect(panel.reference?.id).toBe('ref')
    expect(panel.rows.map((r) => r.fact.id)).toEqual(['ref', 'avg'])
    expect(panel.rows[0]?.explanation).toMatch(/^Reference figure/)
    expect(panel.rows[1]?.differences.map((d) => d.dimension)).toEqual(['statistic'])
    expect(panel.cities.map((f) => f.id)).toEqual(['city'])
    expect(panel.ranges.map((f) => f.id)).toEqual(['range'])
  })

  it('copes with no salary figures at all', () => {
    expect(buildSalaryPanel([])).toEqual({ reference: null, rows: [], cities: [], ranges: [], distributions: [] })
  })
})

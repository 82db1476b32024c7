import { describe, expect, it } from 'vitest'
import { parseMatchQuery } from './match-query.js'

describe('the matches page query', () => {
  it('reads every filter the analysis accepts; empty fields are no filter', () => {
    expect(parseMatchQuery({ maxEducation: 'bachelor', minPay: '50000', minGrowthPercent: '-5', origin: 'onet', offset: '20' })).toEqual({
      filters: { maxEducation: 'bachelor', minPay: 50000, minGrowthPercent: -5, origin: 'onet' },
      values: { maxEducation: 'bachelor', minPay: '50000', minGrowthPercent: '-5', origin: 'onet' },
      offset: 20,
      problems: [],
    })
    expect(parseMatchQuery({ maxEducation: '', minPay: ' ', origin: '' })).toMatchObject({ filters: {}, offset: 0, problems: [] })
    expect(parseMatchQuery(undefined)).toMatchObject({ filters: {}, offset: 0, problems: [] })
  })

  it('names each value it cannot use instead of guessing', () => {
    const parsed = parseMatchQuery({ maxEducation: 'phd', minPay: '-1', minGrowthPercent: 'lots', origin: 'mars', offset: '1.5' })
    expect(parsed.filters).toEqual({})
    expect(parsed.problems).toHaveLength(5)
    expect(parsed.offset).toBe(0)
  })

  it('takes the first of a repeated parameter', () => {
    expect(parseMatchQuery({ origin: ['catalog', 'esco'] }).filters).toEqual({ origin: 'catalog' })
  })
})

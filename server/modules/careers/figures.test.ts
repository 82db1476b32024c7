import { describe, expect, it } from 'vitest'
import { annualAmount, displayFigure, parsePeriod, pickRate, toUsd } from './figures.js'

const base = { statistic: 'median', value: null, low: null, high: null, label: null, unit: 'per-year', currency: 'USD', approximate: false }

describe('parsePeriod', () => {
  it('labels a month, a year and a span the way people write them', () => {
    expect(parsePeriod('2024-05')).toEqual({ value: '2024-05', label: 'May 2024', startYear: 2024, endYear: 2024 })
    expect(parsePeriod('2025')?.label).toBe('2025')
    expect(parsePeriod('2023/2033')).toMatchObject({ label: '2023–2033', startYear: 2023, endYear: 2033 })
    expect(parsePeriod('2024-02-02')?.label).toBe('2 February 2024')
  })
  it('keeps an unknown period unknown', () => {
    expect(parsePeriod(null)).toBeNull()
  })
})

describe('displayFigure', () => {
  it('formats money in its own currency with the unit', () => {
    expect(displayFigure({ ...base, value: 171776 })).toBe('$171,776 a year')
    expect(displayFigure({ ...base, value: 77000, currency: 'GBP' })).toBe('£77,000 a year')
    expect(displayFigure({ ...base, value: 2580000, currency: 'INR' })).toBe('₹2,580,000 a year')
  })
  it('marks approximate figures and ranges', () => {
    expect(displayFigure({ ...base, value: 148000, approximate: true })).toBe('~$148,000 a year')
    expect(displayFigure({ ...base, statistic: 'range', low: 70000, high: 120000 })).toBe('$70,000–$120,000 a year')
  })
  it('signs growth and counts listings', () => {
    expect(displayFigure({ ...base, statistic: 'percent-change', value: 7.5, unit: 'percent', currency: null })).toBe('+7.5%')
    expect(displayFigure({ ...base, statistic: 'percent-change', value: -4.2, unit: 'percent', currency: null })).toBe('-4.2%')
    expect(displayFigure({ ...base, statistic: 'count', value: 22418, unit: 'listings', currency: null })).toBe('22,418 listings')
  })
  it('shows a designation by its label', () => {
    expect(displayFigure({ ...base, statistic: 'designation', label: 'Bright Outlook', unit: 'flag', currency: null })).toBe('Bright Outlook')
  })
})

describe('currency conversion', () => {
  const rates = [
    { currency: 'GBP', period: '2023', unitsPerUsd: 0.804 },
    { currency: 'GBP', period: '2024', unitsPerUsd: 0.783 },
    { currency: 'EUR', period: '2024', unitsPerUsd: 0.924 },
  ]
  it('picks the rate of the figure’s year, else the closest one', () => {
    expect(pickRate(rates, 'GBP', parsePeriod('2024'))?.unitsPerUsd).toBe(0.783)
    expect(pickRate(rates, 'GBP', parsePeriod('2022'))?.unitsPerUsd).toBe(0.804)
    expect(pickRate(rates, 'GBP', null)?.period).toBe('2024')
    expect(pickRate(rates, 'JPY', null)).toBeUndefined()
  })
  it('converts local annual pay to dollars, rounded to the nearest hundred', () => {
    expect(toUsd(77000, { currency: 'GBP', period: '2024', unitsPerUsd: 0.783 })).toBe(98300)
    expect(toUsd(54000, { currency: 'EUR', period: '2024', unitsPerUsd: 0.924 })).toBe(58400)
  })
  it('annualises hourly wages at 2,080 hours', () => {
    expect(annualAmount(50, 'per-hour')).toBe(104000)
    expect(annualAmount(90000, 'per-year')).toBe(90000)
  })
})

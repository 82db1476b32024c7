import { describe, expect, it } from 'vitest'
import { bandOf, chunks, daysBetween, distribute, isCalendarDate, later, mean, nextDay, ratio, weekIndex, weeksEnding } from './insight-stats.js'

describe('bands', () => {
  it('puts each share in its 20-point band, edges in the upper band and 100 % in the last', () => {
    expect([0, 0.1999, 0.2, 0.39, 0.4, 0.6, 0.7999, 0.8, 1].map(bandOf)).toEqual([0, 0, 1, 1, 2, 3, 3, 4, 4])
    expect(distribute([0, 0.5, 1, null, 0.2])).toEqual({ counts: [1, 1, 1, 0, 1], noData: 1 })
  })
})

describe('weeks', () => {
  it('ends with the UTC week (Monday to Monday) holding now, oldest first', () => {
    const weeks = weeksEnding(Date.parse('2026-03-04T15:00:00Z'), 3) // a Wednesday
    expect(weeks.map((w) => w.start.slice(0, 10))).toEqual(['2026-02-16', '2026-02-23', '2026-03-02'])
    expect(weeks.at(-1)!.end).toBe('2026-03-09T00:00:00.000Z')
    expect(weekIndex(weeks, '2026-02-16T00:00:00.000Z')).toBe(0)
    expect(weekIndex(weeks, '2026-02-22T23:59:59.999Z')).toBe(0)
    expect(weekIndex(weeks, '2026-02-23')).toBe(1)
    expect(weekIndex(weeks, '2026-03-08T23:00:00.000Z')).toBe(2)
    expect(weekIndex(weeks, '2026-03-09T00:00:00.000Z')).toBe(-1)
    expect(weekIndex(weeks, '2026-02-15T23:59:59.000Z')).toBe(-1)
    expect(weeksEnding(Date.parse('2026-03-08T23:59:00Z'), 1)[0]!.start).toBe('2026-03-02T00:00:00.000Z') // a Sunday
  })
})

describe('dates and numbers', () => {
  it('accepts only real calendar dates and counts days', () => {
    expect(['2026-02-28', '2024-02-29'].map(isCalendarDate)).toEqual([true, true])
    expect(['2026-02-29', '2026-13-01', '26-01-01', '2026-1-1', ''].map(isCalendarDate)).toEqual([false, false, false, false, false])
    expect(nextDay('2026-12-31')).toBe('2027-01-01')
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365)
  })

  it('rounds ratios and means to four places; picks the later timestamp; chunks lists', () => {
    expect(ratio(2, 3)).toBe(0.6667)
    expect(ratio(1, 0)).toBe(0)
    expect(mean([])).toBeNull()
    expect(mean([0.5, 1, 0])).toBe(0.5)
    expect(later(null, '2026-01-01')).toBe('2026-01-01')
    expect(later('2026-02-01', '2026-01-01')).toBe('2026-02-01')
    expect(later(undefined, null)).toBeNull()
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
  })
})

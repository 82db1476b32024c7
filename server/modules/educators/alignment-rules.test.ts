import { describe, expect, it } from 'vitest'
import type { OccupationFigures } from './alignment-data.js'
import { defaultThresholds, flagsOf, flagWords, inDemand, ordinal, percentileRank, percentileValue, periodWords, STATED_ALL_GROWTH, type Thresholds } from './alignment-rules.js'
import { parseCip } from './programmes.service.js'

const OEWS = { id: 'bls-oews-2024-05', publisher: 'BLS', title: 'OEWS', period: '2024-05' }
const EP = { id: 'bls-ep-2024-2034', publisher: 'BLS', title: 'EP', period: '2024/2034' }
const T: Thresholds = { wagePercentile: 50, growthPercent: 3, annualOpenings: 1000, educationLevel: 'associate', inDemandRule: 'either' }

function occupation(over: Partial<OccupationFigures> = {}): OccupationFigures {
  return {
    soc: '15-1252', title: 'Software Developers', careers: [],
    medianWage: { value: 100, source: OEWS, note: null, topCoded: false },
    growthPercent: { value: 5, source: EP, note: null },
    openings: { value: 500, source: EP, note: null },
    education: { level: 'bachelor', label: 'Bachelor\'s degree', rank: 5, source: EP },
    ...over,
  }
}

describe('percentiles', () => {
  it('interpolates a percentile between neighbours, as PERCENTILE.INC does', () => {
    expect(percentileValue([10, 20, 30, 40], 50)).toBe(25)
    expect(percentileValue([10, 20, 30, 40], 0)).toBe(10)
    expect(percentileValue([10, 20, 30, 40], 100)).toBe(40)
    expect(percentileValue([10, 20, 30, 40, 50], 25)).toBe(20)
    expect(percentileValue([], 50)).toBeNull()
  })

  it('ranks a value by the share of the others below it, consistent with the percentile value', () => {
    const sorted = [10, 20, 30, 40, 50]
    expect(percentileRank(sorted, 10)).toBe(0)
    expect(percentileRank(sorted, 30)).toBe(50)
    expect(percentileRank(sorted, 50)).toBe(100)
    for (const value of sorted) expect(value).toBeGreaterThanOrEqual(percentileValue(sorted, percentileRank(sorted, value)!)!)
  })
})

describe('flags', () => {
  it('decides each flag from its figure and threshold', () => {
    const flags = flagsOf(occupation(), [50, 100, 150], T)
    expect(flags.highWage).toMatchObject({ value: true, evidence: [{ figure: 100, threshold: 100, met: true }] })
    expect(flagsOf(occupation(), [50, 100, 150], { ...T, wagePercentile: 51 }).highWage.value).toBe(false)
    expect(flags.highSkill.value).toBe(true)
    expect(flagsOf(occupation(), [100], { ...T, educationLevel: 'master' }).highSkill.value).toBe(false)
    expect(flags.inDemand.value).toBe(true) // 5 % ≥ 3 %, though 500 < 1,000 openings
  })

  it('is in-demand on either figure, not on neither, and unknown when a missing figure could decide it', () => {
    expect(inDemand(occupation({ growthPercent: { value: 1, source: EP, note: null }, openings: { value: 2000, source: EP, note: null } }), T).value).toBe(true)
    expect(inDemand(occupation({ growthPercent: { value: 1, source: EP, note: null } }), T).value).toBe(false)
    expect(inDemand(occupation({ growthPercent: null }), T)).toMatchObject({ value: null, reason: expect.stringContaining('projected change') })
    expect(inDemand(occupation({ growthPercent: null, openings: { value: 2000, source: EP, note: null } }), T).value).toBe(true)
    expect(inDemand(occupation({ growthPercent: null, openings: null }), T)).toMatchObject({ value: null, reason: 'BLS publishes no projections for this occupation.' })
  })

  it('needs both figures under the "both" rule: one below is not in-demand, one missing is unknown', () => {
    const both: Thresholds = { ...T, inDemandRule: 'both' }
    const high = { growthPercent: { value: 9, source: EP, note: null }, openings: { value: 2000, source: EP, note: null } }
    expect(inDemand(occupation(high), both).value).toBe(true)
    expect(inDemand(occupation(), both).value).toBe(false) // 500 openings < 1,000, though 5 % ≥ 3 %
    expect(inDemand(occupation(), T).value).toBe(true)
    expect(inDemand(occupation({ ...high, openings: null }), both)).toMatchObject({ value: null, reason: expect.stringContaining('needs both') })
    expect(inDemand(occupation({ growthPercent: { value: 1, source: EP, note: null }, openings: null }), both).value).toBe(false)
  })

  it('leaves a flag unknown, with the reason, when the figure is missing — never false', () => {
    const flags = flagsOf(occupation({ medianWage: null, education: null }), [1, 2], T)
    expect(flags.highWage).toMatchObject({ value: null, reason: expect.stringContaining('no national median') })
    expect(flags.highSkill).toMatchObject({ value: null, reason: expect.stringContaining('no typical entry education') })
    expect(flagsOf(occupation(), [], T).highWage.value).toBeNull()
  })

  it('puts the evidence in words without repeating why a flag is unknown', () => {
    expect(flagWords(inDemand(occupation({ growthPercent: null, openings: null }), T))).toBe('BLS publishes no projections for this occupation.')
    const partly = flagWords(inDemand(occupation({ growthPercent: null }), T))
    expect(partly).toMatch(/^500 openings a year \(average over 2024–2034\) is below 1,000\. The projected change is not published/)
    expect(flagWords(inDemand(occupation(), T))).toBe('Employment change 5 % over 2024–2034 is at or above 3 %. 500 openings a year (average over 2024–2034) is below 1,000.')
  })

  it('says "at least" for a top-coded median', () => {
    const flags = flagsOf(occupation({ medianWage: { value: 239_200, source: OEWS, note: 'At least …', topCoded: true } }), [100, 239_200], T)
    expect(flags.highWage.evidence[0]!.comparison).toContain('Median at least $239,200 (May 2024)')
  })
})

describe('defaults and words', () => {
  it('takes the all-occupations growth when projections are imported, else the stated figure', () => {
    expect(defaultThresholds({ allGrowth: { value: 3.2, source: EP } }).growthPercent).toBe(3.2)
    expect(defaultThresholds({ allGrowth: null })).toEqual({ wagePercentile: 50, growthPercent: STATED_ALL_GROWTH, annualOpenings: 10_000, educationLevel: 'postsecondary-award', inDemandRule: 'either' })
  })

  it('writes ordinals and periods', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 50, 62.5].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '50th', '62.5th'])
    expect(periodWords('2024-05')).toBe('May 2024')
    expect(periodWords('2024/2034')).toBe('2024–2034')
  })
})

describe('parseCip', () => {
  it('reads the written forms of a CIP code and of a series', () => {
    expect(parseCip('11.0201')).toEqual({ kind: 'code', code: '11.0201' })
    expect(parseCip(' 110201 ')).toEqual({ kind: 'code', code: '11.0201' })
    expect(parseCip('1.0000')).toEqual({ kind: 'code', code: '01.0000' })
    expect(parseCip('10000')).toEqual({ kind: 'code', code: '01.0000' })
    expect(parseCip('CIP 51.0912')).toEqual({ kind: 'code', code: '51.0912' })
    expect(parseCip('11.02')).toEqual({ kind: 'series', code: '11.02' })
    expect(parseCip('1102')).toEqual({ kind: 'series', code: '11.02' })
    for (const bad of ['', 'computer', '11-0201', '11.020', '111.0201', '11.02011']) expect(parseCip(bad), bad).toBeNull()
  })
})

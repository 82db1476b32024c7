import { describe, expect, it } from 'vitest'
import { analyseGap } from './gap.js'
import { catalogOf, item, req, upper } from './analysis.fixtures.js'

const teachers = catalogOf([
  item('intro-a', ['a'], { hours: 10 }),
  item('deep-a', ['a'], { level: 'advanced', hours: 40 }),
  item('intro-c', ['c'], { hours: 5 }),
])
const ctx = { nameOf: upper, teachersOf: (skill: string) => teachers.teaching(skill) }
const gap = (levels: Record<string, number>, requirements = [req('a', 1, 4), req('b', 0.5, 2), req('c', 0.5, 2)]) =>
  analyseGap(requirements, new Map(Object.entries(levels)), ctx)

describe('gap analysis', () => {
  it('weights coverage by importance and by the share of the level reached', () => {
    // a: 2 of 4 → half of weight 1; b met; c missing. (0.5 + 0.5) / 2 = 0.5
    const result = gap({ a: 2, b: 3 })
    expect(result.coverage).toBe(0.5)
    expect(result.met.map((m) => m.skill)).toEqual(['b'])
    expect(result.gaps.map((g) => [g.skill, g.missing, g.shortfall])).toEqual([['a', false, 0.25], ['c', true, 0.25]])
  })

  it('lists the items that teach a gap beyond the level had, those reaching the required level first', () => {
    const result = gap({ a: 2 })
    const a = result.gaps.find((g) => g.skill === 'a')!
    expect(a.teachers.map((t) => t.id)).toEqual(['deep-a']) // intro-a reaches only 2, already had
    const fresh = gap({}).gaps.find((g) => g.skill === 'a')!
    expect(fresh.teachers.map((t) => t.id)).toEqual(['deep-a', 'intro-a'])
    expect(gap({}).gaps.find((g) => g.skill === 'b')!.teachers).toEqual([])
  })

  it('is 0 for an empty passport and 1 when every requirement is met', () => {
    expect(gap({}).coverage).toBe(0)
    expect(gap({}).gaps).toHaveLength(3)
    expect(gap({ a: 5, b: 2, c: 4 })).toMatchObject({ coverage: 1, gaps: [] })
  })

  it('has no coverage figure for a career without skill data', () => {
    expect(analyseGap([], new Map([['a', 3]]), ctx)).toEqual({ coverage: null, met: [], gaps: [] })
  })
})

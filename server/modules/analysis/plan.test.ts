import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../platform/seeded-random.js'
import { buildPlan, type PlanOptions } from './plan.js'
import { catalogOf, identity, item, req, upper } from './analysis.fixtures.js'
import type { LearningItem } from './learning-items.js'
import type { Requirement } from './career-requirements.js'

const TIME: PlanOptions = { optimise: 'time', hoursPerWeek: 10 }
const plan = (requirements: Requirement[], items: LearningItem[], levels: Record<string, number> = {}, options: Partial<PlanOptions> = {}) =>
  buildPlan(requirements, new Map(Object.entries(levels)), { ...TIME, ...options }, { catalog: catalogOf(items), sameAs: identity, nameOf: upper })
const ids = (p: ReturnType<typeof plan>) => p.items.filter((i) => i.status === 'planned').map((i) => i.id)

describe('learning plan', () => {
  it('takes a beginner item before an intermediate one for the same skill (level order)', () => {
    const p = plan([req('a', 1, 3), req('b', 0.5, 2)], [
      item('adv', ['a'], { level: 'advanced', hours: 5 }),
      item('int', ['a'], { level: 'intermediate', hours: 20 }),
      item('beg', ['a', 'b'], { level: 'beginner', hours: 10 }),
    ])
    expect(ids(p)).toEqual(['beg', 'int'])
    expect(p.coverageBefore).toBe(0)
    expect(p.coverageAfter).toBe(1)
    expect(p.items[1]!.skills).toEqual([{ skill: 'a', name: 'A', from: 2, to: 3, required: 3 }])
    expect(p.uncovered).toEqual([])
  })

  it('chooses the least total time, or the least cost when asked', () => {
    const items = [
      item('both', ['a', 'b'], { hours: 30, cost: { amount: 0, currency: 'USD' } }),
      item('only-a', ['a'], { hours: 10, cost: { amount: 50, currency: 'USD' } }),
      item('only-b', ['b'], { hours: 10, cost: { amount: 50, currency: 'USD' } }),
    ]
    const requirements = [req('a', 1, 2), req('b', 0.5, 2)]
    const byTime = plan(requirements, items)
    expect(ids(byTime).sort()).toEqual(['only-a', 'only-b'])
    expect(byTime.totals).toMatchObject({ hours: 20, weeks: 2, cost: { amount: 100, currency: 'USD' }, itemsWithUnknownCost: 0 })
    const byCost = plan(requirements, items, {}, { optimise: 'cost' })
    expect(ids(byCost)).toEqual(['both'])
    expect(byCost.totals).toMatchObject({ hours: 30, cost: { amount: 0, currency: 'USD' } })
  })

  it('adds stated prerequisites first, with the reason', () => {
    const p = plan([req('a', 1, 2)], [
      item('intro', [], { hours: 5 }),
      item('course', ['a'], { hours: 10, prerequisites: ['intro'] }),
    ])
    expect(ids(p)).toEqual(['intro', 'course'])
    expect(p.items[0]).toMatchObject({ prerequisiteOf: ['course'], reason: expect.stringMatching(/prerequisite of COURSE/) })
    expect(p.totals.hours).toBe(15)
  })

  it('counts a prerequisite bundle\'s whole time when choosing', () => {
    // "cheap" looks short but needs a 40-hour prerequisite; "plain" is the shorter route in total.
    const p = plan([req('a', 1, 2)], [
      item('big-intro', [], { hours: 40 }),
      item('cheap', ['a'], { hours: 5, prerequisites: ['big-intro'] }),
      item('plain', ['a'], { hours: 20 }),
    ])
    expect(ids(p)).toEqual(['plain'])
  })

  it('reports what stays uncovered and why', () => {
    const p = plan([req('a', 1, 4), req('b', 0.5, 2)], [item('beg-a', ['a'])])
    expect(p.coverageAfter).toBeCloseTo((1 * 2 / 4) / 1.5, 4)
    expect(p.uncovered.map((u) => [u.skill, u.reached])).toEqual([['a', 2], ['b', 0]])
    expect(p.uncovered[0]!.reason).toMatch(/up to level 2 \(beginner\); the career asks for 4 \(advanced\)/)
    expect(p.uncovered[1]!.reason).toBe('No credential or resource in the catalog teaches this skill.')
  })

  it('says when the step before a level is missing from the catalog', () => {
    const p = plan([req('a', 1, 3)], [item('int-a', ['a'], { level: 'intermediate' })])
    expect(ids(p)).toEqual([])
    expect(p.uncovered[0]!.reason).toMatch(/expect level 2 first/)
  })

  it('plans nothing for an empty passport against a career without skills', () => {
    const p = plan([], [item('x', ['a'])])
    expect(p).toMatchObject({ coverageBefore: null, coverageAfter: null, items: [], uncovered: [], weeks: [], totals: { hours: 0, weeks: 0, cost: null } })
  })

  it('plans nothing when the passport already meets the career', () => {
    const p = plan([req('a', 1, 2)], [item('x', ['a'])], { a: 5 })
    expect(p.coverageBefore).toBe(1)
    expect(p.items).toEqual([])
  })

  it('keeps completed items as done and plans only what is left', () => {
    const items = [item('beg', ['a'], { hours: 10 }), item('int', ['a'], { level: 'intermediate', hours: 20 })]
    const first = plan([req('a', 1, 3)], items)
    expect(ids(first)).toEqual(['beg', 'int'])
    const again = plan([req('a', 1, 3)], items, {}, { completed: ['beg'] })
    expect(again.items.map((i) => [i.id, i.status])).toEqual([['beg', 'done'], ['int', 'planned']])
    expect(again.coverageBefore).toBeCloseTo(2 / 3, 4)
    expect(again.totals.hours).toBe(20)
    expect(again.items[0]!.startWeek).toBeNull()
  })

  it('drops an item that adds nothing once the rest of the plan is chosen', () => {
    // Greedy takes "a-only" first (best ratio), then "ab" for b — after which "a-only" adds nothing.
    const p = plan([req('a', 1, 2), req('b', 1, 2)], [
      item('a-only', ['a'], { hours: 4 }),
      item('ab', ['a', 'b'], { hours: 9 }),
    ])
    expect(ids(p)).toEqual(['ab'])
  })

  it('lays the plan out week by week at the learner\'s pace', () => {
    const p = plan([req('a', 1, 3)], [item('beg', ['a'], { hours: 15 }), item('int', ['a'], { level: 'intermediate', hours: 10 })], {}, { hoursPerWeek: 10 })
    expect(p.items.map((i) => [i.id, i.startWeek, i.endWeek])).toEqual([['beg', 1, 2], ['int', 2, 3]])
    expect(p.weeks).toEqual([
      { week: 1, items: [{ id: 'beg', hours: 10 }] },
      { week: 2, items: [{ id: 'beg', hours: 5 }, { id: 'int', hours: 5 }] },
      { week: 3, items: [{ id: 'int', hours: 5 }] },
    ])
    expect(p.totals.weeks).toBe(3)
  })
})

describe('learning plan against the exact optimum (small random cases)', () => {
  it('reaches the best coverage and stays near the least time', () => {
    const SEED = 20261122
    const rand = seededRandom(SEED)
    const ratios: number[] = []
    for (let trial = 0; trial < 200; trial++) {
      const skills = ['s0', 's1', 's2', 's3', 's4', 's5'].slice(0, 3 + Math.floor(rand() * 4))
      const requirements = skills.map((s) => req(s, Math.round((0.3 + rand() * 0.7) * 100) / 100, 2))
      const items = Array.from({ length: 4 + Math.floor(rand() * 6) }, (_, i) =>
        item(`i${i}`, skills.filter(() => rand() < 0.4), { hours: 1 + Math.floor(rand() * 30) }))
      const greedy = plan(requirements, items)
      // Exact: every subset; the best coverage, then the least hours.
      let best = { coverage: -1, hours: Infinity }
      for (let mask = 0; mask < 1 << items.length; mask++) {
        const chosen = items.filter((_, i) => mask & (1 << i))
        const covered = new Set(chosen.flatMap((c) => c.skills))
        const coverage = requirements.reduce((sum, r) => sum + (covered.has(r.skill) ? r.weight : 0), 0)
        const hours = chosen.reduce((sum, c) => sum + c.hours, 0)
        if (coverage > best.coverage + 1e-9 || (Math.abs(coverage - best.coverage) <= 1e-9 && hours < best.hours)) best = { coverage, hours }
      }
      const total = requirements.reduce((sum, r) => sum + r.weight, 0)
      expect(greedy.coverageAfter! * total, `trial ${trial} (seed ${SEED})`).toBeCloseTo(best.coverage, 3)
      ratios.push(best.hours === 0 ? 1 : greedy.totals.hours / best.hours)
    }
    const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length
    const optimal = ratios.filter((r) => r <= 1 + 1e-9).length
    process.stdout.write(`plan vs exact optimum, 200 random cases (seed ${SEED}): optimal in ${optimal}, mean time ratio ${mean.toFixed(3)}, worst ${Math.max(...ratios).toFixed(2)}\n`)
    expect(Math.max(...ratios)).toBeLessThan(2)
    expect(mean).toBeLessThan(1.1)
  })
})

import { describe, expect, it } from 'vitest'
import type { CatalogRows } from '../catalog/catalog.repository.js'
import { rowWeight, skillEquivalents } from './career-skills.js'
import { overlapsFrom, sharedSkills, skillsToAdd } from './skill-overlap.js'
import type { CareerSkillModel } from './career-skills.js'

type Row = CatalogRows['careerSkills'][number]
const row = (over: Partial<Row>): Row => ({
  career_id: 'c', source_id: 'seed', skill_id: 's', kind: null, score: null, note: null, position: 0, importance: null,
  level: null, relation: null, hot_technology: null, in_demand: null, ...over,
})

describe('rowWeight puts every source on one 0–1 scale', () => {
  it('maps O*NET importance 1–5 to 0–1', () => {
    expect(rowWeight(row({ source_id: 'onet-29-3', kind: 'common', score: 5 }), 5)).toBe(1)
    expect(rowWeight(row({ source_id: 'onet-29-3', kind: 'common', score: 3 }), 5)).toBe(0.5)
    expect(rowWeight(row({ source_id: 'onet-29-3', kind: 'common', score: 1 }), 5)).toBe(0)
  })

  it('weighs ESCO essential skills twice optional ones', () => {
    expect(rowWeight(row({ relation: 'essential' }), null)).toBe(1)
    expect(rowWeight(row({ relation: 'optional' }), null)).toBe(0.5)
  })

  it('weighs O*NET technologies by demand', () => {
    expect(rowWeight(row({ kind: 'technology', in_demand: 1, hot_technology: 1 }), null)).toBe(0.8)
    expect(rowWeight(row({ kind: 'technology', hot_technology: 1 }), null)).toBe(0.7)
    expect(rowWeight(row({ kind: 'technology' }), null)).toBe(0.5)
  })

  it('reads curated scores against their scale, and unscored lists as 0.6', () => {
    expect(rowWeight(row({ kind: 'specialized', score: 4.9 }), 5)).toBeCloseTo(0.98)
    expect(rowWeight(row({}), null)).toBe(0.6)
  })
})

describe('skillEquivalents', () => {
  it('links a curated skill with the ESCO skill of its URI and the O*NET technology of its name or label', () => {
    const skills = [
      { id: 'kubernetes', origin: 'catalog', name: 'Kubernetes', kind: 'technology', alt_labels: '["K8s"]', esco_uri: 'http://esco/k', description: null, onet_element: null },
      { id: 'esco:k', origin: 'esco', name: 'Kubernetes', kind: 'specialized', alt_labels: null, esco_uri: 'http://esco/k', description: null, onet_element: null },
      { id: 'onet-tech:k8s', origin: 'onet', name: 'K8s', kind: 'technology', alt_labels: null, esco_uri: null, description: null, onet_element: null },
      { id: 'onet-tech:python', origin: 'onet', name: 'Python', kind: 'technology', alt_labels: null, esco_uri: null, description: null, onet_element: null },
    ]
    const groups = skillEquivalents({ skills } as unknown as CatalogRows)
    expect(groups.get('kubernetes')?.sort()).toEqual(['esco:k', 'kubernetes', 'onet-tech:k8s'])
    expect(groups.get('onet-tech:k8s')?.sort()).toEqual(['esco:k', 'kubernetes', 'onet-tech:k8s'])
    expect(groups.has('onet-tech:python')).toBe(false)
  })
})

/** A model from plain lists, as career-skills builds it. */
function model(careers: Record<string, Record<string, number>>, same: Record<string, string[]> = {}): CareerSkillModel {
  const of = (id: string) => Object.entries(careers[id] ?? {}).map(([skill, weight]) => ({ skill, weight })).sort((a, b) => b.weight - a.weight)
  const sameAs = (skill: string) => same[skill] ?? [skill]
  return {
    of, sameAs,
    total: (id) => of(id).reduce((sum, s) => sum + s.weight, 0),
    careersWith: (skill) => Object.keys(careers).flatMap((career) => {
      const weights = sameAs(skill).map((s) => careers[career]?.[s]).filter((w): w is number => w !== undefined)
      return weights.length > 0 ? [{ career, weight: Math.max(...weights) }] : []
    }),
  }
}

describe('skill overlap', () => {
  const m = model({
    a: { x: 1, y: 1, z: 0.5 },
    b: { x: 1, y: 0.5, z: 0.5, w: 1 },
    c: { x: 1, q: 1 },
    d: { x: 0.5, y: 0.5, z: 0.5 },
  })

  it('gives the weighted Jaccard similarity and the share of the target already covered', () => {
    const byCareer = Object.fromEntries(overlapsFrom(m, 'a').map((o) => [o.career, o]))
    // a∩b: min(1,1)+min(1,.5)+min(.5,.5) = 2; a = 2.5, b = 3 → union 2.5 + 3 − 2 = 3.5
    expect(byCareer.b?.similarity).toBeCloseTo(2 / 3.5)
    // what b needs that a has, each up to b's weight: 1 + .5 + .5 = 2 of 3
    expect(byCareer.b?.coverage).toBeCloseTo(2 / 3)
    expect(byCareer.d?.coverage).toBe(1)
    // from d (all at .5) to a: .5 + .5 + .5 of 2.5 — having a skill at half the level counts half
    expect(overlapsFrom(m, 'd').find((o) => o.career === 'a')?.coverage).toBeCloseTo(1.5 / 2.5)
    expect(byCareer.b?.shared).toBe(3)
  })

  it('leaves out careers sharing fewer than three skills', () => {
    expect(overlapsFrom(m, 'a').map((o) => o.career).sort()).toEqual(['b', 'd'])
  })

  it('lists the skills to add or raise, largest gap first, and the shared ones', () => {
    expect(skillsToAdd(m, 'a', 'b', 5)).toEqual([{ skill: 'w', weight: 1, have: 0 }])
    expect(skillsToAdd(m, 'd', 'a', 5)).toEqual([{ skill: 'x', weight: 1, have: 0.5 }, { skill: 'y', weight: 1, have: 0.5 }])
    expect(sharedSkills(m, 'a', 'b').map((s) => s.skill)).toEqual(['x', 'y', 'z'])
  })

  it('counts equivalent skills as the same skill', () => {
    const linked = model({ a: { k: 1, x: 1, y: 1 }, b: { 'onet-tech:k': 1, x: 1, y: 1 } }, { k: ['k', 'onet-tech:k'], 'onet-tech:k': ['k', 'onet-tech:k'] })
    expect(overlapsFrom(linked, 'a')).toEqual([expect.objectContaining({ career: 'b', shared: 3, coverage: 1 })])
    expect(skillsToAdd(linked, 'a', 'b', 5)).toEqual([])
  })
})

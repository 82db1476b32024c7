import { describe, expect, it } from 'vitest'
import type { CareerSkillModel } from '../explore/career-skills.js'
import type { Posting, Requirement, RequirementModel } from './career-requirements.js'
import { matchCareers } from './match.js'
import { req } from './analysis.fixtures.js'

/** A requirement model over hand-written careers; `same` lists skills the data treats as one. */
function modelOf(careers: Record<string, Requirement[]>, same: string[][] = []): { model: RequirementModel; skills: CareerSkillModel } {
  const careerIds = Object.keys(careers)
  const postings = new Map<string, Posting[]>()
  careerIds.forEach((id, career) => {
    for (const r of careers[id]!) postings.set(r.skill, [...(postings.get(r.skill) ?? []), { career, weight: r.weight, required: r.required }])
  })
  const sameAs = (skill: string) => same.find((group) => group.includes(skill)) ?? [skill]
  const skills = { sameAs, of: () => [], careersWith: () => [], total: () => 0 } as unknown as CareerSkillModel
  const model: RequirementModel = {
    careerIds, skills,
    totals: Float64Array.from(careerIds.map((id) => careers[id]!.reduce((sum, r) => sum + r.weight, 0))),
    indexOf: (id) => careerIds.indexOf(id),
    of: (id) => careers[id] ?? [],
    postings: (skill) => postings.get(skill) ?? [],
  }
  return { model, skills }
}

function match(careers: Record<string, Requirement[]>, passport: Record<string, number>, same: string[][] = [], keep?: (c: number) => boolean) {
  const { model, skills } = modelOf(careers, same)
  const entries = Object.entries(passport).map(([id, level]) => ({ id, level }))
  const levels = new Map<string, number>()
  for (const e of entries) for (const s of skills.sameAs(e.id)) levels.set(s, Math.max(levels.get(s) ?? 0, e.level))
  const fits = matchCareers(model, skills, entries, levels, keep ? { keep } : {})
  return [...fits.order].map((c) => ({ career: model.careerIds[c], coverage: fits.coverage[c], relevance: fits.relevance[c], score: fits.score[c] }))
}

const CAREERS = {
  developer: [req('python', 1, 3), req('sql', 1, 3), req('git', 0.5, 2)],
  analyst: [req('sql', 1, 3), req('statistics', 1, 3), req('excel', 0.5, 2)],
  nurse: [req('care', 1, 3), req('medicine', 1, 4)],
  empty: [],
}

describe('matching', () => {
  it('ranks by √(coverage × relevance), level-aware', () => {
    const ranked = match(CAREERS, { python: 3, sql: 3, git: 2 })
    // Relevance: Σ level × the career's weight ÷ Σ levels = (3 + 3 + 2 × 0.5) / 8.
    expect(ranked[0]).toEqual({ career: 'developer', coverage: 1, relevance: expect.closeTo(7 / 8, 4), score: expect.any(Number) })
    expect(ranked.map((r) => r.career)).toEqual(['developer', 'analyst', 'nurse', 'empty']) // ties at 0 keep catalog order
    for (const r of ranked) expect(r.score).toBeCloseTo(Math.sqrt(r.coverage! * r.relevance!), 3)
    // Half the level counts half.
    expect(match(CAREERS, { python: 1.5, sql: 3, git: 2 })[0]!.coverage).toBeCloseTo((0.5 + 1 + 0.5) / 2.5, 4)
  })

  it('puts every career at 0 for an empty passport, and a career without skills at 0, never NaN', () => {
    const ranked = match(CAREERS, {})
    expect(ranked).toHaveLength(4)
    for (const r of ranked) expect(r).toMatchObject({ coverage: 0, relevance: 0, score: 0 })
    const withSkills = match(CAREERS, { python: 5 })
    expect(withSkills.find((r) => r.career === 'empty')).toMatchObject({ coverage: 0, relevance: 0, score: 0 })
  })

  it('counts equivalent skills once and keeps only the careers the filter keeps', () => {
    const same = [['sql', 'esco:sql']]
    const twice = match(CAREERS, { sql: 3, 'esco:sql': 3 }, same)
    const once = match(CAREERS, { sql: 3 }, same)
    expect(twice.find((r) => r.career === 'analyst')!.coverage).toBe(once.find((r) => r.career === 'analyst')!.coverage)
    expect(match(CAREERS, { sql: 3 }, [], (c) => c !== 0).map((r) => r.career)).not.toContain('developer')
  })
})

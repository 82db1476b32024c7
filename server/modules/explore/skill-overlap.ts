/**
 * Careers compared by their weighted skills (career-skills.ts):
 * - similarity (symmetric): weighted Jaccard, Σ min(wA, wB) / Σ max(wA, wB) over the union of skills;
 * - move from A to B: how much of what B needs A already has, Σ min(wA, wB) / Σ wB — a skill B needs
 *   at 1 and A has at 0.5 counts half — and the skills B needs more of than A has, largest gap first.
 * Computed from the inverted lists, so one career costs the postings of its own skills, not a pass
 * over every pair; results are kept per catalog version.
 */
import type { CareerSkillModel, WeightedSkill } from './career-skills.js'

export interface Overlap {
  career: string
  /** Weighted Jaccard similarity, 0–1. */
  similarity: number
  /** Share of the target's weighted skills the source already has (each up to the target's weight), 0–1. */
  coverage: number
  shared: number
}

/** Least shared skills for a career to count as a move: one shared skill is coincidence. */
export const MIN_SHARED = 3

export function overlapsFrom(model: CareerSkillModel, careerId: string): Overlap[] {
  const own = model.of(careerId)
  const ownTotal = model.total(careerId)
  const acc = new Map<string, { min: number; shared: number }>()
  for (const { skill, weight } of own) {
    for (const posting of model.careersWith(skill)) {
      if (posting.career === careerId) continue
      let a = acc.get(posting.career)
      if (!a) acc.set(posting.career, (a = { min: 0, shared: 0 }))
      a.min += Math.min(weight, posting.weight)
      a.shared += 1
    }
  }
  const result: Overlap[] = []
  for (const [career, a] of acc) {
    if (a.shared < MIN_SHARED) continue
    const total = model.total(career)
    const union = ownTotal + total - a.min
    result.push({
      career, shared: a.shared,
      similarity: union > 0 ? a.min / union : 0,
      coverage: total > 0 ? Math.min(1, a.min / total) : 0,
    })
  }
  return result
}

/** How far short a skill may fall of the target's weight and still count as had. */
const TOLERANCE = 0.1

export interface SkillGap extends WeightedSkill {
  /** The source's weight for the skill (or an equivalent); 0 when it has none. */
  have: number
}

/** The skills the target needs more of than the source has, largest gap first. */
export function skillsToAdd(model: CareerSkillModel, from: string, to: string, limit: number): SkillGap[] {
  const have = new Map<string, number>()
  for (const { skill, weight } of model.of(from)) {
    for (const same of model.sameAs(skill)) have.set(same, Math.max(have.get(same) ?? 0, weight))
  }
  return model.of(to)
    .map(({ skill, weight }) => ({ skill, weight, have: have.get(skill) ?? 0 }))
    .filter((s) => s.weight - s.have > TOLERANCE)
    .sort((a, b) => b.weight - b.have - (a.weight - a.have) || (a.skill < b.skill ? -1 : 1))
    .slice(0, limit)
}

/** The skills both careers have, by the target's weight. */
export function sharedSkills(model: CareerSkillModel, from: string, to: string): WeightedSkill[] {
  const have = new Set(model.of(from).flatMap(({ skill }) => model.sameAs(skill)))
  return model.of(to).filter(({ skill }) => have.has(skill))
}

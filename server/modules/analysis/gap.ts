/**
 * The gap between a passport and a career. Each requirement is met in proportion to the level the
 * passport has (levels.ts: have / required, at most 1); coverage is the weighted mean of that over
 * the career's requirements, so an essential skill counts twice an optional one. A requirement not
 * fully met is a gap: missing (level 0) or under level, with the weight it carries, the share of
 * the career it would add (`shortfall`, weight × unmet part / total weight), and the credentials and
 * resources that teach it beyond the level already had.
 */
import { levelShare } from './levels.js'
import type { Requirement } from './career-requirements.js'
import type { LearningItem } from './learning-items.js'

export interface GapSkill {
  skill: string
  name: string
  weight: number
  required: number
  have: number
  /** Share of the whole career this skill would add if brought to the required level, 0–1. */
  shortfall: number
  missing: boolean
  teachers: { id: string; type: LearningItem['type']; title: string; level: LearningItem['level']; reach: number; hours: number }[]
}

export interface MetSkill {
  skill: string
  name: string
  weight: number
  required: number
  have: number
}

export interface GapAnalysis {
  /** Weighted, level-aware share of the career's requirements met, 0–1; null for a career without skill data. */
  coverage: number | null
  met: MetSkill[]
  gaps: GapSkill[]
}

export interface GapContext {
  nameOf(skillId: string): string
  /** Items teaching the skill or a skill the data says is the same. */
  teachersOf(skillId: string): readonly LearningItem[]
}

const MAX_TEACHERS = 5

export function analyseGap(requirements: readonly Requirement[], levels: ReadonlyMap<string, number>, ctx: GapContext): GapAnalysis {
  const total = requirements.reduce((sum, r) => sum + r.weight, 0)
  if (requirements.length === 0 || total <= 0) return { coverage: null, met: [], gaps: [] }
  let achieved = 0
  const met: MetSkill[] = []
  const gaps: GapSkill[] = []
  for (const r of requirements) {
    const have = levels.get(r.skill) ?? 0
    const share = levelShare(have, r.required)
    achieved += r.weight * share
    if (share >= 1) {
      met.push({ skill: r.skill, name: ctx.nameOf(r.skill), weight: r.weight, required: r.required, have })
      continue
    }
    const teachers = ctx.teachersOf(r.skill)
      .filter((item) => item.reach > have)
      .sort((a, b) => Number(b.reach >= r.required) - Number(a.reach >= r.required) || a.hours - b.hours || (a.id < b.id ? -1 : 1))
      .slice(0, MAX_TEACHERS)
      .map((item) => ({ id: item.id, type: item.type, title: item.title, level: item.level, reach: item.reach, hours: item.hours }))
    gaps.push({
      skill: r.skill, name: ctx.nameOf(r.skill), weight: r.weight, required: r.required, have,
      shortfall: round((r.weight * (1 - share)) / total), missing: have <= 0, teachers,
    })
  }
  gaps.sort((a, b) => b.shortfall - a.shortfall || b.weight - a.weight || (a.skill < b.skill ? -1 : 1))
  met.sort((a, b) => b.weight - a.weight || (a.skill < b.skill ? -1 : 1))
  return { coverage: round(achieved / total), met, gaps }
}

export const round = (n: number): number => Math.round(n * 10000) / 10000

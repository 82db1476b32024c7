/**
 * What each career asks for, as requirements on the passport's scale: the career's weighted skills
 * (explore/career-skills.ts, 0–1) with a required level (levels.ts), plus the lists matching reads —
 * for every skill id, the careers that require exactly that id. Built once per catalog version.
 */
import type { CatalogIndex } from '../careers/index.js'
import { groupBy } from '../careers/career-index.js'
import { careerSkillModel, type CareerSkillModel } from '../explore/career-skills.js'
import { requiredLevel } from './levels.js'

export interface Requirement {
  skill: string
  /** 0–1: how much the skill matters for the career. */
  weight: number
  /** 1–5 on the passport scale. */
  required: number
}

export interface Posting {
  /** Index into `careerIds`. */
  career: number
  weight: number
  required: number
}

export interface RequirementModel {
  careerIds: readonly string[]
  indexOf(careerId: string): number | undefined
  /** A career's requirements, heaviest first. */
  of(careerId: string): readonly Requirement[]
  /** Σ weights of a career (index), the denominator of coverage. */
  totals: Float64Array
  /** Careers that require exactly this skill id (not its equivalents). */
  postings(skillId: string): readonly Posting[]
  skills: CareerSkillModel
}

export const requirementModel = (index: CatalogIndex): RequirementModel => index.derived('analysis-requirements', build)

function build(index: CatalogIndex): RequirementModel {
  const skills = careerSkillModel(index)
  // O*NET level ratings per career and skill (0–7); other sources have none.
  const levels = new Map<string, number>()
  for (const [careerId, rows] of groupBy(index.rows.careerSkills, (r) => r.career_id)) {
    for (const row of rows) {
      if (row.level === null || !row.source_id.startsWith('onet')) continue
      const key = `${careerId}|${row.skill_id}`
      levels.set(key, Math.max(levels.get(key) ?? 0, row.level))
    }
  }
  const careerIds = index.rows.careers.map((c) => c.id)
  const positions = new Map(careerIds.map((id, i) => [id, i]))
  const totals = new Float64Array(careerIds.length)
  const byCareer = new Map<string, Requirement[]>()
  const postings = new Map<string, Posting[]>()
  careerIds.forEach((careerId, i) => {
    const list = skills.of(careerId).map(({ skill, weight }) => ({ skill, weight, required: requiredLevel(levels.get(`${careerId}|${skill}`) ?? null, weight) }))
    byCareer.set(careerId, list)
    totals[i] = list.reduce((sum, r) => sum + r.weight, 0)
    for (const r of list) {
      let posting = postings.get(r.skill)
      if (!posting) postings.set(r.skill, (posting = []))
      posting.push({ career: i, weight: r.weight, required: r.required })
    }
  })
  return {
    careerIds, totals, skills,
    indexOf: (careerId) => positions.get(careerId),
    of: (careerId) => byCareer.get(careerId) ?? [],
    postings: (skillId) => postings.get(skillId) ?? [],
  }
}

/**
 * Every career's skills as one weighted list on a common 0–1 scale, whatever the source's own scale,
 * and the inverted list (skill → careers) that browse-by-skill and skill-overlap read.
 *
 * Weights (documented in the API):
 * - O*NET importance 1–5 → (importance − 1) / 4; an importance of 1 ("not important") is left out.
 * - ESCO essential → 1, optional → 0.5.
 * - O*NET technology → 0.8 when flagged in demand, 0.7 when a hot technology, else 0.5.
 * - A curated list with a stated scale → score / scale; a curated list without scores → 0.6, plus 0.1 for
 *   each further curated source that lists the same skill (the more pages name it, the more it matters),
 *   at most 1.
 * A skill listed by several sources takes its highest weight. A curated skill is also counted under
 * the skills the data says are the same (the same ESCO URI, or an O*NET technology of the same name),
 * so curated careers overlap with imported ones.
 */
import { fromJson } from '../../platform/db/json.js'
import type { CatalogRows } from '../catalog/catalog.repository.js'
import type { CatalogIndex } from '../careers/index.js'
import { groupBy } from '../careers/career-index.js'
import { spaced } from '../search/search-text.js'

export interface WeightedSkill {
  skill: string
  weight: number
}

export interface CareerSkillModel {
  /** Skills of a career (by career id), heaviest first. */
  of(careerId: string): readonly WeightedSkill[]
  /** Careers that list a skill (or a skill the data says is the same), heaviest first. */
  careersWith(skillId: string): readonly { career: string; weight: number }[]
  /** The skill ids the data treats as the same skill as this one (itself included). */
  sameAs(skillId: string): readonly string[]
  /** Sum of a career's weights, the denominator of coverage. */
  total(careerId: string): number
}

type SkillRow = CatalogRows['careerSkills'][number]

const CURATED_UNSCORED = 0.6
const CURATED_MENTION = 0.1

export function rowWeight(row: SkillRow, scaleMax: number | null): number {
  if (row.relation === 'essential') return 1
  if (row.relation === 'optional') return 0.5
  if (row.kind === 'technology' && row.score === null) {
    if (row.in_demand === 1) return 0.8
    if (row.hot_technology === 1) return 0.7
    return 0.5
  }
  if (row.score !== null && scaleMax !== null && scaleMax > 0) {
    // O*NET importance starts at 1 ("not important"); other scored lists start at 0.
    return row.source_id.startsWith('onet') ? Math.max(0, (row.score - 1) / (scaleMax - 1)) : Math.min(1, row.score / scaleMax)
  }
  return CURATED_UNSCORED
}

export const careerSkillModel = (index: CatalogIndex): CareerSkillModel => index.derived('career-skills', buildCareerSkillModel)

function buildCareerSkillModel(index: CatalogIndex): CareerSkillModel {
  const { rows } = index
  const equivalents = skillEquivalents(rows)
  const scales = new Map(rows.careerSkillSets.map((s) => [`${s.career_id}|${s.source_id}`, s.scale_max]))
  const byCareer = new Map<string, WeightedSkill[]>()
  const totals = new Map<string, number>()
  for (const [careerId, list] of groupBy(rows.careerSkills, (r) => r.career_id)) {
    const weights = new Map<string, number>()
    const mentions = new Map<string, number>()
    for (const row of list) {
      const weight = rowWeight(row, scales.get(`${careerId}|${row.source_id}`) ?? null)
      if (weight <= 0) continue
      mentions.set(row.skill_id, (mentions.get(row.skill_id) ?? 0) + 1)
      weights.set(row.skill_id, Math.max(weights.get(row.skill_id) ?? 0, weight))
    }
    const skills: WeightedSkill[] = []
    for (const [skill, weight] of weights) {
      const extra = Math.max(0, (mentions.get(skill) ?? 1) - 1) * CURATED_MENTION
      skills.push({ skill, weight: round(Math.min(1, weight + extra)) })
    }
    skills.sort((a, b) => b.weight - a.weight || (a.skill < b.skill ? -1 : 1))
    byCareer.set(careerId, skills)
    totals.set(careerId, skills.reduce((sum, s) => sum + s.weight, 0))
  }
  // Inverted lists: each career under its skills and under the skills the data says are the same.
  const postings = new Map<string, { career: string; weight: number }[]>()
  for (const [career, skills] of byCareer) {
    for (const { skill, weight } of skills) {
      for (const same of equivalents.get(skill) ?? [skill]) {
        let list = postings.get(same)
        if (!list) postings.set(same, (list = []))
        // A career reaches one list twice only through two equivalent skills of its own: keep the heavier.
        const last = list[list.length - 1]
        if (last?.career === career) last.weight = Math.max(last.weight, weight)
        else list.push({ career, weight })
      }
    }
  }
  for (const list of postings.values()) list.sort((a, b) => b.weight - a.weight)
  return {
    of: (careerId) => byCareer.get(careerId) ?? [],
    careersWith: (skillId) => postings.get(skillId) ?? [],
    sameAs: (skillId) => equivalents.get(skillId) ?? [skillId],
    total: (careerId) => totals.get(careerId) ?? 0,
  }
}

/**
 * Groups of skill ids that name the same skill: a curated skill with the ESCO skill of its URI, and with
 * the O*NET technology whose name equals its name or one of its alternative labels.
 */
export function skillEquivalents(rows: CatalogRows): Map<string, string[]> {
  const byEscoUri = new Map<string, string>()
  const technologyByName = new Map<string, string>()
  for (const s of rows.skills) {
    if (s.origin === 'esco' && s.esco_uri) byEscoUri.set(s.esco_uri, s.id)
    if (s.origin === 'onet' && s.kind === 'technology') technologyByName.set(spaced(s.name), s.id)
  }
  const groups = new Map<string, string[]>()
  for (const s of rows.skills) {
    if (s.origin !== 'catalog') continue
    const group = new Set([s.id])
    const esco = s.esco_uri ? byEscoUri.get(s.esco_uri) : undefined
    if (esco) group.add(esco)
    for (const label of [s.name, ...fromJson<string[]>(s.alt_labels, [])]) {
      const technology = technologyByName.get(spaced(label))
      if (technology) group.add(technology)
    }
    if (group.size === 1) continue
    const ids = [...group]
    for (const id of ids) groups.set(id, [...new Set([...(groups.get(id) ?? [id]), ...ids])])
  }
  return groups
}

const round = (n: number): number => Math.round(n * 1000) / 1000

/**
 * What a page can say about one skill of a set, pure. `score` is O*NET's importance (1–5) for O*NET
 * sets. The O*NET level (0–7), the hot-technology and in-demand flags and ESCO's essential / optional
 * relation are stored by the importers; the API is to carry them on each skill as `level`,
 * `hotTechnology`, `inDemand` and `relation`. They are read defensively here, so a page renders the
 * same whether or not a field is present, and a wrongly typed value is ignored rather than shown.
 */
import type { CareerProfile } from '../../shared/schemas.js'

export type SkillSet = CareerProfile['skills']['sets'][number]
export type CareerSkill = SkillSet['skills'][number]

export interface SkillDetail {
  id: string
  name: string
  kind: string
  importance: number | null
  level: number | null
  relation: 'essential' | 'optional' | null
  hotTechnology: boolean
  inDemand: boolean
  note: string | null
}

type Extra = Partial<Record<'level' | 'relation' | 'hotTechnology' | 'inDemand', unknown>>

export function skillDetail(skill: CareerSkill): SkillDetail {
  const extra = skill as CareerSkill & Extra
  const level = typeof extra.level === 'number' && Number.isFinite(extra.level) ? extra.level : null
  const relation = extra.relation === 'essential' || extra.relation === 'optional' ? extra.relation : null
  return {
    id: skill.id, name: skill.name, kind: skill.kind, importance: skill.score, level, relation,
    hotTechnology: extra.hotTechnology === true, inDemand: extra.inDemand === true, note: skill.note,
  }
}

/** O*NET's rated descriptors: skills (kind `common`) and knowledge areas, each with an importance. */
export const RATED_KINDS = ['common', 'knowledge'] as const

export interface SkillGroups {
  /** Rated O*NET skills and knowledge, most important first. */
  rated: SkillDetail[]
  /** Technology examples: hot and in-demand first, then the source's order. */
  technology: SkillDetail[]
  /** Scored skills on another scale (curated sets). */
  scored: SkillDetail[]
  /** Everything else, in the source's order. */
  other: SkillDetail[]
}

/** Splits a set into the parts a page shows differently. */
export function groupSkills(set: SkillSet): SkillGroups {
  const all = set.skills.map(skillDetail)
  const isRated = (s: SkillDetail) => s.importance !== null && (RATED_KINDS as readonly string[]).includes(s.kind)
  // A set is O*NET-rated when every scored skill is a rated descriptor; curated sets score their own kinds.
  const scoredAll = all.filter((s) => s.importance !== null)
  const onetRated = scoredAll.length > 0 && scoredAll.every(isRated)
  const techRank = (s: SkillDetail) => (s.hotTechnology ? 0 : 2) + (s.inDemand ? 0 : 1)
  return {
    rated: onetRated ? scoredAll.sort((a, b) => (b.importance ?? 0) - (a.importance ?? 0) || a.name.localeCompare(b.name)) : [],
    technology: all.filter((s) => s.kind === 'technology' && s.importance === null).sort((a, b) => techRank(a) - techRank(b)),
    scored: onetRated ? [] : scoredAll,
    other: all.filter((s) => s.importance === null && s.kind !== 'technology'),
  }
}

/**
 * One proficiency scale for every skill in a passport, a career requirement or a learning item:
 *
 *   0 none · 1 aware (knows what it is) · 2 beginner (does simple tasks with guidance) ·
 *   3 intermediate (works on their own) · 4 advanced (handles hard cases, guides others) ·
 *   5 expert (recognised authority).
 *
 * How other scales map onto it:
 * - O*NET "level" ratings (0–7 anchored scale) → round(level / 7 × 5), at least 1.
 * - A requirement without a level (ESCO, technology lists, curated pages) → 3 when the skill weighs
 *   at least 0.75 for the career (essential, or scored high), else 2.
 * - A credential or resource teaches up to: beginner 2, intermediate 3, advanced 4 (unstated: 2),
 *   and expects the learner to have reached the level below it first: intermediate needs 2,
 *   advanced needs 3, beginner nothing.
 */
export const MAX_LEVEL = 5

export const LEVEL_NAMES = ['none', 'aware', 'beginner', 'intermediate', 'advanced', 'expert'] as const

export type CourseLevel = 'beginner' | 'intermediate' | 'advanced'

const REACHES: Record<CourseLevel, number> = { beginner: 2, intermediate: 3, advanced: 4 }
const EXPECTS: Record<CourseLevel, number> = { beginner: 0, intermediate: 2, advanced: 3 }

export const courseLevel = (level: string | null | undefined): CourseLevel =>
  level === 'intermediate' || level === 'advanced' ? level : 'beginner'

/** The level an item brings a skill to. */
export const reachOf = (level: CourseLevel): number => REACHES[level]

/** The level a learner should have before starting an item. */
export const entryOf = (level: CourseLevel): number => EXPECTS[level]

/** A career's required level for a skill, from an O*NET level rating or from the skill's weight. */
export function requiredLevel(onetLevel: number | null, weight: number): number {
  if (onetLevel !== null && onetLevel > 0) return Math.max(1, Math.min(MAX_LEVEL, Math.round((onetLevel / 7) * MAX_LEVEL)))
  return weight >= 0.75 ? 3 : 2
}

/** Share of a requirement a level meets, 0–1. */
export const levelShare = (have: number, required: number): number => (required <= 0 ? 1 : Math.min(1, Math.max(0, have) / required))

/**
 * Credentials and resources as things a plan can choose: which skills each teaches (and to which
 * level, levels.ts), how many hours it takes, what it costs and what must come first.
 *
 * Hours: the catalog's stated `hours`, else an estimate marked as such — a credential's duration
 * (midpoint of its range) at 10 study hours a week, the pace providers of online certificates
 * usually quote; a resource without a duration by kind and level (course 20/30/40 hours for
 * beginner/intermediate/advanced, book 30, project 15). Cost: the catalog's stated price or unknown.
 */
import { fromJson } from '../../platform/db/json.js'
import type { CatalogIndex } from '../careers/index.js'
import { groupBy } from '../careers/career-index.js'
import { courseLevel, entryOf, reachOf, type CourseLevel } from './levels.js'

export const ASSUMED_HOURS_PER_WEEK = 10

const WEEKS_PER_UNIT: Record<string, number> = { weeks: 1, months: 52 / 12, years: 52 }
const RESOURCE_HOURS: Record<string, Record<CourseLevel, number>> = {
  course: { beginner: 20, intermediate: 30, advanced: 40 },
  book: { beginner: 30, intermediate: 30, advanced: 30 },
  project: { beginner: 15, intermediate: 15, advanced: 15 },
}

export interface LearningItem {
  id: string
  type: 'credential' | 'resource'
  /** credential type (professional-certificate, course …) or resource kind (course, book, project). */
  kind: string
  title: string
  level: CourseLevel
  /** Skill ids the item teaches. */
  skills: readonly string[]
  /** The level those skills reach, and the level the learner should have first. */
  reach: number
  entry: number
  hours: number
  hoursEstimated: boolean
  cost: { amount: number; currency: string } | null
  prerequisites: readonly string[]
}

export interface LearningCatalog {
  items: ReadonlyMap<string, LearningItem>
  /** Items teaching a skill id (exactly that id). */
  teaching(skillId: string): readonly LearningItem[]
}

export function credentialHours(duration: { min: number | null; max: number | null; unit: string | null }): number | null {
  if (duration.unit === null || (duration.min === null && duration.max === null)) return null
  const weeks = WEEKS_PER_UNIT[duration.unit]
  if (weeks === undefined) return null
  const mid = ((duration.min ?? duration.max ?? 0) + (duration.max ?? duration.min ?? 0)) / 2
  return Math.round(mid * weeks * ASSUMED_HOURS_PER_WEEK)
}

export const learningCatalog = (index: CatalogIndex): LearningCatalog => index.derived('analysis-learning-items', build)

function build(index: CatalogIndex): LearningCatalog {
  const { rows } = index
  const items = new Map<string, LearningItem>()
  const skillsOf = groupBy(rows.credentialSkills, (cs) => cs.credential_id)
  const cost = (amount: number | null | undefined, currency: string | null | undefined) =>
    amount === null || amount === undefined ? null : { amount, currency: currency ?? 'USD' }
  for (const c of rows.credentials) {
    const level = courseLevel(c.level)
    const estimate = credentialHours({ min: c.duration_min, max: c.duration_max, unit: c.duration_unit })
    items.set(c.id, {
      id: c.id, type: 'credential', kind: c.type, title: c.title, level,
      skills: (skillsOf.get(c.id) ?? []).map((s) => s.skill_id),
      reach: reachOf(level), entry: entryOf(level),
      hours: c.hours ?? estimate ?? RESOURCE_HOURS.course![level], hoursEstimated: c.hours === null || c.hours === undefined,
      cost: cost(c.cost_amount, c.cost_currency), prerequisites: fromJson<string[]>(c.prerequisites, []),
    })
  }
  for (const r of rows.resources) {
    const level = courseLevel(r.level)
    items.set(r.id, {
      id: r.id, type: 'resource', kind: r.kind, title: r.title, level,
      skills: fromJson<string[]>(r.skills, []),
      reach: reachOf(level), entry: entryOf(level),
      hours: r.hours ?? (RESOURCE_HOURS[r.kind] ?? RESOURCE_HOURS.course!)[level], hoursEstimated: r.hours === null || r.hours === undefined,
      cost: cost(r.cost_amount, r.cost_currency), prerequisites: fromJson<string[]>(r.prerequisites, []),
    })
  }
  const bySkill = new Map<string, LearningItem[]>()
  for (const item of items.values()) {
    for (const skill of item.skills) {
      let list = bySkill.get(skill)
      if (!list) bySkill.set(skill, (list = []))
      list.push(item)
    }
  }
  return { items, teaching: (skillId) => bySkill.get(skillId) ?? [] }
}

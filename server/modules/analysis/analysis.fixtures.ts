/** Small hand-made requirement lists and learning catalogs for the pure functions' unit tests. */
import type { Requirement } from './career-requirements.js'
import type { LearningCatalog, LearningItem } from './learning-items.js'
import { courseLevel, entryOf, reachOf } from './levels.js'

export const req = (skill: string, weight: number, required: number): Requirement => ({ skill, weight, required })

export function item(id: string, skills: string[], options: Partial<Omit<LearningItem, 'id' | 'skills'>> & { level?: LearningItem['level'] } = {}): LearningItem {
  const level = courseLevel(options.level)
  return {
    id, type: 'resource', kind: 'course', title: id.toUpperCase(), level, skills, reach: reachOf(level), entry: entryOf(level),
    hours: 10, hoursEstimated: false, cost: null, prerequisites: [], ...options,
  }
}

export function catalogOf(items: LearningItem[]): LearningCatalog {
  const map = new Map(items.map((i) => [i.id, i]))
  return { items: map, teaching: (skill) => items.filter((i) => i.skills.includes(skill)) }
}

export const identity = (id: string): readonly string[] => [id]
export const upper = (id: string): string => id.toUpperCase()

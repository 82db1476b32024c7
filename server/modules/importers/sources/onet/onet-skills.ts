/**
 * Skills and knowledge (rated elements of the O*NET content model) and technology examples, with the
 * career_skills rows that rate them. Each skill row is emitted the first time it is used, so it always
 * precedes the career_skills rows that reference it.
 */
import type * as T from '../../../../platform/db/types.js'
import { toJson } from '../../../../platform/db/json.js'
import { flagField, numberField, text } from '../shared/fields.js'
import type { ImportRun } from '../shared/import-run.js'
import { createSlugAllocator } from '../shared/slug.js'
import { COLUMNS, ONET } from './onet-files.js'
import { occupationOf, type Occupations } from './onet-occupations.js'

export interface Rating {
  skillId: string
  kind: 'common' | 'knowledge'
  importance: number | null
  level: number | null
  notRelevant: boolean
}
/** Ratings by career id, then skill id. */
export type Ratings = Map<string, Map<string, Rating>>

interface Element { name: string; description: string }

export async function readElements(run: ImportRun): Promise<Map<string, Element>> {
  const elements = new Map<string, Element>()
  for await (const row of run.rows(ONET.contentModel, COLUMNS.contentModel)) {
    elements.set(text(row, 'Element ID'), { name: text(row, 'Element Name'), description: text(row, 'Description') })
  }
  return elements
}

/**
 * Reads Skills.txt or Knowledge.txt: the IM (importance, 1–5) and LV (level, 0–7) rows of one element
 * become one rating. Skills are the transferable kind (`common`); knowledge areas are `knowledge`.
 */
export async function readRatings(
  run: ImportRun, file: typeof ONET.skills | typeof ONET.knowledge, occupations: Occupations,
  elements: ReadonlyMap<string, Element>, ratings: Ratings, emitted: Set<string>,
): Promise<void> {
  const kind = file === ONET.skills ? 'common' : 'knowledge'
  for await (const row of run.rows(file, COLUMNS.ratings)) {
    const { careerId } = occupationOf(occupations, row)
    const value = numberField(row, 'Data Value')
    const elementId = text(row, 'Element ID')
    const skillId = `onet:${elementId}`
    if (!emitted.has(skillId)) {
      emitted.add(skillId)
      await run.add('skills', elementSkill(skillId, kind, elementId, text(row, 'Element Name'), elements.get(elementId)))
    }
    let byCareer = ratings.get(careerId)
    if (!byCareer) ratings.set(careerId, (byCareer = new Map()))
    let rating = byCareer.get(skillId)
    if (!rating) byCareer.set(skillId, (rating = { skillId, kind, importance: null, level: null, notRelevant: false }))
    const scale = text(row, 'Scale ID')
    if (scale === 'IM') rating.importance = value
    if (scale === 'LV') {
      rating.level = value
      rating.notRelevant = text(row, 'Not Relevant') === 'Y'
    }
  }
}

function elementSkill(id: string, kind: Rating['kind'], elementId: string, name: string, element: Element | undefined): T.SkillsTable {
  return {
    id, origin: 'onet', name: name || (element?.name ?? elementId), kind, alt_labels: toJson([]),
    description: element?.description || null, esco_uri: null, onet_element: elementId,
  }
}

/** Most important first; ties (and unrated elements, last) in element order so re-imports agree. */
export function byImportance(a: Rating, b: Rating): number {
  const ia = a.importance ?? -Infinity
  const ib = b.importance ?? -Infinity
  return ib - ia || (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0)
}

export function ratingRows(careerId: string, sourceId: string, ratings: Iterable<Rating>): T.CareerSkillsTable[] {
  return [...ratings].sort(byImportance).map((r, position) => ({
    career_id: careerId, source_id: sourceId, skill_id: r.skillId, kind: r.kind, score: r.importance,
    note: r.notRelevant ? 'Not relevant' : null, position, importance: r.importance, level: r.level,
    relation: null, hot_technology: null, in_demand: null,
  }))
}

/**
 * `C`, `C++` and `C#` are all `c` after plain slugify: spelling out the signs keeps the languages apart
 * in the id. Anything else that still collides gets a counter (file order).
 */
export function createTechnologyIds(): (example: string) => string {
  const allocate = createSlugAllocator(new Set(), 'technology')
  return (example) => `onet-tech:${allocate(example.replace(/\+/g, ' plus ').replace(/#/g, ' sharp '))}`
}

/**
 * First pass over Technology Skills.txt: one skill per distinct example, described by its first commodity
 * in file order (an example can be filed under several). Returns the skill id of each example.
 * Skills go out in one block before any career_skills row: the engine stages runs of one table together.
 */
export async function emitTechnologySkills(run: ImportRun, occupations: Occupations): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  const techId = createTechnologyIds()
  for await (const row of run.rows(ONET.technology, COLUMNS.technology)) {
    occupationOf(occupations, row)
    const example = text(row, 'Example')
    if (example === '' || ids.has(example)) continue
    const id = techId(example)
    ids.set(example, id)
    await run.add('skills', {
      id, origin: 'onet', name: example, kind: 'technology', alt_labels: toJson([]),
      description: `Commodity: ${text(row, 'Commodity Title')}`, esco_uri: null, onet_element: text(row, 'Commodity Code'),
    })
  }
  return ids
}

/** Hot and in-demand technologies first, so that a career's first few examples are the ones employers ask for. */
export function technologyRank(row: Pick<T.CareerSkillsTable, 'hot_technology' | 'in_demand'>): number {
  return (row.hot_technology === 1 ? 0 : 2) + (row.in_demand === 1 ? 0 : 1)
}

/**
 * Second pass: one career_skills row per career and example, placed after the career's rated elements,
 * ranked by technologyRank and then file order. Rows are held per career until the file is read (about
 * 33,000 small objects) because ranking needs a career's whole list.
 */
export async function emitTechnologyRatings(
  run: ImportRun, occupations: Occupations, sourceId: string, ids: ReadonlyMap<string, string>,
  firstPosition: ReadonlyMap<string, number>,
): Promise<void> {
  const byCareer = new Map<string, Map<string, T.CareerSkillsTable>>()
  for await (const row of run.rows(ONET.technology, COLUMNS.technology)) {
    const { careerId } = occupationOf(occupations, row)
    const skillId = ids.get(text(row, 'Example'))
    if (skillId === undefined) continue
    const hot = flagField(row, 'Hot Technology')
    const inDemand = flagField(row, 'In Demand')
    let rows = byCareer.get(careerId)
    if (!rows) byCareer.set(careerId, (rows = new Map()))
    if (rows.has(skillId)) continue
    rows.set(skillId, {
      career_id: careerId, source_id: sourceId, skill_id: skillId, kind: 'technology', score: null, note: null,
      position: 0, importance: null, level: null, relation: null, hot_technology: hot, in_demand: inDemand,
    })
  }
  for (const { careerId } of occupations.values()) {
    const rows = [...(byCareer.get(careerId)?.values() ?? [])].sort((a, b) => technologyRank(a) - technologyRank(b))
    const first = firstPosition.get(careerId) ?? 0
    for (const [i, row] of rows.entries()) await run.add('career_skills', { ...row, position: first + i })
  }
}

/**
 * occupationSkillRelations.csv → one skill set per occupation that has relations, and its skills:
 * essential ones first, then optional ones, each in file order.
 */
import type * as T from '../../../../platform/db/types.js'
import { ImportInputError } from '../../import-types.js'
import { text } from '../shared/fields.js'
import type { ImportRun } from '../shared/import-run.js'
import { COLUMNS, ESCO } from './esco-files.js'
import type { EscoOccupation } from './esco-occupations.js'
import type { EscoSkill } from './esco-skills.js'
import { ESCO_SOURCE_ID } from './esco-source.js'

export type Relation = 'essential' | 'optional'
interface Linked { essential: EscoSkill[]; optional: EscoSkill[]; ids: Set<string> }

export interface RelationCounts { unknownOccupation: number; unknownOccupations: number; unknownSkill: number; repeated: number }

/** Collects the relations by occupation URI; rows naming an occupation or skill the input lacks are counted, not kept. */
export async function readRelations(
  run: ImportRun, occupations: ReadonlyMap<string, EscoOccupation>, skills: ReadonlyMap<string, EscoSkill>,
): Promise<{ linked: Map<string, Linked>; counts: RelationCounts }> {
  const linked = new Map<string, Linked>()
  const missingOccupations = new Set<string>()
  const counts: RelationCounts = { unknownOccupation: 0, unknownOccupations: 0, unknownSkill: 0, repeated: 0 }
  for await (const row of run.rows(ESCO.relations, COLUMNS.relations)) {
    const relation = text(row, 'relationType')
    if (relation !== 'essential' && relation !== 'optional') {
      throw new ImportInputError(row.file, `column "relationType": expected essential or optional, found "${relation}"`, row.line)
    }
    const occupationUri = text(row, 'occupationUri')
    const skill = skills.get(text(row, 'skillUri'))
    if (!occupations.has(occupationUri)) {
      counts.unknownOccupation++
      missingOccupations.add(occupationUri)
      continue
    }
    if (!skill) {
      counts.unknownSkill++
      continue
    }
    let entry = linked.get(occupationUri)
    if (!entry) linked.set(occupationUri, (entry = { essential: [], optional: [], ids: new Set() }))
    // The key is (career, source, skill): a skill listed twice keeps its first relation.
    if (entry.ids.has(skill.id)) {
      counts.repeated++
      continue
    }
    entry.ids.add(skill.id)
    entry[relation].push(skill)
  }
  counts.unknownOccupations = missingOccupations.size
  return { linked, counts }
}

export function skillRows(careerId: string, entry: Linked): T.CareerSkillsTable[] {
  const rows = (skills: EscoSkill[], relation: Relation, offset: number) => skills.map((s, i): T.CareerSkillsTable => ({
    career_id: careerId, source_id: ESCO_SOURCE_ID, skill_id: s.id, kind: s.kind, score: null, note: null,
    position: offset + i, importance: null, level: null, relation, hot_technology: null, in_demand: null,
  }))
  return [...rows(entry.essential, 'essential', 0), ...rows(entry.optional, 'optional', entry.essential.length)]
}

/** Notes for the summary about relation rows left out, so nobody wonders where they went. */
export function relationNotes(counts: RelationCounts): string[] {
  const notes: string[] = []
  if (counts.unknownOccupation > 0) {
    notes.push(`${counts.unknownOccupation} occupation–skill relations skipped: their occupation (${counts.unknownOccupations} distinct) is not in ${ESCO.occupations}.`)
  }
  if (counts.unknownSkill > 0) notes.push(`${counts.unknownSkill} occupation–skill relations skipped: their skill is not in ${ESCO.skills}.`)
  if (counts.repeated > 0) notes.push(`${counts.repeated} occupation–skill relations skipped: the same occupation and skill were already related.`)
  return notes
}

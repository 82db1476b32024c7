/** skills_en.csv → skills, with the kind the platform uses (knowledge, common = transversal, specialized). */
import type * as T from '../../../../platform/db/types.js'
import { toJson } from '../../../../platform/db/json.js'
import { ImportInputError, type InputRow } from '../../import-types.js'
import { text } from '../shared/fields.js'
import type { ImportRun } from '../shared/import-run.js'
import { uniqueLabels } from '../shared/slug.js'
import { COLUMNS, ESCO, conceptId, lines } from './esco-files.js'

export type EscoSkillKind = 'knowledge' | 'common' | 'specialized'
export interface EscoSkill { id: string; kind: EscoSkillKind }

/**
 * Knowledge by its skill type; otherwise transversal skills (ESCO's cross-occupation collection) are the
 * common, transferable ones and the rest are specialised.
 */
export function skillKind(skillType: string, transversal: boolean): EscoSkillKind {
  if (skillType === 'knowledge') return 'knowledge'
  return transversal ? 'common' : 'specialized'
}

export function skillRow(row: InputRow, kind: EscoSkillKind): T.SkillsTable {
  const uri = text(row, 'conceptUri')
  const name = text(row, 'preferredLabel')
  return {
    id: `esco:${conceptId(uri)}`, origin: 'esco', name, kind,
    alt_labels: toJson(uniqueLabels(lines(row.values.altLabels ?? ''), [name])),
    description: text(row, 'description') || text(row, 'definition') || null, esco_uri: uri, onet_element: null,
  }
}

/** URIs of the transversal skills collection; empty when the input does not include it. */
export async function readTransversal(run: ImportRun, has: boolean): Promise<Set<string>> {
  const uris = new Set<string>()
  if (!has) return uris
  for await (const row of run.rows(ESCO.transversal, COLUMNS.transversal)) uris.add(text(row, 'conceptUri'))
  return uris
}

/** Emits every skill; returns them by concept URI for the relations. */
export async function emitSkills(run: ImportRun, transversal: ReadonlySet<string>): Promise<Map<string, EscoSkill>> {
  const skills = new Map<string, EscoSkill>()
  for await (const row of run.rows(ESCO.skills, COLUMNS.skills)) {
    const uri = text(row, 'conceptUri')
    if (uri === '' || text(row, 'preferredLabel') === '') throw new ImportInputError(row.file, 'skill without conceptUri or preferredLabel', row.line)
    if (skills.has(uri)) throw new ImportInputError(row.file, `skill ${uri} listed twice`, row.line)
    const kind = skillKind(text(row, 'skillType'), transversal.has(uri))
    const skill = skillRow(row, kind)
    skills.set(uri, { id: skill.id, kind })
    await run.add('skills', skill)
  }
  return skills
}

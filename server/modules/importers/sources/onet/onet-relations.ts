/** Related Occupations.txt: O*NET's ranked transitions from one occupation to another. */
import { toJson } from '../../../../platform/db/json.js'
import { integerField, text } from '../shared/fields.js'
import type { ImportRun } from '../shared/import-run.js'
import { COLUMNS, ONET } from './onet-files.js'
import { occupationOf, type Occupations } from './onet-occupations.js'

export async function emitRelations(run: ImportRun, occupations: Occupations, sourceId: string): Promise<void> {
  const sources = toJson([sourceId])
  // The table's key is (career, related career): a pair listed twice keeps its first (best-ranked) row.
  const seen = new Set<string>()
  for await (const row of run.rows(ONET.related, COLUMNS.related)) {
    const from = occupationOf(occupations, row)
    const to = occupationOf(occupations, row, 'Related O*NET-SOC Code')
    const position = integerField(row, 'Index')
    const key = `${from.code}>${to.code}`
    if (from === to || seen.has(key)) continue
    seen.add(key)
    await run.add('career_relations', {
      career_id: from.careerId, related_id: to.careerId, sources, note: null, position,
      relatedness: text(row, 'Relatedness Tier') || null,
    })
  }
}

/**
 * Aliases (alternate and reported job titles) and task statements, streamed straight to the sink in file
 * order. Only the per-career de-duplication state is kept.
 */
import { labelKey } from '../shared/slug.js'
import { optionalText, text } from '../shared/fields.js'
import type { ImportRun } from '../shared/import-run.js'
import { COLUMNS, ONET } from './onet-files.js'
import { occupationOf, type Occupations } from './onet-occupations.js'

/**
 * Alternate titles, then reported titles. An alias equal to the title or to an earlier alias, ignoring case
 * and spacing, is dropped: the table's key is (career, alias) and duplicates would only clutter search.
 */
export async function emitAliases(run: ImportRun, occupations: Occupations): Promise<void> {
  const seen = new Map<string, Set<string>>()
  const emit = async (careerId: string, title: string, alias: string): Promise<void> => {
    let keys = seen.get(careerId)
    if (!keys) seen.set(careerId, (keys = new Set([labelKey(title)])))
    const key = labelKey(alias)
    if (key === '' || keys.has(key)) return
    const position = keys.size - 1
    keys.add(key)
    await run.add('career_aliases', { career_id: careerId, alias, position })
  }
  for await (const row of run.rows(ONET.alternateTitles, COLUMNS.alternateTitles)) {
    const o = occupationOf(occupations, row)
    await emit(o.careerId, o.title, text(row, 'Alternate Title'))
  }
  for await (const row of run.rows(ONET.reportedTitles, COLUMNS.reportedTitles)) {
    const o = occupationOf(occupations, row)
    await emit(o.careerId, o.title, text(row, 'Reported Job Title'))
  }
}

/** Task statements in file order; the type is Core, Supplemental, or blank (not yet rated). */
export async function emitTasks(run: ImportRun, occupations: Occupations): Promise<void> {
  const next = new Map<string, number>()
  for await (const row of run.rows(ONET.tasks, COLUMNS.tasks)) {
    const { careerId } = occupationOf(occupations, row)
    const task = text(row, 'Task')
    if (task === '') continue
    const position = next.get(careerId) ?? 0
    next.set(careerId, position + 1)
    await run.add('career_tasks', { career_id: careerId, position, task, task_type: optionalText(row, 'Task Type') })
  }
}

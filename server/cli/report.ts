/** The summary printed after each import. */
import type { ImportResult } from '../modules/importers/index.js'

export function printResult(result: ImportResult, from: string): void {
  const lines = [`${result.origin} from ${from}: ${result.status === 'unchanged' ? 'already imported, nothing changed' : `published as catalog version ${result.catalogVersion}`}`]
  if (result.resumedAfterRows > 0) lines.push(`  resumed after ${result.resumedAfterRows.toLocaleString('en-US')} rows staged by an interrupted run`)
  for (const [table, count] of Object.entries(result.summary.rows)) lines.push(`  ${table.padEnd(24)} ${String(count?.toLocaleString('en-US')).padStart(10)}`)
  for (const note of result.summary.notes) lines.push(`  note: ${note}`)
  process.stdout.write(`${lines.join('\n')}\n`)
}

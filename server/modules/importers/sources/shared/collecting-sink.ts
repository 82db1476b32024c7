/**
 * An ImportSink that keeps every row in memory, in order: for tests and for trying a mapper on a small
 * input without a database.
 */
import type { ImportSink, StagedRows, StagedTable } from '../../import-types.js'

export interface CollectedRow<K extends StagedTable = StagedTable> { table: K; row: StagedRows[K] }

export interface CollectingSink extends ImportSink {
  readonly rows: CollectedRow[]
  /** Rows of one table, in the order they were added. */
  of<K extends StagedTable>(table: K): StagedRows[K][]
  /** Row counts per table. */
  counts(): Partial<Record<StagedTable, number>>
}

export function createCollectingSink(): CollectingSink {
  const rows: CollectedRow[] = []
  return {
    rows,
    add(table, row) {
      rows.push({ table, row })
      return Promise.resolve()
    },
    of<K extends StagedTable>(table: K) {
      return rows.filter((r): r is CollectedRow<K> => r.table === table).map((r) => r.row)
    },
    counts() {
      const counts: Partial<Record<StagedTable, number>> = {}
      for (const { table } of rows) counts[table] = (counts[table] ?? 0) + 1
      return counts
    },
  }
}

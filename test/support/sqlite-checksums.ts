/**
 * Per-table checksums of an SQLite file, rows in a canonical order: equal checksums mean equal data.
 * The database and statement objects are kept reachable until exit, as server/platform/db/client.ts
 * does, because collecting them crashes Node 24.16+ with better-sqlite3 12 (upstream #1515).
 */
import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'

const RETAINED: unknown[] = []

export function tableChecksums(file: string, tables: readonly string[]): Record<string, string> {
  const db = new Database(file, { readonly: true })
  RETAINED.push(db)
  try {
    return Object.fromEntries(tables.map((table) => {
      const statement = db.prepare(`select * from ${table}`)
      RETAINED.push(statement)
      const rows = statement.all().map((r) => JSON.stringify(r)).sort()
      return [table, `${rows.length}:${createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16)}`]
    }))
  } finally {
    db.close()
  }
}

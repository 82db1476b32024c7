/**
 * A canonical fingerprint of every table of a test database, on SQLite and PostgreSQL alike: each
 * row as JSON with sorted keys and normalised values, rows sorted, hashed per table. Two equal dumps
 * mean no row was added, removed or changed anywhere — the oracle of "a refused write changed
 * nothing" (SECURITY.md Z4, Z1/Z2).
 */
import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../server/platform/db/types.js'

/** Table name → `rows:hash`. */
export type DatabaseDump = Record<string, string>

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (value instanceof Uint8Array) return `bytes:${Buffer.from(value).toString('hex')}`
  if (typeof value === 'bigint') return value.toString()
  if (Array.isArray(value)) return value.map(canonical)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]))
  }
  return value
}

// Listing the tables is the slow part on PostgreSQL; a test's schema does not change after migrating.
const tableLists = new WeakMap<object, Promise<string[]>>()

/** Every table of the database (its own schema on PostgreSQL), fingerprinted. */
export async function dumpDatabase(db: Kysely<Database>): Promise<DatabaseDump> {
  let listed = tableLists.get(db)
  if (listed === undefined) tableLists.set(db, (listed = db.introspection.getTables().then((all) => all.map((t) => t.name).sort())))
  const tables = await listed
  const entries = await Promise.all(tables.map(async (table) => {
    const rows: unknown[] = await db.selectFrom(table as keyof Database).selectAll().execute()
    const lines = rows.map((row) => JSON.stringify(canonical(row))).sort()
    return [table, `${lines.length}:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 24)}`] as const
  }))
  return Object.fromEntries(entries)
}

/** The tables whose fingerprint differs (added or dropped tables included), for a failure message. */
export function changedTables(before: DatabaseDump, after: DatabaseDump): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...names].filter((name) => before[name] !== after[name]).sort()
}

/**
 * Per-table checksums that mean the same on SQLite and PostgreSQL: the row count and a SHA-256 over
 * every row, rows ordered by primary key, each row serialised canonically — columns by name, JSON
 * columns parsed and re-serialised with sorted keys (text on SQLite, jsonb on PostgreSQL), flags as
 * 0/1, numbers as JSON numbers, NULL as null, timestamps as the text stored (Date objects, which
 * only a driver conversion can produce, as ISO text), bytes as hex.
 */
import { createHash } from 'node:crypto'
import { quote, type Reader } from './reader.js'
import type { TableInfo } from './tables.js'

export interface TableChecksum {
  rows: number
  sha256: string
}

export type Checksums = Record<string, TableChecksum>

function sortedJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedJson)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedJson((value as Record<string, unknown>)[k])]))
  }
  return value
}

/** One column value in its engine-independent form. */
export function canonicalValue(value: unknown, json: boolean): unknown {
  if (value === null || value === undefined) return null
  if (json) {
    if (typeof value !== 'string') return { json: sortedJson(value) }
    try {
      return { json: sortedJson(JSON.parse(value)) }
    } catch {
      return { text: value } // not JSON after all: kept verbatim, so a difference still shows
    }
  }
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString()
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value)
  if (value instanceof Date) return value.toISOString()
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString('hex') }
  return value
}

function compareKeys(a: readonly unknown[], b: readonly unknown[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]
    const y = b[i]
    if (x === y) continue
    if (x === null) return -1
    if (y === null) return 1
    if (typeof x === 'number' && typeof y === 'number') return x - y
    const sx = String(x)
    const sy = String(y)
    if (sx !== sy) return sx < sy ? -1 : 1 // code-unit order: the same whatever the database's collation
  }
  return 0
}

/** The checksum of one table as the reader sees it. */
export async function tableChecksum(reader: Reader, table: TableInfo): Promise<TableChecksum> {
  const rows = await reader.query(`select * from ${reader.table(table.name)}`)
  const columns = [...table.columns].sort()
  const keyed = rows.map((row) => {
    const line = JSON.stringify(columns.map((c) => [c, canonicalValue(row[c], table.json.has(c))]))
    const key = (table.primaryKey.length > 0 ? table.primaryKey : columns).map((c) => canonicalValue(row[c], false))
    return { key, line }
  })
  keyed.sort((a, b) => compareKeys(a.key, b.key) || (a.line < b.line ? -1 : a.line > b.line ? 1 : 0))
  const hash = createHash('sha256')
  for (const { line } of keyed) hash.update(line).update('\n')
  return { rows: rows.length, sha256: hash.digest('hex') }
}

export async function checksumAll(reader: Reader, tables: readonly TableInfo[]): Promise<Checksums> {
  const out: Checksums = {}
  for (const table of tables) out[table.name] = await tableChecksum(reader, table)
  return out
}

/** Tables whose checksum differs, including tables present on one side only. */
export function differingTables(expected: Checksums, actual: Checksums): string[] {
  const names = new Set([...Object.keys(expected), ...Object.keys(actual)])
  return [...names].filter((n) => expected[n]?.rows !== actual[n]?.rows || expected[n]?.sha256 !== actual[n]?.sha256).sort()
}

/** Applied migrations, by name, in order. */
export async function appliedMigrations(reader: Reader): Promise<string[]> {
  const rows = await reader.query(`select name from ${reader.table('kysely_migration')} order by name`).catch(() => [])
  return rows.map((r) => String(r.name))
}

export { quote }

/**
 * JSON columns: `text` on SQLite, `jsonb` on PostgreSQL. Write with toJson, read with fromJson;
 * nothing else in the code base needs to know which engine stored the value.
 */
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely'

/** True when the Kysely instance talks to PostgreSQL. */
export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

/** The column type for JSON values on this engine. */
export function jsonColumn(db: Kysely<unknown>): RawBuilder<unknown> {
  return isPostgres(db) ? sql`jsonb` : sql`text`
}

/** Serialises a value for a JSON column (null stays null). */
export function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value)
}

/** Reads a JSON column: a string on SQLite, already parsed on PostgreSQL. */
export function fromJson<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback
  return (typeof value === 'string' ? JSON.parse(value) : value) as T
}

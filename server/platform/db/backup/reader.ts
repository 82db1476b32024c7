/**
 * A minimal query surface over either engine, so checksums and copies run the same code on a
 * SQLite file and on a PostgreSQL schema (inside a transaction or snapshot the caller holds).
 */
import SQLite from 'better-sqlite3'
import type pg from 'pg'

export interface Reader {
  readonly engine: 'sqlite' | 'postgres'
  /** PostgreSQL: the schema holding the application's tables. */
  readonly schema: string
  query(text: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>
  /** A quoted, schema-qualified table name. */
  table(name: string): string
}

export const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`

/**
 * Objects of better-sqlite3 are never left to the garbage collector (see client.ts: Node 24.16+
 * aborts when one is collected), so databases and statements opened here stay referenced.
 */
const RETAINED: unknown[] = []

export interface SqliteReader extends Reader {
  readonly database: SQLite.Database
  /** Rows one at a time, for tables too large to hold in memory. */
  iterate(text: string, params?: readonly unknown[]): IterableIterator<Record<string, unknown>>
  close(): void
}

export function openSqliteReader(file: string, options: { readonly?: boolean } = {}): SqliteReader {
  const database = new SQLite(file, { readonly: options.readonly ?? true, fileMustExist: true })
  RETAINED.push(database)
  database.exec('PRAGMA busy_timeout = 5000')
  const statements = new Map<string, SQLite.Statement>()
  RETAINED.push(statements)
  const prepared = (text: string) => {
    let statement = statements.get(text)
    if (!statement) {
      statement = database.prepare(text)
      statements.set(text, statement)
    }
    return statement
  }
  return {
    engine: 'sqlite',
    schema: 'main',
    database,
    iterate: (text, params = []) => prepared(text).iterate(...params) as IterableIterator<Record<string, unknown>>,
    async query(text, params = []) {
      const statement = prepared(text)
      return statement.reader ? (statement.all(...params) as Record<string, unknown>[]) : (statement.run(...params), [])
    },
    table: (name) => quote(name),
    close: () => {
      if (database.open) database.close()
    },
  }
}

export function postgresReader(client: pg.ClientBase, schema: string): Reader {
  return {
    engine: 'postgres',
    schema,
    async query(text, params = []) {
      return (await client.query(text, params as unknown[])).rows as Record<string, unknown>[]
    },
    table: (name) => `${quote(schema)}.${quote(name)}`,
  }
}

/** The schema a PostgreSQL connection writes to: the first real entry of its search_path. */
export async function targetSchema(client: pg.ClientBase): Promise<string> {
  const { rows } = await client.query<{ search_path: string }>('show search_path')
  const entries = (rows[0]?.search_path ?? 'public').split(',').map((e) => e.trim().replace(/^"(.*)"$/, '$1')).filter((e) => e !== '' && e !== '$user')
  return entries[0] ?? 'public'
}

/**
 * The Kysely client: better-sqlite3 for the embedded mode, a `pg` pool in server mode. The only
 * place that knows which engine is underneath, besides the migrations' column-type helpers.
 */
import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import pg from 'pg'
import type { DatabaseConfig } from '../../config.js'
import { ScopedPostgresDialect } from './scoped-introspector.js'
import type { Database } from './types.js'

export type Engine = 'sqlite' | 'postgres'

export interface Db {
  readonly kysely: Kysely<Database>
  readonly engine: Engine
  /** Cheap round trip used by /readyz. */
  ping(): Promise<void>
  close(): Promise<void>
}

export interface OpenOptions {
  /** PostgreSQL only: schema to use (see createSchema); tests isolate themselves this way. */
  schema?: string
}

/** Opens the database the config names; creates the SQLite folder when needed. */
export function openDb(config: DatabaseConfig, options: OpenOptions = {}): Db {
  return config.kind === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url, options.schema)
}

function openSqlite(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const database = new SQLite(file)
  // exec, not pragma(): pragma() prepares a statement object we would then have to keep (see below).
  database.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;')
  const retained = retainStatements(database)
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: retained }) })
  return {
    kysely,
    engine: 'sqlite',
    async ping() {
      retained.prepare('select 1').get()
    },
    close: async () => {
      await kysely.destroy()
      retained.close() // Kysely only closes a database it has used
    },
  }
}

/**
 * Node 24.16+ headers make every native object of better-sqlite3 12 register an environment cleanup
 * hook, and removing it asserts (SIGABRT) when V8 collects the object outside a JavaScript context —
 * in a GC during normal work or at exit (WiseLibs/better-sqlite3#1515; 13.x fixes it but needs Node
 * 22). So no statement or database object is ever left for the garbage collector: statements are
 * prepared once per SQL text and kept, with their database, until Node's own teardown frees them.
 * Kysely's SQL texts are parameterised, so the set stays small.
 */
const RETAINED: unknown[] = []

function retainStatements(database: SQLite.Database): { close(): void; prepare(sql: string): SQLite.Statement } {
  const statements = new Map<string, SQLite.Statement>()
  RETAINED.push(database, statements)
  return {
    close: () => {
      if (database.open) database.close()
    },
    prepare: (sql: string) => {
      let statement = statements.get(sql)
      if (!statement) {
        statement = database.prepare(sql)
        statements.set(sql, statement)
      }
      return statement
    },
  }
}

function openPostgres(url: string, schema?: string): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 2000,
    ...(schema ? { options: `-c search_path=${checkedName(schema)}` } : {}),
  })
  const kysely = new Kysely<Database>({ dialect: new ScopedPostgresDialect({ pool }) })
  return {
    kysely,
    engine: 'postgres',
    async ping() {
      await pool.query('select 1')
    },
    close: () => kysely.destroy(),
  }
}

/** Creates a PostgreSQL schema (test isolation: each test file gets its own). */
export async function createSchema(url: string, schema: string): Promise<void> {
  await withClient(url, (client) => client.query(`create schema if not exists ${checkedName(schema)}`))
}

/** Drops a PostgreSQL schema made for a test run. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  await withClient(url, (client) => client.query(`drop schema if exists ${checkedName(schema)} cascade`))
}

function checkedName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${JSON.stringify(schema)}`)
  return schema
}

async function withClient(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await work(client)
  } finally {
    await client.end()
  }
}

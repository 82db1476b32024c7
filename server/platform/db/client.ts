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
  /** PostgreSQL only: the pool's connections (for /metrics); SQLite has no pool. */
  poolStats?(): { total: number; idle: number; waiting: number }
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
    // Bounded waits: a connection (or a free slot in the pool) within 2 s, a query within 30 s even
    // when the server stops answering without closing the socket; TCP keep-alive notices dead peers.
    connectionTimeoutMillis: 2000,
    query_timeout: 30_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    ...(schema ? { options: `-c search_path=${checkedName(schema)}` } : {}),
  })
  // When PostgreSQL goes away, pg reports it as an 'error' event: on the pool for an idle
  // connection, on the client itself for one that is checked out between two queries. Either
  // event without a listener would end the process; the query that was running fails on its own
  // (and becomes a 503, see problem.ts), and the pool drops the broken connection and opens a new
  // one when the server is back. So both events are only noted here.
  pool.on('error', noteConnectionLoss)
  pool.on('connect', (client) => client.on('error', noteConnectionLoss))
  const kysely = new Kysely<Database>({ dialect: new ScopedPostgresDialect({ pool }) })
  return {
    kysely,
    engine: 'postgres',
    async ping() {
      await pool.query('select 1')
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => kysely.destroy(),
  }
}

let lostConnections = 0

function noteConnectionLoss(): void {
  lostConnections += 1
}

/** Connections to PostgreSQL this process saw break (idle or checked out) since it started. */
export function lostConnectionCount(): number {
  return lostConnections
}

const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'])
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Client has encountered a connection error and is not queryable',
  'Connection terminated unexpectedly',
  'timeout expired', // pg.Client's own connect timeout (the pool wraps it in "Connection terminated due to connection timeout")
]

/**
 * True for an error that means "the database cannot be reached right now" rather than "this query
 * is wrong": refused or broken sockets, pool and connect timeouts, and PostgreSQL's own codes for a
 * server shutting down or starting (57P01-57P03), connection failures (class 08) and a full server (53300).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown }
    if (typeof code === 'string') {
      if (CONNECTION_ERROR_CODES.has(code)) return true
      if (/^57P0[123]$/.test(code) || code.startsWith('08') || code === '53300') return true
    }
    if (typeof message === 'string' && CONNECTION_MESSAGES.some((m) => message.includes(m))) return true
    // Node reports a refused connection to a name with several addresses as an AggregateError.
    const inner = (e as { errors?: unknown }).errors
    if (Array.isArray(inner) && inner.some((x) => isDatabaseUnavailable(x))) return true
  }
  return false
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

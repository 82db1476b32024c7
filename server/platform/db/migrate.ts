/**
 * Applies the migrations in order with Kysely's Migrator. Migrations are listed here statically so
 * the compiled build needs no folder scanning; a new migration is one new file and one new line.
 */
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely'
import type { Db } from './client.js'
import * as m0001 from './migrations/0001-catalog.js'
import * as m0002 from './migrations/0002-imports.js'
import * as m0003 from './migrations/0003-identity.js'
import * as m0004 from './migrations/0004-access.js'
import * as m0005 from './migrations/0005-parental-consent.js'
import * as m0006 from './migrations/0006-issuer-keys.js'
import * as m0007 from './migrations/0007-learning-effort.js'
import * as m0008 from './migrations/0008-passport.js'
import * as m0009 from './migrations/0009-cvs.js'
import * as m0010 from './migrations/0010-educators.js'

const MIGRATIONS: Record<string, Migration> = {
  '0001-catalog': m0001,
  '0002-imports': m0002,
  '0003-identity': m0003,
  '0004-access': m0004,
  '0005-parental-consent': m0005,
  '0006-issuer-keys': m0006,
  '0007-learning-effort': m0007,
  '0008-passport': m0008,
  '0009-cvs': m0009,
  '0010-educators': m0010,
}

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS }

/**
 * On PostgreSQL the migration tables are pinned to the connection's current schema: Kysely looks for
 * them by name across every schema, so another schema's copy would otherwise be mistaken for ours.
 */
async function migrator(db: Db): Promise<Migrator> {
  if (db.engine !== 'postgres') return new Migrator({ db: db.kysely, provider })
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db.kysely)
  return new Migrator({ db: db.kysely, provider, migrationTableSchema: rows[0]?.schema ?? 'public' })
}

export interface MigrateOptions {
  /** Work to finish before the lock is released (the catalog sync), so concurrent starters do it once, in turn. */
  whileLocked?: () => Promise<unknown>
}

/** Fixed first half of the advisory-lock key taken while migrating ("PWAY"); the second half is the schema's hash. */
const MIGRATION_LOCK_CLASS = 0x50574159

/**
 * Brings the schema to the latest migration; throws with the failing migration's name. On
 * PostgreSQL the whole run holds a session advisory lock keyed by the schema, so when several
 * processes start at once one applies the migrations and the others wait, then find nothing pending
 * (Kysely's own lock does not cover creating its bookkeeping tables, which then race). SQLite is one
 * file opened by one process: no lock needed.
 */
export async function migrateToLatest(db: Db, options: MigrateOptions = {}): Promise<string[]> {
  const run = async () => {
    const applied = await applyMigrations(db)
    await options.whileLocked?.()
    return applied
  }
  if (db.engine !== 'postgres') return run()
  return db.kysely.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_CLASS}, hashtext(current_schema()))`.execute(connection)
    try {
      return await run()
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_CLASS}, hashtext(current_schema()))`.execute(connection)
    }
  })
}

async function applyMigrations(db: Db): Promise<string[]> {
  const { error, results = [] } = await (await migrator(db)).migrateToLatest()
  if (error) {
    const failed = results.find((r) => r.status === 'Error')
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(error)}`, { cause: error })
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/** Names of migrations not yet applied; server-mode API processes refuse to start while any are. */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const all = await (await migrator(db)).getMigrations()
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name)
}

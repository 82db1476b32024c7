/**
 * What the backup code needs to know about the schema, read from the database itself so a new
 * migration needs no change here: the application's tables, their primary keys, their foreign keys
 * (for a copy order that satisfies them) and which columns hold JSON.
 *
 * JSON columns are `jsonb` on PostgreSQL but plain `text` on SQLite, so on SQLite they are found by
 * compiling the migrations for PostgreSQL against a driver that runs nothing and reading the
 * `jsonb` columns out of the SQL (a test compares the result with a real PostgreSQL schema).
 */
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely'
import { migrateToLatest } from '../migrate.js'
import type { Db } from '../client.js'
import type { Database } from '../types.js'
import type { Reader } from './reader.js'

/** Kysely's own bookkeeping tables: listed in the manifest, never copied or checksummed. */
export const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock'])

export interface TableInfo {
  name: string
  /** Columns in the order the database declares them. */
  columns: string[]
  primaryKey: string[]
  /** Tables this one references (other than itself). */
  references: string[]
  json: Set<string>
}

interface DryRun {
  json: Map<string, Set<string>>
  migrations: string[]
}

let dryRun: Promise<DryRun> | undefined

/** table → JSON columns, as the migrations declare them for PostgreSQL. */
export async function declaredJsonColumns(): Promise<Map<string, Set<string>>> {
  dryRun ??= compileMigrations()
  return (await dryRun).json
}

/** The migrations this version of Pathways knows, in order. */
export async function knownMigrations(): Promise<string[]> {
  dryRun ??= compileMigrations()
  return (await dryRun).migrations
}

async function compileMigrations(): Promise<DryRun> {
  const statements: string[] = []
  const kysely = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      if (event.level === 'query') statements.push(event.query.sql)
    },
  })
  const dry: Db = { kysely, engine: 'postgres', ping: async () => undefined, close: () => kysely.destroy() }
  const migrations = await migrateToLatest(dry)
  await kysely.destroy()
  const found = new Map<string, Set<string>>()
  const add = (table: string, column: string) => {
    if (!found.has(table)) found.set(table, new Set())
    found.get(table)!.add(column)
  }
  for (const text of statements) {
    const created = /^create table (?:if not exists )?"(\w+)"\s*\((.*)\)\s*$/is.exec(text)
    if (created) {
      for (const m of created[2]!.matchAll(/"(\w+)" jsonb/g)) add(created[1]!, m[1]!)
      continue
    }
    const altered = /^alter table "(\w+)"(.*)$/is.exec(text)
    if (altered) for (const m of altered[2]!.matchAll(/add column "(\w+)" jsonb/g)) add(altered[1]!, m[1]!)
  }
  return { json: found, migrations }
}

/** Every application table (migration bookkeeping excluded), sorted by name. */
export async function describeTables(reader: Reader): Promise<TableInfo[]> {
  const declared = reader.engine === 'sqlite' ? await declaredJsonColumns() : new Map<string, Set<string>>()
  const names = reader.engine === 'sqlite'
    ? (await reader.query(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)).map((r) => String(r.name))
    : (await reader.query(`select table_name as name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE'`, [reader.schema])).map((r) => String(r.name))
  const tables: TableInfo[] = []
  for (const name of names.filter((n) => !MIGRATION_TABLES.has(n)).sort()) {
    if (reader.engine === 'sqlite') {
      const cols = await reader.query(`select name, pk from pragma_table_info(?) order by cid`, [name])
      const fks = await reader.query(`select "table" as target from pragma_foreign_key_list(?)`, [name])
      tables.push({
        name,
        columns: cols.map((c) => String(c.name)),
        primaryKey: cols.filter((c) => Number(c.pk) > 0).sort((a, b) => Number(a.pk) - Number(b.pk)).map((c) => String(c.name)),
        references: [...new Set(fks.map((f) => String(f.target)))].filter((t) => t !== name).sort(),
        json: declared.get(name) ?? new Set(),
      })
    } else {
      const cols = await reader.query(
        `select column_name as name, data_type as type from information_schema.columns where table_schema = $1 and table_name = $2 order by ordinal_position`,
        [reader.schema, name])
      const pk = await reader.query(
        `select a.attname as name from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
         where i.indrelid = format('%I.%I', $1::text, $2::text)::regclass and i.indisprimary order by array_position(i.indkey, a.attnum)`,
        [reader.schema, name])
      const fks = await reader.query(
        `select distinct ccu.relname as target from pg_constraint c join pg_class ccu on ccu.oid = c.confrelid
         where c.contype = 'f' and c.conrelid = format('%I.%I', $1::text, $2::text)::regclass`,
        [reader.schema, name])
      tables.push({
        name,
        columns: cols.map((c) => String(c.name)),
        primaryKey: pk.map((c) => String(c.name)),
        references: fks.map((f) => String(f.target)).filter((t) => t !== name).sort(),
        json: new Set(cols.filter((c) => c.type === 'jsonb' || c.type === 'json').map((c) => String(c.name))),
      })
    }
  }
  return tables
}

/** Tables ordered so each comes after every table it references (foreign keys satisfied on insert). */
export function insertOrder(tables: readonly TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]))
  const done = new Set<string>()
  const visiting = new Set<string>()
  const order: TableInfo[] = []
  const visit = (t: TableInfo) => {
    if (done.has(t.name)) return
    if (visiting.has(t.name)) throw new Error(`foreign keys form a cycle through ${t.name}`)
    visiting.add(t.name)
    for (const ref of t.references) {
      const target = byName.get(ref)
      if (target) visit(target)
    }
    visiting.delete(t.name)
    done.add(t.name)
    order.push(t)
  }
  for (const t of tables) visit(t)
  return order
}

/**
 * Persistence of imports: runs with their checkpoint, staged batches, and the one-transaction publish
 * that swaps an origin's rows for the staged ones and bumps the catalog version.
 */
import { sql, type Insertable, type Transaction } from 'kysely'
import type { Db } from '../../platform/db/client.js'
import { toJson } from '../../platform/db/json.js'
import type { Database } from '../../platform/db/types.js'
import type { StagedTable } from './import-types.js'

export interface ImportRun {
  id: string
  origin: string
  state: 'staging' | 'published'
  checkpoint: number
}

/** Tables cleared by origin before publishing, children before parents. */
const ORIGIN_TABLES = ['occupation_facts', 'occupation_attributes', 'occupation_programmes', 'code_links', 'price_parities'] as const

/** Bound parameters per INSERT: SQLite allows 32,766 and PostgreSQL 65,535. */
const MAX_PARAMS = 30_000

export function createImportRepository(db: Db) {
  const k = db.kysely
  return {
    async findRun(id: string): Promise<ImportRun | undefined> {
      const row = await k.selectFrom('import_runs').select(['id', 'origin', 'state', 'checkpoint']).where('id', '=', id).executeTakeFirst()
      return row && { ...row, state: row.state as ImportRun['state'], checkpoint: Number(row.checkpoint) }
    },

    async publishedRunOf(origin: string): Promise<string | undefined> {
      const row = await k.selectFrom('meta').select('value').where('key', '=', `import.${origin}.run`).executeTakeFirst()
      return row?.value
    },

    async reservedSlugs(): Promise<Set<string>> {
      const rows = await k.selectFrom('careers').select('slug').where('origin', '=', 'catalog').execute()
      return new Set(rows.map((r) => r.slug))
    },

    /** Starts a run, dropping any unfinished run of the same origin for other input. */
    async startRun(id: string, origin: string, inputHash: string, now: string): Promise<void> {
      await k.transaction().execute(async (trx) => {
        await trx.deleteFrom('import_runs').where('origin', '=', origin).where('state', '=', 'staging').where('id', '!=', id).execute()
        await trx.insertInto('import_runs').values({ id, origin, input_hash: inputHash, state: 'staging', checkpoint: 0, rows_staged: 0, started_at: now, finished_at: null, summary: null })
          .onConflict((oc) => oc.column('id').doUpdateSet({ state: 'staging', started_at: now, finished_at: null, checkpoint: 0, rows_staged: 0 })).execute()
      })
    },

    async nextSeq(runId: string): Promise<number> {
      const row = await k.selectFrom('import_staging').select((eb) => eb.fn.max('seq').as('max')).where('run_id', '=', runId).executeTakeFirst()
      return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1
    },

    /** Commits one batch of staged rows and the new checkpoint together. */
    async stageBatch(runId: string, firstSeq: number, groups: { table: StagedTable; rows: unknown[] }[], checkpoint: number): Promise<void> {
      await k.transaction().execute(async (trx) => {
        await trx.insertInto('import_staging').values(groups.map((g, i) => ({ run_id: runId, seq: firstSeq + i, table_name: g.table, rows: JSON.stringify(g.rows) }))).execute()
        await trx.updateTable('import_runs').set({ checkpoint, rows_staged: checkpoint }).where('id', '=', runId).execute()
      })
    },

    /** Replaces the origin's published rows with the run's staged rows, atomically. Returns the new catalog version. */
    async publish(runId: string, origin: string, summary: unknown, now: string): Promise<number> {
      return k.transaction().execute(async (trx) => {
        await deleteOrigin(trx, origin)
        let after = -1
        for (;;) {
          const chunk = await trx.selectFrom('import_staging').select(['seq', 'table_name', 'rows']).where('run_id', '=', runId).where('seq', '>', after).orderBy('seq').limit(20).execute()
          if (chunk.length === 0) break
          for (const group of chunk) await insertRows(trx, group.table_name as StagedTable, JSON.parse(group.rows) as Record<string, unknown>[])
          after = Number(chunk[chunk.length - 1]?.seq)
        }
        const version = await bumpCatalogVersion(trx)
        await setMeta(trx, `import.${origin}.run`, runId)
        await trx.updateTable('import_runs').set({ state: 'published', finished_at: now, summary: toJson(summary) }).where('id', '=', runId).execute()
        await trx.deleteFrom('import_staging').where('run_id', '=', runId).execute()
        return version
      })
    },
  }
}
export type ImportRepository = ReturnType<typeof createImportRepository>

async function deleteOrigin(trx: Transaction<Database>, origin: string): Promise<void> {
  for (const table of ORIGIN_TABLES) await trx.deleteFrom(table).where('origin', '=', origin).execute()
  await trx.deleteFrom('careers').where('origin', '=', origin).execute() // children cascade
  await trx.deleteFrom('skills').where('origin', '=', origin).execute()
  await trx.deleteFrom('sources').where('origin', '=', origin).execute()
}

async function insertRows(trx: Transaction<Database>, table: StagedTable, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return
  const perInsert = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(rows[0] ?? {}).length))
  for (let i = 0; i < rows.length; i += perInsert) {
    await trx.insertInto(table).values(rows.slice(i, i + perInsert) as Insertable<Database[typeof table]>[]).execute()
  }
}

async function bumpCatalogVersion(trx: Transaction<Database>): Promise<number> {
  const current = await trx.selectFrom('meta').select('value').where('key', '=', 'catalog.version').executeTakeFirst()
  const version = Number(current?.value ?? 0) + 1
  await setMeta(trx, 'catalog.version', String(version))
  return version
}

async function setMeta(trx: Transaction<Database>, key: string, value: string): Promise<void> {
  await trx.insertInto('meta').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute()
}

/** Per-table row counts of what an origin has published (for summaries and tests). */
export async function countByOrigin(db: Db, origin: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const table of [...ORIGIN_TABLES, 'careers', 'skills', 'sources'] as const) {
    const row = await db.kysely.selectFrom(table).select(sql<string>`count(*)`.as('n')).where('origin', '=', origin).executeTakeFirst()
    out[table] = Number(row?.n ?? 0)
  }
  return out
}

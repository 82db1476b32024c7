/**
 * Moves an embedded installation to PostgreSQL: migrations applied on the target, every table copied
 * in batches inside one transaction in foreign-key order, then checksums of source and target
 * compared before committing — a difference rolls everything back.
 */
import fs from 'node:fs'
import { openDb } from '../client.js'
import { migrateToLatest } from '../migrate.js'
import { checksumAll, differingTables, type Checksums } from './checksums.js'
import { BackupFailure, BackupInputError } from './errors.js'
import { connect, postgresHasData } from './postgres.js'
import { openSqliteReader, postgresReader, quote, targetSchema } from './reader.js'
import { describeTables, insertOrder } from './tables.js'

export interface MigrateResult {
  schema: string
  source: Checksums
  target: Checksums
  /** Tables in copy order. */
  order: string[]
}

/** PostgreSQL accepts at most 65,535 parameters per statement. */
const MAX_PARAMS = 30_000

export async function migrateToPostgres(sqliteFile: string, url: string, options: { force?: boolean; batchRows?: number; onTable?: (table: string, rows: number) => void } = {}): Promise<MigrateResult> {
  if (!fs.existsSync(sqliteFile)) throw new BackupInputError(`no embedded database at ${sqliteFile} (check DATA_DIR)`)
  // The source is brought to the latest migration first, as the embedded server does when it starts.
  const embedded = openDb({ kind: 'sqlite', file: sqliteFile })
  try {
    await migrateToLatest(embedded)
  } finally {
    await embedded.close()
  }
  const target = openDb({ kind: 'postgres', url })
  try {
    await migrateToLatest(target)
  } catch (error) {
    throw new BackupFailure(`cannot apply the migrations on the target: ${error instanceof Error ? error.message : String(error)}`)
  } finally {
    await target.close()
  }

  const source = openSqliteReader(sqliteFile, { readonly: true })
  const client = await connect(url)
  try {
    const schema = await targetSchema(client)
    const sourceTables = await describeTables(source)
    const targetReader = postgresReader(client, schema)
    const targetTables = new Map((await describeTables(targetReader)).map((t) => [t.name, t]))
    const missing = sourceTables.filter((t) => !targetTables.has(t.name)).map((t) => t.name)
    if (missing.length > 0) throw new BackupFailure(`the target lacks table(s) ${missing.join(', ')} after migrating; nothing was copied`)

    await client.query('begin')
    try {
      if (await postgresHasData(client, schema)) {
        if (!options.force) throw new BackupFailure(`the target schema ${schema} already holds data; nothing was copied. Use --force to replace it.`)
        for (const table of [...insertOrder([...targetTables.values()])].reverse()) await client.query(`delete from ${targetReader.table(table.name)}`)
      }
      // One consistent read of the source for the copy and its checksums.
      await source.query('begin')
      const order = insertOrder(sourceTables)
      for (const table of order) {
        const columns = table.columns
        const batch = Math.max(1, Math.min(options.batchRows ?? 1000, Math.floor(MAX_PARAMS / columns.length)))
        const list = columns.map(quote).join(', ')
        let copied = 0
        let rows: Record<string, unknown>[] = []
        const flush = async () => {
          if (rows.length === 0) return
          const params: unknown[] = []
          const tuples = rows.map((row) => `(${columns.map((c) => {
            params.push(row[c] ?? null)
            return `$${params.length}`
          }).join(', ')})`)
          await client.query(`insert into ${targetReader.table(table.name)} (${list}) values ${tuples.join(', ')}`, params)
          copied += rows.length
          rows = []
        }
        // Streamed from SQLite (no OFFSET rescans); each batch is one multi-row insert.
        for (const row of source.iterate(`select * from ${source.table(table.name)}`)) {
          rows.push(row)
          if (rows.length >= batch) await flush()
        }
        await flush()
        options.onTable?.(table.name, copied)
      }
      const sourceSums = await checksumAll(source, sourceTables)
      await source.query('commit')
      const targetSums = await checksumAll(targetReader, sourceTables.map((t) => targetTables.get(t.name)!))
      const differing = differingTables(sourceSums, targetSums)
      if (differing.length > 0) throw new BackupFailure(`checksums differ between SQLite and PostgreSQL for table(s) ${differing.join(', ')}; the copy was rolled back`)
      await client.query('commit')
      return { schema, source: sourceSums, target: targetSums, order: order.map((t) => t.name) }
    } catch (error) {
      await client.query('rollback').catch(() => undefined)
      if (source.database.inTransaction) await source.query('rollback')
      throw error
    }
  } finally {
    source.close()
    await client.end().catch(() => undefined)
  }
}

/**
 * `pathways backup <file>`, `pathways restore <file> [--force]`, `pathways migrate-to-postgres [--to URL] [--force]`.
 *
 * The database is the one the environment names (DATA_DIR's SQLite file, or DATABASE_URL's schema).
 * Exit codes: 0 done, 1 failure (the message names the problem and the state left), 2 bad input.
 */
import path from 'node:path'
import type { Command } from 'commander'
import { ConfigError, loadConfig } from '../config.js'
import {
  BackupFailure, BackupInputError, backupPostgres, backupSqlite, checkPostgresUrl, migrateToPostgres, restorePostgres, restoreSqlite,
  type Checksums,
} from '../platform/db/backup/index.js'

function table(checksums: Checksums, other?: Checksums): string {
  const names = Object.keys(checksums).sort()
  const width = Math.max(5, ...names.map((n) => n.length))
  return names.map((n) => {
    const c = checksums[n]!
    const mark = other === undefined ? '' : other[n]?.sha256 === c.sha256 && other[n]?.rows === c.rows ? '  equal' : '  DIFFERS'
    return `  ${n.padEnd(width)}  ${String(c.rows).padStart(9)}  ${c.sha256.slice(0, 16)}${mark}`
  }).join('\n')
}

const totalRows = (c: Checksums) => Object.values(c).reduce((sum, t) => sum + t.rows, 0)

/** Runs a command body and turns its errors into the documented exit codes. */
async function guarded(command: string, work: () => Promise<void>): Promise<void> {
  try {
    await work()
  } catch (error) {
    if (error instanceof BackupInputError) {
      process.stderr.write(`pathways ${command}: bad input: ${error.message}\n`)
      process.exit(2)
    }
    if (error instanceof BackupFailure || error instanceof ConfigError) {
      process.stderr.write(`pathways ${command}: ${error.message}\n`)
      process.exit(1)
    }
    throw error
  }
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('Back up the database (SQLite: online backup API, safe while the server runs; PostgreSQL: pg_dump of the application schema) into one file with a manifest of per-table checksums.')
    .argument('<file>', 'the backup file to write')
    .action(async (file: string) => {
      await guarded('backup', async () => {
        const config = loadConfig()
        const started = Date.now()
        const out = path.resolve(file)
        const manifest = config.database.kind === 'sqlite' ? await backupSqlite(config.database.file, out) : await backupPostgres(config.database.url, out)
        process.stdout.write(`Backed up ${manifest.kind} (${manifest.migrations.length} migrations, ${Object.keys(manifest.tables).length} tables, ${totalRows(manifest.tables)} rows) to ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n${table(manifest.tables)}\n`)
      })
    })

  program
    .command('restore')
    .description('Restore a backup into an empty database (--force replaces a non-empty one), verifying every table against the backup\'s checksums before it takes the database\'s place.')
    .argument('<file>', 'a file written by `pathways backup`')
    .option('--force', 'replace a database that already holds data', false)
    .action(async (file: string, options: { force: boolean }) => {
      await guarded('restore', async () => {
        const config = loadConfig()
        const started = Date.now()
        const source = path.resolve(file)
        if (config.database.kind === 'sqlite') {
          const result = await restoreSqlite(source, config.database.file, options)
          process.stdout.write(`Restored ${source} into ${config.database.file}; every table's checksum matches the backup (${((Date.now() - started) / 1000).toFixed(1)} s).\n`)
          if (result.replacedBy) process.stdout.write(`The previous database was moved to ${result.replacedBy}.\n`)
          process.stdout.write(`${table(result.checksums, result.manifest.tables)}\n`)
        } else {
          const result = await restorePostgres(source, config.database.url, options)
          process.stdout.write(`Restored ${source} into schema ${result.schema}; every table's checksum matches the backup (${((Date.now() - started) / 1000).toFixed(1)} s).\n${table(result.checksums, result.manifest.tables)}\n`)
        }
      })
    })

  program
    .command('migrate-to-postgres')
    .description('Move the embedded installation (DATA_DIR\'s SQLite) to PostgreSQL: migrations applied on the target, every table copied in one transaction, per-table checksums of source and target compared. Exit 0 only when all match.')
    .option('--to <url>', 'postgres:// URL of the target (default: DATABASE_URL)')
    .option('--force', 'replace data already in the target schema', false)
    .action(async (options: { to?: string; force: boolean }) => {
      await guarded('migrate-to-postgres', async () => {
        const config = loadConfig()
        const url = options.to ?? (config.database.kind === 'postgres' ? config.database.url : undefined)
        if (url === undefined) throw new BackupInputError('no target: pass --to postgres://… or set DATABASE_URL')
        checkPostgresUrl(url)
        const file = path.join(config.dataDir, 'pathways.sqlite')
        const started = Date.now()
        const result = await migrateToPostgres(file, url, { force: options.force })
        process.stdout.write(`Copied ${file} to PostgreSQL schema ${result.schema}: ${Object.keys(result.source).length} tables, ${totalRows(result.source)} rows, every checksum equal (${((Date.now() - started) / 1000).toFixed(1)} s).\n` +
          `  table  rows  checksum (SQLite = PostgreSQL)\n${table(result.target, result.source)}\n` +
          `Start Pathways with DATABASE_URL set to this database to serve it.\n`)
      })
    })
}

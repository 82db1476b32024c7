/**
 * Embedded mode: backup through SQLite's online backup API (a consistent copy while the server keeps
 * writing), restore by verifying a complete copy beside the database and renaming it into place.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { assertKnownMigrations, extractPayload, readManifest, writeArchive, type Manifest } from './archive.js'
import { appliedMigrations, checksumAll, differingTables, type Checksums } from './checksums.js'
import { BackupFailure, BackupInputError } from './errors.js'
import { openSqliteReader, type SqliteReader } from './reader.js'
import { describeTables } from './tables.js'

export interface RestoreResult {
  manifest: Manifest
  checksums: Checksums
  /** Where the replaced database was moved (with --force), if there was one. */
  replacedBy?: string
}

const suffix = () => `${process.pid}-${randomBytes(4).toString('hex')}`

/** Backs up the SQLite database at `dbFile` into the archive `outFile`. */
export async function backupSqlite(dbFile: string, outFile: string): Promise<Manifest> {
  if (!fs.existsSync(dbFile)) throw new BackupFailure(`no embedded database at ${dbFile} (check DATA_DIR)`)
  const copy = `${outFile}.${suffix()}.sqlite`
  const source = openSqliteReader(dbFile, { readonly: true })
  try {
    // All pages in one step: the copy is one read transaction, so writers never restart it.
    await source.database.backup(copy, { progress: () => 1_000_000 })
  } finally {
    source.close()
  }
  try {
    const reader = openSqliteReader(copy, { readonly: true })
    let tables: Checksums
    let migrations: string[]
    try {
      tables = await checksumAll(reader, await describeTables(reader))
      migrations = await appliedMigrations(reader)
    } finally {
      reader.close()
    }
    return await writeArchive(outFile, { kind: 'sqlite', migrations, createdAt: new Date().toISOString(), tables }, copy)
  } finally {
    fs.rmSync(copy, { force: true })
  }
}

/** True when the database file holds rows in any application table. */
export async function sqliteHasData(dbFile: string): Promise<boolean> {
  if (!fs.existsSync(dbFile)) return false
  const reader = openSqliteReader(dbFile, { readonly: true })
  try {
    for (const table of await describeTables(reader)) {
      if ((await reader.query(`select 1 from ${reader.table(table.name)} limit 1`)).length > 0) return true
    }
    return false
  } finally {
    reader.close()
  }
}

/** Checks the payload's integrity and recomputes its checksums; refuses naming the tables that differ. */
async function verify(reader: SqliteReader, manifest: Manifest, what: string): Promise<Checksums> {
  let checksums: Checksums
  try {
    const integrity = await reader.query('pragma integrity_check')
    const problems = integrity.map((r) => String(Object.values(r)[0])).filter((v) => v !== 'ok')
    if (problems.length > 0) throw new BackupFailure(`${what}: the database inside is damaged: ${problems.slice(0, 3).join('; ')}`)
    checksums = await checksumAll(reader, await describeTables(reader))
  } catch (error) {
    if (error instanceof BackupFailure) throw error
    throw new BackupFailure(`${what}: the database inside cannot be read (${error instanceof Error ? error.message : String(error)})`)
  }
  const differing = differingTables(manifest.tables, checksums)
  if (differing.length > 0) throw new BackupFailure(`${what}: checksums differ from the manifest for table(s) ${differing.join(', ')}`)
  return checksums
}

/** Restores an archive into `dbFile`, which must be empty unless `force`. The old file is kept beside it. */
export async function restoreSqlite(backupFile: string, dbFile: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
  const { manifest, payloadOffset } = readManifest(backupFile)
  if (manifest.kind !== 'sqlite') throw new BackupInputError(`${backupFile} is a ${manifest.kind} backup; this installation is embedded (SQLite). Set DATABASE_URL to restore it into PostgreSQL.`)
  await assertKnownMigrations(backupFile, manifest)
  if (!options.force && (await sqliteHasData(dbFile))) {
    throw new BackupFailure(`${dbFile} already holds data; nothing was changed. Use --force to replace it (the current file is kept beside it).`)
  }
  fs.mkdirSync(path.dirname(dbFile), { recursive: true })
  const staged = `${dbFile}.restoring-${suffix()}`
  try {
    await extractPayload(backupFile, payloadOffset, staged)
    const reader = openSqliteReader(staged, { readonly: true })
    let checksums: Checksums
    try {
      checksums = await verify(reader, manifest, backupFile)
    } finally {
      reader.close()
    }
    let replacedBy: string | undefined
    if (fs.existsSync(dbFile)) {
      replacedBy = `${dbFile}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`
      fs.renameSync(dbFile, replacedBy)
      for (const side of ['-wal', '-shm']) if (fs.existsSync(dbFile + side)) fs.renameSync(dbFile + side, replacedBy + side)
    }
    fs.renameSync(staged, dbFile)
    return { manifest, checksums, ...(replacedBy ? { replacedBy } : {}) }
  } finally {
    for (const side of ['', '-wal', '-shm', '-journal']) fs.rmSync(staged + side, { force: true })
  }
}

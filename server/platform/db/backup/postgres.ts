/**
 * Server mode: backup with `pg_dump --format=custom` of the application's schema only, taken from the
 * same snapshot the checksums are computed in; restore with `pg_restore --single-transaction` beside
 * the live schema, verified, then swapped in by renaming schemas.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { assertKnownMigrations, extractPayload, readManifest, writeArchive, type Manifest } from './archive.js'
import { appliedMigrations, checksumAll, differingTables, type Checksums } from './checksums.js'
import { BackupFailure, BackupInputError } from './errors.js'
import { postgresReader, quote, targetSchema } from './reader.js'
import { describeTables } from './tables.js'

/** pg_dump / pg_restore: on PATH, else the newest /usr/lib/postgresql/<version>/bin. */
export function findPgTool(name: 'pg_dump' | 'pg_restore', env: { PATH?: string } = { PATH: process.env.PATH }): string {
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name)
    if (fs.existsSync(candidate)) return candidate
  }
  const root = '/usr/lib/postgresql'
  if (fs.existsSync(root)) {
    const versions = fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a))
    for (const v of versions) {
      const candidate = path.join(root, v, 'bin', name)
      if (fs.existsSync(candidate)) return candidate
    }
  }
  throw new BackupFailure(`${name} was not found on PATH nor in /usr/lib/postgresql/*/bin; install the PostgreSQL client tools (e.g. apt-get install postgresql-client)`)
}

function run(tool: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', (e) => reject(new BackupFailure(`${path.basename(tool)} could not start: ${e.message}`)))
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new BackupFailure(`${path.basename(tool)} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`))))
  })
}

export function checkPostgresUrl(url: string): void {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new BackupInputError(`${JSON.stringify(url)} is not a URL; expected postgres://user@host:port/database`)
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol) || (!parsed.hostname && !parsed.searchParams.get('host'))) {
    throw new BackupInputError(`${JSON.stringify(url.replace(/\/\/[^@]*@/, '//…@'))} is not a postgres:// URL with a host`)
  }
}

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  try {
    await client.connect()
  } catch (error) {
    throw new BackupFailure(`cannot connect to PostgreSQL: ${error instanceof Error ? error.message : String(error)}`)
  }
  return client
}

const tmpName = (dir: string, label: string) => path.join(dir, `.pathways-${label}-${process.pid}-${randomBytes(4).toString('hex')}`)

/** Backs up the connection's schema (first entry of its search_path) into `outFile`. */
export async function backupPostgres(url: string, outFile: string): Promise<Manifest> {
  const pgDump = findPgTool('pg_dump')
  const client = await connect(url)
  const dump = tmpName(path.dirname(path.resolve(outFile)), 'dump')
  try {
    const schema = await targetSchema(client)
    await client.query('begin isolation level repeatable read read only')
    const snapshot = (await client.query<{ id: string }>('select pg_export_snapshot() as id')).rows[0]!.id
    const reader = postgresReader(client, schema)
    const tables = await describeTables(reader)
    if (tables.length === 0) throw new BackupFailure(`schema ${schema} holds no Pathways tables; is DATABASE_URL the right database?`)
    const checksums = await checksumAll(reader, tables)
    const migrations = await appliedMigrations(reader)
    await run(pgDump, ['--format=custom', `--schema=${schema}`, '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, `--file=${dump}`, `--dbname=${url}`])
    await client.query('commit')
    return await writeArchive(outFile, { kind: 'postgres', schema, migrations, createdAt: new Date().toISOString(), tables: checksums }, dump)
  } finally {
    fs.rmSync(dump, { force: true })
    await client.end().catch(() => undefined)
  }
}

async function schemaExists(client: pg.Client, schema: string): Promise<boolean> {
  return (await client.query('select 1 from pg_namespace where nspname = $1', [schema])).rowCount! > 0
}

/** True when the schema has rows in any application table. */
export async function postgresHasData(client: pg.Client, schema: string): Promise<boolean> {
  if (!(await schemaExists(client, schema))) return false
  const reader = postgresReader(client, schema)
  for (const table of await describeTables(reader)) {
    if ((await reader.query(`select 1 from ${reader.table(table.name)} limit 1`)).length > 0) return true
  }
  return false
}

export interface PgRestoreResult {
  manifest: Manifest
  checksums: Checksums
  schema: string
}

/**
 * Restores into the connection's schema. pg_restore recreates the dump's own schema, so when that is
 * the target it is first renamed aside; on any failure the restored schema is dropped and the old one
 * renamed back, so the database is as before.
 */
export async function restorePostgres(backupFile: string, url: string, options: { force?: boolean } = {}): Promise<PgRestoreResult> {
  const { manifest, payloadOffset } = readManifest(backupFile)
  if (manifest.kind !== 'postgres') throw new BackupInputError(`${backupFile} is a ${manifest.kind} backup; this installation uses PostgreSQL. Use \`pathways migrate-to-postgres\` to move an embedded database, or unset DATABASE_URL.`)
  const source = manifest.schema
  if (typeof source !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(source)) throw new BackupInputError(`${backupFile}: corrupt backup (no valid schema name in the manifest)`)
  await assertKnownMigrations(backupFile, manifest)
  const pgRestore = findPgTool('pg_restore')
  const client = await connect(url)
  const payload = tmpName(path.dirname(path.resolve(backupFile)), 'restore')
  try {
    const target = await targetSchema(client)
    if (!options.force && (await postgresHasData(client, target))) {
      throw new BackupFailure(`schema ${target} already holds data; nothing was changed. Use --force to replace it.`)
    }
    if (source !== target && (await schemaExists(client, source))) {
      throw new BackupFailure(`the backup holds schema ${source}, which exists in this database beside the target ${target}; nothing was changed. Rename or drop ${source} first, or restore into ${source}.`)
    }
    await extractPayload(backupFile, payloadOffset, payload)
    const aside = `${target.slice(0, 40)}_pre_restore_${randomBytes(3).toString('hex')}`
    const movedAside = source === target && (await schemaExists(client, target))
    if (movedAside) await client.query(`alter schema ${quote(target)} rename to ${quote(aside)}`)
    const undo = async () => {
      await client.query(`drop schema if exists ${quote(source)} cascade`)
      if (movedAside) await client.query(`alter schema ${quote(aside)} rename to ${quote(target)}`)
    }
    let checksums: Checksums
    try {
      if (!(await tocCreatesSchema(pgRestore, payload, source))) await client.query(`create schema ${quote(source)}`)
      await run(pgRestore, ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', `--dbname=${url}`, payload])
      checksums = await checksumAll(postgresReader(client, source), await describeTables(postgresReader(client, source)))
      const differing = differingTables(manifest.tables, checksums)
      if (differing.length > 0) throw new BackupFailure(`${backupFile}: checksums differ from the manifest for table(s) ${differing.join(', ')}`)
    } catch (error) {
      await undo()
      const detail = error instanceof Error ? error.message : String(error)
      throw new BackupFailure(`${detail}. Nothing was changed: schema ${target} is as it was.`)
    }
    await client.query('begin')
    if (movedAside) await client.query(`drop schema ${quote(aside)} cascade`)
    else if (source !== target) {
      await client.query(`drop schema if exists ${quote(target)} cascade`)
      await client.query(`alter schema ${quote(source)} rename to ${quote(target)}`)
    }
    await client.query('commit')
    return { manifest, checksums, schema: target }
  } finally {
    fs.rmSync(payload, { force: true })
    await client.end().catch(() => undefined)
  }
}

/** Whether the dump's table of contents creates its schema itself (pg_dump leaves out `public`). */
function tocCreatesSchema(pgRestore: string, payload: string, schema: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(pgRestore, ['--list', payload], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('error', (e) => reject(new BackupFailure(`pg_restore could not start: ${e.message}`)))
    child.on('exit', (code) => {
      if (code !== 0) reject(new BackupFailure(`the PostgreSQL dump inside the backup is unreadable: ${err.trim().split('\n').at(-1) ?? ''}`))
      else resolve(out.split('\n').some((line) => new RegExp(`\\bSCHEMA - ${schema}\\b`).test(line)))
    })
  })
}

/**
 * migrate-to-postgres, and backup / restore in server mode, against the real PostgreSQL of
 * TEST_DATABASE_URL (skipped without it), each in a schema of this file's own, dropped afterwards.
 * Real CLI processes; the migrated installation is then served by a real API process.
 */
import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSchema, dropSchema } from '../../server/platform/db/client.js'
import { migrateToPostgres, readManifest, restorePostgres } from '../../server/platform/db/backup/index.js'
import { postgresReader } from '../../server/platform/db/backup/reader.js'
import { declaredJsonColumns, describeTables } from '../../server/platform/db/backup/tables.js'
import { ROOT } from '../support/test-app.js'
import { PASSWORD, seedEmbedded, type Seeded } from './seed.js'

const url = process.env.TEST_DATABASE_URL
if (!url) process.stderr.write('test/backup/postgres-backup.test.ts: TEST_DATABASE_URL is not set; the PostgreSQL backup and migrate-to-postgres tests are skipped\n')
const schema = `t_backup_${process.pid}`
const schemaUrl = url ? `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}` : ''
const RETAINED: unknown[] = []

const temps: string[] = []
const tempDir = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  temps.push(dir)
  return dir
}

function cli(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], {
    cwd: ROOT, env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 90_000,
  })
}

/** Row counts per table, read with plain SQL on each side: an oracle independent of the checksum code. */
function sqliteCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true })
  RETAINED.push(db)
  const list = db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`)
  RETAINED.push(list)
  const out: Record<string, number> = {}
  for (const { name } of list.all() as { name: string }[]) {
    const count = db.prepare(`select count(*) as n from "${name}"`)
    RETAINED.push(count)
    out[name] = (count.get() as { n: number }).n
  }
  db.close()
  return out
}

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

async function pgCounts(s = schema): Promise<Record<string, number>> {
  return withClient(async (client) => {
    const { rows } = await client.query<{ name: string }>(`select table_name as name from information_schema.tables where table_schema = $1 and table_name not like 'kysely_%'`, [s])
    const out: Record<string, number> = {}
    for (const { name } of rows) out[name] = Number((await client.query(`select count(*) as n from "${s}"."${name}"`)).rows[0].n)
    return out
  })
}

const leftoverSchemas = () => withClient(async (client) =>
  (await client.query<{ n: string }>(`select nspname as n from pg_namespace where nspname like $1`, [`${schema}%`])).rows.map((r) => r.n).sort())

describe('migrate-to-postgres: bad input', () => {
  it('exits 2 for a target URL that is not postgres://, naming it', () => {
    const run = cli(['migrate-to-postgres', '--to', 'mysql://db.example.org/pathways'], { DATA_DIR: tempDir('bad-url-') })
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/bad input: .*mysql:.* is not a postgres:\/\/ URL/)
  }, 60_000)
})

describe.skipIf(!url)('on PostgreSQL', () => {
  let seeded: Seeded
  let dataDir = ''
  let sourceCounts: Record<string, number> = {}
  const backupDir = tempDir('pg-backup-')
  const backup = path.join(backupDir, 'pg.backup')

  beforeAll(async () => {
    await createSchema(url!, schema)
    dataDir = tempDir('pg-src-')
    seeded = await seedEmbedded(dataDir)
    sourceCounts = sqliteCounts(seeded.file)
  }, 60_000)
  afterAll(async () => {
    await withClient(async (client) => {
      for (const s of (await client.query<{ n: string }>(`select nspname as n from pg_namespace where nspname like $1`, [`${schema}%`])).rows) await client.query(`drop schema "${s.n}" cascade`)
    })
    temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true }))
  })

  it('moves the embedded installation with every checksum equal, and refuses a target that already holds data', async () => {
    const moved = cli(['migrate-to-postgres', '--to', schemaUrl], { DATA_DIR: dataDir })
    expect(moved.stderr).toBe('')
    expect(moved.status).toBe(0)
    expect(moved.stdout).toMatch(/every checksum equal/)
    expect(moved.stdout).not.toContain('DIFFERS')
    expect(await pgCounts()).toEqual(sourceCounts)
    expect(Object.values(sourceCounts).every((n) => n > 0)).toBe(true)

    await expect(migrateToPostgres(seeded.file, schemaUrl)).rejects.toThrow(`the target schema ${schema} already holds data; nothing was copied`)
    expect(await pgCounts()).toEqual(sourceCounts)
  }, 120_000)

  it('the JSON columns found by compiling the migrations are exactly the jsonb columns PostgreSQL has', async () => {
    const compiled = await declaredJsonColumns()
    const actual = await withClient(async (client) => (await describeTables(postgresReader(client, schema))).filter((t) => t.json.size > 0))
    expect(Object.fromEntries([...compiled].map(([t, cols]) => [t, [...cols].sort()])).valueOf())
      .toEqual(Object.fromEntries(actual.map((t) => [t.name, [...t.json].sort()])))
  })

  it('serves the migrated data from a server started with DATABASE_URL: the learner signs in and finds the passport and the cohort', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000)
    const api = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--role=api'], {
      cwd: ROOT, env: { PATH: process.env.PATH, DATABASE_URL: schemaUrl, DATA_DIR: tempDir('pg-api-'), PORT: String(port), LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    api.stdout.on('data', (d: Buffer) => (out += d.toString()))
    api.stderr.on('data', (d: Buffer) => (out += d.toString()))
    try {
      await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status, { timeout: 45_000, interval: 250 }).toBe(200)
      const base = `http://127.0.0.1:${port}/api/v1`
      const signinOnce = () => fetch(`${base}/auth/signin`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, body: JSON.stringify({ email: seeded.learner.email, password: PASSWORD }),
      })
      let signin = await signinOnce()
      for (let attempt = 0; signin.status === 503 && attempt < 20; attempt++) { // load shedding on a busy machine: retried as a client would
        await new Promise((r) => setTimeout(r, 500))
        signin = await signinOnce()
      }
      expect(signin.status, out).toBe(200)
      const cookie = signin.headers.getSetCookie().find((c) => c.startsWith('__Host-sid='))!.split(';')[0]!
      const headers = { cookie, 'sec-fetch-site': 'same-origin' }
      const passport = (await (await fetch(`${base}/me/passport`, { headers })).json()) as { skills: { skill: string }[]; targets: { slug: string }[] }
      expect(passport.skills.map((s) => s.skill).sort()).toEqual(['python', 'sql'])
      expect(passport.targets.map((t) => t.slug)).toEqual(['back-end-developer'])
      const cohorts = await (await fetch(`${base}/me/cohorts`, { headers })).text()
      expect(cohorts).toContain(seeded.cohortId)
      expect(cohorts).toContain('Bakers')
    } finally {
      api.kill('SIGTERM')
      await once(api, 'exit')
    }
  }, 90_000)

  it('backs up with pg_dump and restores: refuses a non-empty schema, replaces it with --force, restores into a dropped one', async () => {
    const env = { DATABASE_URL: schemaUrl, DATA_DIR: tempDir('pg-cli-') }
    const made = cli(['backup', backup], env)
    expect(made.stderr).toBe('')
    expect(made.status).toBe(0)
    const { manifest } = readManifest(backup)
    expect(manifest).toMatchObject({ kind: 'postgres', schema })
    const atBackup = await pgCounts() // the sign-in above added a session
    expect(atBackup.sessions).toBe(sourceCounts.sessions! + 1)
    expect(Object.fromEntries(Object.entries(manifest.tables).map(([t, c]) => [t, c.rows]))).toEqual(atBackup)

    await withClient((client) => client.query(`update "${schema}".schools set name = 'Changed after the backup'`))
    await expect(restorePostgres(backup, schemaUrl)).rejects.toThrow(`schema ${schema} already holds data; nothing was changed`)

    const forced = cli(['restore', backup, '--force'], env)
    expect(forced.stderr).toBe('')
    expect(forced.status).toBe(0)
    const names = await withClient(async (client) => (await client.query(`select name from "${schema}".schools`)).rows.map((r) => String(r.name)))
    expect(names).toEqual(['Riverside “High”'])
    expect(await pgCounts()).toEqual(atBackup)
    expect(await leftoverSchemas()).toEqual([schema])

    await dropSchema(url!, schema)
    await restorePostgres(backup, schemaUrl)
    expect(await pgCounts()).toEqual(atBackup)
  }, 120_000)

  it('refuses a backup whose checksums do not match, naming the table, and leaves the schema as it was', async () => {
    const bytes = fs.readFileSync(backup)
    const length = bytes.readUInt32BE(16)
    const manifest = JSON.parse(bytes.subarray(20, 20 + length).toString('utf8')) as { tables: Record<string, { sha256: string }> }
    manifest.tables.cohorts!.sha256 = '0'.repeat(64) // as if a cohort row had changed in the dump
    const json = Buffer.from(JSON.stringify(manifest))
    const head = Buffer.from(bytes.subarray(0, 20))
    head.writeUInt32BE(json.length, 16)
    const bad = path.join(backupDir, 'bad.backup')
    fs.writeFileSync(bad, Buffer.concat([head, json, bytes.subarray(20 + length)]))
    await withClient((client) => client.query(`update "${schema}".schools set name = 'Live data'`))

    const run = cli(['restore', bad, '--force'], { DATABASE_URL: schemaUrl, DATA_DIR: tempDir('pg-cli-') })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/checksums differ from the manifest for table\(s\) cohorts\. Nothing was changed/)
    const names = await withClient(async (client) => (await client.query(`select name from "${schema}".schools`)).rows.map((r) => String(r.name)))
    expect(names).toEqual(['Live data'])
    expect(await leftoverSchemas()).toEqual([schema])
  }, 60_000)
})

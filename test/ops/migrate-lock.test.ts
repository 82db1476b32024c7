import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSchema, dropSchema, openDb } from '../../server/platform/db/client.js'
import { pendingMigrations } from '../../server/platform/db/migrate.js'
import { freePort, startServer } from './process.js'

// Needs PostgreSQL (TEST_DATABASE_URL); the SQLite run has one process per file and needs no lock.
const url = process.env.TEST_DATABASE_URL
if (!url) process.stderr.write('[ops/migrate-lock] TEST_DATABASE_URL is not set: the advisory-lock test (PostgreSQL) is skipped.\n')
const schema = `t_migrate_lock_${process.pid}`
const databaseUrl = url ? `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}` : ''

describe.skipIf(!url)('migrations under the advisory lock (PostgreSQL; skipped without TEST_DATABASE_URL)', () => {
  beforeAll(async () => {
    if (url) await createSchema(url, schema)
  })
  afterAll(async () => {
    if (url) await dropSchema(url, schema)
  })

  it('three processes starting at once on a fresh schema: exactly one applies the migrations, all exit 0', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pathways-lock-'))
    const runs = [
      startServer('migrate', { DATABASE_URL: databaseUrl }),
      startServer('migrate', { DATABASE_URL: databaseUrl }),
      startServer('all', { DATABASE_URL: databaseUrl, PORT: String(freePort()), DATA_DIR: dataDir, CATALOG_POLL_SECONDS: '0' }),
    ]
    // The third is `all`: it migrates like the others, then would serve; only its migration log
    // matters here, so it is stopped once it has migrated.
    const [a, b] = await Promise.all([runs[0]!.exit, runs[1]!.exit])
    const third = runs[2]!
    const deadline = Date.now() + 60_000
    while (!third.lines().some((l) => l.msg === 'migrations applied' || l.msg === 'migrations: none pending') && third.child.exitCode === null && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100))
    }
    if (third.child.exitCode === null) third.child.kill('SIGKILL')
    await third.exit
    fs.rmSync(dataDir, { recursive: true, force: true })
    expect(runs[0]!.stderr()).toBe('')
    expect(runs[1]!.stderr()).toBe('')
    expect([a, b]).toEqual([0, 0])

    const applied = runs.map((r) => r.lines().filter((l) => l.msg === 'migrations applied'))
    const none = runs.map((r) => r.lines().filter((l) => l.msg === 'migrations: none pending'))
    expect(applied.filter((lines) => lines.length > 0)).toHaveLength(1)
    expect(none.filter((lines) => lines.length > 0)).toHaveLength(2)
    const winner = applied.find((lines) => lines.length > 0)![0]!
    expect((winner.applied as string[])[0]).toBe('0001-catalog')

    const db = openDb({ kind: 'postgres', url: url! }, { schema })
    try {
      expect(await pendingMigrations(db)).toEqual([])
      expect((winner.applied as string[]).length).toBeGreaterThanOrEqual(10)
      const careers = await db.kysely.selectFrom('careers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      expect(Number(careers.n)).toBeGreaterThan(0) // the catalog sync ran too, once
    } finally {
      await db.close()
    }
  }, 150_000)

  it('a migrating process waits while another session holds the migration lock of its schema', async () => {
    const holder = new pg.Client({ connectionString: url })
    await holder.connect()
    try {
      await holder.query('select pg_advisory_lock($1, hashtext($2))', [0x50574159, schema])
      const waiting = startServer('migrate', { DATABASE_URL: databaseUrl })
      // Long enough for a process to start and finish a no-op migration on this machine several times over.
      const heldUntil = Date.now() + 15_000
      while (Date.now() < heldUntil && waiting.child.exitCode === null) await new Promise((r) => setTimeout(r, 200))
      expect(waiting.child.exitCode).toBeNull()
      expect(waiting.lines().some((l) => typeof l.msg === 'string' && l.msg.startsWith('migrations'))).toBe(false)
      await holder.query('select pg_advisory_unlock($1, hashtext($2))', [0x50574159, schema])
      expect(await waiting.exit).toBe(0)
      expect(waiting.lines().some((l) => l.msg === 'migrations: none pending')).toBe(true)
    } finally {
      await holder.end()
    }
  }, 90_000)
})

import { spawn } from 'node:child_process'
import { once } from 'node:events'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config.js'
import { createDeps } from '../../server/deps.js'
import { createSchema, dropSchema, openDb } from '../../server/platform/db/client.js'
import { migrateToLatest } from '../../server/platform/db/migrate.js'
import { REAL_CATALOG, ROOT } from '../support/test-app.js'
import { freePort, startServer, waitForLog } from './process.js'

const temps: string[] = []
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

/** Runs server/main.ts to its end (asynchronously, so the short cases run side by side). */
async function run(args: string[], env: Record<string, string> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pathways-roles-'))
  temps.push(dataDir)
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
    cwd: ROOT, env: { PATH: process.env.PATH, DATA_DIR: dataDir, LOG_LEVEL: 'silent', SHED_EVENT_LOOP_DELAY_MS: '0', ...env }, timeout: 45_000,
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const [status] = (await once(child, 'exit')) as [number | null]
  return { status, stdout, stderr }
}

describe.concurrent('roles in the embedded mode', () => {
  it('--help lists the roles', async () => {
    const r = await run(['--help'])
    expect(r.status).toBe(0)
    for (const role of ['all', 'api', 'worker', 'migrate']) expect(r.stdout).toContain(`  ${role} `)
  }, 60_000)

  it.each(['api', 'worker'])('refuses --role=%s without a shared database, saying what to do', async (role) => {
    const r = await run([`--role=${role}`])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(`Invalid --role: ${role} needs a database shared by every process`)
    expect(r.stderr).toContain('DATABASE_URL')
  }, 60_000)

  it('refuses an unknown role', async () => {
    const r = await run(['--role=scheduler'])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('"scheduler" is not one of all, api, worker, migrate')
  }, 60_000)
})

// The worker role needs PostgreSQL (TEST_DATABASE_URL).
const url = process.env.TEST_DATABASE_URL
if (!url) process.stderr.write('[ops/roles] TEST_DATABASE_URL is not set: the worker-role test (PostgreSQL) is skipped.\n')
const schema = `t_roles_${process.pid}`
const databaseUrl = url ? `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}` : ''

describe.skipIf(!url)('the worker role (PostgreSQL; skipped without TEST_DATABASE_URL)', () => {
  beforeAll(async () => {
    if (url) await createSchema(url, schema)
  })
  afterAll(async () => {
    if (url) await dropSchema(url, schema)
  })

  it('serves only /livez, /readyz and /metrics on WORKER_PORT, and stops on SIGTERM', async () => {
    // Migrated and synced in this process (quicker than a migrate process; roles' own migration is tested elsewhere).
    const db = openDb({ kind: 'postgres', url: url! }, { schema })
    try {
      await migrateToLatest(db, { whileLocked: () => createDeps(loadConfig({ CATALOG_DIR: REAL_CATALOG, NODE_ENV: 'test' }, ROOT), db, { info: () => undefined }).catalog.sync() })
    } finally {
      await db.close()
    }
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pathways-worker-'))
    temps.push(dataDir)
    const port = freePort()
    const workerPort = port + 1
    const worker = startServer('worker', { DATABASE_URL: databaseUrl, DATA_DIR: dataDir, PORT: String(port), WORKER_PORT: String(workerPort), CATALOG_POLL_SECONDS: '0' })
    try {
      await waitForLog(worker, (l) => typeof l.msg === 'string' && l.msg.startsWith('Pathways is ready'), 60_000)
      const base = `http://127.0.0.1:${workerPort}`
      expect((await fetch(`${base}/livez`)).status).toBe(200)
      const ready = await fetch(`${base}/readyz`)
      expect(ready.status).toBe(200)
      expect(await ready.json()).toMatchObject({ checks: { database: 'ok', migrations: 'ok' } })
      const metrics = await fetch(`${base}/metrics`)
      expect(metrics.status).toBe(200)
      expect(await metrics.text()).toMatch(/pathways_db_pool_connections\{state="total"\} \d+/)
      expect((await fetch(`${base}/api/v1/careers/back-end-developer`)).status).toBe(404)
      await expect(fetch(`http://127.0.0.1:${port}/livez`)).rejects.toThrow() // nothing on PORT
    } finally {
      worker.child.kill('SIGTERM')
    }
    expect(await worker.exit).toBe(0)
  }, 120_000)
})

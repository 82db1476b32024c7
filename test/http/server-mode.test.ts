import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSchema, dropSchema } from '../../server/platform/db/client.js'
import { ROOT } from '../support/test-app.js'

// Server mode needs PostgreSQL; this file runs in the PostgreSQL suite (TEST_DATABASE_URL set).
const url = process.env.TEST_DATABASE_URL
const schema = `t_server_${process.pid}`
const databaseUrl = url ? `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}` : ''
// Shedding off: start-up on a loaded CI machine delays the loop past its limit (this test is about roles).
const env = (extra: Record<string, string> = {}) => ({ PATH: process.env.PATH, DATABASE_URL: databaseUrl, LOG_LEVEL: 'info', SHED_EVENT_LOOP_DELAY_MS: '0', ...extra })
const main = (role: string) => ['--import', 'tsx', 'server/main.ts', `--role=${role}`]

describe.skipIf(!url)('server mode on PostgreSQL', () => {
  beforeAll(async () => {
    if (url) await createSchema(url, schema)
  })
  afterAll(async () => {
    if (url) await dropSchema(url, schema)
  })

  it('refuses to serve before the migrate role has run, saying what to do', () => {
    const run = spawnSync(process.execPath, main('api'), { cwd: ROOT, env: env(), encoding: 'utf8', timeout: 30_000 })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('--role=migrate')
  }, 60_000)

  it('migrates with --role=migrate, then serves the catalog with --role=api and stops cleanly on SIGTERM', async () => {
    const migrate = spawnSync(process.execPath, main('migrate'), { cwd: ROOT, env: env(), encoding: 'utf8', timeout: 60_000 })
    expect(migrate.stderr).toBe('')
    expect(migrate.status).toBe(0)

    const port = 20000 + Math.floor(Math.random() * 20000)
    const api = spawn(process.execPath, main('api'), { cwd: ROOT, env: env({ PORT: String(port) }), stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    api.stdout.on('data', (d: Buffer) => (out += d.toString()))
    const deadline = Date.now() + 30_000
    while (!out.includes('Pathways is ready') && Date.now() < deadline && api.exitCode === null) await new Promise((r) => setTimeout(r, 100))
    expect(out).toContain('Pathways is ready')

    const res = await fetch(`http://127.0.0.1:${port}/api/v1/careers/back-end-developer`)
    expect(res.status).toBe(200)
    expect(((await res.json()) as { slug: string }).slug).toBe('back-end-developer')
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200)

    api.kill('SIGTERM')
    const [code] = (await once(api, 'exit')) as [number]
    expect(code).toBe(0)
  }, 120_000)
})

/**
 * PostgreSQL outage under load (issue 9, item 7). A PostgreSQL of the test's own (initdb + pg_ctl in a
 * temporary directory, own port — never the machine's shared server) sits behind a loopback fault
 * proxy; an API process serves reads and sign-ups through it while the test:
 *   1. loads it normally;
 *   2. stops PostgreSQL with `pg_ctl stop -m immediate` for 30 s — every answer must be a success or
 *      a 503 with Retry-After, within a bound, /readyz 503, the process alive;
 *   3. starts PostgreSQL again — /readyz turns 200 without restarting the API;
 *   4. makes the network hang (proxy accepts and never answers, open connections cut) — the same rule
 *      holds, bounded by the pool's connection timeout;
 * and finally checks that every sign-up acknowledged with 201 (before, during, after) is in the database.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js'
import { freePort, ownPostgresAvailable, startOwnPostgres, type OwnPostgres } from '../support/own-postgres.js'
import { CHEAP_ARGON2, migrate, startServer, waitForStatus, type ServerProcess } from '../support/server-process.js'

const available = ownPostgresAvailable()
const title = available ? 'PostgreSQL outage under load' : 'PostgreSQL outage under load — SKIPPED: initdb/pg_ctl not found in /usr/lib/postgresql/15/bin (set PG_BIN)'

/** Longest an answer may take, outage or not (a hang beyond this fails the test). */
const ANSWER_BOUND_MS = 15_000
const PASSWORD = 'correct horse battery staple'

interface Outcome {
  phase: string
  what: string
  status: number | 'hang' | 'network'
  retryAfter: string | null
  code?: string
  ms: number
}

if (!available) process.stderr.write('postgres-outage.test.ts skipped: initdb/pg_ctl not found in /usr/lib/postgresql/15/bin (set PG_BIN)\n')

describe.skipIf(!available)(title, () => {
  let own: OwnPostgres
  let proxy: FaultProxy
  let api: ServerProcess
  let dataDir: string

  beforeAll(async () => {
    own = await startOwnPostgres()
    proxy = await startFaultProxy({ port: own.port })
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pathways-faults-'))
    const databaseUrl = `postgres://postgres@127.0.0.1:${proxy.port}/pathways`
    const env = { DATABASE_URL: databaseUrl, DATA_DIR: dataDir, TRUST_PROXY: 'loopback', CATALOG_POLL_SECONDS: '1', ...CHEAP_ARGON2 }
    await migrate(env)
    api = await startServer(['--role=api'], env, await freePort())
  })

  afterAll(async () => {
    await api?.stop()
    await proxy?.close()
    own?.destroy()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('answers only successes or 503 + Retry-After while PostgreSQL is down or hung, turns ready again without restart, and keeps every acknowledged write', { timeout: 150_000 }, async () => {
    const outcomes: Outcome[] = []
    const acknowledged: string[] = []
    let phase = 'before'
    let serial = 0

    // A session made before the outage: /api/v1/me needs the database for every request.
    const owner = `owner-${process.pid}@example.org`
    expect((await post('/api/v1/auth/signup', { email: owner, password: PASSWORD, displayName: 'Owner' }, '10.9.0.1')).status).toBe(201)
    const signin = await post('/api/v1/auth/signin', { email: owner, password: PASSWORD }, '10.9.0.1')
    expect(signin.status).toBe(200)
    const cookie = (signin.headers.get('set-cookie') ?? '').split(';')[0]!
    acknowledged.push(owner)

    async function post(url: string, body: unknown, forwardedFor: string): Promise<Response> {
      return fetch(api.base + url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(ANSWER_BOUND_MS),
      })
    }

    async function record(what: string, send: () => Promise<Response>, onSuccess?: () => void): Promise<void> {
      const started = Date.now()
      const at = phase
      try {
        const res = await send()
        const text = await res.text()
        let code: string | undefined
        if (res.status >= 400) code = (JSON.parse(text) as { code?: string }).code
        if (res.status >= 200 && res.status < 300) onSuccess?.()
        outcomes.push({ phase: at, what, status: res.status, retryAfter: res.headers.get('retry-after'), code, ms: Date.now() - started })
      } catch (error) {
        const hang = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
        outcomes.push({ phase: at, what, status: hang ? 'hang' : 'network', retryAfter: null, ms: Date.now() - started })
      }
    }

    let running = true
    const reader = async () => {
      const reads: [string, RequestInit][] = [
        ['/api/v1/careers/back-end-developer', {}],
        ['/api/v1/search?q=nurse', {}],
        ['/api/v1/me', { headers: { cookie } }],
        ['/readyz', {}],
      ]
      let i = 0
      while (running) {
        const [url, init] = reads[i++ % reads.length]!
        await record(`GET ${url}`, () => fetch(api.base + url, { ...init, signal: AbortSignal.timeout(ANSWER_BOUND_MS) }))
        await new Promise((r) => setTimeout(r, 20))
      }
    }
    const writer = async (n: number) => {
      while (running) {
        const id = ++serial
        const email = `load-${n}-${id}-${process.pid}@example.org`
        // A different (trusted, forwarded) address per sign-up, so the per-address sign-up limit stays out of the way.
        await record('POST /auth/signup', () => post('/api/v1/auth/signup', { email, password: PASSWORD, displayName: `Load ${id}` }, `10.${n}.${(id >> 8) & 255}.${id & 255}`), () =>
          acknowledged.push(email),
        )
        await new Promise((r) => setTimeout(r, 50))
      }
    }
    const load = Promise.all([reader(), reader(), reader(), writer(1), writer(2)])
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

    await pause(4000)

    phase = 'outage'
    const outageStarted = Date.now()
    own.stopImmediate()
    const readyzDuringOutage = await waitForStatus(`${api.base}/readyz`, 503, 10_000)
    await pause(Math.max(0, 30_000 - (Date.now() - outageStarted)))
    const aliveAfterOutage = api.alive()

    phase = 'recovery'
    own.start()
    const readyAgain = await waitForStatus(`${api.base}/readyz`, 200, 30_000)
    phase = 'after'
    await pause(4000)

    phase = 'hung-network'
    proxy.mode = 'blackhole'
    proxy.cut()
    const readyzWhileHung = await waitForStatus(`${api.base}/readyz`, 503, 10_000)
    await pause(6000)
    proxy.mode = 'pass'
    phase = 'restored'
    const readyAfterHang = await waitForStatus(`${api.base}/readyz`, 200, 30_000)
    await pause(2000)

    running = false
    await load

    expect(api.alive(), api.output().slice(-2000)).toBe(true)
    expect(aliveAfterOutage).toBe(true)
    expect(readyzDuringOutage).toBe(true)
    expect(readyAgain).toBe(true)
    expect(readyzWhileHung).toBe(true)
    expect(readyAfterHang).toBe(true)

    // Every answer: a success, or 503 with Retry-After and a stable code; nothing hung, no 500s.
    const bad = outcomes.filter((o) => !(typeof o.status === 'number' && ((o.status >= 200 && o.status < 300) || (o.status === 503 && o.retryAfter !== null && ['service.unavailable', 'service.busy', 'service.overloaded'].includes(o.code ?? '')))))
    expect(bad, JSON.stringify(bad.slice(0, 10))).toEqual([])
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(ANSWER_BOUND_MS)

    // The load really did run into the outage and out of it.
    const count = (p: string, pred: (o: Outcome) => boolean) => outcomes.filter((o) => o.phase === p && pred(o)).length
    expect(count('outage', (o) => o.status === 503 && o.what === 'POST /auth/signup')).toBeGreaterThan(0)
    expect(count('outage', (o) => o.status === 503 && o.what === 'GET /api/v1/me')).toBeGreaterThan(0)
    expect(count('hung-network', (o) => o.status === 503)).toBeGreaterThan(0)
    expect(count('before', (o) => o.status === 201)).toBeGreaterThan(0)
    expect(count('after', (o) => o.status === 201)).toBeGreaterThan(0)
    expect(count('after', (o) => o.what === 'GET /api/v1/me' && o.status === 200)).toBeGreaterThan(0)

    // No acknowledged write lost: each 201 sign-up is a row (read straight from PostgreSQL, not via the proxy).
    const client = new pg.Client({ connectionString: own.url })
    await client.connect()
    try {
      const { rows } = await client.query<{ email: string }>('select email from users where email = any($1)', [acknowledged])
      const stored = new Set(rows.map((r) => r.email))
      expect(acknowledged.filter((e) => !stored.has(e))).toEqual([])
      expect(acknowledged.length).toBeGreaterThan(5)
    } finally {
      await client.end()
    }
    process.stdout.write(`postgres-outage: ${outcomes.length} requests, ${acknowledged.length} acknowledged sign-ups, ${outcomes.filter((o) => o.status === 503).length} answered 503 + Retry-After\n`)
  })
})

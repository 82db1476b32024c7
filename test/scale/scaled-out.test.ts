/**
 * Scaled-out check (issue 9, item 3): two API processes (A, B) and a worker on one PostgreSQL schema
 * and one Redis prefix give the same answers as an embedded (SQLite) process. Each scenario runs once
 * against the embedded process and once against A and B in turn; answers are compared without ids,
 * timestamps, tokens and catalog versions. Needs TEST_DATABASE_URL and TEST_REDIS_URL.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSchema, dropSchema } from '../../server/platform/db/client.js'
import { freePort } from '../support/own-postgres.js'
import { CHEAP_ARGON2, migrate, processEnv, spawnProcess, startServer, waitForStatus, type ServerProcess } from '../support/server-process.js'
import { ROOT } from '../support/test-app.js'

const databaseUrl = process.env.TEST_DATABASE_URL
const redisUrl = process.env.TEST_REDIS_URL
const ready = Boolean(databaseUrl && redisUrl)
const title = ready
  ? 'two API processes and a worker on PostgreSQL + Redis answer like embedded mode'
  : 'scaled-out check — SKIPPED: set TEST_DATABASE_URL (PostgreSQL) and TEST_REDIS_URL (Redis) to run it'

const ONET = path.join(ROOT, 'test/fixtures/import/onet')
const PASSWORD = 'correct horse battery staple'
const schema = `t_scale_${process.pid}`
const prefix = `pathways-test-scale-${process.pid}:`

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** Drops what differs between installations by nature: ids, times, tokens, versions. */
function normalise(value: Json): Json {
  if (Array.isArray(value)) return value.map(normalise)
  if (value && typeof value === 'object') {
    const out: Record<string, Json> = {}
    for (const [key, v] of Object.entries(value)) {
      if (/^(id|userId|sessionId|traceId|instance)$|At$|^(created|updated|generated|expires)|token|csrf|version/i.test(key)) continue
      out[key] = normalise(v)
    }
    return out
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return '<time>'
  // Each installation signs up its own address (…-e-… embedded, …-s-… scaled out).
  if (typeof value === 'string') return value.replace(/-[es]-(\d+@example\.org)/g, '-x-$1')
  return value
}

interface Answer {
  status: number
  body: Json
}

interface Session {
  cookie: string
  csrf: string
}

/** One installation seen through one or more processes; `at(i)` picks the process for step i. */
class Target {
  private step = 0
  constructor(readonly bases: string[]) {}
  next(): string {
    return this.bases[this.step++ % this.bases.length]!
  }
  async call(method: string, url: string, options: { body?: unknown; session?: Session; base?: string } = {}): Promise<Answer & { raw: Response }> {
    const base = options.base ?? this.next()
    const headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' }
    if (options.body !== undefined) headers['content-type'] = 'application/json'
    if (options.session) Object.assign(headers, { cookie: options.session.cookie, 'x-csrf-token': options.session.csrf })
    // Load shedding may refuse a request on a busy machine: honour its Retry-After a few times.
    for (let attempt = 0; ; attempt++) {
      const raw = await fetch(base + url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), signal: AbortSignal.timeout(20_000) })
      const text = await raw.text()
      const body = (text ? JSON.parse(text) : null) as Json
      if (raw.status === 503 && (body as { code?: string } | null)?.code === 'service.overloaded' && attempt < 5) {
        await new Promise((r) => setTimeout(r, 1000))
        continue
      }
      return { status: raw.status, body, raw }
    }
  }
}

async function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], { cwd: ROOT, env: processEnv(env), stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
  const [code] = (await once(child, 'exit')) as [number | null]
  clearTimeout(timer)
  return { code, stdout, stderr }
}

if (!ready) process.stderr.write('scaled-out.test.ts skipped: set TEST_DATABASE_URL (PostgreSQL) and TEST_REDIS_URL (Redis) to run it\n')

describe.skipIf(!ready)(title, () => {
  const processes: ServerProcess[] = []
  let embedded: Target
  let scaled: Target
  let a: ServerProcess
  let b: ServerProcess
  let dataDir: string
  let serverEnv: Record<string, string>
  let embeddedEnv: Record<string, string>

  beforeAll(async () => {
    await createSchema(databaseUrl!, schema)
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pathways-scale-'))
    const secret = randomBytes(48).toString('base64')
    const pgUrl = `${databaseUrl}${databaseUrl!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
    const redis = `${redisUrl}${redisUrl!.includes('?') ? '&' : '?'}prefix=${encodeURIComponent(prefix)}`
    const common = { SECRET_KEY: secret, CATALOG_POLL_SECONDS: '2', ...CHEAP_ARGON2 }
    serverEnv = { ...common, DATABASE_URL: pgUrl, REDIS_URL: redis, DATA_DIR: path.join(dataDir, 'server') }
    embeddedEnv = { ...common, DATA_DIR: path.join(dataDir, 'embedded') }
    await migrate(serverEnv)
    const [portA, portB, portW, portE] = [await freePort(), await freePort(), await freePort(), await freePort()]
    const worker = spawnProcess(['--role=worker'], { ...serverEnv, LOG_LEVEL: 'info', WORKER_PORT: String(portW), PORT: String(portW), HOST: '127.0.0.1' })
    processes.push(worker)
    const started = await Promise.allSettled([startServer(['--role=api'], serverEnv, portA), startServer(['--role=api'], serverEnv, portB), startServer([], embeddedEnv, portE)])
    for (const s of started) if (s.status === 'fulfilled') processes.push(s.value)
    for (const s of started) if (s.status === 'rejected') throw s.reason
    const [pa, pb, e] = started.map((s) => (s as PromiseFulfilledResult<ServerProcess>).value) as [ServerProcess, ServerProcess, ServerProcess]
    a = pa
    b = pb
    embedded = new Target([e.base])
    scaled = new Target([a.base, b.base])
    expect(await waitForStatus(`http://127.0.0.1:${portW}/readyz`, 200, 30_000), `worker not ready: ${worker.output().slice(-2000)}`).toBe(true)
  }, 180_000)

  afterAll(async () => {
    for (const p of processes.reverse()) await p.stop()
    if (databaseUrl) await dropSchema(databaseUrl, schema)
    if (redisUrl) {
      const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 })
      try {
        await client.connect()
        let cursor = '0'
        do {
          const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500)
          cursor = next
          if (keys.length > 0) await client.del(...keys)
        } while (cursor !== '0')
      } finally {
        client.disconnect()
      }
    }
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  /** Runs `scenario` on both installations and expects the same normalised answers. */
  async function same(scenario: (target: Target, tag: string) => Promise<Answer[]>): Promise<Answer[]> {
    const one = await scenario(embedded, 'e')
    const many = await scenario(scaled, 's')
    expect(many.map((x) => x.status)).toEqual(one.map((x) => x.status))
    expect(many.map((x) => normalise(x.body))).toEqual(one.map((x) => normalise(x.body)))
    return many
  }

  it('catalog reads, search and compare', async () => {
    const answers = await same(async (t) => [
      await t.call('GET', '/api/v1/careers/back-end-developer'),
      await t.call('GET', '/api/v1/careers/back-end-developer'),
      await t.call('GET', '/api/v1/search?q=nurse'),
      await t.call('GET', '/api/v1/search?q=developer'),
      await t.call('GET', '/api/v1/compare?careers=back-end-developer,front-end-developer'),
      await t.call('GET', '/api/v1/careers/no-such-career'),
    ])
    expect(answers.map((x) => x.status)).toEqual([200, 200, 200, 200, 200, 404])
  })

  it('signs up on A, signs in on B, and the session works on both; a passport written on A reads the same on B', async () => {
    await same(async (t, tag) => {
      const email = `scale-${tag}-${process.pid}@example.org`
      const [first, second] = t.bases.length > 1 ? t.bases : [t.bases[0]!, t.bases[0]!]
      const out: Answer[] = []
      out.push(await t.call('POST', '/api/v1/auth/signup', { base: first, body: { email, password: PASSWORD, displayName: 'Scale Test' } }))
      const signin = await t.call('POST', '/api/v1/auth/signin', { base: second, body: { email, password: PASSWORD } })
      out.push(signin)
      const cookie = (signin.raw.headers.get('set-cookie') ?? '').split(';')[0]!
      const session = { cookie, csrf: (signin.body as { csrfToken: string }).csrfToken }
      out.push(await t.call('GET', '/api/v1/me', { base: first, session }))
      out.push(await t.call('GET', '/api/v1/me', { base: second, session }))
      out.push(await t.call('PUT', '/api/v1/me/passport', { base: first, session, body: { skills: [{ skill: 'python', level: 3 }, { skill: 'sql', level: 2 }], targets: ['back-end-developer'] } }))
      out.push(await t.call('GET', '/api/v1/me/passport', { base: second, session }))
      out.push(await t.call('GET', '/api/v1/me/gaps', { base: first, session }))
      // Signed out on B: the session is gone on A too.
      out.push(await t.call('POST', '/api/v1/auth/signout', { base: second, session }))
      out.push(await t.call('GET', '/api/v1/me', { base: first, session }))
      return out
    }).then((answers) => expect(answers.map((x) => x.status)).toEqual([201, 200, 200, 200, 200, 200, 200, 204, 401]))
  })

  it('counts failed sign-ins for one account across A and B (Redis rate limits), like one process does', async () => {
    const answers = await same(async (t, tag) => {
      const email = `throttle-${tag}-${process.pid}@example.org`
      const out: Answer[] = [await t.call('POST', '/api/v1/auth/signup', { body: { email, password: PASSWORD, displayName: 'Throttle Test' } })]
      for (let i = 0; i < 8; i++) out.push(await t.call('POST', '/api/v1/auth/signin', { body: { email, password: 'wrong password, surely' } }))
      return out
    })
    const statuses = answers.map((x) => x.status)
    // Alternating A, B: only a shared counter reaches the limit within 8 attempts as one process does.
    expect(statuses.slice(1)).toContain(429)
  })

  it('a catalog change (an import job enqueued through the CLI, run by the worker) is seen by A and B', { timeout: 90_000 }, async () => {
    for (const base of scaled.bases) expect((await scaled.call('GET', '/api/v1/careers/software-developers', { base })).status).toBe(404)
    const enqueued = await cli(['jobs', 'enqueue', 'import', 'onet', ONET, '--watch'], serverEnv)
    expect(enqueued.code, enqueued.stderr + enqueued.stdout).toBe(0)
    for (const base of scaled.bases) {
      await expect.poll(async () => (await scaled.call('GET', '/api/v1/careers/software-developers', { base })).status, { timeout: 30_000, interval: 500 }).toBe(200)
    }
    // The same import in embedded mode (the CLI on its data folder) gives the same profile.
    const local = await cli(['import', 'onet', ONET], embeddedEnv)
    expect(local.code, local.stderr).toBe(0)
    await expect.poll(async () => (await embedded.call('GET', '/api/v1/careers/software-developers')).status, { timeout: 30_000, interval: 500 }).toBe(200)
    await same(async (t) => [await t.call('GET', '/api/v1/careers/software-developers'), await t.call('GET', '/api/v1/careers/software-developers'), await t.call('GET', '/api/v1/search?q=software')])
    expect(a.alive() && b.alive()).toBe(true)
  })
})

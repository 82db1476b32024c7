/**
 * Docker cannot build here, so this file checks what the image and compose.yaml would run, outside
 * Docker: the Dockerfile's CMD and HEALTHCHECK and compose.yaml's service commands and health checks
 * are parsed from the files themselves and run against real processes. The one translation: the
 * image runs the compiled `dist/server/….js`; here the same module runs from source through tsx
 * (`--import tsx server/….ts`), so the test does not depend on a fresh `npm run build`.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { createSchema, dropSchema } from '../../server/platform/db/client.js'
import { freePort } from '../support/own-postgres.js'
import { ROOT } from '../support/test-app.js'

interface Dockerfile {
  stages: string[]
  instructions: { keyword: string; args: string; stage: number }[]
}

/** The Dockerfile as instructions (continuation lines joined, comments dropped). */
function readDockerfile(): Dockerfile {
  const text = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8').replace(/\\\r?\n/g, ' ')
  const instructions: Dockerfile['instructions'] = []
  const stages: string[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    const [, keyword = '', args = ''] = /^(\S+)\s+(.*)$/.exec(line) ?? []
    if (keyword.toUpperCase() === 'FROM') stages.push(args)
    instructions.push({ keyword: keyword.toUpperCase(), args: args.trim(), stage: stages.length - 1 })
  }
  return { stages, instructions }
}

const last = (file: Dockerfile, keyword: string) => file.instructions.filter((i) => i.keyword === keyword).at(-1)

/** Exec form only (a JSON array): no shell in between, signals reach node. */
function execForm(args: string): string[] {
  const parsed = JSON.parse(args) as unknown
  if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === 'string')) throw new Error(`not an exec-form array: ${args}`)
  return parsed
}

/** `node dist/server/x.js …` → the same module from source: `node --import tsx server/x.ts …`. */
function fromSource(argv: string[]): { file: string; args: string[] } {
  expect(argv[0]).toBe('node')
  const args = argv.slice(1).flatMap((a) => {
    const m = /^dist\/(server\/.+)\.js$/.exec(a)
    return m ? ['--import', 'tsx', `${m[1]}.ts`] : [a]
  })
  return { file: process.execPath, args }
}

async function run(argv: string[], env: Record<string, string>, timeoutMs = 30_000): Promise<{ code: number | null; out: string }> {
  const { file, args } = fromSource(argv)
  const child = spawn(file, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (out += d.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const [code] = (await once(child, 'exit')) as [number | null]
  clearTimeout(timer)
  return { code, out }
}

interface Server {
  stop(): Promise<number | null>
  output(): string
}

async function serve(argv: string[], env: Record<string, string>): Promise<Server> {
  const { file, args } = fromSource(argv)
  const child = spawn(file, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (out += d.toString()))
  const deadline = Date.now() + 60_000
  while (!out.includes('Pathways is ready') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    const [code] = (await exited) as [number | null]
    clearTimeout(timer)
    return code
  }
  if (!out.includes('Pathways is ready')) {
    await stop()
    throw new Error(`${argv.join(' ')} did not become ready:\n${out.slice(-3000)}`)
  }
  return { stop, output: () => out }
}

/** A stand-in that answers every request with `status` (a process that is up but not ready). */
async function answering(status: number, port: number): Promise<http.Server> {
  const server = http.createServer((_req, res) => res.writeHead(status, { 'content-type': 'application/json' }).end('{}'))
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()))
  return server
}

/**
 * Runs the health command until it exits 0, at most `withinMs` — as Docker does (interval, retries,
 * start period): right after start-up load shedding may still answer /readyz 503.
 */
async function healthyWithin(health: string[], env: Record<string, string>, withinMs = 30_000): Promise<{ code: number | null; out: string }> {
  const deadline = Date.now() + withinMs
  let result = await run(health, env)
  while (result.code !== 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000))
    result = await run(health, env)
  }
  return result
}

const SECRET = randomBytes(48).toString('base64')
const cleanups: (() => Promise<void> | void)[] = []
afterAll(async () => {
  for (const clean of cleanups.reverse()) await clean()
})

describe('Dockerfile', () => {
  const file = readDockerfile()

  it('builds on node:20-bookworm-slim in two stages and runs as a non-root user with a /data volume on port 3000', () => {
    expect(file.stages.length).toBeGreaterThanOrEqual(2)
    for (const stage of file.stages) expect(stage).toMatch(/^node:20-bookworm-slim\b/)
    const runtime = file.stages.length - 1
    const inRuntime = (k: string) => file.instructions.filter((i) => i.stage === runtime && i.keyword === k)
    const user = inRuntime('USER').at(-1)?.args
    expect(user).toBeDefined()
    expect(['root', '0']).not.toContain(user)
    expect(inRuntime('EXPOSE').map((i) => i.args)).toContain('3000')
    expect(inRuntime('VOLUME').map((i) => i.args).join(' ')).toContain('/data')
    expect(inRuntime('ENV').map((i) => i.args).join(' ')).toMatch(/DATA_DIR=\/data/)
    expect(file.instructions.some((i) => i.stage < runtime && i.keyword === 'RUN' && /npm ci\b/.test(i.args) )).toBe(true)
    expect(file.instructions.some((i) => i.stage < runtime && i.keyword === 'RUN' && /npm run build\b/.test(i.args))).toBe(true)
  })

  it('its CMD serves an embedded installation, and its HEALTHCHECK exits 0 only when /readyz answers 200', { timeout: 90_000 }, async () => {
    const cmd = execForm(last(file, 'CMD')!.args)
    expect(cmd).toEqual(['node', 'dist/server/main.js'])
    const healthLine = last(file, 'HEALTHCHECK')!.args
    const health = execForm(healthLine.slice(healthLine.indexOf('CMD') + 3).trim())
    expect(health[0]).toBe('node')
    expect(healthLine).toMatch(/--timeout=\d+s/)

    const port = await freePort()
    // Nothing listening: unhealthy.
    expect((await run(health, { PORT: String(port) })).code).not.toBe(0)
    // Listening but not ready (503): unhealthy.
    const notReady = await answering(503, port)
    expect((await run(health, { PORT: String(port) })).code).not.toBe(0)
    await new Promise((r) => notReady.close(r))

    // The image's environment (ENV lines), with a temporary DATA_DIR and loopback instead of 0.0.0.0.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pathways-entrypoint-'))
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }))
    const server = await serve(cmd, { NODE_ENV: 'production', SECRET_KEY: SECRET, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info' })
    try {
      const healthy = await healthyWithin(health, { PORT: String(port) })
      expect(healthy.code, healthy.out).toBe(0)
    } finally {
      expect(await server.stop()).toBe(0)
    }
    expect((await run(health, { PORT: String(port) })).code).not.toBe(0)
  })
})

interface ComposeService {
  image?: string
  build?: unknown
  command?: string[]
  environment?: Record<string, string>
  healthcheck?: { test: string[] }
  depends_on?: Record<string, { condition: string }>
}

describe('compose.yaml', () => {
  const compose = parse(fs.readFileSync(path.join(ROOT, 'compose.yaml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> }
  const services = compose.services
  const apis = Object.keys(services).filter((name) => services[name]!.command?.includes('--role=api'))

  it('has PostgreSQL 15, Redis 7, a one-shot migration, two API processes and a worker, started in order', () => {
    expect(services.postgres?.image).toMatch(/^postgres:15/)
    expect(services.redis?.image).toMatch(/^redis:7/)
    expect(services.migrate?.command).toEqual(['node', 'dist/server/main.js', '--role=migrate'])
    expect(apis).toHaveLength(2)
    expect(services.worker?.command).toEqual(['node', 'dist/server/main.js', '--role=worker'])
    expect(services.migrate?.depends_on?.postgres?.condition).toBe('service_healthy')
    for (const name of [...apis, 'worker']) {
      const service = services[name]!
      expect(service.depends_on?.migrate?.condition, name).toBe('service_completed_successfully')
      expect(service.depends_on?.redis?.condition, name).toBe('service_healthy')
      expect(service.healthcheck?.test?.[0], name).toBe('CMD')
      for (const key of ['DATABASE_URL', 'REDIS_URL', 'SECRET_KEY']) expect(service.environment?.[key], `${name} ${key}`).toBeTruthy()
    }
    expect(services.postgres?.healthcheck?.test).toContain('pg_isready')
    expect(services.redis?.healthcheck?.test).toContain('redis-cli')
  })

  const url = process.env.TEST_DATABASE_URL
  const title = url ? 'its migrate, api and worker commands run (PostgreSQL; Redis for the worker) and their health checks pass' : 'its migrate and api commands — SKIPPED: set TEST_DATABASE_URL (PostgreSQL) to run them'
  if (!url) process.stderr.write('entrypoint.test.ts: the compose migrate/api run is skipped: set TEST_DATABASE_URL to run it\n')
  it.skipIf(!url)(title, { timeout: 150_000 }, async () => {
    const schema = `t_entry_${process.pid}`
    await createSchema(url!, schema)
    cleanups.push(() => dropSchema(url!, schema))
    const databaseUrl = `${url}${url!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
    const env = { NODE_ENV: 'production', SECRET_KEY: SECRET, DATABASE_URL: databaseUrl, LOG_LEVEL: 'info', HOST: '127.0.0.1' }

    const migrated = await run(services.migrate!.command!, env, 90_000)
    expect(migrated.code, migrated.out).toBe(0)

    const name = apis[0]!
    const port = await freePort()
    const health = services[name]!.healthcheck!.test.slice(1)
    expect((await run(health, { PORT: String(port) })).code).not.toBe(0)
    const api = await serve(services[name]!.command!, { ...env, PORT: String(port) })
    try {
      const healthy = await healthyWithin(health, { PORT: String(port) })
      expect(healthy.code, healthy.out + api.output()).toBe(0)
    } finally {
      expect(await api.stop()).toBe(0)
    }

    // The worker needs Redis too; its health check is the same command on its own port.
    const redisUrl = process.env.TEST_REDIS_URL
    if (!redisUrl) {
      process.stderr.write('entrypoint.test.ts: the compose worker run is skipped: set TEST_REDIS_URL to run it\n')
      return
    }
    const workerPort = await freePort()
    const workerHealth = services.worker!.healthcheck!.test.slice(1)
    const { file, args } = fromSource(services.worker!.command!)
    const prefix = `pathways-test-entry-${process.pid}:`
    const worker = spawn(file, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env, PORT: String(workerPort), REDIS_URL: `${redisUrl}${redisUrl.includes('?') ? '&' : '?'}prefix=${encodeURIComponent(prefix)}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    worker.stdout.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-65_536)))
    worker.stderr.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-65_536)))
    try {
      const healthy = await healthyWithin(workerHealth, { PORT: String(workerPort) }, 45_000)
      expect(healthy.code, healthy.out + out).toBe(0)
    } finally {
      const exited = once(worker, 'exit')
      worker.kill('SIGTERM')
      const timer = setTimeout(() => worker.kill('SIGKILL'), 15_000)
      const [code] = (await exited) as [number | null]
      clearTimeout(timer)
      await deleteKeys(redisUrl, prefix)
      expect(code).toBe(0)
    }
  })
})

/** Removes this test's keys (its own prefix only) from the shared Redis. */
async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
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

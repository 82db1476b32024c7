/**
 * Benchmark (issue 9, item 9): requests per second of a career profile read and a search with one
 * and with two API processes on PostgreSQL + Redis, beside an embedded (SQLite) process, in one run.
 *
 *   setups     embedded   one process, SQLite in a temporary DATA_DIR, in-memory twins
 *              1 api      --role=api on PostgreSQL (own schema) + Redis (own key prefix)
 *              2 api      two --role=api processes on the same schema and prefix, each given half
 *                         of the connections (what a round-robin balancer would do)
 *   endpoints  profile    GET /api/v1/careers/back-end-developer
 *              search     GET /api/v1/search?q=developer
 *
 * Load: two wrk processes (1 thread each) with CONNECTIONS/2 connections each, aimed at the same
 * process or one at each process, so the load generator is the same in every setup. Each cell is the
 * median of ROUNDS rounds of SECONDS seconds (after a warm-up); setups alternate within a round.
 * Non-2xx answers (e.g. load shedding's 503) are counted and shown. The client shares the machine's
 * cores with the servers: read the figures as relative, on this machine.
 *
 *   npm run bench:scale
 *   ROUNDS=5 SECONDS=20 BENCH_DATABASE_URL=postgres://… BENCH_REDIS_URL=redis://… npm run bench:scale
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { Redis } from 'ioredis'
import { createSchema, dropSchema } from '../../server/platform/db/client.js'
import { freePort } from '../../test/support/own-postgres.js'
import { CHEAP_ARGON2, migrate, startServer, type ServerProcess } from '../../test/support/server-process.js'
import { readWrk, requireWrk } from '../wrk.js'

const run = promisify(execFile)
const ROUNDS = Number(process.env.ROUNDS ?? 3)
const SECONDS = Number(process.env.SECONDS ?? 10)
const WARMUP_SECONDS = Number(process.env.WARMUP_SECONDS ?? 3)
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 8)
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

const ENDPOINTS = { profile: '/api/v1/careers/back-end-developer', search: '/api/v1/search?q=developer' } as const
type Endpoint = keyof typeof ENDPOINTS

interface Cell {
  rps: number
  non2xx: number
  p99: number
}

/** Two wrk processes at once, one per base; summed req/s, worst p99. */
async function load(bases: [string, string], url: string, seconds: number): Promise<Cell> {
  const half = Math.max(1, Math.floor(CONNECTIONS / 2))
  const outs = await Promise.all(
    bases.map((base) => run('wrk', ['-t1', `-c${half}`, `-d${seconds}s`, '--latency', `${base}${url}`], { encoding: 'utf8', maxBuffer: 1 << 20 }).then((r) => r.stdout)),
  )
  const reports = outs.map(readWrk)
  const non2xx = outs.reduce((sum, out) => sum + Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0), 0)
  return { rps: reports.reduce((s, r) => s + r.rps, 0), non2xx, p99: Math.max(...reports.map((r) => r.ms('99'))) }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

async function main(): Promise<void> {
  requireWrk()
  const schema = `bench_scale_${process.pid}`
  const prefix = `pathways-bench-scale-${process.pid}:`
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pathways-bench-scale-'))
  const started: ServerProcess[] = []
  await createSchema(DATABASE_URL, schema)
  try {
    const secret = randomBytes(48).toString('base64')
    const pgUrl = `${DATABASE_URL}${DATABASE_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
    const redis = `${REDIS_URL}${REDIS_URL.includes('?') ? '&' : '?'}prefix=${encodeURIComponent(prefix)}`
    // Production settings (request logging at info, as compose.yaml runs it); argon2 at its floor (no sign-ins here anyway).
    const common = { SECRET_KEY: secret, NODE_ENV: 'production', ...CHEAP_ARGON2 }
    const serverEnv = { ...common, DATABASE_URL: pgUrl, REDIS_URL: redis, DATA_DIR: path.join(dataDir, 'server') }
    await migrate(serverEnv)
    const a = await startServer(['--role=api'], serverEnv, await freePort())
    started.push(a)
    const b = await startServer(['--role=api'], serverEnv, await freePort())
    started.push(b)
    const e = await startServer([], { ...common, DATA_DIR: path.join(dataDir, 'embedded') }, await freePort())
    started.push(e)

    const setups: Record<string, [string, string]> = {
      embedded: [e.base, e.base],
      '1 api (PG + Redis)': [a.base, a.base],
      '2 api (PG + Redis)': [a.base, b.base],
    }
    const results = new Map<string, Cell[]>()
    for (const bases of Object.values(setups)) for (const endpoint of Object.keys(ENDPOINTS)) await load(bases, ENDPOINTS[endpoint as Endpoint], WARMUP_SECONDS)
    for (let round = 0; round < ROUNDS; round++) {
      const order = Object.entries(setups)
      if (round % 2 === 1) order.reverse()
      for (const [name, bases] of order) {
        for (const endpoint of Object.keys(ENDPOINTS) as Endpoint[]) {
          const cell = await load(bases, ENDPOINTS[endpoint], SECONDS)
          const key = `${name}|${endpoint}`
          results.set(key, [...(results.get(key) ?? []), cell])
          console.error(`round ${round + 1}/${ROUNDS} ${name} ${endpoint}: ${cell.rps.toFixed(0)} req/s, p99 ${cell.p99.toFixed(1)} ms, non-2xx ${cell.non2xx}`)
        }
      }
    }

    console.log(`\nPathways scale bench — ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, ${ROUNDS} rounds × ${SECONDS} s, ${CONNECTIONS} connections (2 wrk × ${Math.floor(CONNECTIONS / 2)})`)
    console.log('| setup | profile req/s | profile p99 ms | search req/s | search p99 ms | non-2xx |')
    console.log('|---|---:|---:|---:|---:|---:|')
    for (const name of Object.keys(setups)) {
      const p = results.get(`${name}|profile`)!
      const s = results.get(`${name}|search`)!
      const non2xx = [...p, ...s].reduce((sum, c) => sum + c.non2xx, 0)
      console.log(`| ${name} | ${median(p.map((c) => c.rps)).toFixed(0)} | ${median(p.map((c) => c.p99)).toFixed(1)} | ${median(s.map((c) => c.rps)).toFixed(0)} | ${median(s.map((c) => c.p99)).toFixed(1)} | ${non2xx} |`)
    }
  } finally {
    for (const p of started.reverse()) await p.stop()
    await dropSchema(DATABASE_URL, schema).catch(() => undefined)
    const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 })
    try {
      await client.connect()
      let cursor = '0'
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500)
        cursor = next
        if (keys.length > 0) await client.del(...keys)
      } while (cursor !== '0')
    } catch {
      // Redis gone: nothing to clean
    } finally {
      client.disconnect()
    }
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

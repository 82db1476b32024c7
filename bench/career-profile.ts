/**
 * Benchmark: GET /api/v1/careers/back-end-developer against a trivial JSON route of the same server
 * process, alternating rounds so every route sees the same machine conditions. Two load generators
 * take turns: autocannon (JavaScript) and, when installed, wrk (C; `apt-get install wrk`). Prints
 * medians over rounds and each route's ratio to the trivial route (aim: profile ≥ 0.8).
 *
 *   npm run bench                 (defaults: 3 rounds × 4 s per route and tool, 50 connections)
 *   ROUNDS=5 SECONDS=10 npm run bench
 */
import { execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

const ROUNDS = Number(process.env.ROUNDS ?? 3)
const SECONDS = Number(process.env.SECONDS ?? 4)
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const PROFILE = '/api/v1/careers/back-end-developer'

// Browsers and HTTP libraries ask for compression; `profile` does too, `profile-identity` does not.
const ROUTES = {
  'profile (br)': { path: PROFILE, headers: { 'accept-encoding': 'br, gzip' } },
  'profile (uncompressed)': { path: PROFILE, headers: {} as Record<string, string> },
  'trivial (reference)': { path: '/bench/trivial', headers: { 'accept-encoding': 'br, gzip' } },
}
type Route = keyof typeof ROUTES
type Tool = 'autocannon' | 'wrk'
interface Sample { rps: number; p50: number; p99: number }

const hasWrk = (() => {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' })
    return true
  } catch (error) {
    return (error as { status?: number }).status === 1 // wrk --version exits 1 after printing
  }
})()
const tools: Tool[] = hasWrk ? ['autocannon', 'wrk'] : ['autocannon']

const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/serve.ts')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
const [line] = (await once(server.stdout, 'data')) as [Buffer]
const port = Number(/listening (\d+)/.exec(line.toString())?.[1])
if (!port) throw new Error(`server did not start: ${line.toString()}`)

async function withAutocannon(route: Route): Promise<Sample> {
  const { path: p, headers } = ROUTES[route]
  const r = await autocannon({ url: `http://127.0.0.1:${port}${p}`, headers, connections: CONNECTIONS, duration: SECONDS })
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${route}: ${r.non2xx} non-2xx, ${r.errors} errors`)
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 }
}

function withWrk(route: Route): Sample {
  const { path: p, headers } = ROUTES[route]
  const args = ['-t1', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--latency', ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]), `http://127.0.0.1:${port}${p}`]
  const out = execFileSync('wrk', args, { encoding: 'utf8' })
  if (/Non-2xx|Socket errors/.test(out)) throw new Error(`${route} (wrk): errors\n${out}`)
  const ms = (label: string) => {
    const m = new RegExp(`${label}\\s+([0-9.]+)(us|ms|s)`).exec(out)
    if (!m) return NaN
    const v = Number(m[1])
    return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v
  }
  return { rps: Number(/Requests\/sec:\s+([0-9.]+)/.exec(out)?.[1]), p50: ms('50%'), p99: ms('99%') }
}

const run = (tool: Tool, route: Route) => (tool === 'wrk' ? Promise.resolve(withWrk(route)) : withAutocannon(route))
const routes = Object.keys(ROUTES) as Route[]
const results = new Map<string, Sample[]>()
for (const tool of tools) for (const route of routes) await run(tool, route) // warm-up, discarded
for (let i = 0; i < ROUNDS; i++) {
  for (const tool of tools) {
    for (const route of i % 2 === 0 ? routes : [...routes].reverse()) {
      const key = `${tool}|${route}`
      results.set(key, [...(results.get(key) ?? []), await run(tool, route)])
    }
  }
}
server.kill('SIGTERM')

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}
console.log(`node ${process.version}, ${ROUNDS} rounds × ${SECONDS} s per route and tool, ${CONNECTIONS} connections, medians over rounds`)
console.log('| tool | route | req/s | p50 ms | p99 ms | ratio to trivial |')
console.log('|---|---|---:|---:|---:|---:|')
for (const tool of tools) {
  const rps = (route: Route) => median((results.get(`${tool}|${route}`) ?? []).map((s) => s.rps))
  for (const route of routes) {
    const samples = results.get(`${tool}|${route}`) ?? []
    const p = (k: 'p50' | 'p99') => median(samples.map((s) => s[k])).toFixed(2)
    console.log(`| ${tool} | ${route} | ${Math.round(rps(route))} | ${p('p50')} | ${p('p99')} | ${(rps(route) / rps('trivial (reference)')).toFixed(2)} |`)
  }
}

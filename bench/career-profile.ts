/**
 * Benchmark: GET /api/v1/careers/back-end-developer against a trivial JSON route of the same server
 * process, alternating rounds so both see the same machine conditions. Prints req/s and latency
 * medians over rounds and the ratio profile/trivial (aim: ≥ 0.8).
 *
 *   npm run bench            (defaults: 5 rounds × 5 s per route, 50 connections)
 *   ROUNDS=3 SECONDS=10 npm run bench
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

const ROUNDS = Number(process.env.ROUNDS ?? 5)
const SECONDS = Number(process.env.SECONDS ?? 5)
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/serve.ts')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
const [line] = (await once(server.stdout, 'data')) as [Buffer]
const port = Number(/listening (\d+)/.exec(line.toString())?.[1])
if (!port) throw new Error(`server did not start: ${line.toString()}`)

const routes = { profile: '/api/v1/careers/back-end-developer', trivial: '/bench/trivial' } as const
type Name = keyof typeof routes
const results: Record<Name, { rps: number; p50: number; p99: number }[]> = { profile: [], trivial: [] }

async function run(name: Name) {
  const r = await autocannon({ url: `http://127.0.0.1:${port}${routes[name]}`, connections: CONNECTIONS, duration: SECONDS })
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors`)
  results[name].push({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 })
}

await run('trivial') // warm-up, discarded
await run('profile')
results.trivial.length = 0
results.profile.length = 0
for (let i = 0; i < ROUNDS; i++) {
  const order: Name[] = i % 2 === 0 ? ['profile', 'trivial'] : ['trivial', 'profile']
  for (const name of order) await run(name)
}
server.kill('SIGTERM')

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}
const summary = (name: Name) => ({
  rps: Math.round(median(results[name].map((r) => r.rps))),
  p50: median(results[name].map((r) => r.p50)),
  p99: median(results[name].map((r) => r.p99)),
})
const profile = summary('profile')
const trivial = summary('trivial')
console.log(`node ${process.version}, ${ROUNDS} rounds × ${SECONDS}s per route, ${CONNECTIONS} connections; medians over rounds`)
console.log(`GET ${routes.profile}: ${profile.rps} req/s, p50 ${profile.p50} ms, p99 ${profile.p99} ms`)
console.log(`GET ${routes.trivial} (reference): ${trivial.rps} req/s, p50 ${trivial.p50} ms, p99 ${trivial.p99} ms`)
console.log(`ratio profile/trivial: ${(profile.rps / trivial.rps).toFixed(2)} (aim ≥ 0.8)`)

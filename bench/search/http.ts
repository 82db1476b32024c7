/**
 * Benchmark: GET /api/v1/search on the whole imported catalog against a trivial JSON route of the
 * same server process, with wrk (C; `apt-get install wrk`). In one run, alternating the order every
 * round so every measurement sees the same machine conditions:
 *   trivial      /bench/trivial, the reference
 *   cached mix   62 distinct queries (titles, alternative titles, prefixes as typed, typos, skill
 *                labels, codes), limit=10, cycled: answers come from the server's answer cache after
 *                their first request — the normal case, people type the same things
 *   uncached mix ~8,000 distinct queries generated from the catalog (titles, alternative titles,
 *                prefixes as typed, one-letter typos, skill names), cycled in one sequence carried
 *                over from run to run: longer than the server's 2,000-answer cache, so every request
 *                runs a search (the server counts its searches; the table shows searches per request)
 * Each at CONNECTIONS connections on 2 wrk threads, and at 1 connection for latency without queueing
 * (the uncached mix also without compression). Prints medians over ROUNDS rounds, the search/trivial
 * ratios, the aims (p99 < 10 ms; search at least 50% of the trivial route's req/s), where the time of
 * an uncached answer goes (measured in-process before the server starts) and the server's memory.
 *
 *   npm run bench:search               (needs ../shared/data; ~7 minutes with the import)
 *   ROUNDS=5 SECONDS=30 npm run bench:search
 *   SEARCH_BENCH_DATA_DIR=/path/to/imported npm run bench:search   (skips the import)
 */
import { execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { catalogSearchOf, createSearchService } from '../../server/modules/search/index.js'
import { buildSearchDocuments } from '../../server/modules/search/search-documents.js'
import { createCursorCodec } from '../../server/platform/http/cursor.js'
import { toCachedBody } from '../../server/platform/http/response-cache.js'
import { requireWrk } from '../wrk.js'
import { benchRun, loadCatalogIndex, root } from './catalog.js'
import { generatedQueries, HTTP_MIX } from './queries.js'

const ROUNDS = Number(process.env.ROUNDS ?? 3)
const SECONDS = Number(process.env.SECONDS ?? 15)
const WARMUP_SECONDS = Number(process.env.WARMUP_SECONDS ?? 5)
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 8)
const UNCACHED = Number(process.env.UNCACHED ?? 8000)
const BREAKDOWN = Number(process.env.BREAKDOWN ?? 1000)
const SERVER_CACHE = 2000 // CACHED_ANSWERS in server/modules/search/search.service.ts
const BROWSER = { 'accept-encoding': 'br, gzip' }

requireWrk()

// ---- queries -------------------------------------------------------------------------------------

const loadAtStart = os.loadavg()[0] as number
const { catalog, work, running } = benchRun('pathways-bench-search-wrk-')
const loaded = await loadCatalogIndex(catalog.dataDir)
const docs = buildSearchDocuments(loaded.index)
if (new Set(HTTP_MIX).size !== HTTP_MIX.length) throw new Error('HTTP_MIX has duplicates')
const uncached = generatedQueries(docs, UNCACHED, new Set(HTTP_MIX))

/**
 * Where an uncached answer's time goes, in this process before the server starts (so nothing competes):
 * the server's own search service and functions on the first BREAKDOWN queries of the uncached mix.
 */
function breakdown() {
  const engine = catalogSearchOf(loaded.index)
  const service = createSearchService({ catalog: loaded.catalog, cursors: createCursorCodec(randomBytes(32).toString('hex')) })
  const parts = { search: [] as number[], present: [] as number[], json: [] as number[], etag: [] as number[], brotli: [] as number[], bytes: [] as number[] }
  for (const q of uncached.slice(BREAKDOWN, BREAKDOWN + 100)) service.search({ q, limit: 10 }) // warm-up
  for (const q of uncached.slice(0, BREAKDOWN)) {
    const t0 = performance.now()
    engine.search(q, {})
    const t1 = performance.now()
    const answer = service.search({ q, limit: 10 }) // the same search again, then paging and presenting 10 hits
    const t2 = performance.now()
    const json = JSON.stringify(answer)
    const t3 = performance.now()
    const body = toCachedBody(json)
    const t4 = performance.now()
    body.bytes('br')
    const t5 = performance.now()
    parts.search.push(t1 - t0)
    parts.present.push(Math.max(0, t2 - t1 - (t1 - t0)))
    parts.json.push(t3 - t2)
    parts.etag.push(t4 - t3)
    parts.brotli.push(t5 - t4)
    parts.bytes.push(Buffer.byteLength(json))
  }
  return parts
}
const parts = breakdown()
await loaded.close()

const toPaths = (queries: string[]) => queries.map((q) => `/api/v1/search?q=${encodeURIComponent(q)}&limit=10`).join('\n')
fs.writeFileSync(path.join(work, 'cached.txt'), `${toPaths(HTTP_MIX)}\n`)
fs.writeFileSync(path.join(work, 'uncached.txt'), `${toPaths(uncached)}\n`)
// Each wrk thread walks the list from `start`, thread t taking positions start+t, start+t+threads, …;
// `done` prints the furthest position reached so the next run carries on from there.
fs.writeFileSync(path.join(work, 'mix.lua'), `
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end
function init(args)
  paths = {}
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  step = tonumber(args[3])
  i = tonumber(args[2]) + id - 1
end
function request()
  local p = paths[(i % #paths) + 1]
  i = i + step
  return wrk.format("GET", p)
end
function done(summary, latency, requests)
  local furthest = 0
  for _, t in ipairs(threads) do
    local at = t:get("i")
    if at > furthest then furthest = at end
  end
  io.write(string.format("next %d\\n", furthest))
end
`)

// ---- server --------------------------------------------------------------------------------------

const server = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(root, 'bench/search/serve.ts')], {
  cwd: root, env: { PATH: process.env.PATH ?? '', DATA_DIR: catalog.dataDir }, stdio: ['ignore', 'pipe', 'inherit'],
})
running.server = server
const started = await new Promise<{ port: number; readyMs: number }>((resolve, reject) => {
  let out = ''
  server.stdout.on('data', (d: Buffer) => {
    out += d.toString()
    const m = /listening (\d+) (\d+)/.exec(out)
    if (m) resolve({ port: Number(m[1]), readyMs: Number(m[2]) })
  })
  server.on('exit', (code) => reject(new Error(`server exited ${code}`)))
})
const base = `http://127.0.0.1:${started.port}`
const memory = async () => {
  const heap = (await (await fetch(`${base}/bench/memory`)).json()) as { heapUsed: number; external: number }
  const status = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1]) / 1024
  return { rss: kb('VmRSS'), peak: kb('VmHWM'), heap: heap.heapUsed / 2 ** 20, external: heap.external / 2 ** 20 }
}
const atStart = await memory()
const searches = async () => ((await (await fetch(`${base}/bench/searches`)).json()) as { searches: number }).searches

// ---- measurements --------------------------------------------------------------------------------

interface Measurement { name: string; connections: number; list?: 'cached' | 'uncached'; headers: Record<string, string> }
interface Sample { rps: number; p50: number; p99: number; searchesPerRequest: number; timeouts: number }

const MEASUREMENTS: Measurement[] = [
  { name: 'trivial (reference)', connections: CONNECTIONS, headers: BROWSER },
  { name: 'search, cached mix', connections: CONNECTIONS, list: 'cached', headers: BROWSER },
  { name: 'search, uncached mix', connections: CONNECTIONS, list: 'uncached', headers: BROWSER },
  { name: 'trivial (reference)', connections: 1, headers: BROWSER },
  { name: 'search, cached mix', connections: 1, list: 'cached', headers: BROWSER },
  { name: 'search, uncached mix', connections: 1, list: 'uncached', headers: BROWSER },
  { name: 'search, uncached mix, uncompressed', connections: 1, list: 'uncached', headers: {} },
]
const label = (m: Measurement) => `${m.name} -c ${m.connections}`

/** Where the next uncached run starts: one sequence across runs, so no run meets answers cached by the last one. */
let uncachedAt = 0

async function run(m: Measurement, seconds: number): Promise<Sample> {
  const threads = Math.min(2, m.connections)
  const args = [`-t${threads}`, `-c${m.connections}`, `-d${seconds}s`, '--timeout', '10s', '--latency', ...Object.entries(m.headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`])]
  if (m.list) args.push('-s', path.join(work, 'mix.lua'), base, '--', path.join(work, `${m.list}.txt`), String(m.list === 'uncached' ? uncachedAt : 0), String(threads))
  else args.push(`${base}/bench/trivial`)
  const before = await searches()
  const out = execFileSync('wrk', args, { encoding: 'utf8' })
  const after = await searches()
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out)
  if (/Non-2xx/.test(out) || (socket && Number(socket[1]) + Number(socket[2]) + Number(socket[3]) > 0)) throw new Error(`${label(m)}: errors\n${out}`)
  if (m.list === 'uncached') uncachedAt = Number(/next (\d+)/.exec(out)?.[1])
  const ms = (p: string) => {
    const found = new RegExp(`${p}%\\s+([0-9.]+)(us|ms|s)`).exec(out)
    if (!found) return NaN
    const v = Number(found[1])
    return found[2] === 'us' ? v / 1000 : found[2] === 's' ? v * 1000 : v
  }
  const requests = Number(/(\d+) requests in/.exec(out)?.[1])
  return {
    rps: Number(/Requests\/sec:\s+([0-9.]+)/.exec(out)?.[1]), p50: ms('50'), p99: ms('99'),
    searchesPerRequest: (after - before) / requests, timeouts: Number(socket?.[4] ?? 0),
  }
}

const results = new Map<string, Sample[]>()
for (const m of MEASUREMENTS) {
  process.stderr.write(`warm-up: ${label(m)}\n`)
  await run(m, WARMUP_SECONDS)
}
for (let i = 0; i < ROUNDS; i++) {
  for (const m of i % 2 === 0 ? MEASUREMENTS : [...MEASUREMENTS].reverse()) {
    process.stderr.write(`round ${i + 1}/${ROUNDS}: ${label(m)}\n`)
    results.set(label(m), [...(results.get(label(m)) ?? []), await run(m, SECONDS)])
  }
}
const atEnd = await memory()
server.kill('SIGTERM')
await new Promise((resolve) => server.once('exit', resolve))

// ---- report --------------------------------------------------------------------------------------

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number
const summary = (m: Measurement) => {
  const samples = results.get(label(m)) ?? []
  return {
    rps: median(samples.map((s) => s.rps)), p50: median(samples.map((s) => s.p50)), p99: median(samples.map((s) => s.p99)),
    spr: median(samples.map((s) => s.searchesPerRequest)), timeouts: samples.reduce((n, s) => n + s.timeouts, 0), runs: samples.map((s) => Math.round(s.rps).toLocaleString('en-US')).join(' / '),
  }
}
const trivialRps = (connections: number) => summary(MEASUREMENTS.find((m) => !m.list && m.connections === connections) as Measurement).rps
const f = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1))

console.log(`\nnode ${process.version}, ${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)}, 1-minute load average ${loadAtStart.toFixed(2)} at start and ${(os.loadavg()[0] as number).toFixed(2)} at the end; catalog from ${catalog.origin}: ${docs.length.toLocaleString('en-US')} search documents`)
console.log(`wrk, ${ROUNDS} rounds × ${SECONDS} s per measurement (after a ${WARMUP_SECONDS} s warm-up each), 2 threads (1 at -c 1), accept-encoding: br, gzip unless said; medians over rounds`)
console.log(`query lists: cached mix ${HTTP_MIX.length} distinct queries; uncached mix ${uncached.length.toLocaleString('en-US')} distinct generated queries (server answer cache: ${SERVER_CACHE.toLocaleString('en-US')})\n`)
console.log('| measurement | connections | req/s | p50 ms | p99 ms | ratio to trivial req/s | searches run per request | req/s per round | timeouts (> 10 s) |')
console.log('|---|---:|---:|---:|---:|---:|---:|---|---:|')
for (const m of MEASUREMENTS) {
  const s = summary(m)
  console.log(`| ${m.name} | ${m.connections} | ${Math.round(s.rps).toLocaleString('en-US')} | ${f(s.p50)} | ${f(s.p99)} | ${(s.rps / trivialRps(m.connections)).toFixed(2)} | ${m.list ? s.spr.toFixed(2) : '–'} | ${s.runs} | ${s.timeouts} |`)
}
console.log('\nAims (p99 < 10 ms; search ≥ 50% of the trivial route\'s req/s):')
for (const m of MEASUREMENTS.filter((x) => x.list)) {
  const s = summary(m)
  const ratio = s.rps / trivialRps(m.connections)
  const p99 = s.p99 < 10 ? `p99 ${f(s.p99)} ms: met` : `p99 ${f(s.p99)} ms: NOT met (${(s.p99 / 10).toFixed(1)}× the aim)`
  const share = m.connections === 1 ? '' : ratio >= 0.5 ? `; ${(ratio * 100).toFixed(0)}% of trivial req/s: met` : `; ${(ratio * 100).toFixed(0)}% of trivial req/s: NOT met (${(0.5 / ratio).toFixed(1)}× short)`
  console.log(`- ${label(m)}: ${p99}${share}`)
}
console.log(`\nserver (node --import tsx bench/search/serve.ts): catalog index and search index built in ${(started.readyMs / 1000).toFixed(1)} s before listening`)
const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return { mean: xs.reduce((a, b) => a + b, 0) / xs.length, p50: sorted[Math.floor(xs.length / 2)] as number, p99: sorted[Math.floor(xs.length * 0.99)] as number }
}
console.log(`\nWhere an uncached answer's time goes (in-process, the server's functions, first ${BREAKDOWN.toLocaleString('en-US')} queries of the uncached mix):\n`)
console.log('| step | mean ms | p50 ms | p99 ms |')
console.log('|---|---:|---:|---:|')
const steps: [string, number[]][] = [
  ['index search (MiniSearch, tiers, facets over every hit)', parts.search],
  ['paging and presenting 10 hits: highlight, snippet (answer time minus search time)', parts.present],
  ['JSON.stringify', parts.json],
  ['ETag (sha1)', parts.etag],
  ['brotli, quality 9 (browsers ask for br)', parts.brotli],
]
for (const [name, xs] of steps) {
  const s = stats(xs)
  console.log(`| ${name} | ${f(s.mean)} | ${f(s.p50)} | ${f(s.p99)} |`)
}
const total = stats(parts.search.map((_, i) => steps.reduce((n, [, xs]) => n + (xs[i] as number), 0)))
console.log(`| total | ${f(total.mean)} | ${f(total.p50)} | ${f(total.p99)} |`)
console.log(`\nanswer size: mean ${(stats(parts.bytes).mean / 1024).toFixed(1)} kB, p99 ${(stats(parts.bytes).p99 / 1024).toFixed(1)} kB uncompressed`)

const mem = (m: Awaited<ReturnType<typeof memory>>) => `RSS ${m.rss.toFixed(0)} MB (V8 heap used after gc ${m.heap.toFixed(0)} MB, external ${m.external.toFixed(0)} MB)`
console.log(`server with the catalog and the search index built, before any request: ${mem(atStart)}`)
console.log(`server after the runs (answer cache full: ${SERVER_CACHE.toLocaleString('en-US')} answers): ${mem(atEnd)}; peak RSS ${atEnd.peak.toFixed(0)} MB`)

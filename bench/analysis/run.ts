/**
 * Benchmark of passport analysis on the whole imported catalog (~4,000 careers).
 *
 * In process (nothing else running): p50/p99 of the analysis service for 30-skill passports —
 *   match   every career ranked for the passport (with the top 20 explained), the aim p99 < 5 ms
 *   plan    a learning plan to a career the passport does not fit yet, the aim p99 < 50 ms
 *   gap     the gap to one career
 * Passports are generated with a fixed seed: 20 skills from one career's requirements and 10 from
 * anywhere in the catalog, levels 1–5.
 * Over HTTP (wrk, alternating order every round): req/s and latency of POST /api/v1/analysis/gap,
 * /matches and /plan cycling through those passports, beside the trivial JSON route of the same
 * server process measured in the same run.
 *
 *   npm run bench:analysis                       (needs ../shared/data; imports it first)
 *   SEARCH_BENCH_DATA_DIR=/path/to/imported npm run bench:analysis   (reuses an imported pathways.sqlite)
 *   ROUNDS=5 SECONDS=20 CALLS=3000 npm run bench:analysis
 */
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createAnalysisService, warmAnalysis } from '../../server/modules/analysis/index.js'
import { requirementModel } from '../../server/modules/analysis/career-requirements.js'
import { learningCatalog } from '../../server/modules/analysis/learning-items.js'
import type { Passport } from '../../server/modules/analysis/analysis.schema.js'
import { seededRandom } from '../../server/platform/seeded-random.js'
import { benchRun, loadCatalogIndex, root } from '../search/catalog.js'
import { readWrk, requireWrk } from '../wrk.js'

const ROUNDS = Number(process.env.ROUNDS ?? 3)
const SECONDS = Number(process.env.SECONDS ?? 10)
const CALLS = Number(process.env.CALLS ?? 2000)
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 8)
const PASSPORTS = 200
const SEED = 20261122

requireWrk()

const loadAtStart = os.loadavg()[0] as number
const { catalog, work, running } = benchRun('pathways-bench-analysis-')

// ---- in process ----------------------------------------------------------------------------------

const loaded = await loadCatalogIndex(catalog.dataDir)
const index = loaded.index
const warmStarted = performance.now()
await warmAnalysis(index)
const warmMs = performance.now() - warmStarted
const analysis = createAnalysisService({ catalog: loaded.catalog })
const model = requirementModel(index)
const rand = seededRandom(SEED)
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T
const rich = model.careerIds.filter((id) => model.of(id).length >= 30)
const allSkills = index.rows.skills.map((s) => s.id)
const passports: Passport[] = Array.from({ length: PASSPORTS }, () => {
  const from = [...model.of(pick(rich))].sort(() => rand() - 0.5).slice(0, 20).map((r) => r.skill)
  const ids = new Set(from)
  while (ids.size < 30) ids.add(pick(allSkills))
  return { skills: [...ids].map((skill) => ({ skill, level: 1 + Math.floor(rand() * 5) })) }
})
// Plans go to careers where the catalog can teach something: at least 3 requirements some credential or
// resource teaches (most O*NET careers ask for O*NET skills no catalog item is linked to yet).
const items = learningCatalog(index)
const teachable = model.careerIds.filter((id) => model.of(id).filter((r) => model.skills.sameAs(r.skill).some((same) => items.teaching(same).length > 0)).length >= 3)
const careers = Array.from({ length: PASSPORTS }, () => index.careers[model.indexOf(pick(teachable))!]!.slug)

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number
function time(fn: (i: number) => void): { p50: number; p99: number; mean: number } {
  for (let i = 0; i < 200; i++) fn(i) // warm-up
  const samples: number[] = []
  for (let i = 0; i < CALLS; i++) {
    const t0 = performance.now()
    fn(i)
    samples.push(performance.now() - t0)
  }
  samples.sort((a, b) => a - b)
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), mean: samples.reduce((a, b) => a + b, 0) / samples.length }
}
const inProcess = {
  match: time((i) => analysis.matches(passports[i % PASSPORTS]!, { limit: 20 })),
  plan: time((i) => analysis.plan(passports[i % PASSPORTS]!, careers[(i * 7) % PASSPORTS]!, { hoursPerWeek: 10 })),
  planCost: time((i) => analysis.plan(passports[i % PASSPORTS]!, careers[(i * 7) % PASSPORTS]!, { hoursPerWeek: 10, optimise: 'cost' })),
  gap: time((i) => analysis.gap(passports[i % PASSPORTS]!, careers[(i * 7) % PASSPORTS]!)),
}
const planSizes = careers.slice(0, 50).map((c, i) => analysis.plan(passports[i]!, c, { hoursPerWeek: 10 }).items.length)
await loaded.close()

// ---- over HTTP -----------------------------------------------------------------------------------

const bodies = {
  gap: passports.map((passport, i) => JSON.stringify({ passport, career: careers[(i * 7) % PASSPORTS] })),
  matches: passports.map((passport) => JSON.stringify({ passport, limit: 20 })),
  plan: passports.map((passport, i) => JSON.stringify({ passport, career: careers[(i * 7) % PASSPORTS], hoursPerWeek: 10 })),
}
for (const [name, list] of Object.entries(bodies)) fs.writeFileSync(path.join(work, `${name}.txt`), `${list.join('\n')}\n`)
fs.writeFileSync(path.join(work, 'post.lua'), `
local count = 0
function setup(thread)
  count = count + 1
  thread:set("id", count)
end
function init(args)
  bodies = {}
  for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
  route = args[2]
  i = id
end
function request()
  local body = bodies[(i % #bodies) + 1]
  i = i + 2
  return wrk.format("POST", route, { ["content-type"] = "application/json" }, body)
end
`)

const server = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(root, 'bench/search/serve.ts')], {
  cwd: root, env: { PATH: process.env.PATH ?? '', DATA_DIR: catalog.dataDir }, stdio: ['ignore', 'pipe', 'inherit'],
})
running.server = server
const port = await new Promise<number>((resolve, reject) => {
  let out = ''
  server.stdout.on('data', (d: Buffer) => {
    out += d.toString()
    const m = /listening (\d+)/.exec(out)
    if (m) resolve(Number(m[1]))
  })
  server.on('exit', (code) => reject(new Error(`server exited ${code}`)))
})
const base = `http://127.0.0.1:${port}`

type Route = 'trivial' | keyof typeof bodies
const ROUTES: Route[] = ['trivial', 'gap', 'matches', 'plan']
interface Sample { rps: number; p50: number; p99: number }

function run(route: Route, seconds: number): Sample {
  const args = ['-t2', `-c${CONNECTIONS}`, `-d${seconds}s`, '--timeout', '10s', '--latency']
  if (route === 'trivial') args.push(`${base}/bench/trivial`)
  else args.push('-s', path.join(work, 'post.lua'), base, '--', path.join(work, `${route}.txt`), `/api/v1/analysis/${route}`)
  const report = readWrk(execFileSync('wrk', args, { encoding: 'utf8' }))
  if (report.non2xx || report.socket) throw new Error(`${route}: errors (non-2xx or socket errors)`)
  return { rps: report.rps, p50: report.ms('50'), p99: report.ms('99') }
}

const results = new Map<Route, Sample[]>()
for (const route of ROUTES) run(route, 3) // warm-up
for (let i = 0; i < ROUNDS; i++) {
  for (const route of i % 2 === 0 ? ROUTES : [...ROUTES].reverse()) {
    process.stderr.write(`round ${i + 1}/${ROUNDS}: ${route}\n`)
    results.set(route, [...(results.get(route) ?? []), run(route, SECONDS)])
  }
}
server.kill('SIGTERM')
await new Promise((resolve) => server.once('exit', resolve))

// ---- report --------------------------------------------------------------------------------------

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number
const f = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1))
console.log(`\nnode ${process.version}, ${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)}, load ${loadAtStart.toFixed(2)} at start, ${(os.loadavg()[0] as number).toFixed(2)} at the end; catalog from ${catalog.origin}: ${model.careerIds.length.toLocaleString('en-US')} careers, ${index.rows.skills.length.toLocaleString('en-US')} skills; analysis models built in ${Math.round(warmMs)} ms`)
console.log(`\nIn process, ${CALLS} calls each, ${PASSPORTS} passports of 30 skills (seed ${SEED}); plans and gaps to ${new Set(careers).size} careers the catalog can teach for (of ${teachable.length} such); plans average ${(planSizes.reduce((a, b) => a + b, 0) / planSizes.length).toFixed(1)} items\n`)
console.log('| call | p50 ms | p99 ms | mean ms | aim |')
console.log('|---|---|---|---|---|')
console.log(`| match (every career, top 20 explained) | ${f(inProcess.match.p50)} | ${f(inProcess.match.p99)} | ${f(inProcess.match.mean)} | p99 < 5 ms: ${inProcess.match.p99 < 5 ? 'met' : 'missed'} |`)
console.log(`| plan, least time | ${f(inProcess.plan.p50)} | ${f(inProcess.plan.p99)} | ${f(inProcess.plan.mean)} | p99 < 50 ms: ${inProcess.plan.p99 < 50 ? 'met' : 'missed'} |`)
console.log(`| plan, least cost | ${f(inProcess.planCost.p50)} | ${f(inProcess.planCost.p99)} | ${f(inProcess.planCost.mean)} | |`)
console.log(`| gap | ${f(inProcess.gap.p50)} | ${f(inProcess.gap.p99)} | ${f(inProcess.gap.mean)} | |`)
const trivial = median((results.get('trivial') ?? []).map((s) => s.rps))
console.log(`\nHTTP, wrk -t2 -c${CONNECTIONS}, ${ROUNDS} rounds × ${SECONDS} s, medians\n`)
console.log('| route | req/s | vs trivial | p50 ms | p99 ms | runs (req/s) |')
console.log('|---|---|---|---|---|---|')
for (const route of ROUTES) {
  const samples = results.get(route) ?? []
  const rps = median(samples.map((s) => s.rps))
  const name = route === 'trivial' ? 'GET /bench/trivial (reference)' : `POST /api/v1/analysis/${route}`
  console.log(`| ${name} | ${Math.round(rps).toLocaleString('en-US')} | ${(rps / trivial).toFixed(2)} | ${f(median(samples.map((s) => s.p50)))} | ${f(median(samples.map((s) => s.p99)))} | ${samples.map((s) => Math.round(s.rps).toLocaleString('en-US')).join(' / ')} |`)
}

/**
 * Benchmark: which search library. The same documents (buildSearchDocuments over the whole imported
 * catalog: careers, skills, credentials, resources) go into MiniSearch 7, FlexSearch 0.8 and Orama 3,
 * each ranked by the library itself with its best documented settings for search as you type with
 * typos; then Pathways' own pipeline (createCatalogSearch: MiniSearch plus exact-match tiers and facets)
 * on the same documents. Per library: index build time (median of BUILDS builds), heap growth of the
 * first build after gc, query latency (top 10, one query at a time) over a fixed mix (every query timed
 * ROUNDS times) and over GENERATED queries made from catalog names (each once), and how many labelled
 * queries find the expected document in their top k, with what came first when they do not.
 *
 *   npm run bench:search:libraries     (needs ../shared/data; ~4 minutes with the import)
 *   EXTRA=1 …                          also the other settings tried (MiniSearch OR, Orama, FlexSearch encoders)
 *   ONLY=Orama …                       only the libraries whose name contains this
 *   BUILDS=1 ROUNDS=5 GENERATED=100 SEARCH_BENCH_DATA_DIR=/path/to/imported npm run bench:search:libraries
 */
import os from 'node:os'
import { Charset, Document } from 'flexsearch'
import MiniSearch from 'minisearch'
import { create, insertMultiple, search as oramaSearch } from '@orama/orama'
import { buildSearchDocuments, SEARCH_FIELDS, type SearchDocument } from '../../server/modules/search/search-documents.js'
import { createCatalogSearch } from '../../server/modules/search/search-index.js'
import { tokenize } from '../../server/modules/search/search-text.js'
import { importedCatalog, loadCatalogIndex } from './catalog.js'
import { generatedQueries, LABELLED, QUERY_MIX } from './queries.js'

const BUILDS = Number(process.env.BUILDS ?? 3)
const ROUNDS = Number(process.env.ROUNDS ?? 20)
const GENERATED = Number(process.env.GENERATED ?? 500)
const TOP = 10

const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => {
  console.error('run with node --expose-gc (npm run bench:search:libraries does)')
  process.exit(1)
})
gc()

/** A built index: top results for a query, as positions in the document list, best first. */
type Searcher = (query: string) => number[] | Promise<number[]>

interface Engine {
  name: string
  /** Column header in the per-query table. */
  short: string
  settings: string
  build: (docs: SearchDocument[]) => Searcher | Promise<Searcher>
}

const extractField = (doc: SearchDocument, field: string): string => {
  const value = doc[field as keyof SearchDocument]
  return Array.isArray(value) ? value.join(' \n ') : String(value ?? '')
}

/** MiniSearch as search-index.ts configures it (tokenizer, field boosts, curated lift), with its generic search options. */
const miniSearch = (combineWith: 'AND' | 'OR', label = ''): Engine => ({
  name: `MiniSearch 7.2${label}`,
  short: `MiniSearch${label}`,
  settings: `Pathways tokenizer, boosts title 4 / aliases 2 / extra 1, curated ×1.25; prefix: true, fuzzy: 0.2, combineWith ${combineWith} (BM25)`,
  build: (docs) => {
    const engine = new MiniSearch<SearchDocument>({
      fields: Object.keys(SEARCH_FIELDS), storeFields: [], tokenize, processTerm: (t) => t, extractField,
      searchOptions: {
        boost: SEARCH_FIELDS, prefix: true, fuzzy: 0.2, combineWith,
        boostDocument: (id) => (docs[id as number]?.facets.origin === 'catalog' ? 1.25 : 1),
      },
    })
    engine.addAll(docs)
    return (q) => engine.search(q).slice(0, TOP).map((r) => r.id as number)
  },
})

type Flat = { id: number; title: string; aliases: string; extra: string }
const flat = (docs: SearchDocument[]): Flat[] => docs.map((d) => ({ id: d.id, title: d.title, aliases: d.aliases.join(' \n '), extra: d.extra }))

/**
 * FlexSearch's Document index over the three fields in priority order; `merge` lists title matches
 * first, then alias matches, then the rest (it has no BM25 nor per-field boosts).
 */
const flexSearch = (tokenizer: 'forward' | 'tolerant', encoder: keyof typeof Charset): Engine => ({
  name: `FlexSearch 0.8.212 (${tokenizer}, ${encoder})`,
  short: `Flex ${tokenizer} ${encoder}`,
  settings: `Document, tokenize '${tokenizer}', encoder Charset.${encoder}; search suggest: true, merge: true`,
  build: (docs) => {
    const projected = flat(docs)
    const engine = new Document<Flat>({ tokenize: tokenizer, encoder: Charset[encoder], document: { id: 'id', index: ['title', 'aliases', 'extra'] } })
    for (const d of projected) engine.add(d)
    return (q) => engine.search(q, { limit: TOP, suggest: true, merge: true }).slice(0, TOP).map((r) => Number(r.id))
  },
})

type OramaDoc = { id: string; title: string; aliases: string[]; extra: string }

const orama = (tolerance: number, threshold?: 0): Engine => ({
  name: `Orama 3.1.18 (tolerance ${tolerance}${threshold === undefined ? '' : `, threshold ${threshold}`})`,
  short: `Orama t${tolerance}${threshold === undefined ? '' : ` th${threshold}`}`,
  settings: `create/insertMultiple, default English tokenizer; search tolerance ${tolerance}, boost title 4 / aliases 2 / extra 1, ${threshold === undefined ? 'default threshold (any term)' : `threshold ${threshold} (every term)`} (BM25)`,
  build: async (docs) => {
    const projected: OramaDoc[] = docs.map((d) => ({ id: String(d.id), title: d.title, aliases: d.aliases, extra: d.extra }))
    const db = create({ schema: { title: 'string', aliases: 'string[]', extra: 'string' } as const })
    await insertMultiple(db, projected, 1000)
    return async (q) => {
      const r = await oramaSearch(db, { term: q, properties: ['title', 'aliases', 'extra'], boost: SEARCH_FIELDS, tolerance, limit: TOP, ...(threshold === undefined ? {} : { threshold }) })
      return r.hits.map((h) => Number(h.id))
    }
  },
})

const pathways: Engine = {
  name: 'Pathways pipeline (MiniSearch + tiers)',
  short: 'Pathways',
  settings: 'createCatalogSearch from search-index.ts: all terms, last one as prefix, typos only for unknown terms, exact-title/alias tiers, facets',
  build: (docs) => {
    const engine = createCatalogSearch(docs)
    return (q) => engine.search(q, {}).hits.slice(0, TOP).map((h) => h.doc.id)
  },
}

const ENGINES: Engine[] = [
  miniSearch('AND'),
  flexSearch('forward', 'LatinAdvanced'),
  flexSearch('tolerant', 'Normalize'),
  orama(1),
  orama(2, 0),
  pathways,
  // EXTRA=1: the other settings tried before choosing the ones above.
  ...(process.env.EXTRA
    ? [
      miniSearch('OR', ' (OR)'), orama(2), orama(1, 0),
      ...(['Normalize', 'LatinBalance', 'LatinAdvanced', 'LatinExtra', 'LatinSoundex'] as const).flatMap((e) => [flexSearch('forward', e), flexSearch('tolerant', e)])
        .filter((f) => !/forward, LatinAdvanced|tolerant, Normalize/.test(f.name)),
    ]
    : []),
].filter((e) => e.name.includes(process.env.ONLY ?? ''))

interface Latency { p50: number; p99: number; mean: number }

interface Measured {
  engine: Engine
  buildMs: number
  heapMb: number
  /** The fixed mix, every query ROUNDS times. */
  mix: Latency
  /** Generated queries (as the HTTP benchmark's uncached mix), each once. */
  generated: Latency
  slowest: { q: string; ms: number }
  hits: boolean[]
  /** For each labelled query missed: the first results it gave instead. */
  misses: string[]
}

const memory = () => {
  gc()
  gc()
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number
const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number

const latency = (samples: number[]): Latency => {
  const sorted = [...samples].sort((a, b) => a - b)
  return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), mean: samples.reduce((a, b) => a + b, 0) / samples.length }
}

async function measure(engine: Engine, docs: SearchDocument[], generated: string[]): Promise<Measured> {
  // Heap growth of the first build (nothing built before it can still be referenced); then more builds,
  // timed and dropped at once, for a median build time.
  const before = memory()
  let started = performance.now()
  const run = await engine.build(docs)
  const times = [performance.now() - started]
  const heap = memory() - before
  for (let i = 1; i < BUILDS; i++) {
    started = performance.now()
    await engine.build(docs)
    times.push(performance.now() - started)
  }
  gc()
  for (let i = 0; i < 3; i++) for (const q of QUERY_MIX) await run(q) // warm-up
  for (const q of generated.slice(GENERATED)) await run(q)
  const samples: number[] = []
  const perQuery = new Map<string, number[]>()
  for (let i = 0; i < ROUNDS; i++) {
    for (const q of QUERY_MIX) {
      const started = performance.now()
      await run(q)
      const ms = performance.now() - started
      samples.push(ms)
      perQuery.set(q, [...(perQuery.get(q) ?? []), ms])
    }
  }
  const generatedSamples: number[] = []
  for (const q of generated.slice(0, GENERATED)) {
    const started = performance.now()
    await run(q)
    generatedSamples.push(performance.now() - started)
  }
  const slowest = [...perQuery].map(([q, ms]) => ({ q, ms: median(ms) })).sort((a, b) => b.ms - a.ms)[0] as { q: string; ms: number }
  const hits: boolean[] = []
  const misses: string[] = []
  for (const l of LABELLED) {
    const ids = await run(l.q)
    const hit = ids.slice(0, l.k).some((id) => docs[id] !== undefined && l.ok(docs[id]))
    hits.push(hit)
    if (!hit) misses.push(`\`${l.q}\` → ${ids.slice(0, 3).map((id) => `${docs[id]?.type} "${docs[id]?.title}"`).join(', ') || 'nothing'}`)
  }
  return {
    engine, buildMs: median(times), heapMb: heap / 2 ** 20, mix: latency(samples), generated: latency(generatedSamples), slowest, hits, misses,
  }
}

const loadAtStart = os.loadavg()[0] as number
if (new Set(QUERY_MIX).size !== QUERY_MIX.length) throw new Error('QUERY_MIX has duplicates')
const catalog = importedCatalog()
process.on('exit', () => catalog.remove())
const loaded = await loadCatalogIndex(catalog.dataDir)
const docs = buildSearchDocuments(loaded.index)
// The first GENERATED are timed; the next 100 only warm up.
const generated = generatedQueries(docs, GENERATED + 100, new Set(QUERY_MIX))
const counts = new Map<string, number>()
for (const d of docs) counts.set(d.type, (counts.get(d.type) ?? 0) + 1)

const results: Measured[] = []
for (const engine of ENGINES) {
  process.stderr.write(`${engine.name} …\n`)
  results.push(await measure(engine, docs, generated))
  gc()
}
await loaded.close()

const f1 = (n: number) => n.toFixed(1)
const f2 = (n: number) => (n < 1 ? n.toFixed(3) : n.toFixed(2))
console.log(`\nnode ${process.version}, ${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)}, 1-minute load average ${loadAtStart.toFixed(2)} at start and ${(os.loadavg()[0] as number).toFixed(2)} at the end; catalog from ${catalog.origin}: ${docs.length.toLocaleString('en-US')} documents (${[...counts].map(([t, n]) => `${n.toLocaleString('en-US')} ${t}s`).join(', ')})`)
console.log(`build: median of ${BUILDS}; heap: heapUsed + arrayBuffers growth after gc; latency (top ${TOP}): fixed mix = ${QUERY_MIX.length} queries × ${ROUNDS} rounds, generated = ${GENERATED} distinct generated queries once each; quality: ${LABELLED.length} labelled queries\n`)
console.log('| library | build | heap | fixed mix p50 / p99 ms | generated p50 / p99 / mean ms | slowest of the mix (median ms) | labelled queries right |')
console.log('|---|---:|---:|---:|---:|---|---:|')
for (const r of results) {
  const right = r.hits.filter(Boolean).length
  console.log(`| ${r.engine.name} | ${(r.buildMs / 1000).toFixed(2)} s | ${f1(r.heapMb)} MB | ${f2(r.mix.p50)} / ${f2(r.mix.p99)} | ${f2(r.generated.p50)} / ${f2(r.generated.p99)} / ${f2(r.generated.mean)} | "${r.slowest.q}" ${f2(r.slowest.ms)} | **${right}/${LABELLED.length}** |`)
}
console.log('\nSettings:')
for (const r of results) console.log(`- ${r.engine.name}: ${r.engine.settings}`)
console.log(`\n| query | expected | ${results.map((r) => r.engine.short).join(' | ')} |`)
console.log(`|---|---|${results.map(() => ':-:').join('|')}|`)
LABELLED.forEach((l, i) => {
  console.log(`| \`${l.q}\` | ${l.expect} | ${results.map((r) => (r.hits[i] ? '✓' : '✗')).join(' | ')} |`)
})
console.log('\nMissed labelled queries and what came first instead:')
for (const r of results) console.log(`- ${r.engine.name}: ${r.misses.join('; ') || 'none'}`)

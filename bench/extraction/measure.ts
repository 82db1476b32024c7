/**
 * Skill extraction measured on the gold test set of Green, Maynard & Lin (2022): span-level precision,
 * recall and F1 against its Skill spans, exact and overlap, with the full imported vocabulary (ESCO +
 * O*NET + curated) and with the curated catalog alone. Prints a markdown table.
 *
 *   npm run bench:extraction            (imports ../shared/data into a temporary DATA_DIR first, ~20 s)
 *   SEARCH_BENCH_DATA_DIR=/path npm run bench:extraction   (reuses an imported pathways.sqlite)
 *   EXTRACTION_MISSES=20 …              (also prints that many missed gold spans and false hits)
 */
import { importedCatalog, loadCatalogIndex, sharedData } from '../search/catalog.js'
import { buildGazetteer, type Gazetteer } from '../../server/modules/extraction/gazetteer.js'
import { extractSkills } from '../../server/modules/extraction/extract.js'
import { vocabularyOf } from '../../server/modules/extraction/vocabulary.js'
import { readGreen2022, score, type GoldSentence, type Span } from './green2022.js'

const sentences = readGreen2022(sharedData)
const imported = importedCatalog()
try {
  const { index, close } = await loadCatalogIndex(imported.dataDir)
  const vocabulary = vocabularyOf(index)
  const curated = vocabulary.filter((s) => s.taxonomy === 'curated')
  const runs = [
    { name: 'full (ESCO + O*NET + curated)', skills: vocabulary.length, gazetteer: timed(() => buildGazetteer(vocabulary)) },
    { name: 'curated only', skills: curated.length, gazetteer: timed(() => buildGazetteer(curated)) },
  ]
  const goldCount = sentences.reduce((n, s) => n + (s.entities.get('Skill')?.length ?? 0), 0)
  console.log(`\nGreen et al. 2022 test set: ${sentences.length} sentences, ${goldCount} gold Skill spans; catalog from ${imported.origin}\n`)
  console.log('| vocabulary | labels | predicted spans | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 | overlap P (any entity) | ms (all sentences) |')
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
  for (const run of runs) {
    const started = performance.now()
    const predictions = sentences.map((s) => predict(s, run.gazetteer.value))
    const ms = performance.now() - started
    const pairs = sentences.map((s, i) => ({ predicted: predictions[i] ?? [], gold: s.entities.get('Skill') ?? [] }))
    const anyEntity = sentences.map((s, i) => ({ predicted: predictions[i] ?? [], gold: [...s.entities.values()].flat() }))
    const exact = score(pairs, 'exact')
    const overlap = score(pairs, 'overlap')
    const lenient = score(anyEntity, 'overlap')
    console.log(`| ${run.name} (${run.skills} skills) | ${run.gazetteer.value.labelCount} | ${exact.predicted} | ${pct(exact.precision)} | ${pct(exact.recall)} | ${pct(exact.f1)} | ${pct(overlap.precision)} | ${pct(overlap.recall)} | ${pct(overlap.f1)} | ${pct(lenient.precision)} | ${ms.toFixed(0)} |`)
    console.error(`  ${run.name}: gazetteer built in ${run.gazetteer.ms.toFixed(0)} ms`)
    const show = Number(process.env.EXTRACTION_MISSES ?? 0)
    if (show > 0) printExamples(sentences, predictions, show)
  }
  await close()
} finally {
  imported.remove()
}

function predict(sentence: GoldSentence, gazetteer: Gazetteer): Span[] {
  return extractSkills(sentence.text, gazetteer).skills.flatMap((s) => s.mentions.map((m) => ({ start: m.start, end: m.end })))
}

function timed<T>(build: () => T): { value: T; ms: number } {
  const started = performance.now()
  const value = build()
  return { value, ms: performance.now() - started }
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`
}

function printExamples(all: GoldSentence[], predictions: Span[][], count: number): void {
  const missed: string[] = []
  const wrong: string[] = []
  all.forEach((s, i) => {
    const gold = s.entities.get('Skill') ?? []
    const predicted = predictions[i] ?? []
    for (const g of gold) if (!predicted.some((p) => p.start < g.end && g.start < p.end)) missed.push(s.text.slice(g.start, g.end))
    for (const p of predicted) if (!gold.some((g) => p.start < g.end && g.start < p.end)) wrong.push(s.text.slice(p.start, p.end))
  })
  console.error(`  missed (${missed.length}): ${missed.slice(0, count).join(' | ')}`)
  console.error(`  false hits (${wrong.length}): ${wrong.slice(0, count).join(' | ')}`)
}

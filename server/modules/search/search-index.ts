/**
 * Full-text search over one catalog version, held in memory (MiniSearch; bench/search records why).
 * Query terms match whole or as a prefix (from 3 letters); a term that is in no indexed text (whole or
 * as a start) is taken for a typo and matches within one edit from 4 letters, two from 8. All terms
 * must match; only when nothing matches every term are documents matching some of them given.
 * The library's BM25 score orders hits within tiers that put exact matches first:
 *   0 the query is the title (or one of its variants), 1 it is an alternative title or label,
 *   2 the title starts with it, 3 an alternative title starts with it, 4 the title holds every term,
 *   5 everything else.
 */
import MiniSearch, { type Query, type SearchResult } from 'minisearch'
import { buildSearchDocuments, SEARCH_FIELDS, SEARCH_TYPES, type SearchDocument, type SearchFacets, type SearchType } from './search-documents.js'
import { compact, highlight, shorten, STOP_WORDS, tokenize, words, type Segment } from './search-text.js'
import { aliasNames, buildNameTable, titleNames, type NameTable } from './name-table.js'

export const FACET_NAMES = ['type', 'field', 'level', 'provider', 'jobZone', 'kind', 'origin'] as const
export type FacetName = (typeof FACET_NAMES)[number]

export type SearchFilters = Partial<{ type: SearchType[]; field: string; level: string; provider: string; jobZone: number; kind: string; origin: string }>

export interface SearchHit {
  doc: SearchDocument
  score: number
  tier: number
  /** Index terms this document matched, for highlighting. */
  terms: string[]
  /** Which fields each matched term was found in. */
  match: SearchResult['match']
}

export interface SearchOutcome {
  hits: SearchHit[]
  /** Counts per facet value over the hits, each facet ignoring its own filter. */
  facets: Record<FacetName, { value: string; count: number }[]>
  /** false when no document matched every term and the hits match only some. */
  matchedAllTerms: boolean
}

export interface CatalogSearch {
  search(query: string, filters: SearchFilters): SearchOutcome
  documents: readonly SearchDocument[]
}

const TYPE_ORDER: Record<SearchType, number> = { career: 0, skill: 1, credential: 2, resource: 3 }
const FACET_LIMIT = 30

/** How many names a prefix may reach before it stops lifting documents (a one-letter prefix reaches all). */
const PREFIX_CAP = 2000

const MIN_PREFIX = 3
/** Words of a query beyond this are ignored: each may cost a typo-tolerant pass over the vocabulary. */
export const MAX_QUERY_WORDS = 8

const typoDistance = (term: string): number | false => (term.length < 4 ? false : term.length < 8 ? 1 : 2)

/** Builds the index in one go (tests, small catalogs). */
export function createCatalogSearch(documents: SearchDocument[]): CatalogSearch {
  const builder = indexBuilder(documents)
  builder.engine.addAll(documents)
  return builder.finish()
}

/** Builds the index in chunks, yielding to the event loop between them, so a server keeps answering. */
export async function createCatalogSearchAsync(documents: SearchDocument[]): Promise<CatalogSearch> {
  const builder = indexBuilder(documents)
  await builder.engine.addAllAsync(documents, { chunkSize: 500 })
  return builder.finish()
}

function indexBuilder(documents: SearchDocument[]): { engine: MiniSearch<SearchDocument>; finish: () => CatalogSearch } {
  // The vocabulary, collected while indexing: a query term found in it (whole, or as the start of a
  // term for prefixes) is no typo, and only unknown terms are matched with edits allowed.
  const vocabulary = new Set<string>()
  let indexing = true
  const engine = new MiniSearch<SearchDocument>({
    fields: Object.keys(SEARCH_FIELDS),
    storeFields: [],
    tokenize: (text) => {
      const terms = tokenize(text)
      if (indexing) for (const t of terms) vocabulary.add(t)
      return terms
    },
    processTerm: (term) => term,
    extractField: (doc, field) => {
      const value = doc[field as keyof SearchDocument]
      return Array.isArray(value) ? value.join(' \n ') : String(value ?? '')
    },
    searchOptions: {
      boost: SEARCH_FIELDS,
      // Curated pathways are the richest pages: a small lift among equals.
      boostDocument: (id) => (documents[id as number]?.facets.origin === 'catalog' ? 1.25 : 1),
    },
  })
  return { engine, finish: () => searchOver(documents, engine, vocabulary, () => (indexing = false)) }
}

function searchOver(documents: SearchDocument[], engine: MiniSearch<SearchDocument>, vocabulary: Set<string>, done: () => void): CatalogSearch {
  done()
  const sortedVocabulary = [...vocabulary].sort()
  const isKnownPrefix = (term: string): boolean => {
    if (vocabulary.has(term)) return true
    if (term.length < MIN_PREFIX) return false
    let lo = 0
    let hi = sortedVocabulary.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((sortedVocabulary[mid] as string) < term) lo = mid + 1
      else hi = mid
    }
    return sortedVocabulary[lo]?.startsWith(term) ?? false
  }
  const titles = buildNameTable(titleNames(documents))
  const aliases = buildNameTable(aliasNames(documents))

  // Facet values per document as strings, in FACET_NAMES order: counting reads arrays, not objects.
  const facetTable = documents.map((d) => FACET_NAMES.map((name) => (d.facets[name] === null ? null : String(d.facets[name]))))
  const isKnown = (word: string, last: boolean) => (last ? isKnownPrefix(word) : vocabulary.has(word))
  return {
    documents,
    search(query, filters) {
      const variants = queryVariants(query, (t) => vocabulary.has(t))
      const tree = (combineWith: 'AND' | 'OR'): Query => ({
        combineWith: 'OR',
        queries: variants.map((words) => ({
          combineWith,
          queries: words.map((word, i) => {
            // The last word may be unfinished (results as you type): it also matches as a prefix.
            const last = i === words.length - 1
            const known = isKnown(word, last)
            return { queries: [word], prefix: last && word.length >= MIN_PREFIX, fuzzy: known ? false : typoDistance(word) }
          }),
        })),
      })
      let results = variants.length === 0 ? [] : engine.search(tree('AND'))
      const matchedAllTerms = results.length > 0 || (variants[0]?.length ?? 0) <= 1
      if (results.length === 0 && variants.length > 0) results = engine.search(tree('OR'))
      // A query with typos is also judged as the words it was taken for, for exact matches only
      // ("sofware engineer" is the alternative title "Software Engineer"); prefixes of a guess would
      // lift too much ("electrican" must not become every title starting "electrical").
      const guess = corrected(variants[0] ?? [], results, isKnown)
      const exact = (table: NameTable) => {
        const found = table.exact(query)
        if (guess !== query) for (const id of table.exact(guess)) found.add(id)
        return found
      }
      const lifted = compact(query).length >= 2
      const tiers = [
        exact(titles), exact(aliases),
        lifted ? titles.startingWith(query, PREFIX_CAP) : new Set<number>(),
        lifted ? aliases.startingWith(query, PREFIX_CAP) : new Set<number>(),
      ]
      const all: SearchHit[] = []
      for (const r of results) {
        const doc = documents[r.id as number]
        if (!doc) continue
        let tier = 0
        while (tier < tiers.length && !(tiers[tier] as Set<number>).has(doc.id)) tier++
        if (tier === tiers.length) tier = titleHasEveryWord(r, variants) ? 4 : 5
        all.push({ doc, score: r.score, tier, terms: r.terms, match: r.match })
      }
      all.sort(compareHits)
      const facets = countFacets(all, filters, facetTable)
      return { hits: hasFilters(filters) ? all.filter((h) => passes(h.doc.facets, filters)) : all, facets, matchedAllTerms }
    },
  }
}

/**
 * The query's words, and (when it differs) the same with neighbouring words joined where the joined
 * word is indexed: "back end developer" also reads "backend developer". Compounds in the query
 * ("back-end") are split like any other words, so both readings cover them.
 */
export function queryVariants(query: string, indexed: (term: string) => boolean): string[][] {
  const split = words(query).filter((w, _, all) => all.length === 1 || !STOP_WORDS.has(w)).slice(0, MAX_QUERY_WORDS)
  if (split.length === 0) return []
  const joined: string[] = []
  for (let i = 0; i < split.length; i++) {
    const pair = `${split[i]}${split[i + 1] ?? ''}`
    if (i + 1 < split.length && indexed(pair)) {
      joined.push(pair)
      i++
    } else joined.push(split[i] as string)
  }
  return joined.length === split.length ? [split] : [split, joined]
}

/**
 * The query with each word no indexed text contains replaced by the matched term within its typo
 * distance that the most hits share: the words the query was taken for.
 */
function corrected(words: readonly string[], results: readonly SearchResult[], known: (word: string, last: boolean) => boolean): string {
  return words.map((word, i) => {
    if (known(word, i === words.length - 1) || !typoDistance(word)) return word
    const counts = new Map<string, number>()
    for (const r of results) {
      for (const term of r.terms) if (withinEdits(word, term, typoDistance(word) || 0)) counts.set(term, (counts.get(term) ?? 0) + 1)
    }
    let best = word
    let most = 0
    for (const [term, count] of counts) if (count > most) [best, most] = [term, count]
    return best
  }).join(' ')
}

/**
 * Whether, in one reading of the query, every word matched a title term: the term itself, a term it
 * starts (the last word, as typed) or a term within the word's typo distance.
 */
function titleHasEveryWord(result: SearchResult, variants: readonly string[][]): boolean {
  const titleTerms: string[] = []
  for (const term in result.match) if ((result.match[term] as string[]).includes('title')) titleTerms.push(term)
  if (titleTerms.length === 0) return false
  return variants.some((words) => words.every((word, i) => titleTerms.some((term) =>
    term === word || (i === words.length - 1 && term.startsWith(word)) || withinEdits(word, term, typoDistance(word) || 0))))
}

/** Levenshtein distance at most `max` (bounded: gives up once every cell of a row exceeds it). */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (max <= 0 || Math.abs(a.length - b.length) > max) return false
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost)
      current.push(value)
      if (value < best) best = value
    }
    if (best > max) return false
    previous = current
  }
  return (previous[b.length] as number) <= max
}

export function buildCatalogSearch(index: Parameters<typeof buildSearchDocuments>[0]): CatalogSearch {
  return createCatalogSearch(buildSearchDocuments(index))
}

function compareHits(a: SearchHit, b: SearchHit): number {
  return a.tier - b.tier || b.score - a.score || TYPE_ORDER[a.doc.type] - TYPE_ORDER[b.doc.type] ||
    a.doc.title.length - b.doc.title.length || a.doc.id - b.doc.id
}

function facetValue(facets: SearchFacets, name: FacetName): string | null {
  const value = facets[name]
  return value === null ? null : String(value)
}

const hasFilters = (filters: SearchFilters): boolean => FACET_NAMES.some((name) => filters[name] !== undefined)

function passes(facets: SearchFacets, filters: SearchFilters, except?: FacetName): boolean {
  for (const name of FACET_NAMES) {
    if (name === except) continue
    const wanted = filters[name]
    if (wanted === undefined) continue
    if (name === 'type') {
      if (!(wanted as SearchType[]).includes(facets.type)) return false
    } else if (name === 'jobZone' || name === 'level' || name === 'kind' || name === 'origin') {
      if (facetValue(facets, name) !== String(wanted)) return false
    } else if (!sameLabel(facetValue(facets, name), String(wanted))) return false
  }
  return true
}

/** Field and provider filters accept the label or its slug. */
const sameLabel = (value: string | null, wanted: string): boolean =>
  value !== null && (value === wanted || compact(value) === compact(wanted))

function countFacets(hits: readonly SearchHit[], filters: SearchFilters, table: readonly (string | null)[][]): SearchOutcome['facets'] {
  const filtered = hasFilters(filters)
  const counts = FACET_NAMES.map(() => new Map<string, number>())
  for (const { doc } of hits) {
    const row = table[doc.id] as (string | null)[]
    for (let f = 0; f < FACET_NAMES.length; f++) {
      const value = row[f]
      if (value === null || value === undefined) continue
      if (filtered && !passes(doc.facets, filters, FACET_NAMES[f])) continue
      const map = counts[f] as Map<string, number>
      map.set(value, (map.get(value) ?? 0) + 1)
    }
  }
  const out = {} as SearchOutcome['facets']
  FACET_NAMES.forEach((name, f) => {
    const order = name === 'type'
      ? (a: [string, number], b: [string, number]) => TYPE_ORDER[a[0] as SearchType] - TYPE_ORDER[b[0] as SearchType]
      : (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)
    out[name] = [...(counts[f] as Map<string, number>)].sort(order).slice(0, FACET_LIMIT).map(([value, count]) => ({ value, count }))
  })
  return out
}

export interface PresentedHit {
  type: SearchType
  key: string
  title: string
  snippet: string
  highlight: { title: Segment[]; snippet: Segment[] }
  matchedOn: 'title' | 'alias' | 'other'
}

const SNIPPET_LENGTH = 160

/**
 * A hit as the API and page show it: the title with its matched words marked, and a snippet — the
 * matching alternative title when that is what matched, otherwise the summary.
 */
export function presentHit({ doc, terms, match }: SearchHit): PresentedHit {
  const aliasMatched = Object.values(match).some((fields) => fields.includes('aliases'))
  const titleMarks = highlight(doc.title, terms)
  const titleScore = matchedWords(titleMarks)
  // The alternative title that matched more of the query than the title did, if any. Some occupations
  // have thousands: only those containing a matched term are highlighted, and a full match ends the search.
  let alias: string | undefined
  let aliasScore = titleScore
  if (aliasMatched) {
    for (const candidate of doc.aliases) {
      const flat = compact(candidate)
      if (!terms.some((t) => flat.includes(t))) continue
      const score = matchedWords(highlight(candidate, terms))
      if (score > aliasScore) {
        alias = candidate
        aliasScore = score
        if (score >= terms.length) break
      }
    }
  }
  const snippet = alias !== undefined
    ? `${doc.type === 'career' ? 'Also called' : 'Also known as'}: ${alias}`
    : shorten(doc.summary ?? describe(doc), SNIPPET_LENGTH)
  return {
    type: doc.type, key: doc.key, title: doc.title, snippet,
    highlight: { title: titleMarks, snippet: highlight(snippet, terms) },
    matchedOn: alias !== undefined ? 'alias' : titleScore > 0 ? 'title' : 'other',
  }
}

const matchedWords = (segments: readonly Segment[]): number =>
  segments.reduce((n, s) => (s.match ? n + (s.text.match(/[\p{L}\p{N}+#]+/gu)?.length ?? 0) : n), 0)

function describe(doc: SearchDocument): string {
  const f = doc.facets
  const parts = [f.kind, f.level, f.provider, f.field].filter((p): p is string => p !== null)
  return parts.length > 0 ? parts.join(' · ') : doc.type
}

export { SEARCH_TYPES }

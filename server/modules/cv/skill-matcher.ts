/**
 * Finds the catalog skill an imported CV means by a skill name, built once per catalog version.
 *
 * - exact label: the name, normalised, equals a skill's own name;
 * - alternative label: it equals one of a skill's alternative labels;
 * - fuzzy match: the best label by the Jaccard similarity of character trigrams, at least
 *   FUZZY_THRESHOLD. Normalising lower-cases, folds accents, keeps letters, digits, `+` and `#`
 *   (so "C++" and "C#" stay apart) and turns everything else into one space; trigrams are taken over
 *   the normalised text padded with a space at each end, so short words and word starts count.
 *
 * Where several skills share a label or a score, curated skills come first, then ESCO, then O*NET,
 * then the shorter label. Candidates come from an inverted index of trigrams, so a lookup reads only
 * labels that share at least one trigram with the input.
 */
import { fromJson } from '../../platform/db/json.js'
import type { CatalogIndex } from '../careers/index.js'

export const FUZZY_THRESHOLD = 0.5
/** Index entries one fuzzy lookup reads before it stops taking more trigrams (see candidates). */
const MAX_SCANNED = 5_000
/** Labels scored exactly when some trigrams were left unread. */
const RESCORED = 200
/** Longer inputs are phrases or sentences, not skill names: no fuzzy lookup. */
export const MAX_FUZZY_INPUT = 80

/** Whether an ascending list holds a value (binary search). */
function contains(list: readonly number[], value: number): boolean {
  let lo = 0
  let hi = list.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const at = list[mid] as number
    if (at === value) return true
    if (at < value) lo = mid + 1
    else hi = mid - 1
  }
  return false
}
/** Alternatives shown beside a mapping score at least this much. */
export const ALTERNATIVE_THRESHOLD = 0.3

export type Taxonomy = 'curated' | 'esco' | 'onet'

export interface MatchedSkill {
  id: string
  name: string
  taxonomy: Taxonomy
  uri?: string
}

export interface SkillMatch {
  skill: MatchedSkill
  reason: 'exact label' | 'alternative label' | 'fuzzy match'
  score: number
  alternatives: (MatchedSkill & { score: number })[]
}

interface Label { text: string; skill: number; preferred: boolean }

interface Matcher {
  skills: MatchedSkill[]
  rank: number[]
  byId: Map<string, number>
  byEsco: Map<string, number>
  byOnet: Map<string, number>
  exact: Map<string, { skill: number; preferred: boolean }>
  labels: Label[]
  grams: Map<string, number[]>
  gramCount: number[]
}

const TAXONOMY: Record<string, Taxonomy> = { catalog: 'curated', esco: 'esco', onet: 'onet' }
const RANK: Record<Taxonomy, number> = { curated: 0, esco: 1, onet: 2 }

/** "Node.JS (runtime)" → "node js runtime"; "C++" keeps its pluses. */
export function normaliseLabel(label: string): string {
  return label.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}+#]+/gu, ' ').trim()
}

/** The set of character trigrams of a normalised label, padded with a space at each end. */
export function trigrams(normalised: string): Set<string> {
  const padded = ` ${normalised} `
  const grams = new Set<string>()
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3))
  return grams
}

/** Jaccard similarity of two labels' trigram sets, 0–1 (1: the same normalised text). */
export function similarity(a: string, b: string): number {
  const x = trigrams(normaliseLabel(a))
  const y = trigrams(normaliseLabel(b))
  let shared = 0
  for (const g of x) if (y.has(g)) shared++
  const union = x.size + y.size - shared
  return union === 0 ? 0 : shared / union
}

const matcherOf = (index: CatalogIndex): Matcher => index.derived('cv-import-matcher', (built) => {
  const m: Matcher = { skills: [], rank: [], byId: new Map(), byEsco: new Map(), byOnet: new Map(), exact: new Map(), labels: [], grams: new Map(), gramCount: [] }
  const rows = [...built.rows.skills].sort((a, b) => RANK[TAXONOMY[a.origin] ?? 'onet'] - RANK[TAXONOMY[b.origin] ?? 'onet'])
  for (const row of rows) {
    const taxonomy = TAXONOMY[row.origin] ?? 'onet'
    const n = m.skills.push({ id: row.id, name: row.name, taxonomy, ...(row.esco_uri ? { uri: row.esco_uri } : {}) }) - 1
    m.rank.push(RANK[taxonomy])
    m.byId.set(row.id, n)
    if (row.esco_uri && !m.byEsco.has(row.esco_uri)) m.byEsco.set(row.esco_uri, n)
    if (row.onet_element && row.kind !== 'technology' && !m.byOnet.has(row.onet_element)) m.byOnet.set(row.onet_element, n)
    const labels = [row.name, ...fromJson<string[]>(row.alt_labels, [])]
    labels.forEach((label, i) => {
      const text = normaliseLabel(label)
      if (!text) return
      const preferred = i === 0
      const seen = m.exact.get(text)
      // A skill's own name outranks another skill's alternative label.
      if (!seen || (preferred && !seen.preferred)) m.exact.set(text, { skill: n, preferred })
      const at = m.labels.push({ text, skill: n, preferred }) - 1
      const grams = trigrams(text)
      m.gramCount.push(grams.size)
      for (const g of grams) {
        const list = m.grams.get(g)
        if (list) list.push(at)
        else m.grams.set(g, [at])
      }
    })
  }
  return m
})

export interface SkillMatcher {
  /** A skill by catalog id, ESCO URI or O*NET element (our own `x-pathways` fields). */
  byTaxonomyId(ids: { id?: unknown; esco?: unknown; onet?: unknown }): MatchedSkill | undefined
  /** A skill by catalog id, ESCO URI, O*NET element or any label (an accepted mapping). */
  resolve(key: string): MatchedSkill | undefined
  /** Whether a name is exactly some skill's name or alternative label (no fuzzy lookup). */
  exact(input: string): boolean
  /** The best label match for a name, or undefined below the fuzzy threshold. */
  match(input: string): SkillMatch | undefined
  /** Fuzzy candidates, best first, one per skill. */
  candidates(input: string, limit: number, floor: number): (MatchedSkill & { score: number })[]
}

export function skillMatcher(index: CatalogIndex): SkillMatcher {
  const m = matcherOf(index)
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '')
  const at = (n: number | undefined) => (n === undefined ? undefined : m.skills[n])

  function candidates(input: string, limit: number, floor: number): (MatchedSkill & { score: number })[] {
    const normalised = normaliseLabel(input)
    if (normalised.length > MAX_FUZZY_INPUT) return []
    const grams = trigrams(normalised)
    // Rarest trigrams first, reading at most MAX_SCANNED index entries: a public import must not let a
    // list of made-up names walk the whole vocabulary (a common trigram such as "ing" is in tens of
    // thousands of labels). Trigrams left unread are counted exactly afterwards, for the best
    // RESCORED labels only, by binary search in their (ascending) lists.
    const lists = [...grams].map((g) => m.grams.get(g) ?? []).sort((a, b) => a.length - b.length)
    const partial = new Map<number, number>()
    let scanned = 0
    let read = 0
    for (const list of lists) {
      if (read > 0 && scanned + list.length > MAX_SCANNED) break
      for (const label of list) partial.set(label, (partial.get(label) ?? 0) + 1)
      scanned += list.length
      read++
    }
    const unread = lists.slice(read)
    const shared = new Map<number, number>()
    const ranked = unread.length === 0 ? [...partial] : [...partial].sort((a, b) => b[1] - a[1]).slice(0, RESCORED)
    for (const [label, count] of ranked) shared.set(label, count + unread.filter((list) => contains(list, label)).length)
    const best = new Map<number, { score: number; length: number }>()
    for (const [label, count] of shared) {
      const score = count / (grams.size + (m.gramCount[label] ?? 0) - count)
      if (score < floor) continue
      const l = m.labels[label] as Label
      const seen = best.get(l.skill)
      if (!seen || score > seen.score) best.set(l.skill, { score, length: l.text.length })
    }
    return [...best.entries()]
      .sort(([a, x], [b, y]) => y.score - x.score || (m.rank[a] ?? 9) - (m.rank[b] ?? 9) || x.length - y.length)
      .slice(0, limit)
      .map(([n, { score }]) => ({ ...(m.skills[n] as MatchedSkill), score: Math.round(score * 1000) / 1000 }))
  }

  return {
    candidates,
    exact: (input) => m.exact.has(normaliseLabel(input)),
    byTaxonomyId(ids) {
      const esco = text(ids.esco).replace(/^https:/i, 'http:')
      return at(m.byId.get(text(ids.id))) ?? at(m.byEsco.get(esco)) ?? at(m.byOnet.get(text(ids.onet)))
    },
    resolve(key) {
      const k = key.trim()
      return at(m.byId.get(k)) ?? at(m.byEsco.get(k.replace(/^https:/i, 'http:'))) ?? at(m.byOnet.get(k)) ?? at(m.exact.get(normaliseLabel(k))?.skill)
    },
    match(input) {
      const exact = m.exact.get(normaliseLabel(input))
      const found = candidates(input, 4, ALTERNATIVE_THRESHOLD)
      if (exact) {
        const skill = m.skills[exact.skill] as MatchedSkill
        return { skill, reason: exact.preferred ? 'exact label' : 'alternative label', score: 1, alternatives: found.filter((c) => c.id !== skill.id).slice(0, 3) }
      }
      const [top, ...rest] = found
      if (!top || top.score < FUZZY_THRESHOLD) return undefined
      const { score, ...skill } = top
      return { skill, reason: 'fuzzy match', score, alternatives: rest.slice(0, 3) }
    },
  }
}

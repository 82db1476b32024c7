/**
 * The queries both search benchmarks use: a labelled set with the answer a person would expect, and a
 * fixed mix of the kinds of queries people type — exact titles, alternative titles, prefixes as typed,
 * typos, skill labels and occupation codes.
 */
import type { SearchDocument } from '../../server/modules/search/search-documents.js'

export interface Labelled {
  q: string
  /** The expected document must be among the first `k` results. */
  k: number
  expect: string
  ok: (doc: SearchDocument) => boolean
}

const key = (k: string) => (d: SearchDocument) => d.key === k
const keys = (...ks: string[]) => (d: SearchDocument) => ks.includes(d.key)
const titled = (type: SearchDocument['type'], pattern: RegExp) => (d: SearchDocument) => d.type === type && pattern.test(d.title)

export const LABELLED: Labelled[] = [
  // Exact titles and alternative titles
  { q: 'back end developer', k: 1, expect: 'back-end-developer first', ok: key('back-end-developer') },
  { q: 'Software Developers', k: 1, expect: 'software-developers first', ok: key('software-developers') },
  { q: 'registered nurse', k: 1, expect: 'registered-nurses first', ok: key('registered-nurses') },
  { q: 'data scientist', k: 1, expect: 'data-scientist(s) first', ok: keys('data-scientist', 'data-scientists') },
  { q: 'web developer', k: 1, expect: 'web-developer(s) first', ok: keys('web-developer', 'web-developer-esco', 'web-developers') },
  { q: 'graphic designer', k: 1, expect: 'graphic-designer(s) first', ok: keys('graphic-designer', 'graphic-designers') },
  { q: 'cyber security analyst', k: 3, expect: 'information-security-analysts in top 3 (alternative title)', ok: key('information-security-analysts') },
  { q: 'backend dev', k: 3, expect: 'back-end-developer in top 3', ok: key('back-end-developer') },
  // Skills and skill alternative labels
  { q: 'kubernetes', k: 1, expect: 'a skill named Kubernetes first', ok: titled('skill', /^kubernetes$/i) },
  { q: 'javascript', k: 1, expect: 'a skill named JavaScript first', ok: titled('skill', /^javascript$/i) },
  { q: 'java', k: 1, expect: 'a skill named Java first', ok: titled('skill', /^java( \(computer programming\))?$/i) },
  { q: 'General Data Protection Regulation', k: 1, expect: 'the ESCO skill GDPR first (its alternative label)', ok: titled('skill', /^GDPR$/) },
  { q: 'container orchestration', k: 1, expect: 'the skill Kubernetes first (its alternative label)', ok: key('kubernetes') },
  { q: 'Ruby lang', k: 1, expect: 'ESCO "Ruby (computer programming)" first (its alternative label)', ok: key('esco:0ccdfe98-f845-4598-84a1-3dca66e9d9a3') },
  // Prefixes as typed
  { q: 'data sc', k: 3, expect: 'data-scientist(s) in top 3', ok: keys('data-scientist', 'data-scientists') },
  { q: 'data anal', k: 3, expect: 'data-analyst in top 3', ok: key('data-analyst') },
  { q: 'electrici', k: 3, expect: 'a career titled …electrician(s) in top 3', ok: titled('career', /electricians?$/i) },
  // Typos
  { q: 'devloper', k: 5, expect: 'a career titled …Developer in top 5', ok: titled('career', /developers?\b/i) },
  { q: 'sofware engineer', k: 5, expect: 'software-developer(s) in top 5 (alternative title "Software Engineer")', ok: keys('software-developers', 'software-developer') },
  { q: 'nurce', k: 5, expect: 'a career titled …nurse in top 5', ok: titled('career', /\bnurses?\b/i) },
  { q: 'acountant', k: 3, expect: 'a career titled …accountant(s) in top 3', ok: titled('career', /accountants?\b/i) },
  { q: 'electrican', k: 3, expect: 'a career titled …electrician(s) in top 3', ok: titled('career', /electricians?$/i) },
  { q: 'machine lerning', k: 3, expect: 'the skill "machine learning" in top 3', ok: titled('skill', /^machine learning$/i) },
  { q: 'registred nurse', k: 3, expect: 'registered-nurses in top 3', ok: key('registered-nurses') },
  { q: 'project manger', k: 3, expect: 'project-manager in top 3', ok: key('project-manager') },
  { q: 'phisiotherapist', k: 3, expect: 'physiotherapist in top 3', ok: key('physiotherapist') },
  { q: 'mechanical engeneer', k: 3, expect: 'mechanical-engineer(s) in top 3', ok: keys('mechanical-engineer', 'mechanical-engineers') },
  { q: 'pyhton', k: 3, expect: 'a skill named Python in top 3 (swapped letters)', ok: titled('skill', /^python\b/i) },
  // Codes
  { q: '15-1252', k: 5, expect: 'a career with SOC 15-1252 in top 5', ok: (d) => d.type === 'career' && /\b15-1252\b/.test(d.extra) },
]

/** What people type, for latency: the labelled queries and more of each kind (48 in all). */
export const QUERY_MIX: string[] = [
  ...LABELLED.map((l) => l.q),
  'nurse', 'teacher', 'python', 'sql', 'plumber', 'welder', 'truck driver', 'ux designer', 'front end',
  'pharmacist', 'dat', 'softw', 'mana', 'customer service', 'marketing manager', 'civil engineer',
  '2512', 'esco', 'accountant',
]

/** For HTTP: the mix plus more of the same kinds, 62 distinct queries. */
export const HTTP_MIX: string[] = [
  ...QUERY_MIX,
  'electrician', 'chef', 'mechanic', 'data analyst', 'project management', 'sales', 'lawyer', 'cloud engineer',
  'devops', 'machine learning', 'excel', 'architekt', 'dental hygienist', 'react',
]

/** A small deterministic generator, so every run asks the same queries. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Queries as people type them, from the catalog's own names: whole titles and alternative titles,
 * titles cut short while typing, titles with one letter wrong (dropped, doubled, swapped or replaced),
 * and skill names; at most four words, shuffled.
 */
export function generatedQueries(docs: SearchDocument[], count: number, exclude: Set<string>): string[] {
  const rnd = random(4)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T
  const careers = docs.filter((d) => d.type === 'career')
  const aliased = careers.filter((c) => c.aliases.length > 0)
  const skills = docs.filter((d) => d.type === 'skill' && d.title.split(/\s+/).length <= 4)
  const short = (text: string) => text.toLowerCase().replace(/[(),]/g, ' ').split(/\s+/).filter(Boolean).slice(0, 4).join(' ')
  const typed = (text: string) => {
    const words = short(text).split(' ')
    const n = 1 + Math.floor(rnd() * words.length)
    const last = words[n - 1] as string
    return [...words.slice(0, n - 1), last.slice(0, Math.min(last.length, 2 + Math.ceil(rnd() * (last.length - 1))))].join(' ')
  }
  const typo = (text: string) => {
    const words = short(text).split(' ')
    const at = words.findIndex((w) => w.length >= 5)
    if (at < 0) return text.toLowerCase()
    const w = words[at] as string
    const i = 1 + Math.floor(rnd() * (w.length - 2))
    const letter = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rnd() * 26)] as string
    const edits = [
      () => w.slice(0, i) + w.slice(i + 1), // dropped
      () => w.slice(0, i) + w[i] + w.slice(i), // doubled
      () => w.slice(0, i - 1) + w[i] + w[i - 1] + w.slice(i + 1), // swapped
      () => w.slice(0, i) + letter + w.slice(i + 1), // replaced
    ]
    words[at] = pick(edits)()
    return words.join(' ')
  }
  const kinds = [
    () => short(pick(careers).title),
    () => short(pick(pick(aliased).aliases)),
    () => typed(pick(careers).title),
    () => typed(pick(pick(aliased).aliases)),
    () => typo(pick(careers).title),
    () => typo(pick(pick(aliased).aliases)),
    () => short(pick(skills).title),
    () => typed(pick(skills).title),
  ]
  const out = new Set<string>()
  for (let tries = 0; out.size < count && tries < count * 20; tries++) {
    const q = pick(kinds)().trim()
    if (q.length >= 2 && !exclude.has(q)) out.add(q)
  }
  if (out.size < count) throw new Error(`only ${out.size} distinct queries generated`)
  return [...out]
}

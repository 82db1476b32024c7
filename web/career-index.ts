/**
 * The list of every career, pure: sorted A to Z once per catalog version, cut into pages, with the
 * page each initial letter starts on so a reader can jump to "R" without paging through.
 */
import type { CareerSummary } from '../shared/schemas.js'

export const PAGE_SIZE = 100

export interface IndexPage {
  page: number
  pageCount: number
  total: number
  /** 0-based position of the first career on the page in the whole list. */
  offset: number
  careers: readonly CareerSummary[]
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })
const sorted = new WeakMap<readonly CareerSummary[], readonly CareerSummary[]>()

/** Every career by title, case-insensitively (ESCO titles are lower case); slug breaks ties. Cached per list. */
export function sortedCareers(summaries: readonly CareerSummary[]): readonly CareerSummary[] {
  const hit = sorted.get(summaries)
  if (hit) return hit
  const list = [...summaries].sort((a, b) => collator.compare(a.title, b.title) || a.slug.localeCompare(b.slug))
  sorted.set(summaries, list)
  return list
}

export const pageCountOf = (total: number, size = PAGE_SIZE): number => Math.max(1, Math.ceil(total / size))

/**
 * The page number a `?page=` value asks for, or null when it names no page: not a positive whole
 * number written plainly (`1`, not `01`, `1.0` or `-1`), or beyond the last page. No value is page 1.
 */
export function parsePage(raw: unknown, total: number, size = PAGE_SIZE): number | null {
  if (raw === undefined) return 1
  if (typeof raw !== 'string' || !/^[1-9]\d{0,6}$/.test(raw)) return null
  const page = Number(raw)
  return page <= pageCountOf(total, size) ? page : null
}

export function indexPage(summaries: readonly CareerSummary[], page: number, size = PAGE_SIZE): IndexPage {
  const all = sortedCareers(summaries)
  const offset = (page - 1) * size
  return { page, pageCount: pageCountOf(all.length, size), total: all.length, offset, careers: all.slice(offset, offset + size) }
}

/** The letter a title files under: A–Z, or `#` for titles that start with a digit or symbol. */
export function initialOf(title: string): string {
  const first = title.trim().normalize('NFD').charAt(0).toUpperCase()
  return /[A-Z]/.test(first) ? first : '#'
}

/** For each initial present, the page its first career is on, in A–Z order (`#` first). */
export function letterPages(summaries: readonly CareerSummary[], size = PAGE_SIZE): { letter: string; page: number }[] {
  const out: { letter: string; page: number }[] = []
  sortedCareers(summaries).forEach((career, i) => {
    const letter = initialOf(career.title)
    if (!out.some((l) => l.letter === letter)) out.push({ letter, page: Math.floor(i / size) + 1 })
  })
  return out
}

/** Anchor id of the first career under a letter on its page. */
export const letterAnchor = (letter: string): string => (letter === '#' ? 'letter-other' : `letter-${letter.toLowerCase()}`)

/**
 * Page numbers to link around the current one: the first, the last and two either side, with null
 * where a run is left out ("1 … 4 5 6 7 8 … 41").
 */
export function pageWindow(page: number, pageCount: number, around = 2): (number | null)[] {
  const wanted = new Set([1, pageCount])
  for (let p = page - around; p <= page + around; p += 1) if (p >= 1 && p <= pageCount) wanted.add(p)
  const pages = [...wanted].sort((a, b) => a - b)
  const out: (number | null)[] = []
  pages.forEach((p, i) => {
    const prev = pages[i - 1]
    if (prev !== undefined && p - prev > 1) out.push(p - prev === 2 ? p - 1 : null)
    out.push(p)
  })
  return out
}

/** Counts by origin, for the home page's "1,016 O*NET occupations" line. */
export function countByOrigin(summaries: readonly CareerSummary[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const s of summaries) counts.set(s.origin, (counts.get(s.origin) ?? 0) + 1)
  return counts
}

export const careersHref = (page: number): string => (page === 1 ? '/careers' : `/careers?page=${page}`)

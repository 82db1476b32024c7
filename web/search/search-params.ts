/**
 * The search page's address, pure: reading `?q=…&type=…&cursor=…` into a query the search service
 * takes (with the same limits as GET /api/v1/search, so the page refuses what the API refuses), and
 * writing the addresses of facet links, filter removal and the next page.
 */
import type { SearchQuery } from '../../server/modules/search/index.js'
import { SEARCH_HREF, withQuery } from '../links.js'

/** Results per page of the search page. */
export const SEARCH_PAGE_SIZE = 20

/** The filters, in the order the page lists them. */
export const FILTERS = ['type', 'field', 'jobZone', 'level', 'provider', 'kind', 'origin'] as const
export type FilterName = (typeof FILTERS)[number]
export type Filters = Partial<Record<FilterName, string>>

export interface SearchPageQuery {
  /** What was typed, trimmed; empty when the page is opened without a search. */
  q: string
  filters: Filters
  cursor?: string
}

export type ParsedSearch = { ok: true; query: SearchPageQuery } | { ok: false; problems: string[] }

const TYPE = /^(career|skill|credential|resource)(,(career|skill|credential|resource))*$/
const RULES: Record<FilterName, { valid: (v: string) => boolean; expects: string }> = {
  type: { valid: (v) => TYPE.test(v), expects: 'career, skill, credential or resource' },
  field: { valid: (v) => v.length <= 120, expects: 'a field name of at most 120 characters' },
  jobZone: { valid: (v) => /^[1-5]$/.test(v), expects: 'a job zone from 1 to 5' },
  level: { valid: (v) => v.length <= 120, expects: 'a level of at most 120 characters' },
  provider: { valid: (v) => v.length <= 120, expects: 'a provider name of at most 120 characters' },
  kind: { valid: (v) => v.length <= 120, expects: 'a kind of at most 120 characters' },
  origin: { valid: (v) => ['catalog', 'onet', 'esco'].includes(v), expects: 'catalog, onet or esco' },
}

/** A query value as one string: repeated parameters keep the first, anything else is absent. */
function one(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' ? first : undefined
}

/** Reads the page's query; unknown parameters are ignored, bad values named in `problems`. */
export function parseSearchParams(raw: Readonly<Record<string, unknown>>): ParsedSearch {
  const problems: string[] = []
  const q = (one(raw.q) ?? '').trim()
  if (q.length > 200) problems.push('The search is longer than 200 characters; use fewer words.')
  const filters: Filters = {}
  for (const name of FILTERS) {
    const value = one(raw[name])?.trim()
    if (value === undefined || value === '') continue
    if (RULES[name].valid(value)) filters[name] = value
    else problems.push(`The filter “${name}” must be ${RULES[name].expects}.`)
  }
  const cursor = one(raw.cursor)
  if (cursor !== undefined && (cursor === '' || cursor.length > 200)) problems.push('The “next page” link is not one this site made.')
  if (problems.length > 0) return { ok: false, problems }
  return { ok: true, query: { q, filters, ...(cursor ? { cursor } : {}) } }
}

/** The search service's query for a page (q must not be empty). */
export function serviceQuery(query: SearchPageQuery, limit = SEARCH_PAGE_SIZE): SearchQuery {
  const { type, field, jobZone, level, provider, kind, origin } = query.filters
  return {
    q: query.q, limit,
    ...(type ? { type } : {}), ...(field ? { field } : {}), ...(jobZone ? { jobZone: Number(jobZone) } : {}),
    ...(level ? { level } : {}), ...(provider ? { provider } : {}), ...(kind ? { kind } : {}),
    // Checked above to be one of catalog | onet | esco.
    ...(origin ? { origin: origin as SearchQuery['origin'] } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  }
}

/** The page's address with the filters given, always from the first page (a new filter restarts the list). */
export function searchHref(q: string, filters: Filters, cursor?: string): string {
  return withQuery(SEARCH_HREF, { q, ...Object.fromEntries(FILTERS.map((name) => [name, filters[name]])), cursor })
}

/** The address with one filter set to a value, or removed when `value` is null. */
export function withFilter(query: SearchPageQuery, name: FilterName, value: string | null): string {
  const filters: Filters = { ...query.filters }
  if (value === null) delete filters[name]
  else filters[name] = value
  return searchHref(query.q, filters)
}

/** A key that names the same page for the same query, whatever order the parameters came in. */
export const searchPageKey = (query: SearchPageQuery): string => searchHref(query.q, query.filters, query.cursor)

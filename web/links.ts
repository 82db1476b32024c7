/**
 * Addresses of the public pages, pure. Every path segment taken from data is percent-encoded, so a
 * skill id with a colon or a field code with a slash (`information-technology/software`) stays one
 * segment; Fastify decodes it again on the route.
 */
import type { SearchItem } from '../shared/schemas.js'

const seg = encodeURIComponent

export const careerHref = (slug: string): string => `/careers/${seg(slug)}`
export const relatedHref = (slug: string): string => `/careers/${seg(slug)}/related`
export const skillHref = (id: string): string => `/browse/skills/${seg(id)}`
export const credentialHref = (id: string): string => `/credentials/${seg(id)}`
export const resourceHref = (id: string): string => `/resources/${seg(id)}`
export const interestHref = (code: string): string => `/browse/interests/${seg(code.toUpperCase())}`
export const fieldSystemHref = (system: string): string => `/browse/fields/${seg(system)}`
export const fieldGroupHref = (system: string, code: string): string => `/browse/fields/${seg(system)}/${seg(code)}`
export const BROWSE_HREF = '/browse'
export const SEARCH_HREF = '/search'
export const COMPARE_HREF = '/compare'

/** `/compare?careers=a,b`; slugs never contain a comma (they are lower-case words and hyphens). */
export const compareHref = (slugs: readonly string[]): string =>
  slugs.length === 0 ? COMPARE_HREF : `${COMPARE_HREF}?careers=${slugs.map(seg).join(',')}`

/**
 * A path with a query string built from the entries that have a value, in the order given, so the
 * same page always gets the same address (and the same cached copy).
 */
export function withQuery(path: string, params: Readonly<Record<string, string | number | null | undefined>>): string {
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(name, String(value))
  }
  const text = query.toString()
  return text === '' ? path : `${path}?${text}`
}

/** The page of a search result: the career, the careers that need a skill, or the credential or resource. */
export function searchItemHref(item: Pick<SearchItem, 'type' | 'slug' | 'id'>): string {
  const key = item.slug ?? item.id ?? ''
  switch (item.type) {
    case 'career': return careerHref(key)
    case 'skill': return skillHref(key)
    case 'credential': return credentialHref(key)
    case 'resource': return resourceHref(key)
  }
}

/**
 * Search over the current catalog version. The index is built once per version (on the first search,
 * or ahead of time by `warm`) and answers are kept as bytes per query, so a repeated query — the
 * common case while people type — costs a map lookup.
 */
import type * as S from '../../../shared/schemas.js'
import type { CatalogService } from '../catalog/index.js'
import type { CatalogIndex } from '../careers/index.js'
import { paginate } from '../careers/pagination.js'
import type { CursorCodec } from '../../platform/http/cursor.js'
import { createVersionedCache } from '../../platform/http/response-cache.js'
import type { CachedBody } from '../../platform/http/cached-response.js'
import { buildCatalogSearch, createCatalogSearchAsync, presentHit, type CatalogSearch, type SearchFilters } from './search-index.js'
import { buildSearchDocuments, type SearchType } from './search-documents.js'
import type { SearchQuery } from './search.schema.js'

/** Distinct queries whose answers are kept (a few kB each). */
const CACHED_ANSWERS = 2000

export const catalogSearchOf = (index: CatalogIndex): CatalogSearch => index.derived('search', buildCatalogSearch)

/** Builds a catalog version's search index in chunks (the server keeps answering) and attaches it. */
export async function warmSearch(index: CatalogIndex): Promise<void> {
  const built = await createCatalogSearchAsync(buildSearchDocuments(index))
  index.derived('search', () => built)
}

export function createSearchService({ catalog, cursors }: { catalog: CatalogService; cursors: CursorCodec }) {
  catalog.addWarmer(warmSearch)
  const answers = createVersionedCache({ maxEntries: CACHED_ANSWERS, effort: 'fast' })
  const search = (query: SearchQuery): S.SearchResults => {
    const index = catalog.index()
    const filters = filtersOf(query)
    const outcome = catalogSearchOf(index).search(query.q, filters)
    const page = paginate(outcome.hits, { limit: query.limit ?? 10, ...(query.cursor === undefined ? {} : { cursor: query.cursor }) }, cursors, 'search')
    return {
      query: query.q,
      items: page.items.map((hit) => {
        const shown = presentHit(hit)
        return {
          type: shown.type, slug: shown.type === 'career' ? shown.key : null, id: shown.type === 'career' ? null : shown.key,
          title: shown.title, snippet: shown.snippet, highlight: shown.highlight, matchedOn: shown.matchedOn, href: hrefOf(shown.type, shown.key),
        }
      }),
      total: page.total, nextCursor: page.nextCursor, matchedAllTerms: outcome.matchedAllTerms, facets: outcome.facets,
      catalogVersion: index.version,
    }
  }
  return {
    search,
    /** The answer as bytes with an ETag, from the cache when the same query was asked in this version. */
    searchCached(query: SearchQuery): CachedBody {
      const index = catalog.index()
      const key = JSON.stringify(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : 1)))
      return answers.get(key, index.version, () => JSON.stringify(search(query)))
    },
  }
}
export type SearchService = ReturnType<typeof createSearchService>

function filtersOf(query: SearchQuery): SearchFilters {
  const filters: SearchFilters = {}
  if (query.type !== undefined) filters.type = query.type.split(',') as SearchType[]
  if (query.field !== undefined) filters.field = query.field
  if (query.level !== undefined) filters.level = query.level
  if (query.provider !== undefined) filters.provider = query.provider
  if (query.jobZone !== undefined) filters.jobZone = query.jobZone
  if (query.kind !== undefined) filters.kind = query.kind
  if (query.origin !== undefined) filters.origin = query.origin
  return filters
}

function hrefOf(type: SearchType, key: string): string {
  const id = encodeURIComponent(key)
  switch (type) {
    case 'career': return `/api/v1/careers/${id}`
    case 'skill': return `/api/v1/skills/${id}/careers`
    case 'credential': return `/api/v1/credentials/${id}`
    case 'resource': return `/api/v1/resources/${id}`
  }
}

/**
 * The search page (GET /search, a GET form with filter links and a next-page link), the pages search
 * results lead to that have no other home (one per credential and per course or reading), and the
 * search script that adds suggestions as people type.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { CareerProfile } from '../shared/schemas.js'
import { sendCached } from '../server/platform/http/cached-response.js'
import type { Asset } from './assets.js'
import { SCRIPT_PATH } from './assets.js'
import { datasetSources } from './datasets.js'
import type { ListedIn } from './pages/catalog-item-pages.js'
import type { PageReplies } from './page-replies.js'
import { renderCredentialPage, renderResourcePage, renderSearchPage } from './render-explore.js'
import { parseSearchParams, searchPageKey, serviceQuery } from './search/search-params.js'
import type { WebCareers, WebSearch } from './web.routes.js'

export interface SearchPagesOptions {
  careers: WebCareers
  search: WebSearch
  pages: PageReplies
  script: Asset
}

const hidden = { schema: { hide: true }, config: { operation: 'public' } }
const JS_TYPE = 'text/javascript; charset=utf-8'
const IMMUTABLE = 'public, max-age=31536000, immutable'

/** The curated careers whose profiles list an item (credentials and resources are curated only). */
function listedIn(careers: WebCareers, pick: (profile: CareerProfile) => { id: string; role?: string }[], id: string): ListedIn[] {
  return careers.summaries().filter((c) => c.origin === 'catalog').flatMap((c) => {
    const found = pick(careers.profile(c.slug)).find((item) => item.id === id)
    return found ? [{ slug: c.slug, title: c.title, role: found.role ?? null }] : []
  })
}

export const searchPages: FastifyPluginAsync<SearchPagesOptions> = async (app, { careers, search, pages, script }) => {
  const sourcesById = (ids: readonly string[]) => careers.sources().filter((s) => ids.includes(s.id))

  app.get<{ Querystring: Record<string, unknown> }>('/search', hidden, async (request, reply) => {
    const parsed = parseSearchParams(request.query)
    if (!parsed.ok) return pages.badRequest(request, reply, parsed.problems)
    const { query } = parsed
    return pages.send(request, reply, `search:${searchPageKey(query)}`, () => {
      const results = query.q === '' ? null : search.search(serviceQuery(query))
      const origins = results?.facets.origin.map((f) => f.value) ?? []
      return renderSearchPage({ query, results, datasets: datasetSources(careers.summaries(), careers.sources(), origins) }, pages.assets)
    })
  })

  app.get<{ Params: { id: string } }>('/credentials/:id', hidden, async (request, reply) => {
    const { id } = request.params
    return pages.send(request, reply, `credential:${id}`, () => {
      const credential = careers.credential(id)
      const listing = listedIn(careers, (p) => p.credentials, id)
      return renderCredentialPage({ credential, careers: listing, sources: sourcesById(credential.sources) }, pages.assets)
    })
  })

  app.get<{ Params: { id: string } }>('/resources/:id', hidden, async (request, reply) => {
    const { id } = request.params
    return pages.send(request, reply, `resource:${id}`, () => {
      const resource = careers.resource(id)
      return renderResourcePage({ resource, careers: listedIn(careers, (p) => p.resources, id), sources: sourcesById(resource.sources) }, pages.assets)
    })
  })

  app.get<{ Querystring: { v?: string } }>(SCRIPT_PATH, hidden, async (request, reply) => {
    // Only the current versioned URL may be cached for a year; any other asks the browser to revalidate.
    const current = request.query.v !== undefined && script.href.endsWith(`?v=${request.query.v}`)
    return sendCached(request, reply, script, { type: JS_TYPE, cacheControl: current ? IMMUTABLE : 'no-cache' })
  })
}

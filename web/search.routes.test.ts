import swagger from '@fastify/swagger'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import type { SearchQuery } from '../server/modules/search/index.js'
import { invalidQuery } from '../server/platform/http/errors.js'
import type { CareerSummary, SearchResults } from '../shared/schemas.js'
import { stylesheetFrom } from './assets.js'
import { searchItem, searchResults } from './fixtures/explore.fixture.js'
import { script, unusedCatalogReads, unusedExplore } from './fixtures/services.fixture.js'
import { webRoutes, type WebCareers, type WebSearch } from './web.routes.js'

const stylesheet = stylesheetFrom('body { color: #1f2937; }')
const summaries: CareerSummary[] = [{ slug: 'back-end-developer', title: 'Back-End Developer', summary: 'Server side.', origin: 'catalog', fieldPath: ['IT'], aliases: [], codes: [] }]
const careers: WebCareers = {
  ...unusedCatalogReads,
  summaries: () => summaries,
  profile: () => {
    throw new Error('no profile in these tests')
  },
  sources: () => [],
}

/** A search over 45 results, 20 a page: the cursor names the page, as the service's opaque cursor would. */
function pagedSearch(asked: SearchQuery[]): WebSearch {
  return {
    search: (query) => {
      asked.push(query)
      const page = query.cursor === undefined ? 1 : query.cursor === 'page-2' ? 2 : query.cursor === 'page-3' ? 3 : 0
      if (page === 0) throw invalidQuery('cursor', 'is not a cursor this API returned')
      const items = Array.from({ length: page === 3 ? 5 : 20 }, (_, i) => searchItem({ slug: `career-${page}-${i}`, title: `Career ${page}-${i}` }))
      return searchResults({ query: query.q, items, total: 45, nextCursor: page < 3 ? `page-${page + 1}` : null }) satisfies SearchResults
    },
  }
}

let app: FastifyInstance | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

async function build(search: WebSearch): Promise<FastifyInstance> {
  app = Fastify({ logger: false })
  await app.register(swagger, { openapi: { openapi: '3.1.0', info: { title: 't', version: '1' } } })
  await app.register(webRoutes, { careers, search, explore: unusedExplore, stylesheet, script })
  await app.ready()
  return app
}

describe('search page route', () => {
  it('answers 200 HTML with the results, passing the words, filters and page size to the search', async () => {
    const asked: SearchQuery[] = []
    const server = await build(pagedSearch(asked))
    const res = await server.inject('/search?q=software&type=career&jobZone=4')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.body).toContain('href="/careers/career-1-0"')
    expect(asked).toEqual([{ q: 'software', limit: 20, type: 'career', jobZone: 4 }])
  })

  it('pages by cursor: the next-page link opens the next page, which links back to the first', async () => {
    const server = await build(pagedSearch([]))
    const first = await server.inject('/search?q=software')
    const next = /<a href="([^"]+)" rel="next">/.exec(first.body)?.[1]?.replaceAll('&amp;', '&')
    expect(next).toBe('/search?q=software&cursor=page-2')
    const second = await server.inject(next!)
    expect(second.statusCode).toBe(200)
    expect(second.body).toContain('href="/careers/career-2-0"')
    expect(second.body).toContain('<a href="/search?q=software">First page')
    const last = await server.inject('/search?q=software&cursor=page-3')
    expect(last.body).not.toContain('rel="next"')
  })

  it('answers a cursor it did not make with the 400 page', async () => {
    const server = await build(pagedSearch([]))
    const res = await server.inject('/search?q=software&cursor=made-up')
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.body).toContain('<h1>This address cannot be shown</h1>')
    expect(res.body).toContain('The “next page” link is not one this site made')
  })

  it('answers filters with impossible values with the 400 page and does not search', async () => {
    const asked: SearchQuery[] = []
    const server = await build(pagedSearch(asked))
    for (const url of ['/search?q=x&type=job', '/search?q=x&jobZone=6', '/search?q=x&origin=web', `/search?q=${'x'.repeat(201)}`]) {
      const res = await server.inject(url)
      expect(res.statusCode, url).toBe(400)
      expect(res.body).toContain('<h1>This address cannot be shown</h1>')
    }
    expect(asked).toEqual([])
  })

  it('shows a search for markup as text', async () => {
    const server = await build(pagedSearch([]))
    const res = await server.inject(`/search?q=${encodeURIComponent('<script>alert(1)</script>')}`)
    expect(res.statusCode).toBe(200)
    expect(res.body).not.toContain('<script>alert(1)')
    expect(res.body).toContain('Search: “&lt;script&gt;alert(1)&lt;/script&gt;”')
    expect(res.body).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"')
  })

  it('shows the form alone without words, and searches nothing', async () => {
    const asked: SearchQuery[] = []
    const server = await build(pagedSearch(asked))
    const res = await server.inject('/search')
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('<h1>Search</h1>')
    expect(asked).toEqual([])
  })

  it('renders a search once per catalog version and answers a repeat visit with 304', async () => {
    const asked: SearchQuery[] = []
    const server = await build(pagedSearch(asked))
    const first = await server.inject('/search?q=software&origin=onet')
    const again = await server.inject({ url: '/search?origin=onet&q=software', headers: { 'if-none-match': String(first.headers.etag) } })
    expect(again.statusCode).toBe(304)
    expect(asked).toHaveLength(1)
  })

  it('serves the search script with a year-long cache only at its versioned address', async () => {
    const server = await build(pagedSearch([]))
    const current = await server.inject(script.href)
    expect(current.statusCode).toBe(200)
    expect(current.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(current.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect((await server.inject('/assets/search.js?v=old')).headers['cache-control']).toBe('no-cache')
    const page = await server.inject('/search')
    expect(page.body).toContain(`<script src="${script.href}" defer=""></script>`)
  })

  it('keeps the pages out of the OpenAPI document', async () => {
    const server = await build(pagedSearch([]))
    const doc = server.swagger() as { paths?: Record<string, unknown> }
    expect(Object.keys(doc.paths ?? {})).toEqual([])
  })
})

import { brotliDecompressSync } from 'node:zlib'
import swagger from '@fastify/swagger'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { notFound } from '../server/platform/http/errors.js'
import type { CareerProfile, CareerSummary } from '../shared/schemas.js'
import { stylesheetFrom } from './assets.js'
import { makeProfile } from './fixtures/profile.fixture.js'
import { script, unusedCatalogReads, unusedExplore, unusedSearch } from './fixtures/services.fixture.js'
import { webRoutes, type WebCareers } from './web.routes.js'

const CSS = 'body { color: #1f2937; }'
const stylesheet = stylesheetFrom(CSS)

/** A profile whose reads are counted: a cached page must not read the profile again. */
function counted(profile: CareerProfile) {
  const reads = { count: 0 }
  const proxy = new Proxy(profile, {
    get(target, key, receiver) {
      if (key === 'faq') reads.count += 1
      return Reflect.get(target, key, receiver) as unknown
    },
  })
  return { proxy, reads }
}

/** The curated career and `n` imported ones, as a catalog with thousands of careers would list them. */
function manyCareers(n: number, prefix = 'Occupation'): CareerSummary[] {
  return [
    { slug: 'back-end-developer', title: 'Back-End Developer', summary: 'Server side.', origin: 'catalog', fieldPath: ['IT'], aliases: [], codes: [] },
    ...Array.from({ length: n }, (_, i) => ({
      slug: `occupation-${i}`, title: `${prefix} ${String(i).padStart(4, '0')}`, summary: '', origin: 'onet', fieldPath: [], aliases: [], codes: [],
    })),
  ]
}

function stubCareers(state: { profile: CareerProfile; failWith?: Error }, list?: CareerSummary[]): WebCareers {
  const summaries: CareerSummary[] = list ?? [{ slug: 'back-end-developer', title: 'Back-End Developer', summary: 'Server side.', origin: 'catalog', fieldPath: ['IT'], aliases: [], codes: [] }]
  return {
    ...unusedCatalogReads,
    summaries: () => summaries,
    profile: (slug: string) => {
      if (state.failWith) throw state.failWith
      if (slug !== state.profile.slug) throw notFound('career', slug)
      return state.profile
    },
  }
}

let app: FastifyInstance | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

async function build(careers: WebCareers): Promise<FastifyInstance> {
  app = Fastify({ logger: false })
  await app.register(swagger, { openapi: { openapi: '3.1.0', info: { title: 't', version: '1' } } })
  await app.register(webRoutes, { careers, stylesheet, script, search: unusedSearch, explore: unusedExplore })
  await app.ready()
  return app
}

describe('web routes', () => {
  it('shows only the curated careers on the home page, with a link to the list of all of them', async () => {
    const server = await build(stubCareers({ profile: makeProfile() }, manyCareers(4000)))
    const res = await server.inject('/')
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('href="/careers/back-end-developer"')
    expect(res.body).not.toContain('href="/careers/occupation-1"')
    expect(res.body).toContain('Browse all 4,001 careers')
  })

  it('serves the home page as UTF-8 HTML listing every career', async () => {
    const server = await build(stubCareers({ profile: makeProfile() }))
    const res = await server.inject('/')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.body).toContain('href="/careers/back-end-developer"')
    expect(res.body).toContain(`href="${stylesheet.href}"`)
  })

  it('renders a career page once per catalog version and serves the cached string after', async () => {
    const { proxy, reads } = counted(makeProfile({ catalogVersion: 1 }))
    const state = { profile: proxy }
    const server = await build(stubCareers(state))
    const first = await server.inject('/careers/back-end-developer')
    const readsByRender = reads.count
    const second = await server.inject('/careers/back-end-developer')
    expect(first.statusCode).toBe(200)
    expect(first.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(readsByRender).toBeGreaterThan(0)
    expect(second.body).toBe(first.body)
    expect(reads.count).toBe(readsByRender)

    const next = counted(makeProfile({ catalogVersion: 2, title: 'Back-End Engineer' }))
    state.profile = next.proxy
    const third = await server.inject('/careers/back-end-developer')
    expect(next.reads.count).toBe(readsByRender)
    expect(third.body).toContain('<h1>Back-End Engineer</h1>')
  })

  it('answers a repeat visit with the same ETag with 304 and no body', async () => {
    const server = await build(stubCareers({ profile: makeProfile() }))
    const first = await server.inject('/careers/back-end-developer')
    const etag = String(first.headers.etag)
    const again = await server.inject({ url: '/careers/back-end-developer', headers: { 'if-none-match': etag } })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
  })

  it('sends a pre-compressed copy, with its own ETag, to clients that accept one', async () => {
    const server = await build(stubCareers({ profile: makeProfile() }))
    const plain = await server.inject('/careers/back-end-developer')
    const br = await server.inject({ url: '/careers/back-end-developer', headers: { 'accept-encoding': 'gzip, br' } })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toBe('accept-encoding')
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body)
    expect(br.headers.etag).not.toBe(plain.headers.etag)
    const again = await server.inject({
      url: '/careers/back-end-developer',
      headers: { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) },
    })
    expect(again.statusCode).toBe(304)
  })

  it('answers an unknown career with a 404 HTML page that links to the careers that exist', async () => {
    const server = await build(stubCareers({ profile: makeProfile() }))
    const res = await server.inject('/careers/astronaut')
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.body).toContain('<h1>Career not found</h1>')
    expect(res.body).toContain('href="/careers/back-end-developer"')
    expect(res.body).toContain('lang="en"')
  })

  it('serves the list of every career at /careers, page 1 when no page is given', async () => {
    const server = await build(stubCareers({ profile: makeProfile() }))
    for (const url of ['/careers', '/careers?page=1']) {
      const res = await server.inject(url)
      expect(res.statusCode, url).toBe(200)
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(res.body).toContain('<h1>All careers</h1>')
      expect(res.body).toContain('href="/careers/back-end-developer"')
    }
  })

  it('answers page 0, a page past the last or a malformed page with the 404 page', async () => {
    const server = await build(stubCareers({ profile: makeProfile() }, manyCareers(250)))
    expect((await server.inject('/careers?page=3')).statusCode).toBe(200)
    for (const page of ['0', '4', '-1', 'abc', '2.5', '02']) {
      const res = await server.inject(`/careers?page=${page}`)
      expect(res.statusCode, page).toBe(404)
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(res.body).toContain('<h1>Page not found</h1>')
      expect(res.body).toContain('href="/careers"')
    }
  })

  it('renders each list page once per catalog version and serves the cached string after', async () => {
    const state = { profile: makeProfile() }
    let list = manyCareers(150)
    const careers: WebCareers = { ...stubCareers(state), summaries: () => list }
    const server = await build(careers)
    const first = await server.inject('/careers?page=2')
    const again = await server.inject({ url: '/careers?page=2', headers: { 'if-none-match': String(first.headers.etag) } })
    expect(again.statusCode).toBe(304)
    list = manyCareers(150, 'Renamed')
    const next = await server.inject('/careers?page=2')
    expect(next.statusCode).toBe(200)
    expect(next.headers.etag).not.toBe(first.headers.etag)
    expect(next.body).toContain('Renamed')
  })

  it('does not turn other failures into a 404', async () => {
    const server = await build(stubCareers({ profile: makeProfile(), failWith: new Error('index not built') }))
    const res = await server.inject('/careers/back-end-developer')
    expect(res.statusCode).toBe(500)
  })

  it('serves the stylesheet with a year-long cache only at its current versioned address', async () => {
    const server = await build(stubCareers({ profile: makeProfile() }))
    const current = await server.inject(stylesheet.href)
    expect(current.statusCode).toBe(200)
    expect(current.headers['content-type']).toBe('text/css; charset=utf-8')
    expect(current.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(current.body).toBe(CSS)
    const stale = await server.inject('/assets/pathways.css?v=old')
    expect(stale.headers['cache-control']).toBe('no-cache')
  })

  it('keeps the pages out of the OpenAPI document', async () => {
    const server = await build(stubCareers({ profile: makeProfile() }))
    const doc = server.swagger() as { paths?: Record<string, unknown> }
    expect(Object.keys(doc.paths ?? {})).toEqual([])
  })
})

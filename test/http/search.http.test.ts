/**
 * GET /api/v1/search through HTTP on the curated catalog with the fixture datasets imported: the
 * answer shape, ranking on real titles, facets and filters, paging, caching and validation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SearchResults } from '../../shared/schemas.js'
import { createImportedTestApp } from '../support/imported-app.js'
import type { TestApp } from '../support/test-app.js'

let t: TestApp
beforeAll(async () => {
  t = await createImportedTestApp()
})
afterAll(async () => {
  await t?.close()
})

const search = async (query: string): Promise<SearchResults> => {
  const res = await t.app.inject(`/api/v1/search?${query}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as SearchResults
}
const first = async (q: string, extra = '') => (await search(`q=${encodeURIComponent(q)}${extra}`)).items[0]

describe(`search on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('finds the Back-End Developer pathway by its title, an alias, as typed and with a typo', async () => {
    for (const q of ['back end developer', 'Back-End Developer', 'backend developer', 'backend dev', 'back end devloper', 'server-side developer']) {
      expect((await first(q))?.slug, q).toBe('back-end-developer')
    }
  })

  it('answers with type, slug or id, title, snippet, highlighted segments and the API link', async () => {
    const body = await search('q=backend%20dev&limit=3')
    expect(body).toMatchObject({ query: 'backend dev', matchedAllTerms: true })
    expect(body.catalogVersion).toBeGreaterThan(0)
    expect(body.items[0]).toMatchObject({
      type: 'career', slug: 'back-end-developer', id: null, title: 'Back-End Developer / Engineer', matchedOn: 'title',
      href: '/api/v1/careers/back-end-developer',
    })
    expect(body.items[0]!.highlight.title.filter((s) => s.match).map((s) => s.text)).toEqual(['Back-End', 'Developer'])
    expect(body.items[0]!.snippet.length).toBeGreaterThan(20)
    expect(body.items[0]!.snippet.length).toBeLessThanOrEqual(161)
  })

  it('finds imported careers and their alternative titles from O*NET and ESCO', async () => {
    expect((await first('software developers'))?.slug).toBe('software-developers')
    expect((await first('chief executives'))?.slug).toBe('chief-executives')
    const esco = await first('data scientist')
    expect(esco).toMatchObject({ type: 'career', title: 'data scientist' })
    const alias = await first('data research scientist')
    expect(alias).toMatchObject({ title: 'data scientist', matchedOn: 'alias', snippet: 'Also called: data research scientist' })
  })

  it('finds skills by label and alternative label, credentials and resources', async () => {
    expect(await first('kubernetes', '&type=skill')).toMatchObject({ type: 'skill', title: 'Kubernetes' })
    const alt = await first('Java Programming', '&type=skill')
    expect(alt).toMatchObject({ type: 'skill', id: 'java' })
    const credential = await first('meta back-end', '&type=credential')
    expect(credential?.type).toBe('credential')
    expect(credential?.href).toMatch(/^\/api\/v1\/credentials\//)
    const resource = (await search('q=java&type=resource')).items[0]
    expect(resource?.type).toBe('resource')
    expect((await t.app.inject(resource!.href)).statusCode).toBe(200)
    expect((await t.app.inject(credential!.href)).statusCode).toBe(200)
  })

  it('counts facets over all matches and filters by them', async () => {
    const all = await search('q=developer')
    const types = Object.fromEntries(all.facets.type.map((f) => [f.value, f.count]))
    expect(types.career).toBeGreaterThanOrEqual(5)
    expect(types.credential).toBeGreaterThanOrEqual(1)
    expect(all.total).toBe(all.facets.type.reduce((sum, f) => sum + f.count, 0))
    const careers = await search('q=developer&type=career')
    expect(careers.items.every((i) => i.type === 'career')).toBe(true)
    expect(careers.total).toBe(types.career)
    // The type facet ignores its own filter, so the other types stay selectable.
    expect(careers.facets.type).toEqual(all.facets.type)
    const field = all.facets.field.find((f) => f.value === 'Information Technology and Computer Science')!
    const inField = await search('q=developer&field=information-technology-and-computer-science')
    expect(inField.total).toBe(field.count)
    expect((await search('q=developer&origin=onet')).items.every((i) => i.slug === 'software-developers' || i.type !== 'career')).toBe(true)
    expect((await search('q=software&jobZone=4')).items.map((i) => i.slug)).toContain('software-developers')
  })

  it('pages with a cursor until the last page', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    let total = 0
    do {
      const page: SearchResults = await search(`q=developer&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      total = page.total
      seen.push(...page.items.map((i) => `${i.type}:${i.slug ?? i.id}`))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(total)
    expect(new Set(seen).size).toBe(total)
  })

  it('says when nothing matched every word and shows what matches some', async () => {
    const body = await search('q=developer%20zzqxw')
    expect(body.matchedAllTerms).toBe(false)
    expect(body.total).toBeGreaterThan(0)
    const none = await search('q=zzqxwv')
    expect(none).toMatchObject({ total: 0, items: [], nextCursor: null })
  })

  it('keeps markup in the query as text', async () => {
    const body = await search(`q=${encodeURIComponent('<script>alert(1)</script> developer')}`)
    expect(body.query).toBe('<script>alert(1)</script> developer')
  })

  it('serves a repeated query from its cache with an ETag and 304', async () => {
    const a = await t.app.inject('/api/v1/search?q=nurse')
    const b = await t.app.inject({ url: '/api/v1/search?q=nurse', headers: { 'if-none-match': a.headers.etag as string } })
    expect(b.statusCode).toBe(304)
    const gz = await t.app.inject({ url: '/api/v1/search?q=nurse', headers: { 'accept-encoding': 'br' } })
    expect(gz.headers['content-encoding']).toBe('br')
  })

  it('refuses bad requests with problem+json naming the field', async () => {
    for (const [query, pointer] of [
      ['', '/querystring/q'], ['q=', '/querystring/q'], ['q=x&type=person', '/querystring/type'], ['q=x&limit=0', '/querystring/limit'],
      ['q=x&limit=51', '/querystring/limit'], ['q=x&jobZone=9', '/querystring/jobZone'], ['q=x&colour=red', '/querystring/colour'],
      ['q=x&cursor=nonsense', '/querystring/cursor'], [`q=${'a'.repeat(201)}`, '/querystring/q'],
    ] as const) {
      const res = await t.app.inject(`/api/v1/search?${query}`)
      expect(res.statusCode, query).toBe(400)
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
      expect(res.json().code).toBe(pointer === '/querystring/cursor' ? 'query.invalid_cursor' : 'request.invalid')
      expect(JSON.stringify(res.json().errors), query).toContain(pointer)
    }
  })

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json()
    expect(doc.paths['/api/v1/search'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['q', 'type', 'field', 'jobZone', 'limit', 'cursor']))
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { createTestApp, ROOT, type TestApp } from '../support/test-app.js'

const FIXTURE = path.join(ROOT, 'test/fixtures/catalog-min')
let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ catalogDir: FIXTURE })
})
afterAll(async () => {
  await t?.close()
})

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers })

describe(`careers API on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('lists careers with a page cursor', async () => {
    const first = await get('/api/v1/careers?limit=1')
    expect(first.statusCode).toBe(200)
    const page = first.json()
    expect(page).toMatchObject({ total: 2, items: [{ slug: 'data-clerk', title: 'Data Clerk' }] })
    const second = await get(`/api/v1/careers?limit=1&cursor=${page.nextCursor}`)
    expect(second.json()).toMatchObject({ items: [{ slug: 'records-manager' }], nextCursor: null })
  })

  it('filters careers by a field-path segment, by slug or by name', async () => {
    expect((await get('/api/v1/careers?field=records')).json().items.map((c: { slug: string }) => c.slug)).toEqual(['data-clerk'])
    expect((await get('/api/v1/careers?field=Administration')).json().total).toBe(2)
    expect((await get('/api/v1/careers?field=astronomy')).json()).toMatchObject({ total: 0, items: [] })
  })

  it('answers 400 problem+json naming the field for a bad query', async () => {
    const res = await get('/api/v1/careers?limit=0')
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json()).toMatchObject({ status: 400, code: 'request.invalid', errors: [{ pointer: '/querystring/limit' }] })
    expect(res.json().detail).toContain('limit')
  })

  it('answers 400 for a cursor it never issued and for an unknown query field', async () => {
    expect((await get('/api/v1/careers?cursor=bm9wZQ')).json()).toMatchObject({ code: 'query.invalid_cursor', errors: [{ pointer: '/querystring/cursor' }] })
    const unknown = await get('/api/v1/careers?colour=red')
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().errors[0].pointer).toBe('/querystring/colour')
  })

  it('serves a whole profile with facts, codes, skills, pathway and the sources it cites', async () => {
    const res = await get('/api/v1/careers/data-clerk')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    const profile = res.json()
    expect(profile).toMatchObject({ slug: 'data-clerk', aliases: ['Records Clerk'], codes: [{ system: 'soc-2018', code: '43-9021', granularity: 'broader' }] })
    expect(profile.skills.sets[0]).toMatchObject({ scaleMax: 5, statedCounts: { specialized: 3, common: null } })
    expect(profile.skills.combined.map((s: { id: string }) => s.id)).toEqual(['sql', 'teamwork'])
    expect(profile.credentials[0]).toMatchObject({ id: 'acme-sql-certificate', courseCount: 3, duration: { label: '1–2 months' }, skills: [{ id: 'sql' }], role: 'start' })
    expect(profile.pathway.progression.map((s: { level: string }) => s.level)).toEqual(['junior', 'senior'])
    expect(profile.related).toEqual([expect.objectContaining({ slug: 'records-manager', title: 'Records Manager' })])
    expect(profile.specialisations[0].salary).toMatchObject({ statistic: 'range', low: 35000, high: 50000 })
    expect(profile.sources.map((s: { id: string }) => s.id).sort()).toEqual(['job-site', 'rates-table', 'stats-office'])
  })

  it('supports conditional requests with the profile ETag', async () => {
    const first = await get('/api/v1/careers/data-clerk')
    const etag = first.headers.etag as string
    expect(etag).toBeTruthy()
    const again = await get('/api/v1/careers/data-clerk', { 'if-none-match': etag })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
  })

  it('compresses the profile with brotli or gzip when the client accepts it', async () => {
    const plain = await get('/api/v1/careers/data-clerk')
    const br = await get('/api/v1/careers/data-clerk', { 'accept-encoding': 'gzip, br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toContain('accept-encoding')
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body)
    const gzip = await get('/api/v1/careers/data-clerk', { 'accept-encoding': 'gzip' })
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body)
    expect(plain.headers['content-encoding']).toBeUndefined()
  })

  it('answers 404 career.not_found problem+json for an unknown slug', async () => {
    const res = await get('/api/v1/careers/astronaut')
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json()).toMatchObject({ status: 404, code: 'career.not_found' })
    expect((await get('/api/v1/careers/astronaut/facts')).json().code).toBe('career.not_found')
  })

  it('answers 400 for a slug that is not a slug', async () => {
    const res = await get('/api/v1/careers/Not%20A%20Slug')
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0].pointer).toBe('/params/slug')
  })

  it('lists facts of one kind with their full provenance', async () => {
    const res = await get('/api/v1/careers/data-clerk/facts?kind=salary')
    expect(res.statusCode).toBe(200)
    const { items } = res.json()
    expect(items.map((f: { id: string }) => f.id)).toEqual([
      'data-clerk/salary-official-median', 'data-clerk/salary-site-average', 'data-clerk/salary-london', 'data-clerk/specialisation-database-clerk-salary',
    ])
    expect(items[0]).toMatchObject({
      kind: 'salary', statistic: 'median', value: 40000, unit: 'per-year', currency: 'USD', display: '$40,000 a year',
      period: { value: '2024-05', label: 'May 2024' }, place: { id: 'united-states', kind: 'country' },
      scope: { label: 'Data entry keyers', relation: 'parent-occupation', code: '43-9021' },
      source: { id: 'stats-office', publisher: 'Example Statistics Office', kind: 'official-statistics' }, reference: true,
    })
    expect(items[2]).toMatchObject({ currency: 'GBP', display: '£32,000 a year', usd: { annualUsd: 40000, rate: 0.8, ratePeriod: '2024', rateSource: { id: 'rates-table' } } })
  })

  it('answers 400 naming `kind` for an unknown fact kind', async () => {
    const res = await get('/api/v1/careers/data-clerk/facts?kind=happiness')
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0].pointer).toBe('/querystring/kind')
  })

  it('explains each salary difference against the reference figure', async () => {
    const { salaryPanel } = (await get('/api/v1/careers/data-clerk')).json()
    expect(salaryPanel.reference.id).toBe('data-clerk/salary-official-median')
    const site = salaryPanel.rows.find((r: { fact: { id: string } }) => r.fact.id === 'data-clerk/salary-site-average')
    expect(site.differences.map((d: { dimension: string }) => d.dimension)).toEqual(['statistic', 'scope', 'period', 'method'])
    expect(site.explanation).toContain('2 years earlier')
    expect(salaryPanel.cities.map((f: { place: { name: string } }) => f.place.name)).toEqual(['London'])
    expect(salaryPanel.ranges).toHaveLength(1)
  })

  it('lists skills, filtered by kind and by career', async () => {
    expect((await get('/api/v1/skills')).json()).toMatchObject({ total: 2 })
    expect((await get('/api/v1/skills?kind=common')).json().items.map((s: { id: string }) => s.id)).toEqual(['teamwork'])
    expect((await get('/api/v1/skills?career=data-clerk')).json().items[0]).toMatchObject({ id: 'sql', altLabels: ['Structured Query Language'], careers: ['data-clerk'] })
    expect((await get('/api/v1/skills?career=nobody')).statusCode).toBe(404)
  })

  it('lists credentials, filtered by level, provider and career', async () => {
    expect((await get('/api/v1/credentials?level=beginner')).json().total).toBe(1)
    expect((await get('/api/v1/credentials?level=advanced')).json().total).toBe(0)
    expect((await get('/api/v1/credentials?provider=Acme%20Learning')).json().total).toBe(1)
    expect((await get('/api/v1/credentials?career=records-manager')).json().total).toBe(0)
  })

  it('lists sources with licence and attribution', async () => {
    const { items } = (await get('/api/v1/sources')).json()
    expect(items.find((s: { id: string }) => s.id === 'stats-office')).toMatchObject({ licence: 'Public domain', attribution: 'Source: Example Statistics Office.' })
  })

  it('reports liveness and readiness', async () => {
    expect((await get('/livez')).json()).toEqual({ status: 'ok' })
    const ready = await get('/readyz')
    expect(ready.statusCode).toBe(200)
    expect(ready.json().checks).toMatchObject({ database: 'ok', migrations: 'ok' })
  })

  it('answers unknown routes with 404 problem+json', async () => {
    const res = await get('/api/v1/nothing-here')
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('route.not_found')
  })

  it('sets security headers on API answers', async () => {
    const res = await get('/api/v1/careers')
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['x-powered-by']).toBeUndefined()
  })

  it('publishes an OpenAPI 3.1 document describing every route', async () => {
    const doc = (await get('/api/v1/openapi.json')).json()
    expect(doc.openapi).toBe('3.1.0')
    for (const p of ['/api/v1/careers', '/api/v1/careers/{slug}', '/api/v1/careers/{slug}/facts', '/api/v1/skills', '/api/v1/credentials', '/api/v1/sources', '/livez', '/readyz']) {
      expect(doc.paths[p], p).toBeDefined()
    }
    expect((await get('/docs/')).statusCode).toBe(200)
  })
})

/**
 * The query surface (SECURITY.md Z5), over every GET route under /api of the running app: unknown
 * and duplicate parameters, filters and sorts on secret columns, `limit` beyond the cap, and cursors
 * that were changed, made up or issued for another list. Also the boot check that keeps a new route
 * from loosening any of this.
 */
import Fastify from 'fastify'
import { Type } from 'typebox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { routeOperations } from '../../server/modules/access/index.js'
import { installQuerySurface, MAX_PAGE_SIZE, queryRoutes } from '../../server/platform/http/query-surface.js'
import { createAuthTestApp, makeUser, signin, type AuthTestApp, type Session } from '../support/auth.js'

let t: AuthTestApp
let admin: Session

/** Valid addresses of the list routes over the small test catalog, each with at least 2 items. */
const CURSOR_ROUTES: Record<string, string> = {
  '/api/v1/careers': '/api/v1/careers',
  '/api/v1/skills': '/api/v1/skills',
  '/api/v1/credentials': '/api/v1/credentials',
  '/api/v1/resources': '/api/v1/resources',
  '/api/v1/search': '/api/v1/search?q=data',
  '/api/v1/fields/:system/:code/careers': '/api/v1/fields/pathways/administration/careers',
  '/api/v1/skills/:id/careers': '/api/v1/skills/sql/careers',
  '/api/v1/interests/:code/careers': '/api/v1/interests/C/careers',
  '/api/v1/careers/:slug/moves': '/api/v1/careers/data-clerk/moves',
}

/** Valid addresses of list routes without cursors that need a parameter besides `limit`. */
const REQUIRED_QUERY: Record<string, string> = {
  '/api/v1/cip-codes': '/api/v1/cip-codes?q=11',
}

/** Every GET route under /api with a concrete address (path parameters filled with something well-formed). */
function apiGetRoutes(): { url: string; address: string; query: string[] }[] {
  const seen = new Set<string>()
  const out: { url: string; address: string; query: string[] }[] = []
  for (const route of queryRoutes(t.app)) {
    if (route.method !== 'GET' || seen.has(route.url)) continue
    seen.add(route.url)
    const address = route.url.replace(/:([A-Za-z]+)/g, (_, name: string) => (name === 'system' ? 'pathways' : name === 'code' ? 'C' : '0a1b2c3d')).replace('*', '15-1252')
    out.push({ url: route.url, address, query: [...route.parameters] })
  }
  // The policy table's view of the routes must agree: no API read route escapes this crawl.
  const policed = new Set(routeOperations(t.app).filter((r) => r.method === 'GET' && r.url.startsWith('/api/')).map((r) => r.url))
  expect([...seen].sort()).toEqual([...policed].sort())
  return out
}

const get = (url: string, session?: Session) => t.app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} })
const withQuery = (address: string, query: string) => `${address}${address.includes('?') ? '&' : '?'}${query}`

beforeAll(async () => {
  t = await createAuthTestApp()
  const user = await makeUser(t, { platform_role: 'platform_admin' })
  admin = await signin(t, user.email, user.password)
}, 60_000)

afterAll(async () => {
  await t?.close()
})

describe('unknown and duplicate query parameters', () => {
  it('refuses ?foo=1, secret sorts and filters on every API read route, with or without a query schema (400 request.invalid)', async () => {
    const routes = apiGetRoutes()
    expect(routes.length).toBeGreaterThan(25)
    const probes = ['foo=1', 'sort=resetToken', 'filter[passwordHash][startsWith]=$', 'fields=passwordHash', '__proto__[polluted]=1', 'constructor[prototype][polluted]=1']
    let checks = 0
    for (const route of routes) {
      for (const probe of probes) {
        // A platform admin passes every read policy, so the answer is the query check's.
        const res = await get(withQuery(route.address, probe), admin)
        checks++
        expect(res.statusCode, `${route.url}?${probe} → ${res.body}`).toBe(400)
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
        expect(res.json<{ code: string; errors: { pointer: string }[] }>(), route.url).toMatchObject({ code: 'request.invalid', errors: [{ pointer: expect.stringMatching(/^\/querystring\//) as string }] })
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    process.stdout.write(`query surface: ${routes.length} API read routes × ${probes.length} unknown-parameter probes = ${checks} refusals\n`)
  })

  it('refuses ?limit=1&limit=1000 and any other repeated parameter with 400 query.duplicate_parameter', async () => {
    const routes = apiGetRoutes().filter((r) => r.query.length > 0)
    expect(routes.map((r) => r.url)).toEqual(expect.arrayContaining(Object.keys(CURSOR_ROUTES)))
    for (const route of routes) {
      const name = route.query.includes('limit') ? 'limit' : route.query[0]!
      const value = name === 'limit' ? ['1', '1000'] : ['a', 'b']
      const res = await get(withQuery(route.address, `${name}=${value[0]}&${name}=${value[1]}`), admin)
      expect(res.statusCode, `${route.url} ${res.body}`).toBe(400)
      expect(res.json()).toMatchObject({ code: 'query.duplicate_parameter', errors: [{ pointer: `/querystring/${name}` }] })
    }
    // Even the same value twice: one parameter, one value.
    expect((await get('/api/v1/careers?limit=1&limit=1')).json()).toMatchObject({ code: 'query.duplicate_parameter' })
  })

  it('leaves anonymous callers of private routes with the 401 (the policy answers first)', async () => {
    const res = await get('/api/v1/me?foo=1')
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('auth.required')
  })

  it('still refuses an API key in the URL with 401 auth.key_in_query', async () => {
    expect((await get('/api/v1/careers?api_key=pw_live_abc')).json().code).toBe('auth.key_in_query')
  })
})

describe('limit', () => {
  it(`is refused above ${MAX_PAGE_SIZE} on every list route (limit=1e6 and limit=101 → 400, not clamped)`, async () => {
    const lists = apiGetRoutes().filter((r) => r.query.includes('limit'))
    expect(lists.length).toBeGreaterThanOrEqual(Object.keys(CURSOR_ROUTES).length)
    for (const route of lists) {
      for (const limit of ['1e6', String(MAX_PAGE_SIZE + 1), '-1', '0']) {
        const res = await get(withQuery(CURSOR_ROUTES[route.url] ?? REQUIRED_QUERY[route.url] ?? route.address, `limit=${limit}`), admin)
        expect(res.statusCode, `${route.url} limit=${limit}`).toBe(400)
        expect(res.json()).toMatchObject({ code: 'request.invalid', errors: [{ pointer: '/querystring/limit' }] })
      }
    }
  })
})

describe('cursors', () => {
  const flip = (cursor: string, bit: number) => {
    const bytes = Buffer.from(cursor, 'base64url')
    bytes[bit >> 3]! ^= 1 << (bit & 7)
    return bytes.toString('base64url')
  }

  it('covers every route that takes a cursor', () => {
    const taking = apiGetRoutes().filter((r) => r.query.includes('cursor')).map((r) => r.url)
    expect(taking.sort()).toEqual(Object.keys(CURSOR_ROUTES).sort())
  })

  it('page through a list with the cursors the API hands out, which are opaque', async () => {
    const first = (await get('/api/v1/careers?limit=1')).json<{ items: { slug: string }[]; nextCursor: string }>()
    expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]{28}$/)
    const second = (await get(`/api/v1/careers?limit=1&cursor=${first.nextCursor}`)).json<{ items: { slug: string }[]; nextCursor: string | null }>()
    expect(second.items[0]?.slug).not.toBe(first.items[0]?.slug)
    expect(second.nextCursor).toBeNull()
  })

  it('refuse bit-flipped, made-up and readable cursors, and a cursor of another list, on every cursor route (400 query.invalid_cursor)', async () => {
    const fromCareers = (await get('/api/v1/careers?limit=1')).json<{ nextCursor: string }>().nextCursor
    const fromSkills = (await get('/api/v1/skills?limit=1')).json<{ nextCursor: string }>().nextCursor
    const readable = Buffer.from(JSON.stringify({ o: 1 })).toString('base64url')
    let checks = 0
    for (const [url, address] of Object.entries(CURSOR_ROUTES)) {
      const own = (await get(withQuery(address, 'limit=1'))).json<{ nextCursor: string | null }>().nextCursor
      const forged = [readable, 'A'.repeat(28), ...[0, 8, 39, 40, 100, 167].map((bit) => flip(own ?? fromCareers, bit))]
      const foreign = url === '/api/v1/careers' ? fromSkills : fromCareers
      for (const cursor of [...forged, foreign]) {
        const res = await get(withQuery(address, `limit=1&cursor=${encodeURIComponent(cursor)}`))
        checks++
        expect(res.statusCode, `${url} cursor=${cursor}`).toBe(400)
        expect(res.json()).toMatchObject({ code: 'query.invalid_cursor', errors: [{ pointer: '/querystring/cursor' }] })
      }
      if (own !== null) expect((await get(withQuery(address, `limit=1&cursor=${own}`))).statusCode, url).toBe(200)
    }
    process.stdout.write(`query surface: ${checks} forged or foreign cursors refused over ${Object.keys(CURSOR_ROUTES).length} cursor routes\n`)
  })

  it('bind the cursor to the list, path parameters included', async () => {
    const group = (await get('/api/v1/fields/pathways/administration/careers?limit=1')).json<{ nextCursor: string | null }>().nextCursor
    expect(group).not.toBeNull()
    const other = await get(`/api/v1/fields/pathways/administration%2Frecords/careers?limit=1&cursor=${group}`)
    expect(other.json().code).toBe('query.invalid_cursor')
  })
})

describe('the boot check', () => {
  const bootWith = async (register: (app: ReturnType<typeof Fastify>) => void) => {
    const app = Fastify()
    installQuerySurface(app)
    register(app)
    try {
      await app.ready()
      return 'booted'
    } catch (error) {
      return (error as Error).message
    } finally {
      await app.close()
    }
  }
  const page = Type.Object({ items: Type.Array(Type.String()), nextCursor: Type.Union([Type.String(), Type.Null()]) })

  it('refuses a querystring schema that lets unknown parameters through', async () => {
    const message = await bootWith((app) => app.get('/api/v1/loose', { schema: { querystring: Type.Object({ q: Type.String() }) } }, async () => 'x'))
    expect(message).toContain('GET /api/v1/loose: its querystring schema allows unknown parameters')
  })

  it(`refuses a limit that may exceed ${MAX_PAGE_SIZE}, or has no maximum`, async () => {
    for (const limit of [Type.Integer({ maximum: 1000 }), Type.Integer()]) {
      const message = await bootWith((app) => app.get('/api/v1/big', { schema: { querystring: Type.Object({ limit }, { additionalProperties: false }) } }, async () => 'x'))
      expect(message).toContain('/api/v1/big: its limit has no maximum of at most 100')
    }
  })

  it('refuses a route that hands out nextCursor but takes no cursor back', async () => {
    const message = await bootWith((app) => app.get('/api/v1/pages', { schema: { response: { 200: page } } }, async () => ({ items: [], nextCursor: null })))
    expect(message).toContain('/api/v1/pages: it answers nextCursor but takes no cursor and limit back')
  })

  it('boots a strict route, and ignores pages outside /api', async () => {
    expect(await bootWith((app) => {
      app.get('/api/v1/ok', { schema: { querystring: Type.Object({ limit: Type.Integer({ maximum: 100 }), cursor: Type.String() }, { additionalProperties: false }), response: { 200: page } } }, async () => ({ items: [], nextCursor: null }))
      app.get('/search', { schema: { querystring: Type.Object({ q: Type.String() }) } }, async () => 'page')
    })).toBe('booted')
  })
})

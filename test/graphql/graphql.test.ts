/**
 * GraphQL at /graphql: the catalog over the same services as REST, the signed-in fields, writes with
 * CSRF, the limits refused before any resolver runs (resolver calls counted with spies), introspection
 * and suggestions by configuration, and the graphql-http audit against a listening server.
 */
import { getIntrospectionQuery } from 'graphql'
import { auditServer } from 'graphql-http'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { LIMITS } from '../../server/graphql/index.js'
import { browser, createAuthTestApp, makeUser, signin, type AuthTestApp, type Session } from '../support/auth.js'

let t: AuthTestApp
/** Load shedding off: argon2 sign-ins on a busy shared machine would otherwise trip it (not what is tested here). */
const QUIET = { SHED_EVENT_LOOP_DELAY_MS: '0' }
let session: Session
let userId = ''

interface Answer { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] }

const post = async (app: AuthTestApp, query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>) => {
  const res = await app.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify({ query, ...(variables ? { variables } : {}) }) })
  return { status: res.statusCode, body: res.json<Answer>(), raw: res.body }
}
const codes = (a: Answer) => (a.errors ?? []).map((e) => e.extensions?.code)

beforeAll(async () => {
  t = await createAuthTestApp({ env: QUIET })
  const user = await makeUser(t)
  userId = user.id
  session = await signin(t, user.email, user.password)
}, 60_000)

afterAll(async () => {
  await t?.close()
})

describe('catalog queries', () => {
  it('answers career, careers, search, skill and credential from the REST services', async () => {
    const a = await post(t, `{
      career(slug: "data-clerk") { slug title skills(first: 2) { id name } }
      careers(first: 1) { total nextCursor items { slug } }
      search(q: "sql", type: [skill], first: 3) { total items { type id title } }
      skill(id: "sql") { id name kind careers { slug } }
      credential(id: "acme-sql-certificate") { id title provider { name } }
    }`)
    expect(a.status).toBe(200)
    expect(a.body.errors).toBeUndefined()
    const d = a.body.data as { careers: { total: number; nextCursor: string; items: { slug: string }[] }; career: { slug: string }; skill: unknown; search: { items: unknown[] }; credential: { id: string } }
    const rest = await t.app.inject({ method: 'GET', url: '/api/v1/careers?limit=1' })
    expect(d.careers.total).toBe(rest.json<{ total: number }>().total)
    expect(d.careers.items).toEqual([{ slug: rest.json<{ items: { slug: string }[] }>().items[0]!.slug }])
    expect(d.career.slug).toBe('data-clerk')
    expect(d.skill).toMatchObject({ id: 'sql', name: 'SQL' })
    expect(d.search.items[0]).toMatchObject({ type: 'skill', id: 'sql' })
    expect(d.credential.id).toBe('acme-sql-certificate')
    // The cursor pages on.
    const next = await post(t, `query($after: String) { careers(first: 1, after: $after) { items { slug } } }`, {}, { after: d.careers.nextCursor })
    expect((next.body.data as { careers: { items: { slug: string }[] } }).careers.items[0]!.slug).not.toBe(d.careers.items[0]?.slug)
  })

  it('answers a missing career with null and the REST code', async () => {
    const a = await post(t, '{ career(slug: "no-such-career") { slug } }')
    expect(a.body.data).toEqual({ career: null })
    expect(codes(a.body)).toEqual(['career.not_found'])
  })

  it('serves queries over GET and refuses mutations over GET (405)', async () => {
    const ok = await t.app.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent('{ skill(id: "sql") { name } }')}` })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toEqual({ data: { skill: { name: 'SQL' } } })
    const mutation = await t.app.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent('mutation { setPassportTargets(targets: []) { targets { slug } } }')}`, headers: { cookie: session.cookie } })
    expect(mutation.statusCode).toBe(405)
  })

  it('refuses bad arguments with request.invalid naming the argument', async () => {
    const a = await post(t, '{ careers(first: 0) { total } }')
    expect(codes(a.body)).toEqual(['request.invalid'])
    const b = await post(t, 'query($n: Int) { careers(first: $n) { total } }', {}, { n: 101 })
    expect(codes(b.body)).toEqual(['graphql.list_limit'])
  })
})

describe('me and writes', () => {
  it('refuses me to anonymous callers with auth.required', async () => {
    const a = await post(t, '{ me { id passport { targets { slug } } } }')
    expect(a.body.data).toEqual({ me: null })
    expect(codes(a.body)).toEqual(['auth.required'])
  })

  it('sets passport targets with a session and its CSRF token, and refuses the write without it', async () => {
    const mutation = 'mutation { setPassportTargets(targets: ["data-clerk"]) { targets { slug } } }'
    const forged = await post(t, mutation, { cookie: session.cookie })
    expect(forged.status).toBe(403)
    expect(codes(forged.body)).toEqual(['csrf.invalid'])
    const crossSite = await post(t, mutation, { cookie: session.cookie, 'x-csrf-token': session.csrf, 'sec-fetch-site': 'cross-site' })
    expect(crossSite.status).toBe(403)
    const ok = await post(t, mutation, browser(session))
    expect(ok.status).toBe(200)
    expect(ok.body).toEqual({ data: { setPassportTargets: { targets: [{ slug: 'data-clerk' }] } } })
    const read = await t.app.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent('{ me { id passport { targets { slug } } plans { id } cohorts { id } } }')}`, headers: { cookie: session.cookie } })
    expect(read.json()).toEqual({ data: { me: { id: userId, passport: { targets: [{ slug: 'data-clerk' }] }, plans: [], cohorts: [] } } })
  })

  it('refuses the passport write to a child whose parent has not agreed yet (consent.pending), as REST does', async () => {
    const child = await makeUser(t)
    const now = new Date(t.clock.now()).toISOString()
    await t.deps.db.kysely.insertInto('parental_consents').values({
      user_id: child.id, parent_email: 'parent@example.org', status: 'pending', token_hash: null, requested_at: now, expires_at: now, decided_at: null,
    }).execute()
    const childSession = await signin(t, child.email, child.password)
    const a = await post(t, 'mutation { setPassportTargets(targets: ["data-clerk"]) { targets { slug } } }', browser(childSession))
    expect(codes(a.body)).toEqual(['consent.pending'])
    expect(a.body.data ?? null).toBeNull()
    const stored = await t.deps.db.kysely.selectFrom('passport_targets').select('user_id').where('user_id', '=', child.id).execute()
    expect(stored).toEqual([])
  })

  it('does not let __proto__ in variables pollute objects', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' },
      payload: '{"query":"query($after: String) { careers(first: 1, after: $after) { total } }","variables":{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}}',
    })
    expect(res.statusCode).toBeLessThan(500)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('refuses a malformed request body with 400 graphql.invalid, never a server error', async () => {
    for (const payload of ['{"query":1}', '{"query":true}', '{"query":"{ __typename }","operationName":1}', '{"query":"{ __typename }","variables":[1]}', '{"query":"{ __typename }","extensions":"x"}', '{}']) {
      const res = await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload })
      expect(res.statusCode, payload).toBe(400)
      expect(res.json<Answer>().errors?.[0]?.extensions?.code, payload).toBe('graphql.invalid')
    }
  })

  it('refuses a text/plain or form-encoded POST (a cross-site form could send those) with 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': type }, payload: type === 'text/plain' ? '{"query":"{ skill(id: \\"sql\\") { name } }"}' : 'query=%7B%20skill(id%3A%20%22sql%22)%20%7B%20name%20%7D%20%7D' })
      expect(res.statusCode, type).toBe(415)
      expect(res.json<Answer>().errors?.[0]?.extensions?.code).toBe('graphql.unsupported_media_type')
    }
  })

  it('refuses the passport write to an API key (session only) with auth.session_required', async () => {
    const { key } = await t.deps.identity.apiKeys.create(userId, { name: 'gql', scopes: ['read', 'write'] })
    const a = await post(t, 'mutation { setPassportTargets(targets: []) { targets { slug } } }', { authorization: `Bearer ${key}` })
    expect(codes(a.body)).toEqual(['auth.session_required'])
    // Its read of the passport is written to the learner's access log, as over REST.
    const before = await t.deps.db.kysely.selectFrom('access_log').select('id').where('learner_id', '=', userId).execute()
    const r = await post(t, '{ me { passport { targets { slug } } } }', { authorization: `Bearer ${key}` })
    expect(r.body.errors).toBeUndefined()
    const after = await t.deps.db.kysely.selectFrom('access_log').select(['id', 'record']).where('learner_id', '=', userId).execute()
    expect(after.length).toBe(before.length + 1)
  })
})

/** Spies on every catalog service method a query here could reach; returns the total call count. */
function spyResolvers() {
  const spies = (['list', 'profile', 'skill', 'credential'] as const).map((m) => vi.spyOn(t.deps.careers, m))
  spies.push(vi.spyOn(t.deps.search, 'search') as never)
  return { calls: () => spies.reduce((n, s) => n + s.mock.calls.length, 0), restore: () => spies.forEach((s) => s.mockRestore()) }
}

/** Runs a document expected to pass and one expected to be refused with `code` before any resolver. */
async function limitCase(under: string, over: string, code: string) {
  const spy = spyResolvers()
  try {
    const ok = await post(t, under)
    expect(ok.body.errors, `${code}: under the limit`).toBeUndefined()
    expect(spy.calls()).toBeGreaterThan(0)
    const before = spy.calls()
    const refused = await post(t, over)
    expect(refused.status, `${code}: over the limit`).toBe(400)
    expect(codes(refused.body)).toContain(code)
    expect(refused.body.data ?? null).toBeNull()
    expect(spy.calls(), `${code}: no resolver ran`).toBe(before)
  } finally {
    spy.restore()
  }
}

describe('limits, enforced before execution', () => {
  const deep = (leaf: string) => `{ career(slug: "data-clerk") { skills(first: 1) { skill { careers(first: 1) { skills(first: 1) { skill { careers(first: 1) { ${leaf} } } } } } } } }`

  it(`depth: ${LIMITS.maxDepth} levels pass, one more is refused (graphql.depth_limit)`, async () => {
    await limitCase(deep('slug'), deep('skills(first: 1) { id }'), 'graphql.depth_limit')
  })

  it(`aliases: ${LIMITS.maxAliases} pass, one more is refused (graphql.alias_limit)`, async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: skill(id: "sql") { name }`).join(' ')} }`
    await limitCase(aliases(LIMITS.maxAliases), aliases(LIMITS.maxAliases + 1), 'graphql.alias_limit')
  })

  it(`tokens: under ${LIMITS.maxTokens} pass, more are refused while parsing (graphql.token_limit)`, async () => {
    // 15 tokens (end of document included) around the list, one per value in it.
    const tokens = (n: number) => `{ search(q: "sql", type: [${'skill '.repeat(n - 15)}]) { total } }`
    await limitCase(tokens(LIMITS.maxTokens), tokens(LIMITS.maxTokens + 1), 'graphql.token_limit')
  })

  it(`cost: ${LIMITS.maxCost} pass, more is refused (graphql.cost_limit)`, async () => {
    // 1 + 16 (skills) + 16 (skill) + 16 (careers) + 16·16 (skills) + 16·16·h (id)
    const costly = (h: number) => `{ career(slug: "data-clerk") { skills(first: 16) { skill { careers(first: 16) { skills(first: ${h}) { id } } } } } }`
    expect(1 + 48 + 256 + 256 * 18).toBeLessThanOrEqual(LIMITS.maxCost)
    expect(1 + 48 + 256 + 256 * 19).toBeGreaterThan(LIMITS.maxCost)
    await limitCase(costly(18), costly(19), 'graphql.cost_limit')
  })

  it('first: 100 passes, 101 is refused before execution (graphql.list_limit)', async () => {
    await limitCase('{ careers(first: 100) { total } }', '{ careers(first: 101) { total } }', 'graphql.list_limit')
  })

  it(`directives: ${LIMITS.maxDirectives} pass, one more is refused (graphql.directive_limit)`, async () => {
    const directives = (n: number) => `{ skill(id: "sql") { ${Array.from({ length: n }, () => 'name @include(if: true)').join(' ')} } }`
    await limitCase(directives(LIMITS.maxDirectives), directives(LIMITS.maxDirectives + 1), 'graphql.directive_limit')
  })

  it(`document size: ${LIMITS.maxDocumentChars} characters pass, one more is refused (graphql.document_too_large)`, async () => {
    const sized = (n: number) => { const q = '{ skill(id: "sql") { name } }\n#'; return q + 'x'.repeat(n - q.length) }
    await limitCase(sized(LIMITS.maxDocumentChars), sized(LIMITS.maxDocumentChars + 1), 'graphql.document_too_large')
  })

  it('batching is off: an array of operations is refused', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: JSON.stringify([{ query: '{ skill(id: "sql") { name } }' }, { query: '{ skill(id: "sql") { name } }' }]) })
    expect(res.statusCode).toBe(400)
  })
})

describe('introspection and suggestions', () => {
  it('are on in development and test', async () => {
    const a = await post(t, '{ __schema { queryType { name } } }')
    expect(a.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } })
    const typo = await post(t, '{ skil(id: "sql") { name } }')
    expect(typo.body.errors?.[0]?.message).toMatch(/Did you mean/)
    // The full introspection query of tools like GraphiQL is deep, but passes: introspection is not
    // counted for depth and cost.
    const full = await post(t, getIntrospectionQuery())
    expect(full.body.errors).toBeUndefined()
    expect(JSON.stringify(full.body.data)).toContain('createCohort')
  })

  it('are off in production, and on again with GRAPHQL_INTROSPECTION=true', async () => {
    const env = { ...QUIET, NODE_ENV: 'production', SECRET_KEY: 'production-test-key-8f3a91c2d4e5b6a7f8091a2b3c4d5e6f', PUBLIC_ORIGIN: 'https://pathways.example.org' }
    const prod = await createAuthTestApp({ env })
    try {
      const a = await post(prod, '{ __schema { queryType { name } } }')
      expect(a.status).toBe(400)
      expect([...new Set(codes(a.body))]).toEqual(['graphql.introspection_disabled'])
      expect(a.body.data ?? null).toBeNull()
      const b = await post(prod, '{ __type(name: "Query") { name } }')
      expect([...new Set(codes(b.body))]).toEqual(['graphql.introspection_disabled'])
      const typo = await post(prod, '{ skil(id: "sql") { name } }')
      expect(typo.status).toBe(400)
      expect(codes(typo.body)).toEqual(['graphql.invalid'])
      expect(typo.raw).not.toMatch(/Did you mean/)
      const wrongArg = await post(prod, '{ skill(idd: "sql") { nam } }')
      expect(wrongArg.raw).not.toMatch(/Did you mean/)
      const wrongEnum = await post(prod, 'query($t: [SearchType!]) { search(q: "sql", type: $t) { total } }', {}, { t: ['skil'] })
      expect(wrongEnum.status).toBe(400)
      expect(wrongEnum.raw).not.toMatch(/Did you mean/)
    } finally {
      await prod.close()
    }
    const open = await createAuthTestApp({ env: { ...env, GRAPHQL_INTROSPECTION: 'true' } })
    try {
      const a = await post(open, '{ __schema { queryType { name } } }')
      expect(a.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } })
    } finally {
      await open.close()
    }
  }, 60_000)
})

describe('GraphQL over HTTP', () => {
  it('passes the graphql-http audit with 0 MUST failures', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' })
    const results = await auditServer({ url: `${address}/graphql` })
    const tally: Record<string, Record<string, number>> = {}
    for (const r of results) {
      const level = r.name.split(' ')[0]!
      tally[level] ??= { ok: 0, notice: 0, warn: 0, error: 0 }
      tally[level][r.status] = (tally[level][r.status] ?? 0) + 1
    }
    process.stdout.write(`graphql-http audit: ${results.length} audits ${JSON.stringify(tally)}\n`)
    for (const r of results) if (r.status !== 'ok') process.stdout.write(`  ${r.status} ${r.name}: ${'reason' in r ? r.reason : ''}\n`)
    const mustFailures = results.filter((r) => r.name.startsWith('MUST') && r.status === 'error')
    expect(mustFailures.map((r) => r.name)).toEqual([])
  }, 60_000)
})

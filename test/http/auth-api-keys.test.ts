import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { browser, createAuthTestApp, GOOD_PASSWORD, makeUser, signin, type AuthTestApp, type Session } from '../support/auth.js'

let t: AuthTestApp
beforeAll(async () => {
  t = await createAuthTestApp()
})
afterAll(() => t.close())

async function newKey(session: Session, body: object = { name: 'Integration', scopes: ['read'] }) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/me/api-keys', headers: browser(session), payload: body })
  expect(res.statusCode, res.body).toBe(201)
  return res.json<{ key: string; apiKey: { id: string; prefix: string; scopes: string[]; expiresAt: string; lastUsedAt: string | null } }>()
}

const withKey = (key: string, url = '/api/v1/me', method: 'GET' | 'POST' = 'GET', payload?: object) =>
  t.app.inject({ method, url, headers: { authorization: `Bearer ${key}` }, ...(payload ? { payload } : {}) })

describe('API keys', () => {
  let user: Awaited<ReturnType<typeof makeUser>>
  let session: Session
  beforeAll(async () => {
    user = await makeUser(t)
  })
  beforeEach(async () => {
    session = await signin(t, user.email, GOOD_PASSWORD) // tests move the clock past the idle timeout
  })

  it('are shown once at creation, prefixed pw_live_ with 256 random bits, and listed without the secret', async () => {
    const created = await newKey(session, { name: 'Reporting', scopes: ['write', 'read'], expiresInDays: 30 })
    expect(created.key).toMatch(/^pw_live_[0-9A-Za-z]{43}$/)
    expect(created.apiKey.prefix).toBe(created.key.slice(0, 14))
    expect(created.apiKey.scopes).toEqual(['read', 'write'])
    expect(Date.parse(created.apiKey.expiresAt) - t.clock.now()).toBe(30 * 86_400_000)
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/me/api-keys', headers: browser(session) })
    expect(list.statusCode).toBe(200)
    expect(list.headers['cache-control']).toBe('no-store')
    expect(list.body).not.toContain(created.key)
    expect(list.body).not.toContain(created.key.slice(14))
    expect(list.json().items.map((k: { id: string }) => k.id)).toContain(created.apiKey.id)
  })

  it('authenticate requests in the Authorization header and carry their scopes, recording the last use once a minute', async () => {
    const { key, apiKey } = await newKey(session)
    const res = await withKey(key)
    expect(res.statusCode).toBe(200)
    expect(res.json().id).toBe(user.id)
    const used = async () => (await t.deps.db.kysely.selectFrom('api_keys').select('last_used_at').where('id', '=', apiKey.id).executeTakeFirstOrThrow()).last_used_at
    const first = await used()
    expect(first).toBe(new Date(t.clock.now()).toISOString())
    t.clock.advance(30_000)
    await withKey(key)
    expect(await used()).toBe(first)
    t.clock.advance(30_000)
    await withKey(key)
    expect(await used()).not.toBe(first)
    expect(await t.deps.identity.apiKeys.authenticate(key)).toMatchObject({ kind: 'api-key', userId: user.id, keyId: apiKey.id, scopes: ['read'], schoolId: null })
  })

  it('are exempt from CSRF: a key-authenticated write needs no token or fetch metadata', async () => {
    const { key } = await newKey(session)
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signout', headers: { authorization: `Bearer ${key}`, 'sec-fetch-site': 'cross-site' } })
    expect(res.statusCode).toBe(204)
    // and a key cannot manage keys, sessions or the password: that needs a signed-in session
    const mint = await withKey(key, '/api/v1/me/api-keys', 'POST', { name: 'x', scopes: ['read'] })
    expect(mint.statusCode).toBe(403)
    expect(mint.json().code).toBe('auth.session_required')
  })

  it.each([
    ['?api_key=', (k: string) => `/api/v1/me?api_key=${k}`],
    ['?key=', (k: string) => `/api/v1/careers?key=${k}`],
    ['?access_token=', (k: string) => `/api/v1/me?access_token=${k}`],
    ['a key under any other name', (k: string) => `/api/v1/search?q=${k}`],
  ])('are refused in the query string (%s) with 401 auth.key_in_query', async (_name, url) => {
    const { key } = await newKey(session)
    const res = await t.app.inject({ method: 'GET', url: url(key) })
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('auth.key_in_query')
    expect(res.body).not.toContain(key)
  })

  it.each([
    ['a malformed key', 'Bearer pw_live_short'],
    ['an unknown key', `Bearer pw_live_${'A'.repeat(43)}`],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['a bare key without Bearer', `pw_live_${'A'.repeat(43)}`],
  ])('answer %s with 401 auth.invalid_key', async (_name, authorization) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/careers', headers: { authorization } })
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('auth.invalid_key')
    expect(res.headers['www-authenticate']).toContain('Bearer')
  })

  it('stop working on the next request once revoked', async () => {
    const { key, apiKey } = await newKey(session)
    expect((await withKey(key)).statusCode).toBe(200)
    const revoke = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/api-keys/${apiKey.id}`, headers: browser(session) })
    expect(revoke.statusCode).toBe(204)
    const res = await withKey(key)
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('auth.invalid_key')
    const listed = (await t.app.inject({ method: 'GET', url: '/api/v1/me/api-keys', headers: browser(session) })).json().items.find((k: { id: string }) => k.id === apiKey.id)
    expect(listed.revokedAt).toEqual(expect.any(String))
  })

  it('stop working when they expire', async () => {
    const { key } = await newKey(session, { name: 'short-lived', scopes: ['read'], expiresInDays: 1 })
    t.clock.advance(86_400_000 - 1)
    expect((await withKey(key)).statusCode).toBe(200)
    t.clock.advance(1)
    expect((await withKey(key)).statusCode).toBe(401)
  })

  it('stop working when their owner is disabled or deleted', async () => {
    const owner = await makeUser(t)
    const s = await signin(t, owner.email, GOOD_PASSWORD)
    const { key } = await newKey(s)
    await t.deps.db.kysely.updateTable('users').set({ status: 'disabled' }).where('id', '=', owner.id).execute()
    expect((await withKey(key)).statusCode).toBe(401)
    await t.deps.db.kysely.deleteFrom('users').where('id', '=', owner.id).execute()
    expect((await withKey(key)).statusCode).toBe(401)
    expect(await t.deps.db.kysely.selectFrom('api_keys').select('id').where('user_id', '=', owner.id).execute()).toEqual([])
  })

  it('cannot be revoked by someone else (404) and a second revocation is harmless', async () => {
    const { key, apiKey } = await newKey(session)
    const other = await makeUser(t)
    const s = await signin(t, other.email, GOOD_PASSWORD)
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/api-keys/${apiKey.id}`, headers: browser(s) })
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('api_key.not_found')
    expect((await withKey(key)).statusCode).toBe(200)
    for (let i = 0; i < 2; i++) expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/api-keys/${apiKey.id}`, headers: browser(session) })).statusCode).toBe(204)
  })

  it('take the school scope only with a school the owner belongs to', async () => {
    const db = t.deps.db.kysely
    const school = { id: crypto.randomUUID(), name: 'Eastside', slug: `eastside-${Date.now()}`, created_at: new Date().toISOString() }
    await db.insertInto('schools').values(school).execute()
    const post = (body: object) => t.app.inject({ method: 'POST', url: '/api/v1/me/api-keys', headers: browser(session), payload: body })
    expect((await post({ name: 'x', scopes: ['school'] })).statusCode).toBe(400)
    expect((await post({ name: 'x', scopes: ['read'], schoolId: school.id })).statusCode).toBe(400)
    expect((await post({ name: 'x', scopes: ['school'], schoolId: school.id })).json().code).toBe('school.not_found')
    await db.insertInto('memberships').values({ user_id: user.id, school_id: school.id, role: 'educator', created_at: new Date().toISOString() }).execute()
    const created = await post({ name: 'x', scopes: ['school', 'read'], schoolId: school.id })
    expect(created.statusCode).toBe(201)
    expect(await t.deps.identity.apiKeys.authenticate(created.json().key)).toMatchObject({ scopes: ['read', 'school'], schoolId: school.id })
  })

  it.each([
    ['an unknown scope', { name: 'x', scopes: ['admin'] }],
    ['no scope', { name: 'x', scopes: [] }],
    ['a duplicated scope', { name: 'x', scopes: ['read', 'read'] }],
    ['an expiry beyond a year', { name: 'x', scopes: ['read'], expiresInDays: 366 }],
    ['a privileged extra field', { name: 'x', scopes: ['read'], userId: 'someone-else' }],
    ['a name too long', { name: 'n'.repeat(101), scopes: ['read'] }],
  ])('refuse %s with 400', async (_name, body) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/me/api-keys', headers: browser(session), payload: body })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('request.invalid')
  })
})

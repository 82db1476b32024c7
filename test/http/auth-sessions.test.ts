import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browser, createAuthTestApp, GOOD_PASSWORD, makeUser, setCookie, signin, type AuthTestApp, type Session } from '../support/auth.js'

let t: AuthTestApp
beforeAll(async () => {
  t = await createAuthTestApp({ env: { SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '12' } })
})
afterAll(() => t.close())

const me = (session: Session | { cookie: string }) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } })
const write = (url: string, session: Session, payload?: object, method: 'POST' | 'DELETE' = 'POST', headers = browser(session)) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) })

describe('timeouts', () => {
  it('ends a session after 30 idle minutes, and not before', async () => {
    const user = await makeUser(t)
    const session = await signin(t, user.email, GOOD_PASSWORD)
    t.clock.advance(29 * 60_000)
    expect((await me(session)).statusCode).toBe(200) // activity: the idle clock starts again
    t.clock.advance(29 * 60_000)
    expect((await me(session)).statusCode).toBe(200)
    t.clock.advance(30 * 60_000)
    const res = await me(session)
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('auth.required')
  })

  it('ends an active session 12 hours after sign-in', async () => {
    const user = await makeUser(t)
    const session = await signin(t, user.email, GOOD_PASSWORD)
    for (let hour = 0; hour < 11; hour++) {
      t.clock.advance(20 * 60_000)
      expect((await me(session)).statusCode).toBe(200)
      t.clock.advance(20 * 60_000)
      expect((await me(session)).statusCode).toBe(200)
      t.clock.advance(20 * 60_000)
      expect((await me(session)).statusCode).toBe(200)
    }
    t.clock.advance(20 * 60_000)
    expect((await me(session)).statusCode).toBe(200)
    t.clock.advance(20 * 60_000)
    expect((await me(session)).statusCode).toBe(200)
    t.clock.advance(20 * 60_000 - 1) // 11:59:59.999 after sign-in
    expect((await me(session)).statusCode).toBe(200)
    t.clock.advance(1)
    expect((await me(session)).statusCode).toBe(401)
  })
})

describe('sign-out', () => {
  it('ends the session on the server and clears the cookie', async () => {
    const user = await makeUser(t)
    const session = await signin(t, user.email, GOOD_PASSWORD)
    const res = await write('/api/v1/auth/signout', session)
    expect(res.statusCode).toBe(204)
    expect(setCookie(res)?.raw).toMatch(/^__Host-sid=; .*Max-Age=0/)
    expect((await me(session)).statusCode).toBe(401)
  })

  it('ends every session of the account with sign-out everywhere', async () => {
    const user = await makeUser(t)
    const a = await signin(t, user.email, GOOD_PASSWORD)
    const b = await signin(t, user.email, GOOD_PASSWORD)
    const other = await makeUser(t)
    const c = await signin(t, other.email, GOOD_PASSWORD)
    expect((await write('/api/v1/auth/signout-everywhere', a)).statusCode).toBe(204)
    expect((await me(a)).statusCode).toBe(401)
    expect((await me(b)).statusCode).toBe(401)
    expect((await me(c)).statusCode).toBe(200)
  })

  it('lists my sessions without their ids and ends one of them', async () => {
    const user = await makeUser(t)
    const a = await signin(t, user.email, GOOD_PASSWORD, { 'user-agent': 'Laptop browser' })
    const b = await signin(t, user.email, GOOD_PASSWORD, { 'user-agent': 'Phone browser' })
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/me/sessions', headers: browser(a) })
    expect(list.statusCode).toBe(200)
    const items = list.json<{ items: { id: string; userAgent: string; current: boolean }[] }>().items
    expect(items.map((s) => s.userAgent).sort()).toEqual(['Laptop browser', 'Phone browser'])
    expect(items.find((s) => s.current)?.userAgent).toBe('Laptop browser')
    expect(list.body).not.toContain(a.token)
    expect(list.body).not.toContain(b.token)
    const phone = items.find((s) => !s.current)!
    expect((await write(`/api/v1/me/sessions/${phone.id}`, a, undefined, 'DELETE')).statusCode).toBe(204)
    expect((await me(b)).statusCode).toBe(401)
    expect((await me(a)).statusCode).toBe(200)
    // someone else's session id is not found, not ended
    const stranger = await makeUser(t)
    const s = await signin(t, stranger.email, GOOD_PASSWORD)
    const theirs = (await t.app.inject({ method: 'GET', url: '/api/v1/me/sessions', headers: browser(s) })).json<{ items: { id: string }[] }>().items[0]!
    const res = await write(`/api/v1/me/sessions/${theirs.id}`, a, undefined, 'DELETE')
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('session.not_found')
    expect((await me(s)).statusCode).toBe(200)
  })
})

describe('a disabled or deleted account', () => {
  it('loses its sessions on the next request', async () => {
    const user = await makeUser(t)
    const session = await signin(t, user.email, GOOD_PASSWORD)
    expect((await me(session)).statusCode).toBe(200)
    await t.deps.db.kysely.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute()
    expect((await me(session)).statusCode).toBe(401)
    await t.deps.db.kysely.updateTable('users').set({ status: 'active' }).where('id', '=', user.id).execute()
    expect((await me(session)).statusCode).toBe(401) // the session was ended, not suspended
  })

  it('loses its sessions when deleted', async () => {
    const user = await makeUser(t)
    const session = await signin(t, user.email, GOOD_PASSWORD)
    await t.deps.db.kysely.deleteFrom('users').where('id', '=', user.id).execute()
    expect((await me(session)).statusCode).toBe(401)
    expect(await t.deps.db.kysely.selectFrom('sessions').select('id_hash').where('user_id', '=', user.id).execute()).toEqual([])
  })
})

describe('password change', () => {
  it('needs the current password', async () => {
    const user = await makeUser(t)
    const session = await signin(t, user.email, GOOD_PASSWORD)
    const missing = await write('/api/v1/me/password', session, { newPassword: 'a brand new passphrase' })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().errors).toEqual([expect.objectContaining({ pointer: '/body/currentPassword' })])
    const wrong = await write('/api/v1/me/password', session, { currentPassword: 'not my password', newPassword: 'a brand new passphrase' })
    expect(wrong.statusCode).toBe(401)
    expect(wrong.json().code).toBe('auth.invalid_credentials')
    const weak = await write('/api/v1/me/password', session, { currentPassword: GOOD_PASSWORD, newPassword: 'letmein1' })
    expect(weak.json().code).toBe('password.common')
  })

  it('rotates the session, and with signOutOtherSessions ends the others', async () => {
    const user = await makeUser(t)
    const here = await signin(t, user.email, GOOD_PASSWORD)
    const elsewhere = await signin(t, user.email, GOOD_PASSWORD)
    const res = await write('/api/v1/me/password', here, { currentPassword: GOOD_PASSWORD, newPassword: 'a brand new passphrase', signOutOtherSessions: true })
    expect(res.statusCode).toBe(200)
    const rotated = setCookie(res)!.value
    expect(rotated).not.toBe(here.token)
    expect((await me(here)).statusCode).toBe(401)
    expect((await me(elsewhere)).statusCode).toBe(401)
    const now = { cookie: `__Host-sid=${rotated}`, csrf: res.json<{ csrfToken: string }>().csrfToken, token: rotated }
    expect((await me(now)).statusCode).toBe(200)
    expect(now.csrf).not.toBe(here.csrf)
    expect((await write('/api/v1/auth/signout', now)).statusCode).toBe(204)
    await signin(t, user.email, 'a brand new passphrase')
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/signin', payload: { email: user.email, password: GOOD_PASSWORD } })).statusCode).toBe(401)
  })

  it('keeps other sessions when not asked to end them', async () => {
    const user = await makeUser(t)
    const here = await signin(t, user.email, GOOD_PASSWORD)
    const elsewhere = await signin(t, user.email, GOOD_PASSWORD)
    expect((await write('/api/v1/me/password', here, { currentPassword: GOOD_PASSWORD, newPassword: 'a brand new passphrase' })).statusCode).toBe(200)
    expect((await me(elsewhere)).statusCode).toBe(200)
  })
})

describe('CSRF', () => {
  let session: Session
  beforeAll(async () => {
    const user = await makeUser(t)
    session = await signin(t, user.email, GOOD_PASSWORD)
  })
  const newKey = (headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/me/api-keys', headers, payload: { name: 'csrf test', scopes: ['read'] } })

  it('accepts a same-origin write with the token', async () => {
    expect((await newKey(browser(session))).statusCode).toBe(201)
  })

  it.each([
    ['a cross-site request with the cookie and the token', { 'sec-fetch-site': 'cross-site', withToken: true }],
    ['a same-site (sibling subdomain) request', { 'sec-fetch-site': 'same-site', withToken: true }],
    ['a same-origin request without the token', { 'sec-fetch-site': 'same-origin', withToken: false }],
    ['a same-origin request with a wrong token', { 'sec-fetch-site': 'same-origin', withToken: false, token: 'x'.repeat(43) }],
    ['no fetch metadata and a foreign Origin', { origin: 'https://evil.example', withToken: true }],
    ['no fetch metadata and no Origin', { withToken: true }],
  ])('refuses %s with 403 csrf.invalid', async (_name, variant) => {
    const { withToken, token, ...rest } = variant as { withToken: boolean; token?: string; [h: string]: unknown }
    const headers: Record<string, string> = { cookie: session.cookie, ...(rest as Record<string, string>) }
    if (withToken) headers['x-csrf-token'] = session.csrf
    if (token) headers['x-csrf-token'] = token
    const res = await newKey(headers)
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('csrf.invalid')
  })

  it('accepts no fetch metadata with an Origin matching the Host (older browsers)', async () => {
    const res = await newKey({ cookie: session.cookie, 'x-csrf-token': session.csrf, origin: 'http://pathways.test', host: 'pathways.test' })
    expect(res.statusCode).toBe(201)
  })

  it('checks the Origin against PUBLIC_ORIGIN when it is set', async () => {
    const other = await createAuthTestApp({ env: { PUBLIC_ORIGIN: 'https://pathways.example.org' } })
    try {
      const user = await makeUser(other)
      const s = await signin(other, user.email, GOOD_PASSWORD)
      const post = (origin: string) => other.app.inject({ method: 'POST', url: '/api/v1/auth/signout', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, origin, host: 'internal:3000' } })
      expect((await post('http://internal:3000')).statusCode).toBe(403)
      expect((await post('https://pathways.example.org')).statusCode).toBe(204)
    } finally {
      await other.close()
    }
  })

  it('never needs a token for GET, and hands the token out at GET /auth/csrf', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/csrf', headers: { cookie: session.cookie, 'sec-fetch-site': 'cross-site' } })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ csrfToken: session.csrf })
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/csrf' })).statusCode).toBe(401)
  })

  it('refuses a form-encoded or text/plain cross-site post outright', async () => {
    const form = await t.app.inject({ method: 'POST', url: '/api/v1/me/api-keys', headers: { cookie: session.cookie, 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=x&scopes=read' })
    expect(form.statusCode).toBe(403)
    const text = await t.app.inject({ method: 'POST', url: '/api/v1/me/api-keys', headers: { ...browser(session), 'content-type': 'text/plain' }, payload: '{"name":"x","scopes":["read"]}' })
    expect(text.statusCode).toBe(400) // read as a string, which is not the JSON object the route takes
  })

  it('logs each refusal as a security event', () => {
    expect(t.logs.filter((l) => l.event === 'auth.csrf.rejected').length).toBeGreaterThanOrEqual(6)
  })
})

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createPasswordHasher, parsePhc } from '../../server/modules/identity/passwords.js'
import { browser, createAuthTestApp, GOOD_PASSWORD, lastMail, makeUser, setCookie, signin, tokenInMail, uniqueEmail, type AuthTestApp } from '../support/auth.js'

let t: AuthTestApp
beforeAll(async () => {
  t = await createAuthTestApp()
})
afterAll(() => t.close())

const post = (url: string, payload: unknown, headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' }) =>
  t.app.inject({ method: 'POST', url, headers, payload: payload as object })

describe('sign-up', () => {
  it('creates an unverified account, mails a verification link and never returns a hash or token', async () => {
    const email = uniqueEmail('new')
    const res = await post('/api/v1/auth/signup', { email: email.toUpperCase(), password: GOOD_PASSWORD, displayName: 'Ada Lovelace' })
    expect(res.statusCode).toBe(201)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.json()).toEqual({ email, message: expect.any(String) })
    const user = await t.deps.db.kysely.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow()
    expect(user.email_verified_at).toBeNull()
    expect(user.platform_role).toBe('user')
    expect(parsePhc(user.password_hash)?.type).toBe('argon2id')
    const mail = await lastMail(t, email)
    expect(mail?.body).toMatch(/\/verify-email\?token=[A-Za-z0-9_-]{43}/)

    const verify = await post('/api/v1/auth/verify-email', { token: tokenInMail(mail?.body) })
    expect(verify.statusCode).toBe(204)
    const session = await signin(t, email, GOOD_PASSWORD)
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } })
    expect(me.json()).toEqual({ id: user.id, email, displayName: 'Ada Lovelace', emailVerified: true, platformRole: 'user', memberships: [], parentalConsent: 'not_required' })
    expect(me.body).not.toContain('argon2')
  })

  it('answers the same for an address that already has an account, and mails its owner instead', async () => {
    const existing = await makeUser(t)
    const fresh = uniqueEmail('fresh')
    const a = await post('/api/v1/auth/signup', { email: existing.email, password: 'another good passphrase', displayName: 'Someone' })
    const b = await post('/api/v1/auth/signup', { email: fresh, password: 'another good passphrase', displayName: 'Someone' })
    expect(a.statusCode).toBe(b.statusCode)
    expect(a.json().message).toBe(b.json().message)
    expect((await lastMail(t, existing.email))?.subject).toBe('Your Pathways account')
    const count = await t.deps.db.kysely.selectFrom('users').select(({ fn }) => fn.countAll().as('n')).where('email', '=', existing.email).executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(1)
  })

  it.each([
    ['a short password', { password: 'short' }, 'password.too_short'],
    ['a common password', { password: 'password123' }, 'password.common'],
    ['the address as password', { password: 'SAME-AS-EMAIL' }, 'password.common'],
    ['a password over 1024 characters', { password: 'x'.repeat(1025) }, 'password.too_long'],
    ['a bad address', { email: 'not-an-address' }, 'request.invalid'],
    ['an extra privileged field', { platformRole: 'platform_admin' }, 'request.invalid'],
    ['a number as password', { password: 12345678 }, 'request.invalid'],
    ['an object as email', { email: { $ne: null } }, 'request.invalid'],
  ])('refuses %s with 400 %s', async (_name, change, code) => {
    const email = uniqueEmail('refused')
    const body: Record<string, unknown> = { email, password: 'a fine passphrase', displayName: 'Refused', ...change }
    if (body.password === 'SAME-AS-EMAIL') body.password = email
    const res = await post('/api/v1/auth/signup', body)
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json().code).toBe(code)
    expect(await t.deps.db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()).toBeUndefined()
  })

  it('accepts 64- and 128-character Unicode passwords, and signs in with the NFD spelling of an NFC password', async () => {
    const p64 = `${'🦊'.repeat(20)}${'é'.repeat(20)}${'Ω'.repeat(24)}`.normalize('NFC')
    for (const password of [p64, p64.repeat(2)]) {
      const email = uniqueEmail('unicode')
      expect((await post('/api/v1/auth/signup', { email, password, displayName: 'Unicode' })).statusCode).toBe(201)
      await signin(t, email, password.normalize('NFD'))
    }
  })
})

describe('sign-in', () => {
  it('sets a __Host- session cookie with Secure, HttpOnly, SameSite=Lax, Path=/ and no Domain', async () => {
    const user = await makeUser(t)
    const res = await post('/api/v1/auth/signin', { email: user.email, password: GOOD_PASSWORD })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const cookie = setCookie(res)!
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/) // 256 bits
    expect(cookie.attributes).toEqual(expect.arrayContaining(['Path=/', 'Secure', 'HttpOnly', 'SameSite=Lax']))
    expect(cookie.attributes.some((a) => /^domain=/i.test(a))).toBe(false)
    expect(res.json().user.email).toBe(user.email)
    expect(res.json().csrfToken).toEqual(expect.any(String))
    const stored = await t.deps.db.kysely.selectFrom('sessions').select('id_hash').where('user_id', '=', user.id).execute()
    expect(stored.map((s) => s.id_hash)).not.toContain(cookie.value)
  })

  it('gives a new session id at sign-in and ends the one the browser had', async () => {
    const user = await makeUser(t)
    const before = await signin(t, user.email, GOOD_PASSWORD)
    // Signing in again while signed in is a cookie-authenticated write: it needs the CSRF token too.
    const refused = await post('/api/v1/auth/signin', { email: user.email, password: GOOD_PASSWORD }, { 'sec-fetch-site': 'same-origin', cookie: before.cookie })
    expect(refused.json().code).toBe('csrf.invalid')
    const after = await signin(t, user.email, GOOD_PASSWORD, browser(before))
    expect(after.token).not.toBe(before.token)
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: before.cookie } })).statusCode).toBe(401)
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: after.cookie } })).statusCode).toBe(200)
  })

  it('answers an unknown address and a wrong password identically (status, body, headers)', async () => {
    const user = await makeUser(t)
    const unknown = await post('/api/v1/auth/signin', { email: uniqueEmail('nobody'), password: 'wrong password here' })
    const wrong = await post('/api/v1/auth/signin', { email: user.email, password: 'wrong password here' })
    expect(unknown.statusCode).toBe(401)
    expect(wrong.statusCode).toBe(401)
    expect(wrong.body).toBe(unknown.body)
    expect(wrong.json().code).toBe('auth.invalid_credentials')
    const strip = (h: Record<string, unknown>) => Object.fromEntries(Object.entries(h).filter(([k]) => !['x-request-id', 'date'].includes(k)))
    expect(strip(wrong.headers)).toEqual(strip(unknown.headers))
  })

  it('answers a disabled account with the right password like a wrong password', async () => {
    const user = await makeUser(t, { status: 'disabled' })
    const res = await post('/api/v1/auth/signin', { email: user.email, password: GOOD_PASSWORD })
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('auth.invalid_credentials')
  })

  it('runs a dummy verification for unknown addresses, so they cost what a wrong password costs', async () => {
    const dummy = vi.spyOn(t.deps.identity.hasher, 'dummyVerify')
    await post('/api/v1/auth/signin', { email: uniqueEmail('ghost'), password: 'whatever it is' })
    expect(dummy).toHaveBeenCalledTimes(1)
    dummy.mockRestore()
  })

  it('finds the account whatever the case or Unicode form of the address', async () => {
    const user = await makeUser(t, { email: `zoë-${Date.now()}@example.org`.normalize('NFC') })
    await signin(t, user.email.toUpperCase().normalize('NFD'), GOOD_PASSWORD)
  })

  it('refuses a cross-site sign-in (login CSRF) but allows clients that send no fetch metadata', async () => {
    const user = await makeUser(t)
    const cross = await post('/api/v1/auth/signin', { email: user.email, password: GOOD_PASSWORD }, { 'sec-fetch-site': 'cross-site' })
    expect(cross.statusCode).toBe(403)
    expect(cross.json().code).toBe('csrf.invalid')
    expect((await post('/api/v1/auth/signin', { email: user.email, password: GOOD_PASSWORD }, {})).statusCode).toBe(200)
  })
})

describe('rehash when the configured parameters rise', () => {
  it('replaces a stored hash made with weaker parameters at the next successful sign-in', async () => {
    const stronger = await createAuthTestApp({ deps: { hasher: createPasswordHasher({ params: { memoryCost: 24576, timeCost: 3, parallelism: 1 } }) } })
    try {
      const weak = await createPasswordHasher().hash(GOOD_PASSWORD)
      const user = await makeUser(stronger, { password_hash: weak })
      await signin(stronger, user.email, GOOD_PASSWORD)
      const row = await stronger.deps.db.kysely.selectFrom('users').select(['password_hash', 'password_changed_at']).where('id', '=', user.id).executeTakeFirstOrThrow()
      expect(row.password_hash).not.toBe(weak)
      expect(parsePhc(row.password_hash)).toMatchObject({ type: 'argon2id', memoryCost: 24576, timeCost: 3 })
      expect(row.password_changed_at).toBe(user.password_changed_at) // same password: reset links stay valid
      await signin(stronger, user.email, GOOD_PASSWORD)
      expect(stronger.logs.some((l) => l.event === 'auth.password.rehashed')).toBe(true)
    } finally {
      await stronger.close()
    }
  })
})

describe('me', () => {
  it('answers 401 problem+json without a session or key', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me' })
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('auth.required')
    expect(res.headers['cache-control']).toBe('no-store')
  })

  it('lists the schools the person belongs to with their role', async () => {
    const user = await makeUser(t)
    const db = t.deps.db.kysely
    await db.insertInto('schools').values({ id: crypto.randomUUID(), name: 'Northside High', slug: `northside-${user.id.slice(0, 8)}`, created_at: new Date().toISOString() }).execute()
    const school = await db.selectFrom('schools').selectAll().where('name', '=', 'Northside High').executeTakeFirstOrThrow()
    await db.insertInto('memberships').values({ user_id: user.id, school_id: school.id, role: 'learner', created_at: new Date().toISOString() }).execute()
    const session = await signin(t, user.email, GOOD_PASSWORD)
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: browser(session) })
    expect(me.json().memberships).toEqual([{ schoolId: school.id, schoolName: 'Northside High', schoolSlug: school.slug, role: 'learner' }])
  })
})

describe('OpenAPI', () => {
  it('documents every auth and me route, with strict request bodies and no secret in any response schema', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{ paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { additionalProperties?: boolean } }> }; responses: Record<string, unknown> }>> }>()
    const expected = [
      'post /api/v1/auth/signup', 'post /api/v1/auth/signin', 'post /api/v1/auth/signout', 'post /api/v1/auth/signout-everywhere', 'get /api/v1/auth/csrf',
      'post /api/v1/auth/verify-email', 'post /api/v1/auth/verify-email/resend', 'get /api/v1/auth/parental-consent', 'post /api/v1/auth/parental-consent',
      'post /api/v1/me/parental-consent/resend', 'post /api/v1/auth/password-reset/request', 'post /api/v1/auth/password-reset/confirm', 'post /api/v1/auth/setup',
      'get /api/v1/me', 'post /api/v1/me/password', 'get /api/v1/me/api-keys', 'post /api/v1/me/api-keys', 'delete /api/v1/me/api-keys/{id}',
      'get /api/v1/me/sessions', 'delete /api/v1/me/sessions/{id}', 'get /api/v1/me/access-log', 'get /api/v1/me/export', 'delete /api/v1/me',
    ]
    const found = Object.entries(spec.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)).filter((r) => /\/api\/v1\/(auth|me)\b/.test(r))
    // Every account route is documented (the passport's /me routes are checked in their own tests).
    expect(found).toEqual(expect.arrayContaining(expected))
    for (const [p, ops] of Object.entries(spec.paths)) {
      if (!/\/api\/v1\/(auth|me)\b/.test(p)) continue
      for (const op of Object.values(ops)) {
        const body = op.requestBody?.content['application/json']?.schema
        if (body) expect(body.additionalProperties, p).toBe(false)
        expect(JSON.stringify(op.responses)).not.toMatch(/password_?hash|key_?hash|id_?hash/i)
      }
    }
  })
})

describe('hashing capacity', () => {
  it('answers 503 service.busy with Retry-After when more sign-ins wait than the queue holds', async () => {
    const { createPasswordHasher } = await import('../../server/modules/identity/passwords.js')
    const tight = await createAuthTestApp({ deps: { hasher: createPasswordHasher({ concurrency: 1, maxWaiting: 1 }) } })
    try {
      const user = await makeUser(tight)
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) =>
        tight.app.inject({ method: 'POST', url: '/api/v1/auth/signin', remoteAddress: `192.0.2.${i + 1}`, payload: { email: user.email, password: GOOD_PASSWORD } })))
      const statuses = results.map((r) => r.statusCode)
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2)
      const busy = results.filter((r) => r.statusCode === 503)
      expect(busy.length).toBeGreaterThanOrEqual(1)
      expect(busy[0]!.headers['retry-after']).toBe('1')
      expect(busy[0]!.json().code).toBe('service.busy')
    } finally {
      await tight.close()
    }
  })
})

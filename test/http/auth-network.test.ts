/**
 * Client addresses and the limits keyed on them (SECURITY.md H4, A3): X-Forwarded-For counts only
 * when the peer is a configured proxy; sign-ups are limited per address; a new verification link
 * can be asked for without telling whether an address has an account; a school keeps an admin.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { loadConfig, ConfigError } from '../../server/config.js'
import { GOOD_PASSWORD, browser, createAuthTestApp, lastMail, makeUser, signin, tokenInMail, uniqueEmail, type AuthTestApp } from '../support/auth.js'

const apps: AuthTestApp[] = []
afterAll(async () => { await Promise.all(apps.map((a) => a.close())) })
async function app(env: Record<string, string> = {}, policies = {}) {
  const t = await createAuthTestApp({ env, deps: { throttlePolicies: policies } })
  apps.push(t)
  return t
}

const badSignin = (t: AuthTestApp, email: string, headers: Record<string, string>, remoteAddress = '203.0.113.7') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/signin', remoteAddress, headers: { 'sec-fetch-site': 'same-origin', ...headers }, payload: { email, password: 'not the password at all' } })

// IP limit: 2 free failures, so the third failure blocks the address.
const TIGHT_IP = { ip: { freeFailures: 2, baseDelayMs: 60_000, maxDelayMs: 60_000, quietMs: 3_600_000 } }

describe('trusted proxies (H4)', () => {
  it('ignores X-Forwarded-For from a peer that is not a configured proxy: the peer itself is limited', async () => {
    const t = await app({}, TIGHT_IP)
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) statuses.push((await badSignin(t, uniqueEmail(), { 'x-forwarded-for': `198.51.100.${i + 1}` })).statusCode)
    expect(statuses).toEqual([401, 401, 429, 429])
  })

  it('believes X-Forwarded-For from a configured proxy: each client is limited on its own', async () => {
    const t = await app({ TRUST_PROXY: '10.0.0.0/8, loopback' }, TIGHT_IP)
    const viaProxy = (client: string) => badSignin(t, uniqueEmail(), { 'x-forwarded-for': client }, '10.1.2.3')
    for (let i = 0; i < 2; i++) expect((await viaProxy('198.51.100.1')).statusCode).toBe(401)
    expect((await viaProxy('198.51.100.1')).statusCode).toBe(429)
    // Another client behind the same proxy is not blocked by the first one's failures …
    expect((await viaProxy('198.51.100.2')).statusCode).toBe(401)
    // … and a client cannot escape its block by prepending a made-up address: the proxy's own entry counts.
    expect((await viaProxy('192.0.2.99, 198.51.100.1')).statusCode).toBe(429)
  })

  it('refuses a TRUST_PROXY that is not addresses, ranges or the named ones', () => {
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, ::1, 10.0.0.0/8, uniquelocal' }).auth.trustedProxies).toEqual(['127.0.0.1', '::1', '10.0.0.0/8', 'uniquelocal'])
    for (const bad of ['everyone', '10.0.0.0/33', '300.1.1.1', '10.0.0.0/8/1', ' , ']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(ConfigError)
    }
    expect(loadConfig({}).auth.trustedProxies).toEqual([])
  })
})

describe('sign-up limit per address', () => {
  it('answers 429 with Retry-After once an address has made too many sign-ups, before hashing; others go on', async () => {
    const t = await app({}, { signup: { freeFailures: 3, baseDelayMs: 30_000, maxDelayMs: 60_000, quietMs: 3_600_000 } })
    const signup = (remoteAddress: string) => t.app.inject({
      method: 'POST', url: '/api/v1/auth/signup', remoteAddress, headers: { 'sec-fetch-site': 'same-origin' },
      payload: { email: uniqueEmail(), password: GOOD_PASSWORD, displayName: 'Someone' },
    })
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await signup('203.0.113.50')).statusCode)
    expect(statuses).toEqual([201, 201, 201, 429, 429])
    const limited = await signup('203.0.113.50')
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect(limited.json().code).toBe('auth.throttled')
    expect((await signup('203.0.113.51')).statusCode).toBe(201)
    t.clock.advance(61_000)
    expect((await signup('203.0.113.50')).statusCode).toBe(201)
    expect(t.logs.some((l) => l.event === 'auth.signup.throttled')).toBe(true)
  })
})

describe('new verification link', () => {
  it('answers the same for unknown, verified and unverified addresses; mails only the unverified, at most 3 an hour', async () => {
    const t = await app()
    const email = uniqueEmail('unverified')
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', headers: { 'sec-fetch-site': 'same-origin' }, payload: { email, password: GOOD_PASSWORD, displayName: 'Pat' } })
    const verified = await makeUser(t)
    const resend = (address: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email/resend', headers: { 'sec-fetch-site': 'same-origin' }, payload: { email: address } })
    const answers = await Promise.all([resend(email), resend(verified.email), resend(uniqueEmail('nobody'))])
    expect(answers.map((a) => a.statusCode)).toEqual([202, 202, 202])
    expect(new Set(answers.map((a) => a.body)).size).toBe(1)
    expect(await lastMail(t, verified.email)).toBeUndefined()
    const count = async () => (await t.deps.db.kysely.selectFrom('mail_outbox').select('id').where('to_address', '=', email).execute()).length
    expect(await count()).toBe(2) // the sign-up mail and one resend
    await resend(email)
    await resend(email)
    expect(await count()).toBe(3) // three links in the hour, then nothing more
    const token = tokenInMail((await lastMail(t, email))?.body)
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', headers: { 'sec-fetch-site': 'same-origin' }, payload: { token } })).statusCode).toBe(204)
  })
})

describe('a school keeps an admin', () => {
  it('refuses to remove or demote the only admin (409 school.last_admin), allows it once there is another', async () => {
    const t = await app()
    const root = await makeUser(t, { platform_role: 'platform_admin' })
    const rootSession = await signin(t, root.email, root.password)
    const admin = await makeUser(t)
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/schools', headers: browser(rootSession), payload: { name: 'Hillside', adminEmail: admin.email } })
    expect(created.statusCode).toBe(201)
    const schoolId = created.json().id as string
    const adminSession = await signin(t, admin.email, admin.password)
    const members = `/api/v1/schools/${schoolId}/members/${admin.id}`
    const leave = await t.app.inject({ method: 'DELETE', url: members, headers: browser(adminSession) })
    expect(leave.statusCode).toBe(409)
    expect(leave.json().code).toBe('school.last_admin')
    const demote = await t.app.inject({ method: 'PATCH', url: members, headers: browser(rootSession), payload: { role: 'learner' } })
    expect(demote.json().code).toBe('school.last_admin')
    const remove = await t.app.inject({ method: 'DELETE', url: members, headers: browser(rootSession) })
    expect(remove.json().code).toBe('school.last_admin')

    const second = await makeUser(t)
    await t.deps.db.kysely.insertInto('memberships').values({ user_id: second.id, school_id: schoolId, role: 'school_admin', created_at: new Date(t.clock.now()).toISOString() }).execute()
    expect((await t.app.inject({ method: 'DELETE', url: members, headers: browser(await signin(t, admin.email, admin.password)) })).statusCode).toBe(204)
  })
})

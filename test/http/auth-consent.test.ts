/**
 * Children under 13 (SECURITY.md Z6): sign-up with a birth date under 13 needs a parent's address;
 * until the parent agrees, export, API keys and joining a school answer 403 consent.pending; the
 * parent's link is single-use and expires; agreeing lifts the block; refusing deletes the account.
 * The birth date is never stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONSENT_LINK_LIFETIME_MS, ageOn } from '../../server/modules/identity/consent.js'
import { GOOD_PASSWORD, browser, createAuthTestApp, lastMail, signin, tokenInMail, uniqueEmail, type AuthTestApp, type Session } from '../support/auth.js'

let t: AuthTestApp
beforeAll(async () => { t = await createAuthTestApp() })
afterAll(async () => { await t.close() })

// The test clock starts on 2026-03-02.
const UNDER_13 = '2015-06-30' // 10 years old
const THIRTEEN_TODAY = '2013-03-02'
const TWELVE_UNTIL_TOMORROW = '2013-03-03'

const signup = (payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', headers: { 'sec-fetch-site': 'same-origin' }, payload: { password: GOOD_PASSWORD, displayName: 'Sam Child', ...payload } })

async function verify(email: string) {
  const token = tokenInMail((await lastMail(t, email))?.body)
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', headers: { 'sec-fetch-site': 'same-origin' }, payload: { token } })
  expect(res.statusCode).toBe(204)
}

async function childAccount(): Promise<{ email: string; parent: string; session: Session }> {
  const email = uniqueEmail('child')
  const parent = uniqueEmail('parent')
  const res = await signup({ email, birthDate: UNDER_13, parentEmail: parent })
  expect(res.statusCode).toBe(201)
  await verify(email)
  return { email, parent, session: await signin(t, email, GOOD_PASSWORD) }
}

const blocked = async (session: Session) => ({
  export: await t.app.inject({ method: 'GET', url: '/api/v1/me/export', headers: browser(session) }),
  key: await t.app.inject({ method: 'POST', url: '/api/v1/me/api-keys', headers: browser(session), payload: { name: 'app', scopes: ['read'] } }),
  join: await t.app.inject({ method: 'POST', url: '/api/v1/schools/join', headers: browser(session), payload: { code: 'ABCD2345' } }),
})

describe('age on the day', () => {
  it('counts whole years in UTC and refuses impossible or future dates', () => {
    const now = Date.parse('2026-03-02T09:00:00Z')
    expect(ageOn(THIRTEEN_TODAY, now)).toBe(13)
    expect(ageOn(TWELVE_UNTIL_TOMORROW, now)).toBe(12)
    expect(ageOn('2024-02-29', now)).toBe(2)
    expect(ageOn('2023-02-29', now)).toBeUndefined()
    expect(ageOn('2027-01-01', now)).toBeUndefined()
    expect(ageOn('1899-12-31', now)).toBeUndefined()
  })
})

describe('sign-up under 13', () => {
  it('needs a parent address that is not the child\'s own, and refuses impossible dates', async () => {
    const email = uniqueEmail('child')
    const missing = await signup({ email, birthDate: UNDER_13 })
    expect(missing.statusCode).toBe(400)
    expect(missing.json()).toMatchObject({ code: 'consent.parent_email_required', errors: [{ pointer: '/body/parentEmail' }] })
    const same = await signup({ email, birthDate: UNDER_13, parentEmail: email.toUpperCase() })
    expect(same.json().code).toBe('consent.parent_email_required')
    const impossible = await signup({ email, birthDate: '2015-02-30', parentEmail: uniqueEmail('parent') })
    expect(impossible.statusCode).toBe(400)
    expect(impossible.json().errors[0].pointer).toBe('/body/birthDate')
    expect(await t.deps.db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()).toBeUndefined()
  })

  it('13 today needs no consent; 12 until tomorrow does', async () => {
    const teen = uniqueEmail('teen')
    expect((await signup({ email: teen, birthDate: THIRTEEN_TODAY })).statusCode).toBe(201)
    await verify(teen)
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: browser(await signin(t, teen, GOOD_PASSWORD)) })
    expect(me.json().parentalConsent).toBe('not_required')
    const almost = uniqueEmail('almost')
    expect((await signup({ email: almost, birthDate: TWELVE_UNTIL_TOMORROW })).json().code).toBe('consent.parent_email_required')
  })

  it('blocks export, API keys and joining schools until a parent agrees, then lifts the block', async () => {
    const { email, parent, session } = await childAccount()
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: browser(session) })
    expect(me.json().parentalConsent).toBe('pending')
    const before = await blocked(session)
    for (const res of Object.values(before)) {
      expect(res.statusCode).toBe(403)
      expect(res.json().code).toBe('consent.pending')
    }
    // Browsing stays open.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/careers', headers: browser(session) })).statusCode).toBe(200)

    const mail = await lastMail(t, parent)
    expect(mail?.subject).toMatch(/consent/i)
    expect(mail?.body).toContain('Sam Child')
    const token = tokenInMail(mail?.body)
    const lookup = await t.app.inject({ method: 'GET', url: `/api/v1/auth/parental-consent?token=${token}` })
    expect(lookup.statusCode).toBe(200)
    expect(lookup.json()).toEqual({ childName: 'Sam Child', childEmail: email })
    expect(lookup.headers['cache-control']).toBe('no-store')

    const grant = await t.app.inject({ method: 'POST', url: '/api/v1/auth/parental-consent', headers: { 'sec-fetch-site': 'same-origin' }, payload: { token, decision: 'grant' } })
    expect(grant.statusCode).toBe(204)
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/parental-consent', headers: { 'sec-fetch-site': 'same-origin' }, payload: { token, decision: 'refuse' } })
    expect(again.json().code).toBe('token.invalid')

    const after = await blocked(session)
    expect(after.export.statusCode).toBe(200)
    expect(after.export.json().parentalConsent).toMatchObject({ parentEmail: parent, status: 'granted' })
    expect(after.key.statusCode).toBe(201)
    expect(after.join.json().code).not.toBe('consent.pending') // an unknown code now: 404
  })

  it('never stores the birth date', async () => {
    await childAccount()
    const dump = JSON.stringify(await Promise.all(['users', 'parental_consents', 'auth_tokens'].map((table) =>
      t.deps.db.kysely.selectFrom(table as 'users').selectAll().execute())))
    expect(dump).not.toContain(UNDER_13)
  })

  it('refusing deletes the child\'s account and the consent mail that named them', async () => {
    const { email, parent, session } = await childAccount()
    const token = tokenInMail((await lastMail(t, parent))?.body)
    const refuse = await t.app.inject({ method: 'POST', url: '/api/v1/auth/parental-consent', headers: { 'sec-fetch-site': 'same-origin' }, payload: { token, decision: 'refuse' } })
    expect(refuse.statusCode).toBe(204)
    const db = t.deps.db.kysely
    expect(await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()).toBeUndefined()
    expect(await db.selectFrom('parental_consents').select('user_id').where('parent_email', '=', parent).executeTakeFirst()).toBeUndefined()
    expect(await lastMail(t, parent)).toBeUndefined()
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: browser(session) })).statusCode).toBe(401)
  })

  it('a resent link replaces the old one; at most three mails a day', async () => {
    const { parent, session } = await childAccount()
    const first = tokenInMail((await lastMail(t, parent))?.body)
    const resend = () => t.app.inject({ method: 'POST', url: '/api/v1/me/parental-consent/resend', headers: browser(session) })
    expect((await resend()).statusCode).toBe(202)
    const second = tokenInMail((await lastMail(t, parent))?.body)
    expect(second).not.toBe(first)
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/auth/parental-consent?token=${first}` })).json().code).toBe('token.invalid')
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/auth/parental-consent?token=${second}` })).statusCode).toBe(200)
    await resend()
    await resend()
    const mails = await t.deps.db.kysely.selectFrom('mail_outbox').select('id').where('to_address', '=', parent).execute()
    expect(mails).toHaveLength(3)
  })

  it('refuses malformed tokens with 400 and expired links (last: moves the clock)', async () => {
    for (const token of [{}, [], null, 42, 'short']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/parental-consent', headers: { 'sec-fetch-site': 'same-origin' }, payload: { token, decision: 'grant' } })
      expect(res.statusCode).toBe(400)
    }
    const { parent } = await childAccount()
    const token = tokenInMail((await lastMail(t, parent))?.body)
    t.clock.advance(CONSENT_LINK_LIFETIME_MS + 1000)
    const late = await t.app.inject({ method: 'POST', url: '/api/v1/auth/parental-consent', headers: { 'sec-fetch-site': 'same-origin' }, payload: { token, decision: 'grant' } })
    expect(late.statusCode).toBe(400)
    expect(late.json().code).toBe('token.invalid')
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browser, createAuthTestApp, GOOD_PASSWORD, lastMail, makeUser, signin, tokenInMail, uniqueEmail, type AuthTestApp } from '../support/auth.js'

let t: AuthTestApp
beforeAll(async () => {
  t = await createAuthTestApp()
})
afterAll(() => t.close())

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(payload) })

async function resetToken(email: string): Promise<string> {
  t.clock.advance(1000)
  expect((await post('/api/v1/auth/password-reset/request', { email })).statusCode).toBe(202)
  const mail = await lastMail(t, email)
  expect(mail?.subject).toBe('Reset your Pathways password')
  return tokenInMail(mail?.body)
}

describe('password reset', () => {
  it('sets a new password once with the mailed token, ends every session, and the token cannot be used again', async () => {
    const user = await makeUser(t)
    const session = await signin(t, user.email, GOOD_PASSWORD)
    const token = await resetToken(user.email)
    const confirm = await post('/api/v1/auth/password-reset/confirm', { token, password: 'my new long passphrase' })
    expect(confirm.statusCode).toBe(204)
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } })).statusCode).toBe(401)
    await signin(t, user.email, 'my new long passphrase')
    const again = await post('/api/v1/auth/password-reset/confirm', { token, password: 'yet another passphrase' })
    expect(again.statusCode).toBe(400)
    expect(again.json().code).toBe('token.invalid')
  })

  it('answers a request for an unknown address exactly like one for a known address', async () => {
    const user = await makeUser(t)
    const known = await post('/api/v1/auth/password-reset/request', { email: user.email })
    const unknown = await post('/api/v1/auth/password-reset/request', { email: uniqueEmail('nobody') })
    expect(known.statusCode).toBe(202)
    expect(unknown.statusCode).toBe(202)
    expect(unknown.body).toBe(known.body)
  })

  it('refuses an expired token (30 minutes)', async () => {
    const user = await makeUser(t)
    const token = await resetToken(user.email)
    t.clock.advance(30 * 60_000)
    const res = await post('/api/v1/auth/password-reset/confirm', { token, password: 'my new long passphrase' })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('token.invalid')
  })

  it('voids every outstanding reset token when the password changes', async () => {
    const user = await makeUser(t)
    const first = await resetToken(user.email)
    const second = await resetToken(user.email)
    const session = await signin(t, user.email, GOOD_PASSWORD)
    const change = await t.app.inject({ method: 'POST', url: '/api/v1/me/password', headers: browser(session), payload: { currentPassword: GOOD_PASSWORD, newPassword: 'changed by the owner' } })
    expect(change.statusCode).toBe(200)
    for (const token of [first, second]) {
      const res = await post('/api/v1/auth/password-reset/confirm', { token, password: 'taken over by someone' })
      expect(res.json().code).toBe('token.invalid')
    }
    await signin(t, user.email, 'changed by the owner')
  })

  it('does not spend the token when the new password is refused', async () => {
    const user = await makeUser(t)
    const token = await resetToken(user.email)
    expect((await post('/api/v1/auth/password-reset/confirm', { token, password: 'short' })).json().code).toBe('password.too_short')
    expect((await post('/api/v1/auth/password-reset/confirm', { token, password: 'a good new passphrase' })).statusCode).toBe(204)
  })

  it('sends at most three reset mails an hour per account, answering the same', async () => {
    const user = await makeUser(t)
    for (let i = 0; i < 5; i++) expect((await post('/api/v1/auth/password-reset/request', { email: user.email })).statusCode).toBe(202)
    const mails = await t.deps.db.kysely.selectFrom('mail_outbox').select('id').where('to_address', '=', user.email).execute()
    expect(mails).toHaveLength(3)
  })
})

describe('email verification', () => {
  it('is single use and lasts 24 hours', async () => {
    const email = uniqueEmail('verify')
    await post('/api/v1/auth/signup', { email, password: GOOD_PASSWORD, displayName: 'V' })
    const token = tokenInMail((await lastMail(t, email))?.body)
    t.clock.advance(23 * 3_600_000)
    expect((await post('/api/v1/auth/verify-email', { token })).statusCode).toBe(204)
    expect((await post('/api/v1/auth/verify-email', { token })).json().code).toBe('token.invalid')

    const late = uniqueEmail('late')
    await post('/api/v1/auth/signup', { email: late, password: GOOD_PASSWORD, displayName: 'L' })
    const lateToken = tokenInMail((await lastMail(t, late))?.body)
    t.clock.advance(24 * 3_600_000)
    expect((await post('/api/v1/auth/verify-email', { token: lateToken })).json().code).toBe('token.invalid')
  })

  it('will not accept a token made for another purpose', async () => {
    const user = await makeUser(t)
    const reset = await resetToken(user.email)
    expect((await post('/api/v1/auth/verify-email', { token: reset })).json().code).toBe('token.invalid')
    const email = uniqueEmail('purpose')
    await post('/api/v1/auth/signup', { email, password: GOOD_PASSWORD, displayName: 'P' })
    const verify = tokenInMail((await lastMail(t, email))?.body)
    expect((await post('/api/v1/auth/password-reset/confirm', { token: verify, password: 'some new passphrase' })).json().code).toBe('token.invalid')
    // …and neither was spent by the wrong use
    expect((await post('/api/v1/auth/verify-email', { token: verify })).statusCode).toBe(204)
    expect((await post('/api/v1/auth/password-reset/confirm', { token: reset, password: 'some new passphrase' })).statusCode).toBe(204)
  })
})

describe('token type confusion', () => {
  const shapes: [string, unknown][] = [
    ['an object', {}],
    ['an operator object', { $ne: null }],
    ['an empty array', []],
    ['an array holding a token', ['A'.repeat(43)]],
    ['null', null],
    ['a number', 12345],
    ['a boolean', true],
    ['an empty string', ''],
    ['a too short string', 'abc'],
    ['a string with other characters', `${'A'.repeat(42)}=`],
  ]
  it.each(shapes)('refuses %s as a token with 400 request.invalid', async (_name, token) => {
    for (const [url, extra] of [['/api/v1/auth/verify-email', {}], ['/api/v1/auth/password-reset/confirm', { password: 'some new passphrase' }],
      ['/api/v1/auth/setup', { email: 'admin@example.org', password: 'some new passphrase', displayName: 'Admin' }]] as const) {
      const res = await post(url, { token, ...extra })
      expect(res.statusCode, url).toBe(400)
      expect(res.json().code).toBe('request.invalid')
      expect(res.json().errors[0].pointer).toBe('/body/token')
    }
  })

  it('refuses a body that is not an object', async () => {
    for (const body of [null, [], 'token', 42]) {
      const res = await post('/api/v1/auth/verify-email', body)
      expect(res.statusCode).toBe(400)
    }
  })

  it('answers a well-formed but unknown token with 400 token.invalid', async () => {
    const res = await post('/api/v1/auth/verify-email', { token: 'A'.repeat(43) })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('token.invalid')
  })
})

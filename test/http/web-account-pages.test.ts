/**
 * The account pages over HTTP on a real database: HTML forms posted form-encoded, Post/Redirect/Get,
 * messages re-rendered beside the fields with the input kept (never a password), the CSRF checks
 * (fetch metadata and the hidden field), safe `next`, anonymous visitors sent to sign in, no-store
 * on personal pages, and the operator outbox for platform admins only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuthTestApp, lastMail, makeUser, setCookie, tokenInMail, uniqueEmail, type AuthTestApp } from '../support/auth.js'
import { FORM, getPage, mainText, pageSignin, postForm } from '../support/web-forms.js'

let t: AuthTestApp
beforeAll(async () => {
  t = await createAuthTestApp()
})
afterAll(async () => {
  await t.close()
})

const NEW_PASSWORD = 'a long and unusual passphrase 42'

describe('sign-up and email confirmation', () => {
  it('creates the account (303 to the check-your-inbox page), and the mailed link confirms it only when its button is pressed', async () => {
    const email = uniqueEmail('signup')
    const res = await postForm(t, '/sign-up', { email, displayName: 'Ada Page', password: NEW_PASSWORD })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/sign-up/sent')
    const token = tokenInMail((await lastMail(t, email))?.body)
    expect(token).toHaveLength(43)

    const page = await getPage(t, `/verify-email?token=${token}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(`name="token" value="${token}"`)
    const user = () => t.deps.db.kysely.selectFrom('users').select('email_verified_at').where('email', '=', email).executeTakeFirstOrThrow()
    expect((await user()).email_verified_at).toBeNull() // GET changes nothing

    const confirmed = await postForm(t, '/verify-email', { token })
    expect(confirmed.statusCode).toBe(303)
    expect(confirmed.headers.location).toBe('/sign-in?done=verified')
    expect((await user()).email_verified_at).not.toBeNull()
    const again = await postForm(t, '/verify-email', { token })
    expect(again.statusCode).toBe(400)
    expect(mainText(again.body)).toContain('not valid')
  })

  it('re-renders refusals beside their fields, keeps the input but never the password, and links the summary to the fields', async () => {
    const email = uniqueEmail('short')
    const res = await postForm(t, '/sign-up', { email, displayName: 'Short <b>Pass</b>', password: 'abc' })
    expect(res.statusCode).toBe(400)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.body).toContain(`value="${email}"`)
    expect(res.body).toContain('value="Short &lt;b&gt;Pass&lt;/b&gt;"')
    expect(res.body).not.toContain('value="abc"')
    expect(res.body).toMatch(/<input id="sign-up-password" type="password"[^>]*aria-describedby="sign-up-password-error sign-up-password-hint" aria-invalid="true"/)
    expect(res.body).toContain('<p id="sign-up-password-error" class="field-error">')
    expect(res.body).toMatch(/class="error-summary" role="alert"[^>]*tabindex="-1" autofocus=""/)
    expect(res.body).toContain('href="#sign-up-password"')
    expect(await lastMail(t, email)).toBeUndefined()
  })

  it('lists every missing field at once', async () => {
    const res = await postForm(t, '/sign-up', { email: '', displayName: '', password: '' })
    expect(res.statusCode).toBe(400)
    for (const id of ['sign-up-email', 'sign-up-displayName', 'sign-up-password']) expect(res.body).toContain(`href="#${id}"`)
  })

  it('asks for a parent\'s address under 13 (the service\'s rule), keeping the birth date', async () => {
    const res = await postForm(t, '/sign-up', { email: uniqueEmail('child'), displayName: 'Kid', password: NEW_PASSWORD, birthDate: '2020-01-15' })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('id="sign-up-parentEmail-error"')
    expect(res.body).toContain('value="2020-01-15"')
  })

  it('refuses a sign-up the browser marks as cross-site (login CSRF), with a page', async () => {
    const res = await postForm(t, '/sign-up', { email: uniqueEmail(), displayName: 'X', password: NEW_PASSWORD }, { site: 'cross-site' })
    expect(res.statusCode).toBe(403)
    expect(res.headers['content-type']).toContain('text/html')
    expect(mainText(res.body)).toContain('This form could not be accepted')
  })
})

describe('sign-in and sign-out', () => {
  it('answers an unknown address and a wrong password with the same page', async () => {
    const user = await makeUser(t)
    const wrong = await postForm(t, '/sign-in', { email: user.email, password: 'not the password at all' })
    const unknown = await postForm(t, '/sign-in', { email: user.email.replace('@', '.x@'), password: 'not the password at all' })
    expect(wrong.statusCode).toBe(400)
    expect(unknown.statusCode).toBe(400)
    const strip = (html: string) => mainText(html).replaceAll(user.email, 'E').replaceAll(user.email.replace('@', '.x@'), 'E')
    expect(strip(wrong.body)).toBe(strip(unknown.body))
    expect(mainText(wrong.body)).toContain('do not match an account')
  })

  it('goes to a same-site `next` and refuses open redirects', async () => {
    const user = await makeUser(t)
    const cases: [string, string][] = [
      ['/schools', '/schools'], ['https://evil.example/', '/account'], ['//evil.example/x', '/account'], ['/\\evil.example', '/account'], ['javascript:alert(1)', '/account'],
    ]
    for (const [next, expected] of cases) {
      const res = await postForm(t, '/sign-in', { email: user.email, password: user.password, next })
      expect(res.statusCode, next).toBe(303)
      expect(res.headers.location, next).toBe(expected)
    }
    const page = await getPage(t, '/sign-in?next=https://evil.example/')
    expect(page.body).not.toContain('evil.example')
  })

  it('shows the wait from Retry-After after too many failures (429)', async () => {
    const user = await makeUser(t)
    let res = await postForm(t, '/sign-in', { email: user.email, password: 'wrong wrong wrong' })
    for (let i = 0; i < 30 && res.statusCode !== 429; i += 1) res = await postForm(t, '/sign-in', { email: user.email, password: 'wrong wrong wrong' })
    expect(res.statusCode).toBe(429)
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
    expect(mainText(res.body)).toMatch(/Try again in \d+ (second|minute)s?/)
  })

  it('sets the session cookie, puts a sign-out button in the header, and signs out with a POST', async () => {
    const user = await makeUser(t)
    const session = await pageSignin(t, user.email, user.password)
    const account = await getPage(t, '/account', session)
    expect(account.statusCode).toBe(200)
    expect(account.headers['cache-control']).toBe('no-store')
    expect(account.body).toMatch(/<form class="sign-out" action="\/sign-out" method="post"><input type="hidden" name="_csrf" value="[^"]+"\/><button type="submit">Sign out<\/button>/)
    expect(mainText(account.body)).toContain(user.email)

    const out = await postForm(t, '/sign-out', {}, { session })
    expect(out.statusCode).toBe(303)
    expect(setCookie(out)?.attributes).toContain('Max-Age=0')
    const after = await getPage(t, '/account', session)
    expect(after.statusCode).toBe(303)
  })
})

describe('CSRF on signed-in forms', () => {
  it('refuses a missing or wrong hidden field, a header instead of the field, and a cross-site post — each with the 403 page', async () => {
    const user = await makeUser(t)
    const session = await pageSignin(t, user.email, user.password)
    const body = { currentPassword: user.password, newPassword: NEW_PASSWORD }
    const attempts = [
      await postForm(t, '/account/password', body, { session, csrf: null }),
      await postForm(t, '/account/password', body, { session, csrf: 'A'.repeat(43) }),
      await postForm(t, '/account/password', body, { session, csrf: null, headers: { 'x-csrf-token': session.csrf } }),
      await postForm(t, '/account/password', body, { session, site: 'cross-site' }),
      await postForm(t, '/account/password', body, { session, site: 'same-site' }),
    ]
    for (const res of attempts) {
      expect(res.statusCode).toBe(403)
      expect(res.headers['content-type']).toContain('text/html')
    }
    // The password did not change: the old one still signs in.
    expect((await postForm(t, '/sign-in', { email: user.email, password: user.password })).statusCode).toBe(303)
  })

  it('leaves the JSON API answering 415 to form bodies', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signin', headers: { 'content-type': FORM, 'sec-fetch-site': 'same-origin' }, payload: 'email=a%40b.org&password=x' })
    expect(res.statusCode).toBe(415)
    expect(res.headers['content-type']).toContain('application/problem+json')
  })

  it('answers a JSON body on a page form with the 415 page', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/sign-in', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, payload: '{}' })
    expect(res.statusCode).toBe(415)
    expect(res.headers['content-type']).toContain('text/html')
  })
})

describe('anonymous visitors and caching', () => {
  it.each(['/account', '/account/password', '/account/sessions', '/account/api-keys', '/account/access-log', '/account/delete', '/schools', '/join', '/operator/outbox'])(
    'GET %s sends an anonymous visitor to sign in and back',
    async (url) => {
      const res = await getPage(t, url)
      expect(res.statusCode).toBe(303)
      expect(res.headers.location).toBe(`/sign-in?next=${encodeURIComponent(url)}`)
      expect(res.headers['cache-control']).toBe('no-store')
    },
  )

  it('keeps the cached public pages the same for everyone: a generic account link, no personal header', async () => {
    const user = await makeUser(t)
    const session = await pageSignin(t, user.email, user.password)
    const anonymous = await getPage(t, '/')
    const signedIn = await getPage(t, '/', session)
    expect(signedIn.body).toBe(anonymous.body)
    expect(anonymous.headers['cache-control']).toBe('no-cache')
    expect(anonymous.body).toContain('<a href="/account">Your account</a>')
    expect(anonymous.body).not.toContain('Sign out')
  })

  it('sends no-store on the sign-in and sign-up pages', async () => {
    for (const url of ['/sign-in', '/sign-up', '/forgot-password', '/reset-password', '/verify-email']) {
      const res = await getPage(t, url)
      expect(res.statusCode, url).toBe(200)
      expect(res.headers['cache-control'], url).toBe('no-store')
    }
  })
})

describe('password, sessions, keys, export and deletion', () => {
  it('changes the password (current one required), rotating this session and ending the others on request', async () => {
    const user = await makeUser(t)
    const other = await pageSignin(t, user.email, user.password)
    const session = await pageSignin(t, user.email, user.password)
    const wrong = await postForm(t, '/account/password', { currentPassword: 'not it at all', newPassword: NEW_PASSWORD }, { session })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.body).toContain('id="password-currentPassword-error"')
    const weak = await postForm(t, '/account/password', { currentPassword: user.password, newPassword: 'password' }, { session })
    expect(weak.statusCode).toBe(400)
    expect(weak.body).toContain('id="password-newPassword-error"')

    const ok = await postForm(t, '/account/password', { currentPassword: user.password, newPassword: NEW_PASSWORD, signOutOtherSessions: 'yes' }, { session })
    expect(ok.statusCode).toBe(303)
    expect(ok.headers.location).toBe('/account/password?done=password')
    const rotated = setCookie(ok)!.value
    expect(rotated).not.toBe(session.token)
    expect((await getPage(t, '/account', { ...session, cookie: `__Host-sid=${rotated}` })).statusCode).toBe(200)
    expect((await getPage(t, '/account', other)).statusCode).toBe(303)
  })

  it('lists sessions with this one marked, ends another, and signs out everywhere', async () => {
    const user = await makeUser(t)
    const other = await pageSignin(t, user.email, user.password)
    const session = await pageSignin(t, user.email, user.password)
    const page = await getPage(t, '/account/sessions', session)
    expect(page.statusCode).toBe(200)
    expect(mainText(page.body)).toContain('this session')
    const ids = [...page.body.matchAll(/action="\/account\/sessions\/([0-9a-f-]+)\/end"/g)].map((m) => m[1]!)
    expect(ids).toHaveLength(2)
    const otherId = ids.find((id) => !page.body.includes(`/account/sessions/${id}/end"><input type="hidden" name="_csrf" value="${session.csrf}"/><button type="submit">Sign out this session`))!
    const ended = await postForm(t, `/account/sessions/${otherId}/end`, {}, { session })
    expect(ended.statusCode).toBe(303)
    expect((await getPage(t, '/account', other)).statusCode).toBe(303)
    expect((await getPage(t, '/account', session)).statusCode).toBe(200)

    const all = await postForm(t, '/account/sessions/end-all', {}, { session })
    expect(all.headers.location).toBe('/sign-in?done=signed-out-everywhere')
    expect((await getPage(t, '/account', session)).statusCode).toBe(303)
  })

  it('creates an API key shown once, lists it by prefix only, and revokes it', async () => {
    const user = await makeUser(t)
    const session = await pageSignin(t, user.email, user.password)
    const missing = await postForm(t, '/account/api-keys', { name: '', expiresInDays: '30' }, { session })
    expect(missing.statusCode).toBe(400)
    expect(missing.body).toContain('id="key-scopes-error"')

    const created = await postForm(t, '/account/api-keys', { name: 'Timetable sync', scopes: ['read'], expiresInDays: '30' }, { session })
    expect(created.statusCode).toBe(201)
    expect(created.headers['cache-control']).toBe('no-store')
    const key = /value="(pw_live_[0-9A-Za-z]{43})"/.exec(created.body)?.[1]
    expect(key).toBeDefined()
    expect(mainText(created.body)).toContain('shown this once')
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(200)

    const list = await getPage(t, '/account/api-keys', session)
    expect(list.body).not.toContain(key)
    expect(list.body).toContain(`${key!.slice(0, 14)}…`)
    const id = /action="\/account\/api-keys\/([0-9a-f-]+)\/revoke"/.exec(list.body)?.[1]
    const revoked = await postForm(t, `/account/api-keys/${id}/revoke`, {}, { session })
    expect(revoked.statusCode).toBe(303)
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(401)
  })

  it('offers the data export as a download and deletes the account only with the current password', async () => {
    const user = await makeUser(t)
    const session = await pageSignin(t, user.email, user.password)
    const profile = await getPage(t, '/account', session)
    expect(profile.body).toContain('href="/api/v1/me/export" download="pathways-export.json"')
    const exported = await getPage(t, '/api/v1/me/export', session)
    expect(exported.headers['content-disposition']).toContain('attachment')

    const wrong = await postForm(t, '/account/delete', { password: 'not the password' }, { session })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.body).toContain('id="delete-password-error"')
    const deleted = await postForm(t, '/account/delete', { password: user.password }, { session })
    expect(deleted.statusCode).toBe(303)
    expect(deleted.headers.location).toBe('/account/deleted')
    expect(await t.deps.db.kysely.selectFrom('users').select('id').where('id', '=', user.id).executeTakeFirst()).toBeUndefined()
  })

  it('resets a forgotten password from the mailed link', async () => {
    const user = await makeUser(t)
    const asked = await postForm(t, '/forgot-password', { email: user.email })
    expect(asked.statusCode).toBe(303)
    expect(asked.headers.location).toBe('/forgot-password/sent')
    const unknown = await postForm(t, '/forgot-password', { email: uniqueEmail('nobody') })
    expect(unknown.headers.location).toBe('/forgot-password/sent')
    const mail = await lastMail(t, user.email)
    expect(mail?.body).toContain('/reset-password?token=')
    const token = tokenInMail(mail?.body)
    expect((await getPage(t, `/reset-password?token=${token}`)).body).toContain(`value="${token}"`)
    const done = await postForm(t, '/reset-password', { token, password: NEW_PASSWORD })
    expect(done.statusCode).toBe(303)
    expect(done.headers.location).toBe('/sign-in?done=reset')
    expect((await postForm(t, '/sign-in', { email: user.email, password: NEW_PASSWORD })).statusCode).toBe(303)
  })
})

describe('the operator outbox', () => {
  it('shows platform admins the mail, newest first, with its links; a learner gets 403', async () => {
    const admin = await makeUser(t, { platform_role: 'platform_admin' })
    const learner = await makeUser(t)
    const email = uniqueEmail('outbox')
    await postForm(t, '/sign-up', { email, displayName: 'Outbox Reader', password: NEW_PASSWORD })
    const adminSession = await pageSignin(t, admin.email, admin.password)
    const page = await getPage(t, '/operator/outbox', adminSession)
    expect(page.statusCode).toBe(200)
    expect(page.headers['cache-control']).toBe('no-store')
    const text = mainText(page.body)
    expect(text).toContain(`To ${email}`)
    expect(page.body).toMatch(/<a href="http:\/\/localhost:\d+\/verify-email\?token=[A-Za-z0-9_-]{43}">/)
    expect((await getPage(t, '/operator/outbox?page=0', adminSession)).statusCode).toBe(404)

    const learnerSession = await pageSignin(t, learner.email, learner.password)
    const refused = await getPage(t, '/operator/outbox', learnerSession)
    expect(refused.statusCode).toBe(403)
    expect(refused.body).not.toContain(email)
  })
})

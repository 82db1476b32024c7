import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueSetupToken } from '../../server/modules/identity/index.js'
import { browser, createAuthTestApp, lastMail, signin, tokenInMail, type AuthTestApp } from '../support/auth.js'

/**
 * A scripted run through every identity flow with canary secrets, then: the whole database and the
 * whole log must not contain any of them in clear, and the log must hold each security event.
 */
let t: AuthTestApp
const PASSWORD = 'canary-password-Zq8vN3kP'
const NEW_PASSWORD = 'canary-newpass-Rt5wL9xB'
const EMAIL = 'canary.person@example.org'
const secrets: Record<string, string> = {}

async function dump(): Promise<string> {
  const db = t.deps.db
  const tables = db.engine === 'sqlite'
    ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db.kysely)).rows.map((r) => r.name)
    : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db.kysely)).rows.map((r) => r.name)
  const out: string[] = []
  for (const table of tables) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db.kysely)).rows
    out.push(`${table}: ${JSON.stringify(rows)}`)
  }
  return out.join('\n')
}

beforeAll(async () => {
  t = await createAuthTestApp()
  const post = (url: string, payload: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, headers, payload })
  secrets.setup = (await issueSetupToken(t.deps.db, t.deps.identity.clock))!
  expect((await post('/api/v1/auth/setup', { token: secrets.setup, email: 'canary.admin@example.org', password: PASSWORD, displayName: 'Admin' })).statusCode).toBe(201)
  expect((await post('/api/v1/auth/signup', { email: EMAIL, password: PASSWORD, displayName: 'Canary Person' })).statusCode).toBe(201)
  secrets.verify = tokenInMail((await lastMail(t, EMAIL))?.body)
  expect((await post('/api/v1/auth/verify-email', { token: secrets.verify })).statusCode).toBe(204)
  await post('/api/v1/auth/signin', { email: EMAIL, password: 'canary-wrong-Pw4' })
  const session = await signin(t, EMAIL, PASSWORD)
  secrets.cookie = session.token
  secrets.csrf = session.csrf
  const key = await t.app.inject({ method: 'POST', url: '/api/v1/me/api-keys', headers: browser(session), payload: { name: 'canary key', scopes: ['read'] } })
  secrets.key = key.json<{ key: string }>().key
  await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${secrets.key}` } })
  await t.app.inject({ method: 'GET', url: `/api/v1/me?api_key=${secrets.key}` })
  await t.app.inject({ method: 'POST', url: '/api/v1/me/api-keys', headers: { cookie: session.cookie, 'sec-fetch-site': 'cross-site' }, payload: { name: 'x', scopes: ['read'] } })
  await t.app.inject({ method: 'DELETE', url: `/api/v1/me/api-keys/${key.json<{ apiKey: { id: string } }>().apiKey.id}`, headers: browser(session) })
  const change = await t.app.inject({ method: 'POST', url: '/api/v1/me/password', headers: browser(session), payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } })
  expect(change.statusCode).toBe(200)
  t.clock.advance(1000)
  await post('/api/v1/auth/password-reset/request', { email: EMAIL })
  secrets.reset = tokenInMail((await lastMail(t, EMAIL))?.body)
  expect((await post('/api/v1/auth/password-reset/confirm', { token: secrets.reset, password: PASSWORD })).statusCode).toBe(204)
  const again = await signin(t, EMAIL, PASSWORD)
  secrets.cookie2 = again.token
  await t.app.inject({ method: 'POST', url: '/api/v1/auth/signout', headers: browser(again) })
  for (let i = 0; i < 6; i++) await post('/api/v1/auth/signin', { email: 'canary.target@example.org', password: 'canary-guess-Lm2' })
  for (const [name, value] of Object.entries(secrets)) expect(value, name).toMatch(/.{20,}/)
})
afterAll(() => t.close())

describe('no secret in clear', () => {
  it('the database holds no password, session id, CSRF token or API key anywhere', async () => {
    const text = await dump()
    expect(text).toContain('argon2id') // the dump did read the users table
    for (const canary of [PASSWORD, NEW_PASSWORD, 'canary-wrong-Pw4', secrets.cookie!, secrets.cookie2!, secrets.csrf!, secrets.key!, secrets.key!.slice(14)]) {
      expect(text).not.toContain(canary)
    }
  })

  it('the database holds mailed tokens only in the mail outbox, where the operator reads the links', async () => {
    const text = (await dump()).split('\n').filter((line) => !line.startsWith('mail_outbox:')).join('\n')
    for (const token of [secrets.setup!, secrets.verify!, secrets.reset!]) expect(text).not.toContain(token)
  })

  it('the log holds no password, token, cookie, key or address', () => {
    const log = t.logText()
    expect(log.length).toBeGreaterThan(1000)
    for (const canary of [PASSWORD, NEW_PASSWORD, 'canary-wrong-Pw4', 'canary-guess-Lm2', ...Object.values(secrets), EMAIL, 'canary.admin@example.org', 'canary.target@example.org']) {
      expect(log).not.toContain(canary)
    }
  })
})

describe('security events', () => {
  it('are logged as structured lines with the request id, the actor and no secret', () => {
    const events = t.logs.filter((l) => l.security === true)
    const names = new Set(events.map((l) => l.event))
    for (const name of ['auth.setup.completed', 'auth.signup', 'auth.email.verified', 'auth.signin.failure', 'auth.signin.success', 'auth.api_key.created',
      'auth.api_key.in_query', 'auth.csrf.rejected', 'auth.api_key.revoked', 'auth.password.changed', 'auth.password.reset_requested', 'auth.password.reset',
      'auth.signout', 'auth.signin.throttled', 'mail.queued']) {
      if (name !== 'mail.queued') expect(names, name).toContain(name)
    }
    for (const line of events) {
      expect(line.reqId, String(line.event)).toEqual(expect.any(String))
      expect(typeof line.time).toBe('number')
    }
    const success = events.find((l) => l.event === 'auth.signin.success')!
    expect(success.actorId).toEqual(expect.any(String))
    const mail = t.logs.find((l) => l.event === 'mail.queued')!
    expect(mail.to).toMatch(/^e_/)
  })
})

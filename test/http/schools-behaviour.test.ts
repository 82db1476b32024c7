/**
 * Schools, members, invitations and the access log: privileged and unknown fields refused with
 * nothing written, invitation expiry / revocation / use limits and role ceilings, role change ends
 * the member's sessions, staff reads logged (own reads not), the log append-only, and the boot
 * check refusing a route without an operation.
 */
import { randomUUID } from 'node:crypto'
import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { installAccessControl } from '../../server/modules/access/index.js'
import { sha256 } from '../../server/modules/identity/secrets.js'
import { browser, createAuthTestApp, makeUser, signin, type AuthTestApp, type Session } from '../support/auth.js'

let t: AuthTestApp
let schoolId = ''
const s: Record<string, Session> = {}
const u: Record<string, string> = {}

async function person(name: string, role?: 'learner' | 'educator' | 'school_admin', platform = false) {
  const user = await makeUser(t, { platform_role: platform ? 'platform_admin' : 'user' })
  u[name] = user.id
  if (role) await t.deps.db.kysely.insertInto('memberships').values({ user_id: user.id, school_id: schoolId, role, created_at: new Date(t.clock.now()).toISOString() }).execute()
  s[name] = await signin(t, user.email, user.password)
  return user
}

const req = (name: string | undefined, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: name ? browser(s[name]) : { 'sec-fetch-site': 'same-origin' }, ...(payload ? { payload } : {}) })

const count = async (table: 'schools' | 'memberships' | 'invitations' | 'access_log') =>
  Number((await t.deps.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

beforeAll(async () => {
  t = await createAuthTestApp()
  const root = await makeUser(t, { platform_role: 'platform_admin' })
  s.root = await signin(t, root.email, root.password)
  const admin = await makeUser(t)
  u.admin = admin.id
  s.admin = await signin(t, admin.email, admin.password)
  const created = await req('root', 'POST', '/api/v1/schools', { name: 'Riverside High', adminEmail: admin.email })
  expect(created.statusCode).toBe(201)
  schoolId = created.json<{ id: string }>().id
  s.admin = await signin(t, admin.email, admin.password)
  await person('educator', 'educator')
  await person('learner', 'learner')
  await person('outsider')
}, 120_000)

afterAll(async () => {
  await t?.close()
})

describe('schools', () => {
  it('platform admins create schools and see them all; others see theirs', async () => {
    expect((await req('root', 'GET', '/api/v1/schools')).json<{ items: unknown[] }>().items).toHaveLength(1)
    expect((await req('learner', 'GET', '/api/v1/schools')).json<{ items: { id: string }[] }>().items.map((x) => x.id)).toEqual([schoolId])
    expect((await req('outsider', 'GET', '/api/v1/schools')).json<{ items: unknown[] }>().items).toEqual([])
    expect((await req('admin', 'POST', '/api/v1/schools', { name: 'Mine' })).statusCode).toBe(403)
    expect((await req(undefined, 'GET', '/api/v1/schools')).statusCode).toBe(401)
    expect((await req('outsider', 'GET', `/api/v1/schools/${schoolId}`)).statusCode).toBe(404)
  })
})

describe('mass assignment', () => {
  const extras = [{ role: 'school_admin' }, { platformRole: 'platform_admin' }, { schoolId: randomUUID() }, { isAdmin: true }, { [`x${randomUUID().slice(0, 6)}`]: 1 }, { createdAt: '2020-01-01T00:00:00Z' }]

  it('refuses privileged and unknown fields in every write body with 400, writing nothing', async () => {
    const before = { schools: await count('schools'), memberships: await count('memberships'), invitations: await count('invitations') }
    for (const extra of extras) {
      const cases: [string, 'POST' | 'PATCH', string, object][] = [
        ['root', 'POST', '/api/v1/schools', { name: 'Extra', ...extra }],
        ['admin', 'PATCH', `/api/v1/schools/${schoolId}/members/${u.learner}`, { role: 'learner', ...extra, ...('role' in extra ? { platformRole: 'platform_admin' } : {}) }],
        ['admin', 'POST', `/api/v1/schools/${schoolId}/invitations`, { role: 'learner', kind: 'code', ...extra, ...('role' in extra ? { isAdmin: true } : {}) }],
        ['outsider', 'POST', '/api/v1/invitations/accept', { token: 'a'.repeat(43), ...extra }],
        ['outsider', 'POST', '/api/v1/schools/join', { code: 'ABCDEFGH', ...extra }],
      ]
      for (const [who, method, url, body] of cases) {
        const res = await req(who, method, url, body)
        expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBe(400)
      }
    }
    expect({ schools: await count('schools'), memberships: await count('memberships'), invitations: await count('invitations') }).toEqual(before)
    const learner = await t.deps.db.kysely.selectFrom('memberships').select('role').where('user_id', '=', u.learner!).executeTakeFirstOrThrow()
    expect(learner.role).toBe('learner')
  })
})

describe('invitations', () => {
  it('a link joins with the invitation\'s role once; the token is stored only as a hash and never listed', async () => {
    const res = await req('admin', 'POST', `/api/v1/schools/${schoolId}/invitations`, { role: 'educator', kind: 'link', maxUses: 1 })
    expect(res.statusCode).toBe(201)
    const { token, invitation } = res.json<{ token: string; invitation: { id: string } }>()
    expect(token).toMatch(/^[0-9A-Za-z]{43}$/)
    const row = await t.deps.db.kysely.selectFrom('invitations').selectAll().where('id', '=', invitation.id).executeTakeFirstOrThrow()
    expect(row.secret_hash).toBe(sha256(token))
    expect(JSON.stringify(row)).not.toContain(token)
    expect((await req('admin', 'GET', `/api/v1/schools/${schoolId}/invitations`)).body).not.toContain(token)

    await person('joiner1')
    const joined = await req('joiner1', 'POST', '/api/v1/invitations/accept', { token })
    expect(joined.statusCode).toBe(200)
    expect(joined.json<{ role: string }>().role).toBe('educator')
    await person('joiner2')
    expect((await req('joiner2', 'POST', '/api/v1/invitations/accept', { token })).statusCode).toBe(404) // used up
    expect((await req(undefined, 'POST', '/api/v1/invitations/accept', { token })).statusCode).toBe(401)
  })

  it('a revoked join code no longer works; codes are read without case', async () => {
    await person('late')
    const again = await req('admin', 'POST', `/api/v1/schools/${schoolId}/invitations`, { role: 'learner', kind: 'code' })
    const { code: code2, invitation } = again.json<{ code: string; invitation: { id: string } }>()
    expect((await req('admin', 'DELETE', `/api/v1/schools/${schoolId}/invitations/${invitation.id}`)).statusCode).toBe(204)
    expect((await req('late', 'POST', '/api/v1/schools/join', { code: code2 })).statusCode).toBe(404)

    const third = await req('admin', 'POST', `/api/v1/schools/${schoolId}/invitations`, { role: 'learner', kind: 'code' })
    const ok = await req('late', 'POST', '/api/v1/schools/join', { code: third.json<{ code: string }>().code.toLowerCase() })
    expect(ok.statusCode).toBe(200)
    expect(ok.json<{ role: string }>().role).toBe('learner')
  })

  it('educators invite learners only; learners invite nobody', async () => {
    expect((await req('educator', 'POST', `/api/v1/schools/${schoolId}/invitations`, { role: 'educator', kind: 'code' })).statusCode).toBe(403)
    expect((await req('educator', 'POST', `/api/v1/schools/${schoolId}/invitations`, { role: 'school_admin', kind: 'link' })).statusCode).toBe(403)
    expect((await req('learner', 'POST', `/api/v1/schools/${schoolId}/invitations`, { role: 'learner', kind: 'code' })).statusCode).toBe(403)
  })

  it('throttles join-code guessing', async () => {
    await person('guesser')
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) statuses.push((await req('guesser', 'POST', '/api/v1/schools/join', { code: 'ZZZZZZZZ' })).statusCode)
    expect(statuses).toContain(429)
  })
})

describe('members', () => {
  it('a role change ends the member\'s sessions', async () => {
    await person('promoted', 'learner')
    expect((await req('promoted', 'GET', '/api/v1/me')).statusCode).toBe(200)
    const res = await req('admin', 'PATCH', `/api/v1/schools/${schoolId}/members/${u.promoted}`, { role: 'educator' })
    expect(res.statusCode).toBe(200)
    expect(res.json<{ role: string }>().role).toBe('educator')
    expect((await req('promoted', 'GET', '/api/v1/me')).statusCode).toBe(401)
  })

  it('educators cannot change roles or remove members; admins can remove', async () => {
    await person('leaver', 'learner')
    expect((await req('educator', 'PATCH', `/api/v1/schools/${schoolId}/members/${u.leaver}`, { role: 'educator' })).statusCode).toBe(403)
    expect((await req('educator', 'DELETE', `/api/v1/schools/${schoolId}/members/${u.leaver}`)).statusCode).toBe(403)
    expect((await req('admin', 'DELETE', `/api/v1/schools/${schoolId}/members/${u.leaver}`)).statusCode).toBe(204)
    expect((await req('admin', 'GET', `/api/v1/schools/${schoolId}/members/${u.leaver}`)).statusCode).toBe(404)
  })
})

describe('access log', () => {
  it('logs staff and API-key reads of a learner record, not the learner\'s own', async () => {
    const before = await count('access_log')
    expect((await req('learner', 'GET', `/api/v1/schools/${schoolId}/members/${u.learner}`)).statusCode).toBe(200)
    expect(await count('access_log')).toBe(before)
    expect((await req('learner', 'GET', `/api/v1/schools/${schoolId}/members/${u.educator}`)).statusCode).toBe(403)

    expect((await req('educator', 'GET', `/api/v1/schools/${schoolId}/members/${u.learner}`)).statusCode).toBe(200)
    const { key } = await t.deps.identity.apiKeys.create(u.admin!, { name: 'sis', scopes: ['read'] })
    const byKey = await t.app.inject({ method: 'GET', url: `/api/v1/schools/${schoolId}/members/${u.learner}`, headers: { authorization: `Bearer ${key}` } })
    expect(byKey.statusCode).toBe(200)
    expect(await count('access_log')).toBe(before + 2)

    const mine = (await req('learner', 'GET', '/api/v1/me/access-log')).json<{ items: { actorUserId: string; actorRole: string; actorKeyId: string | null }[] }>().items
    expect(mine.map((e) => [e.actorUserId, e.actorRole])).toEqual(expect.arrayContaining([[u.educator, 'educator'], [u.admin, 'api_key:school_admin']]))
    expect(mine.find((e) => e.actorRole.startsWith('api_key'))?.actorKeyId).toBeTruthy()
    const schoolLog = await req('admin', 'GET', `/api/v1/schools/${schoolId}/access-log?limit=100`)
    expect(schoolLog.statusCode).toBe(200)
    expect(schoolLog.json<{ items: unknown[] }>().items.length).toBeGreaterThanOrEqual(2)
    expect((await req('educator', 'GET', `/api/v1/schools/${schoolId}/access-log`)).statusCode).toBe(403)
  })

  it('cannot be changed or deleted through the API (405)', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      expect((await req('learner', method, '/api/v1/me/access-log', {})).statusCode).toBe(405)
      expect((await req('admin', method, `/api/v1/schools/${schoolId}/access-log`, {})).statusCode).toBe(405)
    }
  })
})

describe('boot check', () => {
  it('refuses to start with a route that names no operation, or an unknown one', async () => {
    for (const config of [{}, { operation: 'school.teleport' }] as { operation?: string }[]) {
      const app = Fastify()
      installAccessControl(app, t.deps.db.kysely)
      app.get('/x', { config }, async () => 'x')
      await expect(app.ready()).rejects.toThrow(/policy operation/)
      await app.close().catch(() => undefined)
    }
  })
})

describe('invitation expiry (moves the clock: last)', () => {
  it('an expired join code no longer works', async () => {
    const res = await req('educator', 'POST', `/api/v1/schools/${schoolId}/invitations`, { role: 'learner', kind: 'code', expiresInDays: 1 })
    expect(res.statusCode).toBe(201)
    const code = res.json<{ code: string }>().code
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/)
    t.clock.advance(2 * 86_400_000)
    await person('expired')
    expect((await req('expired', 'POST', '/api/v1/schools/join', { code })).statusCode).toBe(404)
  })
})

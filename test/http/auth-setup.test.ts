import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueSetupToken } from '../../server/modules/identity/index.js'
import { createAuthTestApp, signin, type AuthTestApp } from '../support/auth.js'
import { ROOT } from '../support/test-app.js'

let t: AuthTestApp
beforeAll(async () => {
  t = await createAuthTestApp()
})
afterAll(() => t.close())

const setup = (body: object) => t.app.inject({ method: 'POST', url: '/api/v1/auth/setup', payload: body })
const admin = { email: 'first.admin@example.org', password: 'the first administrator passphrase', displayName: 'First Admin' }

describe('first-run setup', () => {
  it('has no default account: admin/admin and friends do not sign in on a fresh install', async () => {
    for (const [email, password] of [['admin', 'admin'], ['admin@example.org', 'admin'], ['admin@localhost', 'password'], ['root@localhost', 'root']]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signin', payload: { email, password } })
      expect(res.statusCode).toBe(401)
    }
    expect(await t.deps.db.kysely.selectFrom('users').select('id').execute()).toEqual([])
  })

  it('refuses setup without a valid token, then creates the first platform admin with the printed token, once', async () => {
    expect((await setup({ ...admin, token: 'A'.repeat(43) })).json().code).toBe('token.invalid')
    const token = await issueSetupToken(t.deps.db, t.deps.identity.clock)
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const stored = await t.deps.db.kysely.selectFrom('auth_tokens').selectAll().where('purpose', '=', 'setup').execute()
    expect(stored.map((r) => r.hash)).not.toContain(token)
    expect(Date.parse(stored[0]!.expires_at) - t.clock.now()).toBe(60 * 60_000)

    const res = await setup({ ...admin, token })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toEqual({ id: expect.any(String), email: admin.email })
    const session = await signin(t, admin.email, admin.password)
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } })
    expect(me.json().platformRole).toBe('platform_admin')

    const second = await setup({ ...admin, email: 'second.admin@example.org', token })
    expect(second.statusCode).toBe(409)
    expect(second.json().code).toBe('setup.done')
    expect(await issueSetupToken(t.deps.db)).toBeUndefined() // the CLI refuses too
    const admins = await t.deps.db.kysely.selectFrom('users').select('email').where('platform_role', '=', 'platform_admin').execute()
    expect(admins).toEqual([{ email: admin.email }])
    expect(t.logs.some((l) => l.event === 'auth.setup.completed')).toBe(true)
  })
})

describe('setup tokens', () => {
  it('expire after 60 minutes and are replaced by the next `pathways setup`', async () => {
    const fresh = await createAuthTestApp()
    try {
      const first = await issueSetupToken(fresh.deps.db, fresh.deps.identity.clock)
      const second = await issueSetupToken(fresh.deps.db, fresh.deps.identity.clock)
      const post = (token: string | undefined) => fresh.app.inject({ method: 'POST', url: '/api/v1/auth/setup', payload: { ...admin, token } })
      expect((await post(first)).json().code).toBe('token.invalid')
      fresh.clock.advance(60 * 60_000)
      expect((await post(second)).json().code).toBe('token.invalid')
      const third = await issueSetupToken(fresh.deps.db, fresh.deps.identity.clock)
      expect((await post(third)).statusCode).toBe(201)
    } finally {
      await fresh.close()
    }
  })
})

describe.skipIf(process.env.TEST_DATABASE_URL)('npx pathways setup', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pathways-setup-'))
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))
  const run = () => spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', 'setup'], {
    cwd: ROOT, env: { PATH: process.env.PATH, DATA_DIR: dataDir, CATALOG_DIR: path.join(ROOT, 'test/fixtures/catalog-min') }, encoding: 'utf8', timeout: 30_000,
  })

  it('prints a one-time token on a fresh install and refuses (exit 1) once an admin exists', async () => {
    const first = run()
    expect(first.stderr).toBe('')
    expect(first.status).toBe(0)
    const token = /^ {2}([A-Za-z0-9_-]{43})$/m.exec(first.stdout)?.[1]
    expect(token).toBeDefined()
    expect(first.stdout).toContain('/api/v1/auth/setup')
    const { openDb } = await import('../../server/platform/db/client.js')
    const db = openDb({ kind: 'sqlite', file: path.join(dataDir, 'pathways.sqlite') })
    try {
      const now = new Date().toISOString()
      await db.kysely.insertInto('users').values({
        id: 'admin-id', email: 'root@example.org', display_name: 'Root', password_hash: 'x', email_verified_at: null,
        platform_role: 'platform_admin', status: 'active', created_at: now, updated_at: now, password_changed_at: now,
      }).execute()
    } finally {
      await db.close()
    }
    const second = run()
    expect(second.status).toBe(1)
    expect(second.stderr).toContain('already exists')
    expect(second.stdout).toBe('')
  })
})

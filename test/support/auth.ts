/**
 * Identity test helpers: an app on a fresh database with a manual clock and a captured log, a user
 * factory, and sign-in / cookie / CSRF helpers that speak to the app as a browser on the same origin.
 */
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { pino } from 'pino'
import { buildApp } from '../../server/app.js'
import { loadConfig } from '../../server/config.js'
import { createDeps, type Deps, type DepsOptions } from '../../server/deps.js'
import { serializeRequest } from '../../server/modules/identity/index.js'
import { migrateToLatest } from '../../server/platform/db/migrate.js'
import type { UsersTable } from '../../server/platform/db/types.js'
import { ROOT } from './test-app.js'
import { testSharedState } from './shared-state.js'
import { openTestDb, type TestDb } from './test-db.js'

export const TEST_SECRET_KEY = 'test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz'
export const START = Date.parse('2026-03-02T09:00:00.000Z')

export interface ManualClock {
  now(): number
  advance(ms: number): void
}

export function manualClock(start = START): ManualClock {
  let t = start
  return { now: () => t, advance: (ms) => { t += ms } }
}

export interface AuthTestApp {
  app: FastifyInstance
  deps: Deps
  testDb: TestDb
  clock: ManualClock
  /** Every log line the app wrote, as parsed JSON. */
  logs: Record<string, unknown>[]
  /** The raw log text, for canary searches. */
  logText(): string
  close(): Promise<void>
}

const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]']

export async function createAuthTestApp(options: { env?: Record<string, string>; deps?: DepsOptions; clock?: ManualClock } = {}): Promise<AuthTestApp> {
  const testDb = await openTestDb()
  const clock = options.clock ?? manualClock()
  const shared = testSharedState()
  const config = loadConfig({ CATALOG_DIR: path.join(ROOT, 'test/fixtures/catalog-min'), NODE_ENV: 'test', ...shared.env, ...options.env }, ROOT)
  const raw: string[] = []
  // As main.ts configures it.
  const logger = pino({ level: 'info', redact: REDACT, serializers: { req: serializeRequest } }, { write: (line: string) => void raw.push(line) })
  const deps = createDeps(config, testDb.db, logger, { clock, secretKey: TEST_SECRET_KEY, ...options.deps })
  await migrateToLatest(testDb.db)
  await deps.catalog.sync()
  await deps.catalog.refresh()
  const app = await buildApp(deps, { logger })
  await app.ready()
  return {
    app, deps, testDb, clock,
    get logs() {
      return raw.map((line) => JSON.parse(line) as Record<string, unknown>)
    },
    logText: () => raw.join(''),
    async close() {
      await app.close()
      await deps.close()
      await shared.cleanup()
      await testDb.cleanup()
    },
  }
}

export const GOOD_PASSWORD = 'correct horse battery staple'

let counter = 0
/** A unique address per call. */
export const uniqueEmail = (label = 'user') => `${label}-${++counter}-${randomUUID().slice(0, 8)}@example.org`

/** Inserts an active user directly (a factory, not the sign-up route). */
export async function makeUser(t: AuthTestApp, overrides: Partial<UsersTable> & { password?: string } = {}): Promise<UsersTable & { password: string }> {
  const { password = GOOD_PASSWORD, ...row } = overrides
  const now = new Date(t.clock.now()).toISOString()
  const user: UsersTable = {
    id: randomUUID(), email: uniqueEmail(), display_name: 'Test Person', password_hash: await t.deps.identity.hasher.hash(password),
    email_verified_at: now, platform_role: 'user', status: 'active', created_at: now, updated_at: now, password_changed_at: now, ...row,
  }
  await t.deps.db.kysely.insertInto('users').values(user).execute()
  return { ...user, password }
}

/** The value of a Set-Cookie for `name`, with its attributes. */
export function setCookie(res: LightMyRequestResponse, name = '__Host-sid'): { value: string; attributes: string[]; raw: string } | undefined {
  const header = res.headers['set-cookie']
  const all = header === undefined ? [] : Array.isArray(header) ? header : [String(header)]
  const raw = all.filter((c) => c.startsWith(`${name}=`)).at(-1)
  if (raw === undefined) return undefined
  const [pair = '', ...attributes] = raw.split(';').map((p) => p.trim())
  return { value: pair.slice(name.length + 1), attributes, raw }
}

export interface Session {
  cookie: string
  csrf: string
  token: string
}

/** Same-origin browser headers (fetch metadata) for a signed-in session. */
export const browser = (session?: Session): Record<string, string> => ({
  'sec-fetch-site': 'same-origin',
  ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
})

export async function signin(t: AuthTestApp, email: string, password: string, headers: Record<string, string> = {}): Promise<Session> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signin', headers: { 'sec-fetch-site': 'same-origin', ...headers }, payload: { email, password } })
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`)
  const token = setCookie(res)!.value
  return { cookie: `__Host-sid=${token}`, csrf: res.json<{ csrfToken: string }>().csrfToken, token }
}

/** The newest outbox message to an address. */
export async function lastMail(t: AuthTestApp, to: string) {
  const rows = await t.deps.db.kysely.selectFrom('mail_outbox').selectAll().where('to_address', '=', to).execute()
  return rows.sort((a, b) => a.created_at.localeCompare(b.created_at)).at(-1)
}

/** The token in a mailed link (…?token=X). */
export const tokenInMail = (body: string | undefined): string => /[?&#]token=([A-Za-z0-9_-]{43})/.exec(body ?? '')?.[1] ?? ''

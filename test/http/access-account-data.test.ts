/**
 * GET /me/export and DELETE /me: the download holds the account's data and no secret, as an
 * attachment; deletion needs the current password and leaves no canary in any table.
 */
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browser, createAuthTestApp, makeUser, signin, type AuthTestApp } from '../support/auth.js'

let t: AuthTestApp
/** A fresh canary per seeded account (earlier tests' accounts stay in the database). */
let CANARY = ''

beforeAll(async () => {
  t = await createAuthTestApp()
}, 60_000)

afterAll(async () => {
  await t?.close()
})

async function seed() {
  CANARY = `CANARY${randomUUID().slice(0, 8)}`
  const db = t.deps.db.kysely
  const now = new Date(t.clock.now()).toISOString()
  const schoolId = randomUUID()
  await db.insertInto('schools').values({ id: schoolId, name: 'Export School', slug: `export-${schoolId.slice(0, 8)}`, created_at: now }).execute()
  const user = await makeUser(t, { email: `${CANARY.toLowerCase()}-${randomUUID().slice(0, 6)}@example.org`, display_name: `Learner ${CANARY}` })
  const staff = await makeUser(t)
  await db.insertInto('memberships').values([
    { user_id: user.id, school_id: schoolId, role: 'learner', created_at: now },
    { user_id: staff.id, school_id: schoolId, role: 'educator', created_at: now },
  ]).execute()
  const session = await signin(t, user.email, user.password, { 'user-agent': `agent ${CANARY}` })
  const { key } = await t.deps.identity.apiKeys.create(user.id, { name: `key ${CANARY}`, scopes: ['read'] })
  await db.insertInto('mail_outbox').values({ id: randomUUID(), to_address: user.email, subject: `Hello ${CANARY}`, body: `body ${CANARY}`, created_at: now }).execute()
  // As if they had signed up under 13 and a parent had agreed.
  await db.insertInto('parental_consents').values({
    user_id: user.id, parent_email: `parent-${CANARY.toLowerCase()}@example.org`, status: 'granted', token_hash: null, requested_at: now, expires_at: now, decided_at: now,
  }).execute()
  // The skills passport, a plan and progress (0008), each with the canary.
  const planId = randomUUID()
  await db.insertInto('passport_skills').values({ user_id: user.id, skill_id: 'sql', level: 3, source: 'evidence', evidence: JSON.stringify([{ kind: 'work', title: `Evidence ${CANARY}` }]), updated_at: now }).execute()
  await db.insertInto('passport_credentials').values({ user_id: user.id, credential_id: `cred-${CANARY}`, earned_on: '2026-01-01', added_by_plan: planId, created_at: now }).execute()
  await db.insertInto('passport_targets').values({ user_id: user.id, career_slug: `career-${CANARY}`, position: 0 }).execute()
  await db.insertInto('learning_plans').values({ id: planId, user_id: user.id, career_slug: `career-${CANARY}`, hours_per_week: 5, optimise: 'time', created_at: now }).execute()
  await db.insertInto('learning_plan_items_done').values({ plan_id: planId, user_id: user.id, item_id: `item-${CANARY}`, done_at: now }).execute()
  await db.insertInto('pathway_steps_done').values({ user_id: user.id, career_slug: `career-${CANARY}`, section: `section-${CANARY}`, position: 0, done_at: now }).execute()
  await db.insertInto('progress_events').values({ id: randomUUID(), user_id: user.id, at: now, kind: 'skill_set', ref: `ref-${CANARY}`, coverage: JSON.stringify([{ career: `career-${CANARY}`, coverage: 0.5 }]), items_done: 1, steps_done: 1 }).execute()
  await db.insertInto('cvs').values({ id: randomUUID(), user_id: user.id, title: `CV ${CANARY}`, cv: JSON.stringify({ basics: { name: `Name ${CANARY}` } }), career_slug: null, template: 'classic', created_at: now, updated_at: now }).execute()
  // Cohorts (0010): the account learns in one cohort and runs another it created; done marks on an adapted step.
  const [taught, learning, pathwayId, stepId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()]
  await db.insertInto('cohorts').values([
    { id: learning, school_id: schoolId, name: 'Cohort they learn in', description: null, programme_id: null, join_code: null, created_by: staff.id, created_at: now, archived_at: null },
    { id: taught, school_id: schoolId, name: 'Cohort they run', description: null, programme_id: null, join_code: null, created_by: user.id, created_at: now, archived_at: null },
  ]).execute()
  await db.insertInto('cohort_members').values({ cohort_id: learning, user_id: user.id, joined_at: now }).execute()
  await db.insertInto('cohort_staff').values({ cohort_id: taught, user_id: user.id, added_at: now }).execute()
  await db.insertInto('adapted_pathways').values({ id: pathwayId, school_id: schoolId, career_slug: 'data-clerk', title: 'Adapted', base: '[]', created_by: user.id, created_at: now, updated_at: now }).execute()
  await db.insertInto('adapted_pathway_steps').values({ id: stepId, pathway_id: pathwayId, position: 0, section: 'getting-started', title: 'A school step', text: 'Local', duration_min: null, duration_max: null, duration_unit: null, credential_id: null, school_credential_id: null, upstream_key: null, edited: 0 }).execute()
  await db.insertInto('adapted_steps_done').values({ user_id: user.id, step_id: stepId, pathway_id: pathwayId, done_at: now }).execute()
  await db.insertInto('adapted_pathway_decisions').values({ pathway_id: pathwayId, change_key: 'k', upstream_hash: 'h', decision: 'declined', decided_by: user.id, decided_at: now }).execute()
  await db.insertInto('alignment_thresholds').values({ school_id: schoolId, wage_percentile: 50, growth_percent: 5, annual_openings: 100, education_level: 'bachelor', updated_by: user.id, updated_at: now }).execute()
  const staffSession = await signin(t, staff.email, staff.password)
  expect((await t.app.inject({ method: 'GET', url: `/api/v1/schools/${schoolId}/members/${user.id}`, headers: { cookie: staffSession.cookie } })).statusCode).toBe(200)
  return { user, session, key, schoolId, staff, taught, pathwayId }
}

describe('GET /me/export', () => {
  it('downloads the account\'s data as an attachment, without secrets', async () => {
    const { user, session } = await seed()
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me/export', headers: { cookie: session.cookie } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-disposition']).toBe('attachment; filename="pathways-export.json"')
    expect(res.headers['cache-control']).toBe('no-store')
    const data = res.json<{ account: { email: string }; memberships: unknown[]; apiKeys: unknown[]; sessions: unknown[]; accessLog: { readsOfMyRecord: unknown[] } }>()
    expect(data.account.email).toBe(user.email)
    expect(data.memberships).toHaveLength(1)
    expect(data.apiKeys).toHaveLength(1)
    expect(data.accessLog.readsOfMyRecord).toHaveLength(1)
    expect(res.json().parentalConsent).toMatchObject({ parentEmail: `parent-${CANARY.toLowerCase()}@example.org`, status: 'granted' })
    expect(res.json()).toMatchObject({ cohorts: [{ name: 'Cohort they learn in' }], cohortsTaught: [{ name: 'Cohort they run' }], adaptedStepsDone: [{ title: 'A school step' }] })
    for (const part of [`Evidence ${CANARY}`, `cred-${CANARY}`, `career-${CANARY}`, `item-${CANARY}`, `section-${CANARY}`, `ref-${CANARY}`, `CV ${CANARY}`, `Name ${CANARY}`]) expect(res.body).toContain(part)
    expect(res.body).not.toMatch(/password_?hash|key_?hash|id_?hash|\$argon2/i)
    expect(res.body).not.toContain(`body ${CANARY}`)
    expect(res.body).not.toContain(session.token)
  })

  it('is refused to API keys and anonymous callers', async () => {
    const { key } = await seed()
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/export', headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(403)
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/export' })).statusCode).toBe(401)
  })
})

describe('DELETE /me', () => {
  it('needs the current password', async () => {
    const { session } = await seed()
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/me', headers: browser(session), payload: { password: 'wrong password here' } })).statusCode).toBe(401)
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/me', headers: browser(session), payload: {} })).statusCode).toBe(400)
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } })).statusCode).toBe(200)
  })

  it('removes the personal data everywhere: no canary or id of the account left in any table', async () => {
    const { user, session, key, staff, taught, pathwayId } = await seed()
    const res = await t.app.inject({ method: 'DELETE', url: '/api/v1/me', headers: browser(session), payload: { password: user.password } })
    expect(res.statusCode).toBe(204)
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } })).statusCode).toBe(401)
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(401)
    const db = t.deps.db.kysely
    // Every table in the schema, so a table added later is checked without anyone remembering to.
    const tables = (await db.introspection.getTables()).map((table) => table.name)
    expect(tables).toEqual(expect.arrayContaining(['users', 'sessions', 'api_keys', 'auth_tokens', 'memberships', 'mail_outbox', 'invitations', 'access_log', 'parental_consents', 'passport_skills', 'progress_events', 'cvs']))
    for (const table of tables) {
      const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)
      const text = JSON.stringify(rows)
      expect(text, table).not.toContain(CANARY)
      expect(text.toLowerCase(), table).not.toContain(CANARY.toLowerCase())
      expect(text, table).not.toContain(user.id)
    }
    const staffRows = await db.selectFrom('users').select('id').where('id', '=', staff.id).execute()
    expect(staffRows).toHaveLength(1)
    // What they made for the school stays with it, without their name.
    expect(await db.selectFrom('cohorts').select(['name', 'created_by']).where('id', '=', taught).execute()).toEqual([{ name: 'Cohort they run', created_by: null }])
    expect(await db.selectFrom('adapted_pathways').select('created_by').where('id', '=', pathwayId).execute()).toEqual([{ created_by: null }])
  })
})

/**
 * The learner's own passport, plans and progress under /api/v1/me, on the real curated catalog:
 * storing and resolving skills, credentials that bring their skills, gaps and matches of the stored
 * passport, plans that keep what is done, pathway steps, the progress series on the injected clock,
 * who may read and write, the signed exports (verified at the public endpoint), export and deletion.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browser, createAuthTestApp, makeUser, signin, type AuthTestApp, type Session } from '../support/auth.js'
import { REAL_CATALOG } from '../support/test-app.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

let t: AuthTestApp
const PYTHON_ESCO = 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d'
const DAY = 24 * 60 * 60 * 1000

beforeAll(async () => {
  t = await createAuthTestApp({ env: { CATALOG_DIR: REAL_CATALOG } })
}, 60_000)
afterAll(async () => {
  await t?.close()
})

async function learner(): Promise<{ id: string; email: string; password: string; session: Session }> {
  const user = await makeUser(t)
  return { id: user.id, email: user.email, password: user.password, session: await signin(t, user.email, user.password) }
}

const call = async (session: Session | Record<string, string>, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => {
  const headers = 'cookie' in session && 'csrf' in session ? browser(session as Session) : (session as Record<string, string>)
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) })
  return { status: res.statusCode, body: (res.body ? res.json() : null) as Json, headers: res.headers, raw: res.body }
}

describe('the stored passport', () => {
  it('round-trips: stored resolved, one row per skill (label and ESCO URI of one skill count once), with names and taxonomy ids', async () => {
    const { session } = await learner()
    const put = await call(session, 'PUT', '/me/passport', {
      skills: [
        { skill: 'Python', level: 2 },
        { skill: PYTHON_ESCO, level: 4, source: 'evidence', evidence: [{ kind: 'project', title: 'A web shop', url: 'https://example.org/shop', date: '2026-01-15' }] },
        { skill: 'sql', level: 3 },
      ],
      targets: ['back-end-developer'],
    })
    expect(put.status).toBe(200)
    const got = await call(session, 'GET', '/me/passport')
    expect(got.status).toBe(200)
    expect(got.body).toEqual(put.body)
    const skills = got.body.skills as Json[]
    expect(skills.map((s) => s.skill).sort()).toEqual(['python', 'sql'])
    expect(skills.find((s) => s.skill === 'python')).toMatchObject({
      name: 'Python', level: 4, levelName: 'advanced', source: 'evidence', escoUri: PYTHON_ESCO,
      evidence: [{ kind: 'project', title: 'A web shop', url: 'https://example.org/shop', date: '2026-01-15' }],
    })
    expect(got.body.targets).toEqual([expect.objectContaining({ slug: 'back-end-developer', title: expect.any(String) })])
    const rows = await t.deps.db.kysely.selectFrom('passport_skills').select('skill_id').where('user_id', '=', await ownId(session)).execute()
    expect(rows).toHaveLength(2)
  })

  it('refuses unresolved skills, unknown credentials and careers with 400 passport.unresolved and a pointer to each; nothing is written', async () => {
    const { session } = await learner()
    await call(session, 'PUT', '/me/passport', { skills: [{ skill: 'git', level: 3 }] })
    const res = await call(session, 'PUT', '/me/passport', {
      skills: [{ skill: 'python', level: 3 }, { skill: 'Quantum knitting', level: 2 }],
      credentials: [{ credential: 'no-such-credential' }], targets: ['astronaut-of-the-deep'],
    })
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('passport.unresolved')
    expect((res.body.errors as Json[]).map((e) => e.pointer)).toEqual(['/skills/1/skill', '/credentials/0/credential', '/targets/0'])
    expect(((await call(session, 'GET', '/me/passport')).body.skills as Json[]).map((s) => s.skill)).toEqual(['git'])
    const one = await call(session, 'POST', '/me/passport/skills', { skill: 'Quantum knitting', level: 2 })
    expect(one.status).toBe(400)
    expect(one.body.code).toBe('passport.unresolved')
    expect((await call(session, 'PUT', '/me/passport', { skills: [{ skill: 'python', level: 6 }] })).body.code).toBe('request.invalid')
  })

  it('adds and updates one skill (an equivalent name updates the same row), and removes it', async () => {
    const { session } = await learner()
    expect((await call(session, 'POST', '/me/passport/skills', { skill: 'python', level: 2 })).status).toBe(200)
    const updated = await call(session, 'POST', '/me/passport/skills', { skill: 'Python Programming', level: 3 })
    expect(updated.body.skills).toEqual([expect.objectContaining({ skill: 'python', level: 3, source: 'self', evidence: [] })])
    expect((await call(session, 'DELETE', '/me/passport/skills/nope')).body.code).toBe('passport_skill.not_found')
    const removed = await call(session, 'DELETE', '/me/passport/skills/python')
    expect(removed.status).toBe(200)
    expect(removed.body.skills).toEqual([])
  })

  it('an earned credential brings its skills with source credential, unless higher already; removing it withdraws them', async () => {
    const { session } = await learner()
    await call(session, 'PUT', '/me/passport', { skills: [{ skill: 'python', level: 4 }] })
    const earned = await call(session, 'POST', '/me/passport/credentials', { credential: 'ibm-back-end-development-pc', earnedOn: '2025-05-01' })
    expect(earned.status).toBe(200)
    const skills = Object.fromEntries((earned.body.skills as Json[]).map((s) => [s.skill, s]))
    expect(skills.python).toMatchObject({ level: 4, source: 'self' })
    expect(skills.django).toMatchObject({ level: 2, source: 'credential' })
    expect(earned.body.credentials).toEqual([expect.objectContaining({ credential: 'ibm-back-end-development-pc', earnedOn: '2025-05-01', recordedBy: 'learner', title: expect.any(String) })])
    expect((await call(session, 'POST', '/me/passport/credentials', { credential: 'no-such-credential' })).body.code).toBe('credential.not_found')
    const gone = await call(session, 'DELETE', '/me/passport/credentials/ibm-back-end-development-pc')
    expect(gone.status).toBe(200)
    expect((gone.body.skills as Json[]).map((s) => s.skill)).toEqual(['python'])
    expect((await call(session, 'DELETE', '/me/passport/credentials/ibm-back-end-development-pc')).body.code).toBe('earned_credential.not_found')
  })
})

describe('gaps and matches of the stored passport', () => {
  it('answers a gap per target, or for one career; matches take filters and paging in the query', async () => {
    const { session } = await learner()
    expect((await call(session, 'GET', '/me/gaps')).body).toEqual({ items: [] })
    await call(session, 'PUT', '/me/passport', { skills: [{ skill: 'python', level: 3 }, { skill: 'sql', level: 2 }], targets: ['back-end-developer', 'front-end-developer'] })
    const gaps = await call(session, 'GET', '/me/gaps')
    expect(gaps.status).toBe(200)
    expect((gaps.body.items as Json[]).map((g) => g.career.slug)).toEqual(['back-end-developer', 'front-end-developer'])
    expect(gaps.body.items[0].coverage).toBeGreaterThan(0)
    expect((await call(session, 'GET', '/me/gaps?career=web-developer')).body.items[0].career.slug).toBe('web-developer')
    expect((await call(session, 'GET', '/me/gaps?career=astronaut-of-the-deep')).status).toBe(404)
    const matches = await call(session, 'GET', '/me/matches?limit=3&offset=0&origin=catalog')
    expect(matches.status).toBe(200)
    expect(matches.body.items).toHaveLength(3)
    expect(matches.body.items[0].score).toBeGreaterThanOrEqual(matches.body.items[1].score)
    expect((await call(session, 'GET', '/me/matches?limit=101')).status).toBe(400)
    expect((await call(session, 'GET', '/me/matches?sort=pay')).status).toBe(400)
  })
})

describe('learning plans', () => {
  it('are stored and recomputed; a credential marked done is earned, stays done on re-planning, and undoing withdraws it', async () => {
    const { session } = await learner()
    await call(session, 'PUT', '/me/passport', { skills: [{ skill: 'python', level: 1 }] })
    const created = await call(session, 'POST', '/me/plans', { career: 'back-end-developer', hoursPerWeek: 10 })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ career: { slug: 'back-end-developer' }, hoursPerWeek: 10, optimise: 'time', done: [] })
    const id = created.body.id as string
    const item = (created.body.plan.items as Json[]).find((i) => i.type === 'credential')!
    expect(item).toBeDefined()
    const done = await call(session, 'POST', `/me/plans/${id}/items/${item.id}/done`)
    expect(done.status).toBe(200)
    expect(done.body.done).toEqual([{ item: item.id, doneAt: expect.any(String) }])
    expect((done.body.plan.items as Json[]).find((i) => i.id === item.id)).toMatchObject({ status: 'done' })
    const passport = (await call(session, 'GET', '/me/passport')).body
    expect(passport.credentials).toEqual([expect.objectContaining({ credential: item.id, recordedBy: 'plan', planId: id })])
    expect((passport.skills as Json[]).some((s) => s.source === 'credential')).toBe(true)
    // Re-planning after a change to the passport keeps the item done.
    await call(session, 'POST', '/me/passport/skills', { skill: 'git', level: 3 })
    const again = await call(session, 'GET', `/me/plans/${id}`)
    expect((again.body.plan.items as Json[]).find((i) => i.id === item.id)).toMatchObject({ status: 'done' })
    expect(again.body.plan.coverageBefore).toBeGreaterThan(created.body.plan.coverageBefore)
    expect((await call(session, 'GET', '/me/plans')).body.items).toEqual([expect.objectContaining({ id, itemsDone: 1 })])
    // Undo.
    const undone = await call(session, 'DELETE', `/me/plans/${id}/items/${item.id}/done`)
    expect(undone.body.done).toEqual([])
    expect((await call(session, 'GET', '/me/passport')).body.credentials).toEqual([])
    expect((await call(session, 'DELETE', `/me/plans/${id}/items/${item.id}/done`)).body.code).toBe('plan_item.not_found')
    expect((await call(session, 'POST', `/me/plans/${id}/items/not-in-the-plan/done`)).body.code).toBe('plan_item.not_found')
    expect((await call(session, 'DELETE', `/me/plans/${id}`)).status).toBe(204)
    expect((await call(session, 'GET', `/me/plans/${id}`)).body.code).toBe('plan.not_found')
  })

  it('another learner\'s plan is 404 for reading, marking and deleting', async () => {
    const owner = await learner()
    const other = await learner()
    const created = await call(owner.session, 'POST', '/me/plans', { career: 'back-end-developer', hoursPerWeek: 5, optimise: 'cost' })
    const id = created.body.id as string
    const item = (created.body.plan.items as Json[])[0]!.id as string
    for (const [method, url] of [['GET', `/me/plans/${id}`], ['POST', `/me/plans/${id}/items/${item}/done`], ['DELETE', `/me/plans/${id}`]] as const) {
      const res = await call(other.session, method, url)
      expect(res.status, `${method} ${url}`).toBe(404)
      expect(res.body.code).toBe('plan.not_found')
    }
    expect((await call(other.session, 'GET', '/me/plans')).body.items).toEqual([])
    expect((await call(owner.session, 'GET', `/me/plans/${id}`)).status).toBe(200)
    expect((await call(owner.session, 'POST', '/me/plans', { career: 'astronaut-of-the-deep', hoursPerWeek: 5 })).body.code).toBe('career.not_found')
  })
})

describe('progress', () => {
  it('marks pathway steps, and the series grows with each change on the injected clock', async () => {
    const me = await learner()
    let session = me.session
    // A day later the session has idled out: sign in again.
    const nextDay = async () => {
      t.clock.advance(DAY)
      session = await signin(t, me.email, me.password)
    }
    await call(session, 'PUT', '/me/passport', { skills: [{ skill: 'python', level: 1 }], targets: ['back-end-developer'] })
    await nextDay()
    await call(session, 'POST', '/me/passport/skills', { skill: 'sql', level: 3 })
    const step = await call(session, 'POST', '/me/pathways/back-end-developer/steps/advancement/0/done')
    expect(step.status).toBe(200)
    expect(step.body).toMatchObject({ career: 'back-end-developer', section: 'advancement', position: 0, done: true })
    expect((await call(session, 'POST', '/me/pathways/back-end-developer/steps/advancement/999/done')).body.code).toBe('pathway_step.not_found')
    await nextDay()
    await call(session, 'POST', '/me/passport/skills', { skill: 'python', level: 4 })
    const progress = await call(session, 'GET', '/me/progress')
    expect(progress.status).toBe(200)
    const day = (offset: number) => new Date(t.clock.now() - offset * DAY).toISOString().slice(0, 10)
    const series = progress.body.series as Json[]
    expect(series.map((p) => p.date)).toEqual([day(2), day(1), day(0)])
    expect(series.map((p) => p.events)).toEqual([1, 2, 1])
    expect(series.map((p) => p.stepsDone)).toEqual([0, 1, 1])
    const coverage = series.map((p) => p.coverage[0].coverage as number)
    expect(coverage[0]).toBeLessThan(coverage[1]!)
    expect(coverage[1]).toBeLessThan(coverage[2]!)
    expect(progress.body.targets).toEqual([expect.objectContaining({ career: expect.objectContaining({ slug: 'back-end-developer' }), coverage: coverage[2], steps: { done: 1, total: expect.any(Number) } })])
    expect(progress.body.pathways[0].done).toEqual([expect.objectContaining({ section: 'advancement', position: 0, title: expect.any(String) })])
    const undo = await call(session, 'DELETE', '/me/pathways/back-end-developer/steps/advancement/0/done')
    expect(undo.body.done).toBe(false)
    expect((await call(session, 'GET', '/me/progress')).body.series.at(-1)).toMatchObject({ stepsDone: 0, events: 2 })
  })

  it('counts plan items done per plan', async () => {
    const { session } = await learner()
    const plan = (await call(session, 'POST', '/me/plans', { career: 'back-end-developer', hoursPerWeek: 10 })).body
    await call(session, 'POST', `/me/plans/${plan.id}/items/${plan.plan.items[0].id}/done`)
    const progress = (await call(session, 'GET', '/me/progress')).body
    expect(progress.plans).toEqual([expect.objectContaining({ id: plan.id, items: { done: 1, planned: expect.any(Number) } })])
    expect(progress.series.at(-1).itemsDone).toBe(1)
  })
})

describe('who may read and write', () => {
  it('an API key with read scope reads the passport (logged) but cannot write; a write key cannot either (session only)', async () => {
    const me = await learner()
    await call(me.session, 'PUT', '/me/passport', { skills: [{ skill: 'python', level: 3 }] })
    const read = (await t.deps.identity.apiKeys.create(me.id, { name: 'reader', scopes: ['read'] })).key
    const write = (await t.deps.identity.apiKeys.create(me.id, { name: 'writer', scopes: ['read', 'write'] })).key
    const got = await call({ authorization: `Bearer ${read}` }, 'GET', '/me/passport')
    expect(got.status).toBe(200)
    expect(got.body.skills[0].skill).toBe('python')
    for (const url of ['/me/gaps', '/me/matches', '/me/plans', '/me/progress']) expect((await call({ authorization: `Bearer ${read}` }, 'GET', url)).status, url).toBe(200)
    const log = await t.deps.db.kysely.selectFrom('access_log').selectAll().where('learner_id', '=', me.id).execute()
    expect(log.length).toBeGreaterThanOrEqual(5)
    expect(log[0]).toMatchObject({ actor_role: 'api_key:owner', purpose: 'me.passport.read' })
    expect((await call({ authorization: `Bearer ${read}` }, 'PUT', '/me/passport', { skills: [] })).status).toBe(403)
    expect((await call({ authorization: `Bearer ${write}` }, 'PUT', '/me/passport', { skills: [] })).body.code).toBe('auth.session_required')
    expect((await call({}, 'GET', '/me/passport')).status).toBe(401)
    expect((await call(me.session, 'GET', '/me/passport')).body.skills).toHaveLength(1)
  })

  it('a child under 13 whose parent has not agreed yet cannot build a passport, plan or share it (403 consent.pending)', async () => {
    const child = await learner()
    const now = new Date(t.clock.now()).toISOString()
    await t.deps.db.kysely.insertInto('parental_consents').values({
      user_id: child.id, parent_email: `parent-${randomUUID()}@example.org`, status: 'pending', token_hash: null, requested_at: now, expires_at: now, decided_at: null,
    }).execute()
    const writes = [
      ['PUT', '/me/passport', { skills: [{ skill: 'python', level: 2 }] }], ['POST', '/me/passport/skills', { skill: 'python', level: 2 }],
      ['POST', '/me/passport/credentials', { credential: 'ibm-back-end-development-pc' }], ['PUT', '/me/passport/targets', { targets: ['back-end-developer'] }],
      ['POST', '/me/plans', { career: 'back-end-developer', hoursPerWeek: 5 }], ['POST', '/me/pathways/back-end-developer/steps/advancement/0/done', undefined],
      ['POST', '/me/passport/credential', undefined],
    ] as const
    for (const [method, url, body] of writes) {
      const res = await call(child.session, method, url, body)
      expect(res.status, url).toBe(403)
      expect(res.body.code).toBe('consent.pending')
    }
    expect((await call(child.session, 'GET', '/me/passport')).body).toEqual({ skills: [], credentials: [], targets: [] })
    expect(await t.deps.db.kysely.selectFrom('progress_events').select('id').where('user_id', '=', child.id).execute()).toEqual([])
  })
})

describe('signed exports', () => {
  it('the whole passport downloads as an OpenBadgeCredential that verifies at the public endpoint', async () => {
    const { id, session } = await learner()
    await call(session, 'PUT', '/me/passport', {
      skills: [{ skill: 'python', level: 4 }, { skill: 'sql', level: 3 }], credentials: [{ credential: 'ibm-back-end-development-pc', earnedOn: '2025-05-01' }],
    })
    const res = await call(session, 'POST', '/me/passport/credential')
    expect(res.status).toBe(200)
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="pathways-passport-\d{4}-\d{2}-\d{2}\.json"$/)
    const vc = JSON.parse(res.raw) as Json
    expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential'])
    expect(vc.credentialSubject.id).toBe(`urn:uuid:${id}`)
    const python = (vc.credentialSubject.achievement.resultDescription as Json[]).find((d) => d.id.endsWith(':python'))
    expect(python?.alignment[0]).toMatchObject({ targetUrl: PYTHON_ESCO, targetFramework: 'ESCO' })
    expect(vc.evidence).toHaveLength(1)
    const verified = await call({}, 'POST', '/credentials/verify', vc)
    expect(verified.body).toMatchObject({ verified: true })
    vc.credentialSubject.result[0].value = '5'
    expect((await call({}, 'POST', '/credentials/verify', vc)).body.verified).toBe(false)
  })

  it('one earned credential downloads as an achievement with its skills aligned to taxonomy URIs; one not earned is 404', async () => {
    const { session } = await learner()
    await call(session, 'POST', '/me/passport/credentials', { credential: 'ibm-back-end-development-pc', earnedOn: '2025-05-01' })
    const res = await call(session, 'POST', '/me/credentials/ibm-back-end-development-pc/credential')
    expect(res.status).toBe(200)
    expect(res.headers['content-disposition']).toBe('attachment; filename="pathways-ibm-back-end-development-pc.json"')
    const vc = JSON.parse(res.raw) as Json
    expect(vc.awardedDate).toBe('2025-05-01T00:00:00Z')
    const alignment = vc.credentialSubject.achievement.alignment as Json[]
    expect(alignment.map((a) => a.targetUrl)).toContain(PYTHON_ESCO)
    expect((await call({}, 'POST', '/credentials/verify', vc)).body.verified).toBe(true)
    expect((await call(session, 'POST', '/me/credentials/meta-back-end-developer-pc/credential')).body.code).toBe('earned_credential.not_found')
  })
})

describe('personal data', () => {
  it('the account export carries the passport, plans, steps and progress; deletion removes them', async () => {
    const me = await learner()
    await call(me.session, 'PUT', '/me/passport', { skills: [{ skill: 'python', level: 3, evidence: [{ kind: 'work', title: 'Export marker' }] }], targets: ['back-end-developer'] })
    const plan = (await call(me.session, 'POST', '/me/plans', { career: 'back-end-developer', hoursPerWeek: 10 })).body
    await call(me.session, 'POST', `/me/plans/${plan.id}/items/${plan.plan.items[0].id}/done`)
    await call(me.session, 'POST', '/me/pathways/back-end-developer/steps/advancement/0/done')
    const data = (await call(me.session, 'GET', '/me/export')).body
    expect(data.passport.skills).toEqual([expect.objectContaining({ skill: 'python', level: 3, evidence: [{ kind: 'work', title: 'Export marker' }] })])
    expect(data.passport.targets).toEqual([{ career: 'back-end-developer', position: 0 }])
    expect(data.plans).toEqual([expect.objectContaining({ id: plan.id, itemsDone: [expect.objectContaining({ item: plan.plan.items[0].id })] })])
    expect(data.pathwayStepsDone).toHaveLength(1)
    expect(data.progressEvents.length).toBeGreaterThanOrEqual(3)
    expect((await call(me.session, 'DELETE', '/me', { password: me.password })).status).toBe(204)
    const db = t.deps.db.kysely
    for (const table of ['passport_skills', 'passport_credentials', 'passport_targets', 'learning_plans', 'learning_plan_items_done', 'pathway_steps_done', 'progress_events'] as const) {
      expect(await db.selectFrom(table).select('user_id').where('user_id', '=', me.id).execute(), table).toEqual([])
    }
  })
})

async function ownId(session: Session): Promise<string> {
  return (await call(session, 'GET', '/me')).body.id as string
}

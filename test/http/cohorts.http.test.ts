/**
 * Cohorts over HTTP on a real SQLite database: creation and listing scoped by role (school admins all,
 * educators the cohorts they run, another educator 403, another school 404), joining by code end to
 * end (a new person becomes a learner of the school, an existing role is kept), new and switched-off
 * codes, archived cohorts refusing, assignments of both kinds with their validation errors, the
 * learner's /me/cohorts with done marks, staff and learner management, and the OpenAPI document.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browser, createAuthTestApp, makeUser, signin, type AuthTestApp, type Session } from '../support/auth.js'

let t: AuthTestApp
let schoolId = ''
let otherSchoolId = ''
const s: Record<string, Session> = {}
const u: Record<string, string> = {}
let programmeId = ''
let otherProgrammeId = ''
let pathwayId = ''
let otherPathwayId = ''
const stepIds: string[] = []

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const iso = () => new Date(t.clock.now()).toISOString()

async function person(name: string, school?: string, role?: 'learner' | 'educator' | 'school_admin', platform = false) {
  const user = await makeUser(t, { platform_role: platform ? 'platform_admin' : 'user', display_name: name })
  u[name] = user.id
  if (school && role) await t.deps.db.kysely.insertInto('memberships').values({ user_id: user.id, school_id: school, role, created_at: iso() }).execute()
  s[name] = await signin(t, user.email, user.password)
}

async function call(name: string | undefined, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: name ? browser(s[name]) : { 'sec-fetch-site': 'same-origin' }, ...(payload ? { payload } : {}) })
  return { status: res.statusCode, body: (res.body === '' ? {} : res.json()) as Json }
}

const roleOf = async (userId: string, school: string) =>
  (await t.deps.db.kysely.selectFrom('memberships').select('role').where('user_id', '=', userId).where('school_id', '=', school).executeTakeFirst())?.role

async function newCohort(who: string, name: string, extra: object = {}) {
  const res = await call(who, 'POST', `/schools/${schoolId}/cohorts`, { name, ...extra })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body
}

async function seedPathway(school: string, title: string, steps: string[]): Promise<{ id: string; steps: string[] }> {
  const db = t.deps.db.kysely
  const id = randomUUID()
  await db.insertInto('adapted_pathways').values({ id, school_id: school, career_slug: 'data-clerk', title, base: '[]', created_by: null, created_at: iso(), updated_at: iso() }).execute()
  const ids = steps.map(() => randomUUID())
  for (const [i, stepTitle] of steps.entries()) {
    await db.insertInto('adapted_pathway_steps').values({
      id: ids[i]!, pathway_id: id, position: i, section: 'local', title: stepTitle, text: `${stepTitle}.`, duration_min: null, duration_max: null,
      duration_unit: null, credential_id: null, school_credential_id: null, upstream_key: null, edited: 0,
    }).execute()
  }
  return { id, steps: ids }
}

beforeAll(async () => {
  t = await createAuthTestApp()
  const db = t.deps.db.kysely
  schoolId = randomUUID()
  otherSchoolId = randomUUID()
  await db.insertInto('schools').values([
    { id: schoolId, name: 'Riverside High', slug: 'riverside', created_at: iso() },
    { id: otherSchoolId, name: 'Hilltop Academy', slug: 'hilltop', created_at: iso() },
  ]).execute()
  await person('root', undefined, undefined, true)
  await person('admin', schoolId, 'school_admin')
  await person('teacher', schoolId, 'educator')
  await person('colleague', schoolId, 'educator')
  await person('pupil', schoolId, 'learner')
  await person('newcomer')
  await person('hilltopAdmin', otherSchoolId, 'school_admin')
  programmeId = randomUUID()
  otherProgrammeId = randomUUID()
  await db.insertInto('school_programmes').values([
    { id: programmeId, school_id: schoolId, cip_code: '51.0801', title: 'Medical assisting', created_at: iso() },
    { id: otherProgrammeId, school_id: otherSchoolId, cip_code: '51.0801', title: 'Medical assisting', created_at: iso() },
  ]).execute()
  const mine = await seedPathway(schoolId, 'Clerk pathway, Riverside edition', ['Shadow the school office', 'Typing certificate'])
  pathwayId = mine.id
  stepIds.push(...mine.steps)
  otherPathwayId = (await seedPathway(otherSchoolId, 'Hilltop pathway', ['Other step'])).id
}, 120_000)

afterAll(async () => {
  await t?.close()
})

describe('creating and listing cohorts', () => {
  it('an educator creates a cohort they run, with a join code and link; the creator is its staff', async () => {
    const cohort = await newCohort('teacher', '  Year 11 Business  ', { description: 'Tuesday group', programmeId })
    expect(cohort.name).toBe('Year 11 Business')
    expect(cohort.joinCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
    expect(cohort.joinLink).toMatch(new RegExp(`/cohorts/join\\?code=${cohort.joinCode}$`))
    expect(cohort.staff.map((p: Json) => p.userId)).toEqual([u.teacher])
    expect(cohort.programme).toEqual({ id: programmeId, title: 'Medical assisting', cipCode: '51.0801' })
    expect(cohort).toMatchObject({ archived: false, joinOpen: true, learnerCount: 0, assignmentCount: 0, learners: [], assignments: [] })
  })

  it('lists every cohort for a school admin, only their own for an educator, none for another educator', async () => {
    const adminOwn = await newCohort('admin', 'Admin cohort')
    const forAdmin = (await call('admin', 'GET', `/schools/${schoolId}/cohorts`)).body.items.map((c: Json) => c.name)
    expect(forAdmin).toEqual(expect.arrayContaining(['Year 11 Business', 'Admin cohort']))
    const forTeacher = (await call('teacher', 'GET', `/schools/${schoolId}/cohorts`)).body.items.map((c: Json) => c.name)
    expect(forTeacher).toContain('Year 11 Business')
    expect(forTeacher).not.toContain('Admin cohort')
    expect((await call('colleague', 'GET', `/schools/${schoolId}/cohorts`)).body.items.map((c: Json) => c.id)).not.toContain(adminOwn.id)
    expect((await call('root', 'GET', `/schools/${schoolId}/cohorts`)).body.items.length).toBeGreaterThanOrEqual(2)
  })

  it('refuses the cohort to an educator who does not run it (403), a learner (403), another school (404), anonymous (401)', async () => {
    const cohort = await newCohort('teacher', 'Private group')
    const url = `/schools/${schoolId}/cohorts/${cohort.id}`
    expect((await call('teacher', 'GET', url)).status).toBe(200)
    expect((await call('admin', 'GET', url)).status).toBe(200)
    expect((await call('root', 'GET', url)).status).toBe(200)
    expect((await call('colleague', 'GET', url)).body.code).toBe('access.denied')
    expect((await call('colleague', 'PATCH', url, { name: 'Mine now' })).status).toBe(403)
    expect((await call('pupil', 'GET', url)).status).toBe(403)
    expect((await call('pupil', 'POST', `/schools/${schoolId}/cohorts`, { name: 'Nope' })).status).toBe(403)
    expect((await call('hilltopAdmin', 'GET', url)).body.code).toBe('school.not_found')
    const crossed = await call('hilltopAdmin', 'GET', `/schools/${otherSchoolId}/cohorts/${cohort.id}`)
    expect([crossed.status, crossed.body.code]).toEqual([404, 'cohort.not_found'])
    expect((await call('hilltopAdmin', 'DELETE', `/schools/${otherSchoolId}/cohorts/${cohort.id}`)).status).toBe(404)
    expect((await call(undefined, 'GET', url)).status).toBe(401)
    expect((await call('teacher', 'GET', `/schools/${schoolId}/cohorts/${randomUUID()}`)).body.code).toBe('cohort.not_found')
  })

  it('refuses another school\'s programme, unknown fields and an empty name, writing nothing', async () => {
    const count = async () => Number((await t.deps.db.kysely.selectFrom('cohorts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    const before = await count()
    const foreign = await call('teacher', 'POST', `/schools/${schoolId}/cohorts`, { name: 'X', programmeId: otherProgrammeId })
    expect([foreign.status, foreign.body.code]).toEqual([404, 'programme.not_found'])
    for (const body of [{ name: 'X', schoolId: otherSchoolId }, { name: 'X', joinCode: 'AAAAAAAA' }, { name: '' }, { name: '   ' }, {}]) {
      const res = await call('teacher', 'POST', `/schools/${schoolId}/cohorts`, body)
      expect([res.status, res.body.code], JSON.stringify(body)).toEqual([400, 'request.invalid'])
    }
    expect(await count()).toBe(before)
  })

  it('changes, archives, restores and deletes a cohort', async () => {
    const cohort = await newCohort('teacher', 'Short-lived')
    const url = `/schools/${schoolId}/cohorts/${cohort.id}`
    const changed = await call('teacher', 'PATCH', url, { name: 'Renamed', description: null, programmeId })
    expect(changed.body).toMatchObject({ name: 'Renamed', description: null, programme: { id: programmeId } })
    expect((await call('teacher', 'PATCH', url, { programmeId: null })).body.programme).toBeNull()
    const archived = await call('teacher', 'PATCH', url, { archived: true })
    expect(archived.body).toMatchObject({ archived: true, joinOpen: false })
    expect((await call('teacher', 'PATCH', url, { archived: false })).body.archived).toBe(false)
    expect((await call('teacher', 'DELETE', url)).status).toBe(204)
    expect((await call('teacher', 'GET', url)).body.code).toBe('cohort.not_found')
  })
})

describe('joining by code', () => {
  it('a person outside the school joins with the code and becomes a learner of the school and the cohort', async () => {
    const cohort = await newCohort('teacher', 'Joinable')
    const joined = await call('newcomer', 'POST', '/cohorts/join', { code: `${cohort.joinCode.slice(0, 4).toLowerCase()} ${cohort.joinCode.slice(4)}` })
    expect(joined.status, JSON.stringify(joined.body)).toBe(200)
    expect(joined.body).toEqual({ cohort: { id: cohort.id, name: 'Joinable' }, school: { id: schoolId, name: 'Riverside High' } })
    expect(await roleOf(u.newcomer!, schoolId)).toBe('learner')
    const learners = (await call('teacher', 'GET', `/schools/${schoolId}/cohorts/${cohort.id}/members`)).body.items
    expect(learners.map((p: Json) => p.userId)).toEqual([u.newcomer])
    // Joining twice changes nothing.
    expect((await call('newcomer', 'POST', '/cohorts/join', { code: cohort.joinCode })).status).toBe(200)
    expect((await call('teacher', 'GET', `/schools/${schoolId}/cohorts/${cohort.id}`)).body.learnerCount).toBe(1)
  })

  it('never lowers a role: an educator or admin joining stays what they were', async () => {
    const cohort = await newCohort('teacher', 'Mixed')
    expect((await call('colleague', 'POST', '/cohorts/join', { code: cohort.joinCode })).status).toBe(200)
    expect((await call('admin', 'POST', '/cohorts/join', { code: cohort.joinCode })).status).toBe(200)
    expect(await roleOf(u.colleague!, schoolId)).toBe('educator')
    expect(await roleOf(u.admin!, schoolId)).toBe('school_admin')
  })

  it('a new code replaces the old one; switched off, no code works; an archived cohort takes nobody', async () => {
    const cohort = await newCohort('teacher', 'Rotating')
    const url = `/schools/${schoolId}/cohorts/${cohort.id}/join-code`
    const renewed = await call('teacher', 'POST', url)
    expect(renewed.body.joinCode).not.toBe(cohort.joinCode)
    expect((await call('pupil', 'POST', '/cohorts/join', { code: cohort.joinCode })).body.code).toBe('cohort.join_not_found')
    const off = await call('teacher', 'DELETE', url)
    expect(off.body).toMatchObject({ joinCode: null, joinLink: null, joinOpen: false })
    expect((await call('pupil', 'POST', '/cohorts/join', { code: renewed.body.joinCode })).status).toBe(404)
    const again = await call('teacher', 'POST', url)
    await call('teacher', 'PATCH', `/schools/${schoolId}/cohorts/${cohort.id}`, { archived: true })
    const archived = await call('pupil', 'POST', '/cohorts/join', { code: again.body.joinCode })
    expect([archived.status, archived.body.code]).toEqual([404, 'cohort.join_not_found'])
    expect((await call('colleague', 'POST', url)).status).toBe(403)
  })

  it('slows down guessing: after repeated unknown codes the person gets 429', async () => {
    await person('guesser')
    const answers: number[] = []
    for (let i = 0; i < 7; i++) answers.push((await call('guesser', 'POST', '/cohorts/join', { code: 'ZZZZZZZZ' })).status)
    expect(answers.slice(0, 5)).toEqual([404, 404, 404, 404, 404])
    expect(answers.at(-1)).toBe(429)
    expect((await call('guesser', 'POST', '/cohorts/join', { code: 'short' })).status).toBe(400)
  })
})

describe('learners and staff', () => {
  it('adds and removes learners who are members of the school; strangers are not found; archived refuses', async () => {
    const cohort = await newCohort('teacher', 'Roster')
    const base = `/schools/${schoolId}/cohorts/${cohort.id}/members`
    const added = await call('teacher', 'POST', base, { userId: u.pupil })
    expect([added.status, added.body.userId, added.body.displayName]).toEqual([201, u.pupil, 'pupil'])
    expect((await call('teacher', 'POST', base, { userId: u.hilltopAdmin })).body.code).toBe('member.not_found')
    expect((await call('teacher', 'POST', base, { userId: u.pupil, role: 'educator' })).status).toBe(400)
    expect((await call('teacher', 'DELETE', `${base}/${u.pupil}`)).status).toBe(204)
    expect((await call('teacher', 'DELETE', `${base}/${u.pupil}`)).body.code).toBe('cohort_member.not_found')
    await call('teacher', 'PATCH', `/schools/${schoolId}/cohorts/${cohort.id}`, { archived: true })
    const refused = await call('teacher', 'POST', base, { userId: u.pupil })
    expect([refused.status, refused.body.code]).toEqual([409, 'cohort.archived'])
  })

  it('adds an educator to the staff, who may then run the cohort; a learner cannot be staff', async () => {
    const cohort = await newCohort('teacher', 'Shared')
    const url = `/schools/${schoolId}/cohorts/${cohort.id}`
    expect((await call('colleague', 'GET', url)).status).toBe(403)
    const staff = await call('teacher', 'POST', `${url}/staff`, { userId: u.colleague })
    expect(staff.body.items.map((p: Json) => p.userId).sort()).toEqual([u.teacher, u.colleague].sort())
    expect((await call('colleague', 'GET', url)).status).toBe(200)
    expect((await call('colleague', 'GET', `/schools/${schoolId}/cohorts`)).body.items.map((c: Json) => c.id)).toContain(cohort.id)
    const learner = await call('teacher', 'POST', `${url}/staff`, { userId: u.pupil })
    expect([learner.status, learner.body.code]).toEqual([409, 'cohort_staff.not_staff'])
    expect((await call('teacher', 'DELETE', `${url}/staff/${u.colleague}`)).status).toBe(204)
    expect((await call('colleague', 'GET', url)).status).toBe(403)
    expect((await call('teacher', 'DELETE', `${url}/staff/${u.colleague}`)).body.code).toBe('cohort_staff.not_found')
  })
})

describe('assignments', () => {
  it('assigns a career by official code and an adapted pathway, changes and removes them', async () => {
    const cohort = await newCohort('teacher', 'Assigned')
    const base = `/schools/${schoolId}/cohorts/${cohort.id}/assignments`
    const career = await call('teacher', 'POST', base, { kind: 'career', career: '43-9021', dueOn: '2026-06-30', note: 'Start with the first step' })
    expect(career.status, JSON.stringify(career.body)).toBe(201)
    expect(career.body).toMatchObject({ kind: 'career', career: { slug: 'data-clerk', title: 'Data Clerk' }, pathway: null, dueOn: '2026-06-30', position: 0 })
    const pathway = await call('teacher', 'POST', base, { kind: 'pathway', pathwayId })
    expect(pathway.body).toMatchObject({ kind: 'pathway', pathway: { id: pathwayId, title: 'Clerk pathway, Riverside edition' }, career: null, position: 1 })
    expect((await call('teacher', 'POST', base, { kind: 'career', career: 'data-clerk' })).body.code).toBe('assignment.duplicate')
    const changed = await call('teacher', 'PATCH', `${base}/${career.body.id}`, { dueOn: null, note: 'No rush' })
    expect(changed.body).toMatchObject({ dueOn: null, note: 'No rush' })
    expect((await call('teacher', 'GET', base)).body.items.map((a: Json) => a.kind)).toEqual(['career', 'pathway'])
    expect((await call('teacher', 'DELETE', `${base}/${pathway.body.id}`)).status).toBe(204)
    expect((await call('teacher', 'DELETE', `${base}/${pathway.body.id}`)).body.code).toBe('assignment.not_found')
    expect((await call('teacher', 'GET', `/schools/${schoolId}/cohorts`)).body.items.find((c: Json) => c.id === cohort.id).assignmentCount).toBe(1)
  })

  it('answers 400 request.invalid with a pointer for bad input, 404 for an unknown career or another school\'s pathway', async () => {
    const cohort = await newCohort('teacher', 'Strict')
    const base = `/schools/${schoolId}/cohorts/${cohort.id}/assignments`
    const cases: [object, string][] = [
      [{ kind: 'career' }, '/body/career'],
      [{ kind: 'career', career: 'data-clerk', dueOn: '2026-02-30' }, '/body/dueOn'],
      [{ kind: 'career', career: 'data-clerk', dueOn: 'tomorrow' }, '/body/dueOn'],
      [{ kind: 'career', career: 'data-clerk', pathwayId }, '/body/pathwayId'],
      [{ kind: 'pathway' }, '/body/pathwayId'],
      [{ kind: 'pathway', pathwayId, career: 'data-clerk' }, '/body/career'],
      [{ kind: 'course', career: 'data-clerk' }, '/body/kind'],
      [{ kind: 'career', career: 'data-clerk', position: 3 }, '/body'],
    ]
    for (const [body, pointer] of cases) {
      const res = await call('teacher', 'POST', base, body)
      expect([res.status, res.body.code], JSON.stringify(body)).toEqual([400, 'request.invalid'])
      expect((res.body.errors as Json[]).map((e) => e.pointer).some((p: string) => p.startsWith(pointer)), `${JSON.stringify(body)} → ${JSON.stringify(res.body.errors)}`).toBe(true)
    }
    const unknown = await call('teacher', 'POST', base, { kind: 'career', career: 'astronaut-of-the-deep' })
    expect([unknown.status, unknown.body.code]).toEqual([404, 'career.not_found'])
    const foreign = await call('teacher', 'POST', base, { kind: 'pathway', pathwayId: otherPathwayId })
    expect([foreign.status, foreign.body.code]).toEqual([404, 'adapted_pathway.not_found'])
    expect((await call('teacher', 'GET', base)).body.items).toEqual([])
    await call('teacher', 'PATCH', `/schools/${schoolId}/cohorts/${cohort.id}`, { archived: true })
    const archived = await call('teacher', 'POST', base, { kind: 'career', career: 'data-clerk' })
    expect([archived.status, archived.body.code]).toEqual([409, 'cohort.archived'])
  })
})

describe('the learner\'s cohorts', () => {
  it('shows my cohorts with the school, each assignment resolved, and my done marks on both kinds of pathway', async () => {
    await person('student')
    const cohort = await newCohort('teacher', 'Learners view')
    const base = `/schools/${schoolId}/cohorts/${cohort.id}/assignments`
    await call('teacher', 'POST', base, { kind: 'career', career: 'data-clerk', note: 'Read the profile' })
    await call('teacher', 'POST', base, { kind: 'pathway', pathwayId })
    expect((await call('student', 'GET', '/me/cohorts')).body.items).toEqual([])
    await call('student', 'POST', '/cohorts/join', { code: cohort.joinCode })

    const stepUrl = (step: string) => `/me/cohorts/${cohort.id}/pathways/${pathwayId}/steps/${step}/done`
    const marked = await call('student', 'PUT', stepUrl(stepIds[1]!))
    expect(marked.body).toMatchObject({ stepId: stepIds[1], title: 'Typing certificate', done: true })
    expect((await call('student', 'POST', '/me/pathways/data-clerk/steps/progression/0/done')).status).toBe(200)

    const mine = (await call('student', 'GET', '/me/cohorts')).body.items
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ id: cohort.id, name: 'Learners view', school: { id: schoolId, name: 'Riverside High' }, archived: false })
    const [career, adapted] = mine[0].assignments as Json[]
    expect(career).toMatchObject({ kind: 'career', career: { slug: 'data-clerk', title: 'Data Clerk' }, note: 'Read the profile', done: 1, total: 2 })
    expect(career!.steps.map((x: Json) => [x.id, x.title, x.done])).toEqual([['progression:0', 'Junior clerk', true], ['progression:1', 'Senior clerk', false]])
    expect(adapted).toMatchObject({ kind: 'pathway', pathway: { id: pathwayId }, done: 1, total: 2 })
    expect(adapted!.steps.map((x: Json) => [x.title, x.done])).toEqual([['Shadow the school office', false], ['Typing certificate', true]])

    expect((await call('student', 'DELETE', stepUrl(stepIds[1]!))).body.done).toBe(false)
    expect((await call('student', 'GET', '/me/cohorts')).body.items[0].assignments[1].done).toBe(0)
  })

  it('refuses done marks outside my cohorts\' assignments (404) and to anonymous callers (401)', async () => {
    const cohort = await newCohort('teacher', 'Marks')
    await call('teacher', 'POST', `/schools/${schoolId}/cohorts/${cohort.id}/assignments`, { kind: 'pathway', pathwayId })
    const url = `/me/cohorts/${cohort.id}/pathways/${pathwayId}/steps/${stepIds[0]}/done`
    expect((await call('pupil', 'PUT', url)).body.code).toBe('assignment.not_found') // not in the cohort
    await call('pupil', 'POST', '/cohorts/join', { code: cohort.joinCode })
    expect((await call('pupil', 'PUT', url)).status).toBe(200)
    expect((await call('pupil', 'PUT', `/me/cohorts/${cohort.id}/pathways/${otherPathwayId}/steps/${stepIds[0]}/done`)).status).toBe(404)
    expect((await call('pupil', 'PUT', `/me/cohorts/${cohort.id}/pathways/${pathwayId}/steps/${randomUUID()}/done`)).body.code).toBe('adapted_step.not_found')
    expect((await call(undefined, 'GET', '/me/cohorts')).status).toBe(401)
    expect((await call(undefined, 'PUT', url)).status).toBe(401)
  })
})

describe('API keys', () => {
  it('a read key lists my cohorts (the read is written to my access log) but cannot join or mark steps', async () => {
    const cohort = await newCohort('teacher', 'Key readers')
    await call('pupil', 'POST', '/cohorts/join', { code: cohort.joinCode })
    const key = (await t.deps.identity.apiKeys.create(u.pupil!, { name: 'reader', scopes: ['read', 'write'] })).key
    const headers = { authorization: `Bearer ${key}` }
    const before = await t.deps.db.kysely.selectFrom('access_log').selectAll().where('learner_id', '=', u.pupil!).execute()
    const got = await t.app.inject({ method: 'GET', url: '/api/v1/me/cohorts', headers })
    expect(got.statusCode).toBe(200)
    expect(got.json<Json>().items.map((c: Json) => c.id)).toContain(cohort.id)
    const after = await t.deps.db.kysely.selectFrom('access_log').selectAll().where('learner_id', '=', u.pupil!).execute()
    expect(after.length).toBe(before.length + 1)
    expect(after.find((r) => !before.some((b) => b.id === r.id))).toMatchObject({ actor_role: 'api_key:owner', record: 'cohorts' })
    expect((await call('pupil', 'GET', '/me/cohorts')).status).toBe(200)
    expect((await t.deps.db.kysely.selectFrom('access_log').selectAll().where('learner_id', '=', u.pupil!).execute()).length).toBe(after.length)
    const join = await t.app.inject({ method: 'POST', url: '/api/v1/cohorts/join', headers, payload: { code: cohort.joinCode } })
    expect(join.json<Json>().code).toBe('auth.session_required')
    const mark = await t.app.inject({ method: 'PUT', url: `/api/v1/me/cohorts/${cohort.id}/pathways/${pathwayId}/steps/${stepIds[0]}/done`, headers })
    expect(mark.json<Json>().code).toBe('auth.session_required')
  })
})

describe('OpenAPI', () => {
  it('documents every cohort route under the cohorts tag with strict bodies', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{ paths: Record<string, Record<string, Json>> }>()
    const expected: [string, string][] = [
      ['/schools/{schoolId}/cohorts', 'get'], ['/schools/{schoolId}/cohorts', 'post'],
      ['/schools/{schoolId}/cohorts/{cohortId}', 'get'], ['/schools/{schoolId}/cohorts/{cohortId}', 'patch'], ['/schools/{schoolId}/cohorts/{cohortId}', 'delete'],
      ['/schools/{schoolId}/cohorts/{cohortId}/join-code', 'post'], ['/schools/{schoolId}/cohorts/{cohortId}/join-code', 'delete'],
      ['/schools/{schoolId}/cohorts/{cohortId}/members', 'get'], ['/schools/{schoolId}/cohorts/{cohortId}/members', 'post'],
      ['/schools/{schoolId}/cohorts/{cohortId}/members/{userId}', 'delete'],
      ['/schools/{schoolId}/cohorts/{cohortId}/staff', 'post'], ['/schools/{schoolId}/cohorts/{cohortId}/staff/{userId}', 'delete'],
      ['/schools/{schoolId}/cohorts/{cohortId}/assignments', 'get'], ['/schools/{schoolId}/cohorts/{cohortId}/assignments', 'post'],
      ['/schools/{schoolId}/cohorts/{cohortId}/assignments/{assignmentId}', 'patch'], ['/schools/{schoolId}/cohorts/{cohortId}/assignments/{assignmentId}', 'delete'],
      ['/cohorts/join', 'post'], ['/me/cohorts', 'get'],
      ['/me/cohorts/{cohortId}/pathways/{pathwayId}/steps/{stepId}/done', 'put'], ['/me/cohorts/{cohortId}/pathways/{pathwayId}/steps/{stepId}/done', 'delete'],
    ]
    for (const [path, method] of expected) {
      const op = spec.paths[`/api/v1${path}`]?.[method]
      expect(op, `${method} ${path}`).toBeDefined()
      expect(op!.tags).toEqual(['cohorts'])
      const body = op!.requestBody?.content?.['application/json']?.schema as Json | undefined
      if (body) expect(body.additionalProperties, `${method} ${path}`).toBe(false)
    }
  })
})

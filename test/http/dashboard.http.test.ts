/**
 * A cohort's dashboard and the drill-down over HTTP on the minimal catalog: the numbers of a
 * constructed cohort (three learners with known passports, credentials, step marks and progress
 * events at known clock times, across four weeks), who may read (an educator of another cohort 403,
 * another school 404), a non-member's drill-down 404, and the access-log rows every read writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browser, createAuthTestApp, signin, START, type AuthTestApp } from '../support/auth.js'
import {
  adaptedPathway, apiGet, assignCareer, assignPathway, cohort, DAY, iso, localCredential, markAdapted, person, school, today, type Person,
} from './insight-fixture.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

let t: AuthTestApp
let schoolId = ''
let otherSchoolId = ''
let cohortId = ''
let otherCohortId = ''
let careerAssignment = ''
let pathwayAssignment = ''
const people = {} as Record<'admin' | 'educator' | 'stranger' | 'outsider' | 'ada' | 'ben' | 'cat' | 'dan', Person>
const expected: Record<string, number | string> = {}

const coverageOf = (skills: { skill: string; level: number }[]) => t.deps.analysis.gap({ skills }, 'data-clerk').coverage as number

beforeAll(async () => {
  t = await createAuthTestApp()
  schoolId = await school(t, 'Riverside High')
  otherSchoolId = await school(t, 'Hilltop Academy')
  people.admin = await person(t, schoolId, 'school_admin')
  people.educator = await person(t, schoolId, 'educator')
  people.stranger = await person(t, schoolId, 'educator') // staff of the school, not of this cohort
  people.outsider = await person(t, otherSchoolId, 'school_admin')
  people.ada = await person(t, schoolId, 'learner', 'Ada Lovelace')
  people.ben = await person(t, schoolId, 'learner', 'Ben Okri')
  people.cat = await person(t, schoolId, 'learner', 'Cat Stevens')
  people.dan = await person(t, schoolId, 'learner', 'Dan Brown') // in the school, not in the cohort
  const badge = await localCredential(t, schoolId, 'Riverside Data Badge', 'Riverside High')
  const pathway = await adaptedPathway(t, schoolId, 'Data clerk, Riverside style', ['Visit the records office', 'Keep a log', 'Present the log'], { 0: badge })
  cohortId = await cohort(t, schoolId, 'Year 12 data', { staff: [people.educator], members: [people.ada, people.ben, people.cat] })
  otherCohortId = await cohort(t, otherSchoolId, 'Elsewhere', { members: [] })
  careerAssignment = await assignCareer(t, cohortId, 'data-clerk')
  pathwayAssignment = await assignPathway(t, cohortId, pathway.id)

  const { passport, plans } = t.deps.learner
  // Week 0 (Monday START): Ada starts with SQL at 3.
  await passport.replace(people.ada.id, { skills: [{ skill: 'sql', level: 3 }], targets: ['data-clerk'] })
  expected.adaWeek0 = coverageOf([{ skill: 'sql', level: 3 }])
  // Week 1: Ada completes her skills, marks a catalog step and earns the catalog credential; Ben starts.
  t.clock.advance(7 * DAY)
  await passport.setSkill(people.ada.id, { skill: 'sql', level: 5 })
  await passport.setSkill(people.ada.id, { skill: 'teamwork', level: 5 })
  await plans.markStep(people.ada.id, 'data-clerk', 'progression', 0, true)
  await passport.earn(people.ada.id, 'acme-sql-certificate', today(t))
  expected.adaEarned = today(t)
  expected.adaLast = iso(t)
  await passport.replace(people.ben.id, { skills: [{ skill: 'sql', level: 3 }], targets: ['data-clerk'] })
  expected.ben = coverageOf([{ skill: 'sql', level: 3 }])
  // Week 2, two hours in: Ben marks the adapted step carrying the local credential.
  t.clock.advance(7 * DAY + 2 * 60 * 60 * 1000)
  await markAdapted(t, people.ben, pathway.id, pathway.steps[0]!)
  expected.benEarned = today(t)
  expected.benLast = iso(t)
  // Week 3: the dashboard is read.
  t.clock.advance(7 * DAY - 2 * 60 * 60 * 1000)
}, 60_000)
afterAll(async () => {
  await t?.close()
})

describe('the cohort dashboard', () => {
  let body: Json
  beforeAll(async () => {
    const res = await apiGet(t, people.educator, `/schools/${schoolId}/cohorts/${cohortId}/dashboard?weeks=4`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    body = res.json()
  })

  it('lists each learner with progress per assignment, coverage, credentials and last activity', () => {
    expect(iso(t)).toBe(new Date(START + 21 * DAY).toISOString())
    expect(body.cohort).toMatchObject({ id: cohortId, name: 'Year 12 data', archivedAt: null })
    expect(body.assignments.map((a: Json) => [a.kind, a.title, a.steps])).toEqual([['career', 'Data Clerk', 2], ['pathway', 'Data clerk, Riverside style', 3]])
    expect(body.careers).toEqual([{ slug: 'data-clerk', title: 'Data Clerk' }])
    expect(body.learners).toEqual({ total: 3, shown: 3, truncated: false })
    const rows = Object.fromEntries((body.rows as Json[]).map((r) => [r.displayName, r]))
    expect(Object.keys(rows)).toEqual(['Ada Lovelace', 'Ben Okri', 'Cat Stevens'])
    expect(rows['Ada Lovelace']).toMatchObject({
      progress: [{ assignmentId: careerAssignment, done: 1, total: 2, share: 0.5 }, { assignmentId: pathwayAssignment, done: 0, total: 3, share: 0 }],
      coverage: [{ career: 'data-clerk', coverage: 1 }],
      credentials: { count: 1, latest: { kind: 'catalog', id: 'acme-sql-certificate', title: 'Acme SQL Certificate', earnedOn: expected.adaEarned } },
      lastActivity: expected.adaLast,
    })
    expect(rows['Ben Okri']).toMatchObject({
      progress: [{ done: 0, total: 2 }, { done: 1, total: 3, share: 0.3333 }],
      coverage: [{ career: 'data-clerk', coverage: expected.ben }],
      credentials: { count: 1, latest: { kind: 'local', title: 'Riverside Data Badge', earnedOn: expected.benEarned } },
      lastActivity: expected.benLast,
    })
    expect(rows['Cat Stevens']).toMatchObject({
      progress: [{ done: 0 }, { done: 0 }], coverage: [{ career: 'data-clerk', coverage: 0 }], credentials: { count: 0, latest: null }, lastActivity: null,
    })
  })

  it('counts distributions in 20-point bands and totals', () => {
    const ben = expected.ben as number
    expect(ben).toBeGreaterThan(0)
    expect(ben).toBeLessThan(1)
    const coverageBands = [0, 0, 0, 0, 0]
    for (const share of [1, ben, 0]) coverageBands[Math.min(4, Math.floor((share * 100) / 20))]! += 1
    expect(body.distributions.coverage).toEqual([{ career: 'data-clerk', title: 'Data Clerk', noData: 0, bands: expect.any(Array) }])
    expect(body.distributions.coverage[0].bands.map((b: Json) => b.count)).toEqual(coverageBands)
    expect(body.distributions.coverage[0].bands.map((b: Json) => b.label)).toEqual(['0–19%', '20–39%', '40–59%', '60–79%', '80–100%'])
    // Career pathway: Ada half-way (40–59 %), Ben and Cat at 0. Adapted pathway: Ben a third (20–39 %).
    expect(body.distributions.completion.map((d: Json) => d.bands.map((b: Json) => b.count))).toEqual([[2, 0, 1, 0, 0], [2, 1, 0, 0, 0]])
    expect(body.totals).toEqual({
      learners: 3, activeLast7Days: 1, stepsDone: 2, credentialsEarned: 2,
      meanCoverage: [{ career: 'data-clerk', mean: Math.round(((1 + ben + 0) / 3) * 10000) / 10000 }],
    })
  })

  it('gives weekly trends: active learners, steps, credentials and mean coverage from progress events', () => {
    const weeks = body.trends.weeks as Json[]
    expect(weeks.map((w) => w.start)).toEqual([0, 7, 14, 21].map((d) => new Date(Date.parse('2026-03-02T00:00:00.000Z') + d * DAY).toISOString()))
    expect(weeks.map((w) => w.activeLearners)).toEqual([1, 2, 1, 0])
    expect(weeks.map((w) => w.stepsDone)).toEqual([0, 1, 1, 0])
    expect(weeks.map((w) => w.credentialsEarned)).toEqual([0, 1, 1, 0])
    const later = Math.round(((1 + (expected.ben as number)) / 2) * 10000) / 10000
    expect(weeks.map((w) => w.meanCoverage[0].mean)).toEqual([expected.adaWeek0, later, later, later])
    expect(body.trends.eventsCapped).toBe(false)
  })

  it('writes one access-log row per learner shown, which each learner sees', async () => {
    for (const who of [people.ada, people.ben, people.cat]) {
      const log = (await apiGet(t, who, '/me/access-log')).json().items as Json[]
      const rows = log.filter((r) => r.purpose === 'school.cohort.dashboard')
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({ actorUserId: people.educator.id, actorRole: 'educator', schoolId, learnerId: who.id })
    }
    const dan = (await apiGet(t, people.dan, '/me/access-log')).json().items as Json[]
    expect(dan).toEqual([])
  })

  it('answers 403 to an educator who does not run the cohort, 404 for another school, and validates weeks', async () => {
    const denied = await apiGet(t, people.stranger, `/schools/${schoolId}/cohorts/${cohortId}/dashboard`)
    expect(denied.statusCode).toBe(403)
    expect((await apiGet(t, people.ada, `/schools/${schoolId}/cohorts/${cohortId}/dashboard`)).statusCode).toBe(403)
    const outsider = await apiGet(t, people.outsider, `/schools/${schoolId}/cohorts/${cohortId}/dashboard`)
    expect(outsider.statusCode).toBe(404)
    const elsewhere = await apiGet(t, people.admin, `/schools/${schoolId}/cohorts/${otherCohortId}/dashboard`)
    expect(elsewhere.statusCode).toBe(404)
    expect(elsewhere.json().code).toBe('cohort.not_found')
    const admin = await apiGet(t, people.admin, `/schools/${schoolId}/cohorts/${cohortId}/dashboard`)
    expect(admin.statusCode).toBe(200)
    expect(admin.json().trends.weeks).toHaveLength(8)
    expect((await apiGet(t, people.admin, `/schools/${schoolId}/cohorts/${cohortId}/dashboard?weeks=99`)).json().code).toBe('request.invalid')
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/schools/${schoolId}/cohorts/${cohortId}/dashboard` })
    expect(anonymous.statusCode).toBe(401)
  })
})

describe('an API key', () => {
  it('reads the drill-down with its owner\'s role; the log names the key', async () => {
    const session = await signin(t, people.educator.email, people.educator.password)
    const minted = await t.app.inject({ method: 'POST', url: '/api/v1/me/api-keys', headers: browser(session), payload: { name: 'Reporting', scopes: ['read', 'school'], schoolId } })
    expect(minted.statusCode, minted.body).toBe(201)
    const { key, apiKey } = minted.json<{ key: string; apiKey: { id: string } }>()
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/schools/${schoolId}/cohorts/${cohortId}/learners/${people.cat.id}`, headers: { authorization: `Bearer ${key}` } })
    expect(res.statusCode, res.body).toBe(200)
    const rows = ((await apiGet(t, people.cat, '/me/access-log')).json().items as Json[]).filter((r) => r.purpose === 'school.cohort.learner')
    expect(rows).toEqual([expect.objectContaining({ actorUserId: people.educator.id, actorKeyId: apiKey.id, actorRole: 'api_key:educator' })])
  })
})

describe('the drill-down to one learner', () => {
  it('shows coverage with the top gaps, steps per assignment, credentials with dates and recent progress', async () => {
    const res = await apiGet(t, people.educator, `/schools/${schoolId}/cohorts/${cohortId}/learners/${people.ben.id}`)
    expect(res.statusCode).toBe(200)
    const body = res.json() as Json
    expect(body.learner).toMatchObject({ userId: people.ben.id, displayName: 'Ben Okri' })
    expect(body.careers).toHaveLength(1)
    expect(body.careers[0].coverage).toBe(expected.ben)
    expect(body.careers[0].gaps.map((g: Json) => g.skill)).toEqual(expect.arrayContaining(['teamwork']))
    expect(body.careers[0].gaps.length).toBeLessThanOrEqual(5)
    expect(body.assignments.map((a: Json) => [a.done, a.total])).toEqual([[0, 2], [1, 3]])
    expect(body.assignments[1].steps).toEqual([
      { title: 'Visit the records office', doneAt: expected.benLast }, { title: 'Keep a log', doneAt: null }, { title: 'Present the log', doneAt: null },
    ])
    expect(body.credentials).toEqual([expect.objectContaining({ kind: 'local', title: 'Riverside Data Badge', type: 'local', provider: 'Riverside High', earnedOn: expected.benEarned })])
    expect(body.recent).toEqual([expect.objectContaining({ kind: 'passport_replaced', coverage: [{ career: 'data-clerk', coverage: expected.ben }] })])
    expect(body.lastActivity).toBe(expected.benLast)
  })

  it('writes an access-log row for each read, visible to the learner', async () => {
    const before = ((await apiGet(t, people.ada, '/me/access-log')).json().items as Json[]).filter((r) => r.purpose === 'school.cohort.learner').length
    expect((await apiGet(t, people.admin, `/schools/${schoolId}/cohorts/${cohortId}/learners/${people.ada.id}`)).statusCode).toBe(200)
    expect((await apiGet(t, people.educator, `/schools/${schoolId}/cohorts/${cohortId}/learners/${people.ada.id}`)).statusCode).toBe(200)
    const rows = ((await apiGet(t, people.ada, '/me/access-log')).json().items as Json[]).filter((r) => r.purpose === 'school.cohort.learner')
    expect(rows.length - before).toBe(2)
    expect(rows.map((r) => r.actorRole).sort()).toEqual(expect.arrayContaining(['educator', 'school_admin']))
    expect(rows.every((r) => r.learnerId === people.ada.id && r.schoolId === schoolId)).toBe(true)
  })

  it('answers 404 cohort_member.not_found for someone not in the cohort, and refuses non-staff', async () => {
    for (const who of [people.dan.id, people.educator.id, people.outsider.id, 'no-such-user']) {
      const res = await apiGet(t, people.educator, `/schools/${schoolId}/cohorts/${cohortId}/learners/${who}`)
      expect(res.statusCode).toBe(404)
      expect(res.json().code).toBe('cohort_member.not_found')
    }
    expect((await apiGet(t, people.stranger, `/schools/${schoolId}/cohorts/${cohortId}/learners/${people.ada.id}`)).statusCode).toBe(403)
    expect((await apiGet(t, people.outsider, `/schools/${schoolId}/cohorts/${cohortId}/learners/${people.ada.id}`)).statusCode).toBe(404)
    // Refusals write nothing to the log.
    const log = (await apiGet(t, people.dan, '/me/access-log')).json().items as Json[]
    expect(log).toEqual([])
  })

  it('is documented in OpenAPI under the cohorts tag', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as Json
    expect(doc.paths['/api/v1/schools/{schoolId}/cohorts/{cohortId}/dashboard'].get.tags).toEqual(['cohorts'])
    expect(doc.paths['/api/v1/schools/{schoolId}/cohorts/{cohortId}/learners/{userId}'].get.tags).toEqual(['cohorts'])
  })
})

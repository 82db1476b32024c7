/**
 * The GraphQL authorisation matrix (SECURITY.md Z1/Z3): the actor fixtures of the REST matrix
 * (test/http/access-matrix.test.ts) × every GraphQL field that takes an object id or reaches
 * personal or school data (school(id) and its members, member(userId), cohorts and their learners
 * and staff, me and its passport, plans and cohorts, the two mutations) × the objects of school 1 and
 * of school 2, whose names carry a canary. The oracle is the policy table read by an evaluator written
 * here, apart from the resolvers' code: every denial must carry the expected `extensions.code` and no
 * data for the field, every allow must answer without errors, and no response to an actor outside
 * school 2 may contain the canary. Staff reads of a member's record are in the access log.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POLICY, type OperationId, type Rule, type SchoolRole } from '../../server/modules/access/index.js'
import { browser, createAuthTestApp, makeUser, signin, type AuthTestApp, type Session } from '../support/auth.js'

const CANARY = 'CANARYgq4m'

interface Fixture {
  name: string
  kind: 'anonymous' | 'user' | 'api-key'
  userId?: string
  platformAdmin?: boolean
  roles: Record<string, SchoolRole>
  scopes?: string[]
  keySchool?: string | null
  headers: (write: boolean) => Record<string, string>
}

interface Answer { data?: Record<string, unknown> | null; errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[] }

let t: AuthTestApp
const school1 = randomUUID()
const school2 = randomUUID()
const fixtures: Fixture[] = []
const ids: Record<string, string> = {}
const cohortOf: Record<string, string> = {}
const learnerOf: Record<string, string> = {}
const staffOf: Record<string, string[]> = {}

/** The oracle: the code a denial must carry, or null when the policy allows (independent of access.ts). */
function expectedCode(rule: Rule, f: Fixture, write: boolean, schoolId?: string, ownerId?: string, cohortId?: string): string | null {
  if (rule.public) return null
  if (f.kind === 'anonymous') return 'auth.required'
  if (f.kind === 'api-key') {
    if (rule.session) return 'auth.session_required'
    if (rule.tenant === 'school' && (schoolId === undefined || (f.keySchool && f.keySchool !== schoolId) || !f.roles[schoolId])) return 'school.not_found'
    if (!f.scopes!.includes(write ? 'write' : 'read')) return 'access.denied'
  }
  if (rule.authenticated) return null
  if (rule.platformAdmin && f.kind === 'user' && f.platformAdmin) return null
  if (rule.tenant === 'school') {
    const role = schoolId === undefined ? undefined : f.roles[schoolId]
    if (!role) return 'school.not_found'
    if (rule.roles?.includes(role)) {
      return rule.cohortStaff && cohortId !== undefined && role === 'educator' && !(staffOf[cohortId] ?? []).includes(f.userId ?? '') ? 'access.denied' : null
    }
    return rule.owner === true && ownerId === f.userId ? null : 'access.denied'
  }
  return rule.roles !== undefined && Object.values(f.roles).some((r) => rule.roles!.includes(r)) ? null : 'access.denied'
}

/** The first refusal along a chain of fields (outer first), or null when every one is allowed. */
const chain = (f: Fixture, write: boolean, steps: [OperationId, { schoolId?: string; ownerId?: string; cohortId?: string }?][]): string | null => {
  for (const [op, target] of steps) {
    const code = expectedCode(POLICY[op], f, write, target?.schoolId, target?.ownerId, target?.cohortId)
    if (code !== null) return code
  }
  return null
}

async function ask(f: Fixture, query: string, write: boolean) {
  const res = await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', ...f.headers(true) }, payload: JSON.stringify({ query }) })
  return { status: res.statusCode, body: res.json<Answer>(), raw: res.body, write }
}

beforeAll(async () => {
  t = await createAuthTestApp({ env: { SHED_EVENT_LOOP_DELAY_MS: '0' } })
  const db = t.deps.db.kysely
  const now = new Date(t.clock.now()).toISOString()
  await db.insertInto('schools').values([
    { id: school1, name: 'School One', slug: 'school-one', created_at: now },
    { id: school2, name: `School ${CANARY} Two`, slug: `school-${CANARY.toLowerCase()}`, created_at: now },
  ]).execute()
  const people: [string, string | null, SchoolRole | null, boolean][] = [
    ['learnerA', school1, 'learner', false], ['learnerB', school1, 'learner', false], ['learnerC', school2, 'learner', false],
    ['educator1', school1, 'educator', false], ['educator1b', school1, 'educator', false], ['educator2', school2, 'educator', false],
    ['admin1', school1, 'school_admin', false], ['admin2', school2, 'school_admin', false], ['platformAdmin', null, null, true],
  ]
  const sessions: Record<string, Session> = {}
  for (const [name, school, role, platform] of people) {
    const inTwo = school === school2
    const user = await makeUser(t, {
      platform_role: platform ? 'platform_admin' : 'user',
      ...(inTwo ? { display_name: `${name} ${CANARY}`, email: `${name.toLowerCase()}-${CANARY.toLowerCase()}@example.org` } : { display_name: name }),
    })
    ids[name] = user.id
    if (school && role) await db.insertInto('memberships').values({ user_id: user.id, school_id: school, role, created_at: now }).execute()
    sessions[name] = await signin(t, user.email, user.password)
    fixtures.push({
      name, kind: 'user', userId: user.id, platformAdmin: platform, roles: school && role ? { [school]: role } : {},
      headers: (write) => (write ? browser(sessions[name]) : { cookie: sessions[name]!.cookie }),
    })
  }
  fixtures.unshift({ name: 'anonymous', kind: 'anonymous', roles: {}, headers: (): Record<string, string> => ({ 'sec-fetch-site': 'same-origin' }) })
  const keys: [string, string, ('read' | 'write' | 'school')[], string | undefined][] = [
    ['key:educator1:read', 'educator1', ['read'], undefined],
    ['key:admin1:write', 'admin1', ['read', 'write'], undefined],
    ['key:admin1:school1', 'admin1', ['read', 'school', 'write'], school1],
    ['key:platformAdmin:write', 'platformAdmin', ['read', 'write'], undefined],
  ]
  for (const [name, owner, scopes, schoolId] of keys) {
    const { key } = await t.deps.identity.apiKeys.create(ids[owner]!, { name, scopes, ...(schoolId ? { schoolId } : {}) })
    const base = fixtures.find((f) => f.name === owner)!
    fixtures.push({ name, kind: 'api-key', userId: ids[owner], roles: base.roles, scopes, keySchool: schoolId ?? null, headers: () => ({ authorization: `Bearer ${key}` }) })
  }
  // One cohort per school run by its first educator, with its learner; school 2's carry the canary.
  for (const [school, tag, educator, learner] of [[school1, 'One', 'educator1', 'learnerA'], [school2, CANARY, 'educator2', 'learnerC']] as const) {
    const cohortId = randomUUID()
    await db.insertInto('cohorts').values({ id: cohortId, school_id: school, name: `Cohort ${tag}`, description: `About ${tag}`, programme_id: null, join_code: null, created_by: ids[educator]!, created_at: now, archived_at: null }).execute()
    await db.insertInto('cohort_staff').values({ cohort_id: cohortId, user_id: ids[educator]!, added_at: now }).execute()
    await db.insertInto('cohort_members').values({ cohort_id: cohortId, user_id: ids[learner]!, joined_at: now }).execute()
    cohortOf[school] = cohortId
    learnerOf[school] = ids[learner]!
    staffOf[cohortId] = [ids[educator]!]
  }
}, 120_000)

afterAll(async () => {
  await t?.close()
})

interface Case {
  name: string
  query: string
  write: boolean
  /** The chain of policy decisions the answer depends on. */
  steps: [OperationId, { schoolId?: string; ownerId?: string; cohortId?: string }?][]
  /** Where the field's data is in `data` (the outermost field that must be empty on a denial). */
  field: (data: Record<string, unknown> | null | undefined) => unknown
  /** When allowed, the service may still answer this (e.g. a platform admin asking for themself, who is no member). */
  absentCode?: string
}

function casesFor(f: Fixture): Case[] {
  const out: Case[] = []
  for (const s of [school1, school2]) {
    const school = (d: Record<string, unknown> | null | undefined) => d?.school as Record<string, unknown> | null | undefined
    const read: Case['steps'] = [['school.read', { schoolId: s }]]
    out.push({ name: 'school(id)', query: `{ school(id: "${s}") { id name slug } }`, write: false, steps: read, field: school })
    out.push({ name: 'school.members', query: `{ school(id: "${s}") { id members { userId displayName role } } }`, write: false, steps: [...read, ['school.members.list', { schoolId: s }]], field: (d) => school(d)?.members })
    for (const [label, userId] of [['a learner', learnerOf[s]!], ['themself', f.userId ?? randomUUID()]] as const) {
      out.push({
        name: `school.member(${label})`, query: `{ school(id: "${s}") { id member(userId: "${userId}") { userId displayName email } } }`, write: false,
        steps: [...read, ['school.member.read', { schoolId: s, ownerId: userId }]], field: (d) => school(d)?.member,
        ...(userId === f.userId && f.roles[s] === undefined ? { absentCode: 'member.not_found' } : {}),
      })
    }
    out.push({ name: 'school.cohorts', query: `{ school(id: "${s}") { id cohorts { id name description } } }`, write: false, steps: [...read, ['school.cohorts.read', { schoolId: s }]], field: (d) => school(d)?.cohorts })
    out.push({
      name: 'school.cohorts.learners+staff', query: `{ school(id: "${s}") { id cohorts(first: 10) { id name learners(first: 20) { userId displayName } staff(first: 10) { displayName } } } }`, write: false,
      // Listed cohorts are those the actor may read (an educator's own), so their learners are allowed too.
      steps: [...read, ['school.cohorts.read', { schoolId: s }]], field: (d) => school(d)?.cohorts,
    })
    out.push({
      name: 'createCohort(schoolId)', query: `mutation { createCohort(schoolId: "${s}", name: "Matrix cohort") { id name } }`, write: true,
      steps: [['school.cohorts.create', { schoolId: s }]], field: (d) => d?.createCohort,
    })
  }
  out.push({ name: 'me', query: '{ me { id kind } }', write: false, steps: [['me.read']], field: (d) => d?.me })
  out.push({ name: 'me.passport+plans', query: '{ me { id passport { targets { slug } skills { skill } } plans { id } } }', write: false, steps: [['me.read'], ['me.passport.read']], field: (d) => (d?.me as Record<string, unknown> | null | undefined)?.passport })
  out.push({ name: 'me.cohorts', query: '{ me { id cohorts { id name school { id name } } } }', write: false, steps: [['me.read'], ['me.cohorts.read']], field: (d) => (d?.me as Record<string, unknown> | null | undefined)?.cohorts })
  out.push({ name: 'setPassportTargets', query: 'mutation { setPassportTargets(targets: ["data-clerk"]) { targets { slug } } }', write: true, steps: [['me.passport.write']], field: (d) => d?.setPassportTargets })
  return out
}

describe('GraphQL authorisation matrix', () => {
  it('answers every actor × field × school as the policy table says, with the right codes and no foreign data', async () => {
    let checks = 0
    let denials = 0
    let canaryHits = 0
    const problems: string[] = []
    for (const f of fixtures) {
      const insideTwo = f.roles[school2] !== undefined || (f.kind === 'user' && f.platformAdmin === true)
      for (const c of casesFor(f)) {
        const a = await ask(f, c.query, c.write)
        checks++
        const expected = chain(f, c.write, c.steps)
        const codes = (a.body.errors ?? []).map((e) => e.extensions?.code)
        const where = `${f.name} · ${c.name} · ${c.query.includes(school2) ? 'school 2' : c.query.includes(school1) ? 'school 1' : 'own'}`
        if (expected === null) {
          const absent = c.absentCode !== undefined && codes.length === 1 && codes[0] === c.absentCode && c.field(a.body.data) == null
          if (!absent && (codes.length > 0 || c.field(a.body.data) == null)) problems.push(`UNEXPECTED DENIAL ${where}: ${a.raw.slice(0, 300)}`)
        } else {
          denials++
          if (!codes.includes(expected)) problems.push(`WRONG CODE ${where}: expected ${expected}, got ${codes.join(',')}`)
          if (c.field(a.body.data) != null) problems.push(`UNEXPECTED DATA ${where}: ${a.raw.slice(0, 300)}`)
        }
        if (!insideTwo && a.raw.includes(CANARY)) {
          canaryHits++
          problems.push(`CANARY ${where}: ${a.raw.slice(0, 300)}`)
        }
      }
    }
    process.stdout.write(`GraphQL authorisation matrix: ${fixtures.length} actors × ${casesFor(fixtures[0]!).length} field checks = ${checks} checks, ${denials} expected denials, ${problems.length} problems, ${canaryHits} canary hits\n`)
    expect(problems).toEqual([])
    expect(checks).toBeGreaterThan(200)
  }, 120_000)

  it('lets an educator see only the cohorts they run, and a school admin every one', async () => {
    const q = `{ school(id: "${school1}") { cohorts(first: 10) { id learners(first: 20) { userId } } } }`
    const mine = await ask(fixtures.find((f) => f.name === 'educator1')!, q, false)
    expect((mine.body.data?.school as { cohorts: { id: string; learners: { userId: string }[] }[] }).cohorts.find((c) => c.id === cohortOf[school1])?.learners).toEqual([{ userId: learnerOf[school1] }])
    // educator1b runs no seeded cohort (only the ones the matrix's createCohort made them create).
    const other = await ask(fixtures.find((f) => f.name === 'educator1b')!, q, false)
    expect(other.body.errors).toBeUndefined()
    expect((other.body.data?.school as { cohorts: { id: string }[] }).cohorts.map((c) => c.id)).not.toContain(cohortOf[school1])
    const admin = await ask(fixtures.find((f) => f.name === 'admin1')!, q, false)
    expect((admin.body.data?.school as { cohorts: { id: string }[] }).cohorts.map((c) => c.id)).toContain(cohortOf[school1])
  })

  it('writes a staff read of a learner\'s record to the access log, as the REST route does', async () => {
    const db = t.deps.db.kysely
    const count = async () => (await db.selectFrom('access_log').select('id').where('learner_id', '=', learnerOf[school1]!).where('actor_user_id', '=', ids.educator1!).where('purpose', '=', 'school.member.read').execute()).length
    const before = await count()
    const a = await ask(fixtures.find((f) => f.name === 'educator1')!, `{ school(id: "${school1}") { member(userId: "${learnerOf[school1]}") { email } } }`, false)
    expect(a.body.errors).toBeUndefined()
    expect(await count()).toBe(before + 1)
  })
})

/**
 * The authorisation matrix (SECURITY.md Z1/Z2), generated from the app's route table: every route
 * with a non-public operation (API and pages) × every actor fixture × objects of someone else in the
 * same school and objects of another school. The oracle is the policy table itself, read by a
 * separate evaluator here; any allow the oracle does not expect fails, and every denied write must
 * leave every table as it was. Then every public route, anonymously and as a learner: no one else's
 * personal data, and anonymous writes change nothing. Then a cross-school canary crawl (Z3).
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POLICY, routeOperations, type Rule, type SchoolRole } from '../../server/modules/access/index.js'
import { browser, createAuthTestApp, makeUser, signin, type AuthTestApp, type Session } from '../support/auth.js'
import { changedTables, dumpDatabase } from '../support/db-dump.js'

const CANARY = 'CANARYzq7x'
/** In the names of the people of school 1 and the platform admin, to spot personal data on public routes. */
const PERSONAL = 'PERSONALvk3w'

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

let t: AuthTestApp
const school1 = randomUUID()
const school2 = randomUUID()
const fixtures: Fixture[] = []
const ids: Record<string, string> = {}
const emails: Record<string, string> = {}
let invitation2 = ''
/** Each school's educator objects (cohort, assignment, adapted pathway and step, local credential, programme), by path parameter. */
const objects: Record<string, Record<string, string>> = {}
/** The staff of each cohort. */
const staffOf: Record<string, string[]> = {}

/** Path parameters of the educator routes, and the object each stands for. */
const OBJECT_PARAMS = ['cohortId', 'assignmentId', 'pathwayId', 'stepId', 'changeKey', 'credentialId', 'programmeId'] as const

/**
 * A route's address: `:schoolId` and `:userId` as given; the other object parameters name the
 * school's objects (`objectsOf`), or fresh ids when `fresh` (an allowed write aims at nothing).
 */
function address(url: string, schoolId: string | undefined, userId: string | undefined, objectsOf: Record<string, string> | undefined, fresh: boolean): string {
  let out = url.replace(':schoolId', schoolId ?? '').replace(':userId', userId ?? '')
  for (const param of OBJECT_PARAMS) out = out.replace(`:${param}`, fresh ? randomUUID() : (objectsOf?.[param] ?? randomUUID()))
  return out.replace(':id', fresh ? randomUUID() : invitation2)
}

/** The oracle: what the policy table says, evaluated independently of the hook's code. */
function expectAllowed(rule: Rule, f: Fixture, method: string, schoolId: string | undefined, userId: string | undefined, cohortId?: string): boolean {
  if (rule.public) return true
  if (f.kind === 'anonymous') return false
  if (f.kind === 'api-key') {
    if (rule.session) return false
    if (!f.scopes!.includes(method === 'GET' ? 'read' : 'write')) return false
    if (rule.tenant === 'school' && f.keySchool && f.keySchool !== schoolId) return false
  }
  if (rule.authenticated) return true
  if (rule.platformAdmin && f.kind === 'user' && f.platformAdmin) return true
  if (rule.tenant === 'school') {
    const role = schoolId === undefined ? undefined : f.roles[schoolId]
    if (!role) return false
    if (rule.roles?.includes(role)) {
      // An educator reaches only the cohorts they run.
      return !(rule.cohortStaff && cohortId !== undefined && role === 'educator' && !(staffOf[cohortId] ?? []).includes(f.userId ?? ''))
    }
    return rule.owner === true && userId === f.userId
  }
  return rule.roles !== undefined && Object.values(f.roles).some((r) => rule.roles!.includes(r))
}

const BODIES: Record<string, unknown> = {
  'POST /api/v1/schools': { name: 'Matrix school' },
  'PATCH /api/v1/schools/:schoolId/members/:userId': { role: 'learner' },
  'POST /api/v1/schools/:schoolId/invitations': { role: 'learner', kind: 'code' },
  'POST /api/v1/invitations/accept': { token: 'a'.repeat(43) },
  'POST /api/v1/schools/join': { code: 'ABCDEFGH' },
  'POST /api/v1/me/password': { currentPassword: 'x', newPassword: 'y' },
  'POST /api/v1/me/api-keys': { name: 'k', scopes: ['read'] },
}

/**
 * The request for a route: API writes send their JSON body with the session's CSRF header; page
 * forms (outside /api) send a URL-encoded body with the token in the hidden `_csrf` field, as a
 * browser without JavaScript would.
 */
function request(route: { method: string; url: string }, f: Fixture, write: boolean): { headers: Record<string, string>; payload?: string | object } {
  const headers = f.headers(write)
  if (!write) return { headers }
  const body = BODIES[`${route.method} ${route.url}`]
  if (route.url.startsWith('/api/')) return { headers, ...(body ? { payload: body as object } : {}) }
  const { 'x-csrf-token': csrf, ...rest } = headers
  const form = new URLSearchParams({ ...(csrf ? { _csrf: csrf } : {}), ...(PAGE_FORMS[route.url] ?? {}) })
  return { headers: { ...rest, 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() }
}

/** A page's answer to an anonymous caller: 303 to the sign-in page. */
const signInRedirect = (res: { statusCode: number; headers: Record<string, unknown> }) =>
  res.statusCode === 303 && /^\/sign-?in\b/.test(String(res.headers.location ?? ''))

/** Form fields of the page forms that need some (the rest post only their CSRF field). */
const PAGE_FORMS: Record<string, Record<string, string>> = {
  '/schools/:schoolId/members/:userId/role': { role: 'learner' },
}

beforeAll(async () => {
  t = await createAuthTestApp()
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
      ...(inTwo ? { display_name: `${name} ${CANARY}`, email: `${name.toLowerCase()}-${CANARY.toLowerCase()}@example.org` } : { display_name: `${name} ${PERSONAL}` }),
    })
    ids[name] = user.id
    emails[name] = user.email
    if (school && role) await db.insertInto('memberships').values({ user_id: user.id, school_id: school, role, created_at: now }).execute()
    sessions[name] = await signin(t, user.email, user.password)
    fixtures.push({
      name, kind: 'user', userId: user.id, platformAdmin: platform, roles: school && role ? { [school]: role } : {},
      headers: (write) => (write ? browser(sessions[name]) : { cookie: sessions[name]!.cookie }),
    })
  }
  fixtures.unshift({ name: 'anonymous', kind: 'anonymous', roles: {}, headers: (write): Record<string, string> => (write ? { 'sec-fetch-site': 'same-origin' } : {}) })
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
  // Each school's educator objects, written directly (the matrix needs them whatever the API shapes):
  // school 2's carry the canary in every name. educator1 runs cohort 1 (educator1b runs none), educator2 cohort 2.
  for (const [school, tag, educator, learner] of [[school1, 'One', 'educator1', 'learnerA'], [school2, CANARY, 'educator2', 'learnerC']] as const) {
    const o: Record<string, string> = {
      programmeId: randomUUID(), cohortId: randomUUID(), pathwayId: randomUUID(), stepId: randomUUID(), credentialId: randomUUID(), assignmentId: randomUUID(),
    }
    await db.insertInto('school_programmes').values({ id: o.programmeId!, school_id: school, cip_code: '11.0201', title: `Programme ${tag}`, created_at: now }).execute()
    await db.insertInto('school_credentials').values({ id: o.credentialId!, school_id: school, title: `Local credential ${tag}`, issuer: `Issuer ${tag}`, summary: null, hours: 10, skills: '[]', created_at: now }).execute()
    await db.insertInto('adapted_pathways').values({ id: o.pathwayId!, school_id: school, career_slug: 'data-clerk', title: `Pathway ${tag}`, base: '[]', created_by: ids[educator]!, created_at: now, updated_at: now }).execute()
    await db.insertInto('adapted_pathway_steps').values({
      id: o.stepId!, pathway_id: o.pathwayId!, position: 0, section: 'getting-started', title: `Local step ${tag}`, text: `Step text ${tag}`,
      duration_min: null, duration_max: null, duration_unit: null, credential_id: null, school_credential_id: o.credentialId!, upstream_key: null, edited: 0,
    }).execute()
    await db.insertInto('cohorts').values({ id: o.cohortId!, school_id: school, name: `Cohort ${tag}`, description: `About ${tag}`, programme_id: o.programmeId!, join_code: `J${tag.slice(0, 3).toUpperCase()}${randomUUID().slice(0, 4).toUpperCase()}`, created_by: ids[educator]!, created_at: now, archived_at: null }).execute()
    await db.insertInto('cohort_staff').values({ cohort_id: o.cohortId!, user_id: ids[educator]!, added_at: now }).execute()
    await db.insertInto('cohort_members').values({ cohort_id: o.cohortId!, user_id: ids[learner]!, joined_at: now }).execute()
    await db.insertInto('cohort_assignments').values({ id: o.assignmentId!, cohort_id: o.cohortId!, kind: 'pathway', career_slug: null, pathway_id: o.pathwayId!, due_on: null, note: `Note ${tag}`, position: 0, created_at: now }).execute()
    await db.insertInto('adapted_steps_done').values({ user_id: ids[learner]!, step_id: o.stepId!, pathway_id: o.pathwayId!, done_at: now }).execute()
    await db.insertInto('passport_credentials').values({ user_id: ids[learner]!, credential_id: 'acme-sql-certificate', earned_on: now.slice(0, 10), added_by_plan: null, created_at: now }).execute()
    o.changeKey = 'getting-started:welcome'
    objects[school] = o
    staffOf[o.cohortId!] = [ids[educator]!]
  }
  // School 2's private objects, with canaries: an invitation for a canary address, an access-log row.
  const invite = await t.app.inject({ method: 'POST', url: `/api/v1/schools/${school2}/invitations`, headers: fixtures.find((f) => f.name === 'admin2')!.headers(true), payload: { role: 'learner', kind: 'link', email: `invitee-${CANARY}@example.org` } })
  expect(invite.statusCode).toBe(201)
  invitation2 = invite.json<{ invitation: { id: string } }>().invitation.id
  const read = await t.app.inject({ method: 'GET', url: `/api/v1/schools/${school2}/members/${ids.learnerC}`, headers: fixtures.find((f) => f.name === 'educator2')!.headers(false) })
  expect(read.statusCode).toBe(200)
}, 120_000)

afterAll(async () => {
  await t?.close()
})

describe('the policy table', () => {
  it('names an operation for every route, and the boot check knows every one', () => {
    const routes = routeOperations(t.app)
    expect(routes.length).toBeGreaterThan(50)
    for (const r of routes) expect(Object.hasOwn(POLICY, r.operation ?? ''), `${r.method} ${r.url}`).toBe(true)
  })
})

describe('authorisation matrix', () => {
  it('allows nothing the policy table does not allow (every non-public route × actor × foreign objects)', async () => {
    const routes = routeOperations(t.app).filter((r) => r.method !== 'HEAD' && r.operation !== 'public')
    let checks = 0
    let deniedWrites = 0
    const unexpected: string[] = []
    for (const route of routes) {
      const rule: Rule = POLICY[route.operation as keyof typeof POLICY]
      const schools = route.url.includes(':schoolId') ? [school1, school2] : [undefined]
      for (const f of fixtures) {
        for (const schoolId of schools) {
          // Someone else's object: a fellow member of school 1, or a member of school 2.
          const others = route.url.includes(':userId') ? [ids.learnerB!, ids.learnerC!, ids.admin2!] : [undefined]
          for (const other of others) {
            const userId = other === f.userId ? undefined : other
            if (route.url.includes(':userId') && userId === undefined) continue
            const cohortId = route.url.includes(':cohortId') ? objects[schoolId ?? school1]?.cohortId : undefined
            const allowed = expectAllowed(rule, f, route.method, schoolId, userId, cohortId)
            const write = route.method !== 'GET'
            // A page form has no object id to aim at nothing (sign out everywhere would end the fixtures' sessions):
            // only its denials are checked.
            if (allowed && write && !route.url.startsWith('/api/')) continue
            // An allowed write goes to an object that does not exist, so the fixtures stay as they are.
            const target = allowed && write ? randomUUID() : userId
            const url = address(route.url, schoolId, target, objects[schoolId ?? school1], allowed && write)
            const before = write && !allowed ? await dumpDatabase(t.deps.db.kysely) : undefined
            const res = await t.app.inject({ method: route.method as 'GET', url, ...request(route, f, write) })
            checks++
            const what = `${f.name} ${route.method} ${route.url} school=${schoolId === school1 ? 1 : schoolId === school2 ? 2 : '-'} → ${res.statusCode} ${res.body.slice(0, 120)}`
            if (before) {
              deniedWrites++
              const changed = changedTables(before, await dumpDatabase(t.deps.db.kysely))
              if (changed.length > 0) unexpected.push(`denied write changed ${changed.join(', ')}: ${what}`)
            }
            if (allowed) {
              const code = res.statusCode >= 400 ? problemCode(res.body) : undefined
              if (code === 'auth.required' || code === 'access.denied' || code === 'auth.session_required') unexpected.push(`unexpected deny: ${what}`)
              continue
            }
            const page = !route.url.startsWith('/api/')
            if (res.statusCode < 400 && !signInRedirect(res)) unexpected.push(`UNEXPECTED ALLOW: ${what}`)
            else if (signInRedirect(res)) {
              if (!page || f.kind !== 'anonymous') unexpected.push(`sent to sign in: ${what}`)
            } else if (f.kind === 'anonymous' && res.statusCode !== 401) unexpected.push(`anonymous not 401: ${what}`)
            else if (![401, 403, 404].includes(res.statusCode)) unexpected.push(`denied with ${res.statusCode}: ${what}`)
            else if (rule.tenant === 'school' && f.kind !== 'anonymous' && schoolId && !f.roles[schoolId] && !(f.kind === 'user' && f.platformAdmin) && res.statusCode !== 404) {
              unexpected.push(`another school's object not hidden (404): ${what}`)
            }
          }
        }
      }
    }
    process.stdout.write(`authorisation matrix: ${fixtures.length} actors × ${routes.length} operations (routes) = ${checks} access checks, ${unexpected.filter((u) => u.startsWith('UNEXPECTED ALLOW')).length} unexpected allows, ${deniedWrites} denied writes with every table unchanged (${routes.filter((r) => !r.url.startsWith('/api/')).length} of the routes are pages)` + '\n')
    expect(unexpected).toEqual([])
    expect(checks).toBeGreaterThan(200)
    expect(deniedWrites).toBeGreaterThan(50)
  }, 300_000)
})

/** The problem+json code of an answer; pages answer HTML, whose status alone counts. */
function problemCode(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { code?: string }).code
  } catch {
    return undefined
  }
}

/** Addresses of public routes that reach real objects of the small test catalog. */
function publicAddress(url: string): string {
  const id = url.includes('skills') ? 'sql' : url.includes('credentials') ? 'acme-sql-certificate' : url.includes('resources') ? 'sql-basics' : randomUUID()
  return url
    .replace(':slug', 'data-clerk').replace(':system', 'pathways').replace(':code', url.includes('interests') ? 'C' : 'administration')
    .replace(':id', id).replace(':schoolId', school1).replace(':userId', ids.learnerA!)
    .replace('*', url.startsWith('/docs') ? 'static/index.html' : url.includes('fields') ? 'administration' : '43-9021')
}

/** Public writes that may succeed for an anonymous caller with an empty body: they change nothing. */
const ANONYMOUS_WRITES_OK = new Set(['POST /api/v1/auth/signout'])

describe('public routes', () => {
  it('show no one\'s personal data to anonymous callers or to another signed-in person, and anonymous writes with an empty body change nothing', async () => {
    const seen = new Set<string>()
    const routes = routeOperations(t.app).filter((r) => r.method !== 'HEAD' && r.operation === 'public' && !seen.has(`${r.method} ${r.url}`) && seen.add(`${r.method} ${r.url}`))
    const learnerA = fixtures.find((f) => f.name === 'learnerA')!
    const othersOf = (viewer: string | undefined) => [
      CANARY, ...Object.entries(ids).filter(([name]) => name !== viewer).flatMap(([name, id]) => [id, emails[name]!, `${name} ${PERSONAL}`]),
    ]
    let reads = 0
    let writes = 0
    const problems: string[] = []
    for (const route of routes) {
      const url = publicAddress(route.url)
      if (route.method === 'GET') {
        for (const [viewer, headers] of [[undefined, {}], ['learnerA', learnerA.headers(false)]] as const) {
          const res = await t.app.inject({ method: 'GET', url, headers })
          reads++
          const what = `${viewer ?? 'anonymous'} GET ${route.url} → ${res.statusCode}`
          if (res.statusCode >= 500) problems.push(`5xx: ${what}`)
          const leaked = othersOf(viewer).filter((marker) => res.body.includes(marker))
          if (leaked.length > 0) problems.push(`personal data (${leaked.join(', ')}): ${what}`)
        }
        continue
      }
      const before = await dumpDatabase(t.deps.db.kysely)
      const res = await t.app.inject({ method: route.method as 'POST', url, headers: { 'sec-fetch-site': 'same-origin' }, payload: {} })
      writes++
      const what = `anonymous ${route.method} ${route.url} {} → ${res.statusCode} ${res.body.slice(0, 120)}`
      const changed = changedTables(before, await dumpDatabase(t.deps.db.kysely))
      if (changed.length > 0) problems.push(`changed ${changed.join(', ')}: ${what}`)
      if (res.statusCode >= 500) problems.push(`5xx: ${what}`)
      if (res.statusCode < 300 && !ANONYMOUS_WRITES_OK.has(`${route.method} ${route.url}`)) problems.push(`anonymous write allowed: ${what}`)
    }
    process.stdout.write(`public routes: ${reads} reads (anonymous and as a learner) and ${writes} anonymous writes over ${routes.length} public routes, ${problems.length} problems` + '\n')
    expect(problems).toEqual([])
    expect(reads).toBeGreaterThan(40)
    expect(writes).toBeGreaterThan(5)
  }, 120_000)

  it('would see personal data: the learner\'s own account shows their name (the check above can fail)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: fixtures.find((f) => f.name === 'learnerA')!.headers(false) })
    expect(res.body).toContain(`learnerA ${PERSONAL}`)
  })
})

describe('cross-school canary crawl', () => {
  it('finds no trace of school 2 in any read route, as any school-1 actor, at maximum limits', async () => {
    // Every read route that is not public: the API and the signed-in pages alike.
    const routes = routeOperations(t.app).filter((r) => r.method === 'GET' && r.operation !== 'public')
    const crawlers = fixtures.filter((f) => f.kind !== 'anonymous' && f.name !== 'platformAdmin' && f.name !== 'key:platformAdmin:write' && !f.roles[school2])
    let requests = 0
    let hits = 0
    const leaks: string[] = []
    for (const route of routes) {
      for (const f of crawlers) {
        for (const schoolId of route.url.includes(':schoolId') ? [school1, school2] : ['']) {
          for (const userId of route.url.includes(':userId') ? Object.values(ids) : ['']) {
            const url = `${address(route.url, schoolId, userId, objects[schoolId || school1], false)}${route.url.includes('members') || route.url.includes('access-log') ? '?limit=100' : ''}`
            const res = await t.app.inject({ method: 'GET', url, headers: f.headers(false) })
            requests++
            if (res.body.includes(CANARY)) {
              hits++
              leaks.push(`${f.name} ${url} → ${res.statusCode}`)
            }
          }
        }
      }
    }
    process.stdout.write(`canary crawl: ${requests} requests over ${routes.length} read routes (${routes.filter((r) => !r.url.startsWith('/api/')).length} of them pages) by ${crawlers.length} school-1 actors, ${hits} canary hits` + '\n')
    expect(leaks).toEqual([])
    expect(requests).toBeGreaterThan(50)
  }, 300_000)

  it('shows the canary to school 2 itself (the crawl would see a leak)', async () => {
    const headers = fixtures.find((f) => f.name === 'admin2')!.headers(false)
    const o = objects[school2]!
    for (const url of [
      `/api/v1/schools/${school2}/members?limit=100`, `/api/v1/schools/${school2}/cohorts`, `/api/v1/schools/${school2}/cohorts/${o.cohortId}`,
      `/api/v1/schools/${school2}/cohorts/${o.cohortId}/dashboard`, `/api/v1/schools/${school2}/pathways/${o.pathwayId}`, `/api/v1/schools/${school2}/credentials`,
      `/api/v1/schools/${school2}/programmes`, `/api/v1/schools/${school2}/reports/attainment?from=2026-01-01&to=2026-12-31`,
      `/schools/${school2}/cohorts/${o.cohortId}`, `/schools/${school2}/pathways/${o.pathwayId}`, `/schools/${school2}/programmes`,
    ]) {
      const res = await t.app.inject({ method: 'GET', url, headers })
      expect(res.statusCode, url).toBe(200)
      expect(res.body, url).toContain(CANARY)
    }
  })
})

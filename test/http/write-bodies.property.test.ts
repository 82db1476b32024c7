/**
 * Mass assignment (SECURITY.md Z4, I4), as a property over every write route of the running app:
 * a valid body plus random extra properties, privileged names (`role`, `platformRole`, `schoolId`,
 * `passwordHash`, `__proto__`…) and random JSON values, at the top level and inside nested objects,
 * is refused with 400 problem+json `request.invalid`, changes no row of any table, and pollutes no
 * prototype. Each request comes from an actor the policy lets through, with the CSRF token of its
 * session, so the refusal is the body validation's.
 *
 * The write routes come from the app's route table: one without a seed body here (or, if it takes
 * no body, without a place in NO_BODY) fails the file. Replay a failure with the printed seed:
 * PROPERTY_SEED=<seed> npx vitest run test/http/write-bodies.property.test.ts
 */
import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { routeOperations } from '../../server/modules/access/index.js'
import { browser, createAuthTestApp, makeUser, signin, type AuthTestApp } from '../support/auth.js'
import { changedTables, dumpDatabase, type DatabaseDump } from '../support/db-dump.js'

const SEED = Number(process.env.PROPERTY_SEED ?? 20_260_302)
const RUNS = Number(process.env.PROPERTY_RUNS ?? 100)
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** Answers that would mean the actor was wrong for the route, not the body. */
const POLICY_DENIALS = ['auth.required', 'auth.session_required', 'access.denied', 'csrf.invalid', 'school.not_found']

type ActorName = 'anonymous' | 'member' | 'schoolAdmin' | 'platformAdmin'

interface Seed {
  actor: ActorName
  /** A body the route's schema accepts (every optional field filled where it can be). */
  body: Record<string, unknown>
}

const TOKEN = 'A'.repeat(21) + '_b-' + 'c'.repeat(19)
const PASSWORD = 'correct horse battery staple'

/** A passport with every optional field filled. */
const PASSPORT = {
  skills: [{ skill: 'python', level: 3, source: 'evidence', evidence: [{ kind: 'project', title: 'A web shop', url: 'https://example.org/shop', description: 'Flask and SQL', date: '2026-01-15' }] }],
  credentials: [{ credential: 'some-credential', earnedOn: '2025-06-01' }],
  targets: ['back-end-developer'],
}

/** A credential of the shape this instance issues (every optional field filled); its proof need not verify. */
const ALIGNMENT = { type: ['Alignment'], targetName: 'Python', targetUrl: 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d', targetCode: 'ccd0a1d9', targetFramework: 'ESCO', targetType: 'ceasn:Competency', targetDescription: 'Python programming' }
const CREDENTIAL = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'], id: 'urn:uuid:5b1f7c0e-8a55-4a0b-9a57-2f1d7c9e0a11',
  type: ['VerifiableCredential', 'OpenBadgeCredential'], name: 'Skills passport', description: 'A passport', validFrom: '2026-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z', awardedDate: '2025-06-01T00:00:00Z',
  issuer: { id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', type: ['Profile'], name: 'Pathways', url: 'https://pathways.example.org' },
  credentialSubject: {
    id: 'urn:uuid:0b6f3c1e-1111-4222-8333-444455556666', type: ['AchievementSubject'],
    identifier: [{ type: 'IdentityObject', identityHash: 'Ada', identityType: 'name', hashed: false, salt: 'salt' }],
    achievement: {
      id: 'urn:pathways:achievement:skills-passport', type: ['Achievement'], name: 'Skills passport', description: 'Skills', achievementType: 'ext:SkillsPassport',
      criteria: { id: 'https://pathways.example.org/criteria', narrative: 'Recorded' }, alignment: [ALIGNMENT],
      resultDescription: [{ id: 'urn:pathways:passport-skill:python', type: ['ResultDescription'], name: 'Python (self-assessed)', resultType: 'PerformanceLevel', valueMin: '0', valueMax: '5', alignment: [ALIGNMENT] }],
    },
    result: [{ type: ['Result'], resultDescription: 'urn:pathways:passport-skill:python', value: '3', alignment: [ALIGNMENT] }],
  },
  evidence: [{ id: 'https://example.org/shop', type: ['Evidence'], name: 'A web shop', description: 'Flask', genre: 'Project', narrative: 'Built it' }],
  proof: {
    type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: '2026-01-01T00:00:00Z', proofPurpose: 'assertionMethod',
    verificationMethod: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', proofValue: 'z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk9czhSePTFehP8c3PGfb6a22gkfUKKiJyq2V26rWKm8rqQ',
  },
}

/** A JSON Resume file as its text (the string form keeps extra properties out of the free-form document). */
const RESUME = JSON.stringify({ basics: { name: 'Ada Lovelace' }, skills: [{ name: 'Python', level: 'Advanced', keywords: ['SQL', 'Knitting'] }] })

/** A CV with every optional field filled (server/modules/cv/cv.schema.ts). */
const CV = {
  template: 'classic',
  basics: { name: 'Ada Lovelace', label: 'Analyst', email: 'ada@example.org', phone: '+44 20 0000 0000', url: 'https://example.org/ada', summary: 'Numbers.', location: { city: 'London', region: 'England', countryCode: 'GB' } },
  work: [{ name: 'Engine Co', position: 'Programmer', location: 'London', url: 'https://example.org/engine', startDate: '1842-01', endDate: '1843', summary: 'Notes', highlights: ['Note G'] }],
  education: [{ institution: 'Home', area: 'Mathematics', studyType: 'Tutoring', url: 'https://example.org/home', startDate: '1830', endDate: '1835-06-01', score: 'A', courses: ['Calculus'] }],
  projects: [{ name: 'Bernoulli numbers', description: 'An algorithm', url: 'https://example.org/g', startDate: '1843-07', endDate: '1843-09', highlights: ['First program'], keywords: ['algorithms'], skills: ['python'] }],
  skills: [{ name: 'Python', level: 3, keywords: ['Flask'], ids: { catalog: 'python', esco: 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d', onet: '2.A.1.a' }, hidden: false }],
  certificates: [{ name: 'SQL certificate', issuer: 'Acme', date: '2025-06-01', url: 'https://example.org/cert', credential: 'acme-sql-certificate' }],
  languages: [{ language: 'English', fluency: 'Native' }],
  layout: { order: ['skills', 'work'], hidden: ['languages'] },
  career: 'back-end-developer',
}

/** One valid body per write route with a body schema, and the actor the policy lets call it. */
const SEEDS: Record<string, Seed> = {
  'POST /api/v1/analysis/gap': { actor: 'anonymous', body: { passport: PASSPORT, career: 'back-end-developer' } },
  'POST /api/v1/analysis/matches': { actor: 'anonymous', body: { passport: PASSPORT, filters: { maxEducation: 'bachelor', minPay: 1, minGrowthPercent: 0, origin: 'catalog' }, limit: 5, offset: 0 } },
  'POST /api/v1/analysis/plan': { actor: 'anonymous', body: { passport: PASSPORT, career: 'back-end-developer', hoursPerWeek: 10, optimise: 'cost', completed: ['some-course'] } },
  'POST /api/v1/credentials/verify': { actor: 'anonymous', body: CREDENTIAL },
  'POST /api/v1/skills/extract': { actor: 'anonymous', body: { text: 'Python and SQL', limit: 10 } },
  'POST /api/v1/cv/render': { actor: 'anonymous', body: { cv: CV, template: 'compact', career: 'back-end-developer', format: 'pdf' } },
  'POST /api/v1/cv/import': { actor: 'anonymous', body: { resume: RESUME } },
  'POST /api/v1/me/passport/import': { actor: 'member', body: { resume: RESUME, accept: [{ input: 'Python', skill: 'python' }, { input: 'Knitting', skill: null }] } },
  'POST /api/v1/me/cvs': { actor: 'member', body: { title: 'Back-end', career: 'back-end-developer', template: 'compact', cv: CV } },
  'PUT /api/v1/me/cvs/:id': { actor: 'member', body: { title: 'Back-end', cv: CV, career: 'back-end-developer' } },
  'POST /api/v1/cv/tailor': { actor: 'anonymous', body: { passport: PASSPORT, basics: CV.basics, template: 'compact', career: 'back-end-developer' } },
  'POST /api/v1/cover-letter/draft': { actor: 'anonymous', body: { cv: CV, basics: CV.basics, career: 'back-end-developer', recipient: { name: 'Ms Byron', organisation: 'Engine Co' } } },
  'POST /api/v1/cover-letter/render': { actor: 'anonymous', body: { letter: { sender: { name: 'Ada Lovelace', email: 'ada@example.org', phone: '+44 20 0000 0000' }, recipient: { name: 'Ms Byron', organisation: 'Engine Co' }, career: { slug: 'back-end-developer', title: 'Back-End Developer' }, date: '2026-01-02', greeting: 'Dear Ms Byron,', paragraphs: ['One.', 'Two.'], closing: 'Kind regards,', signature: 'Ada' }, format: 'pdf' } },
  'POST /api/v1/auth/signup': { actor: 'anonymous', body: { email: 'new-person@example.org', password: PASSWORD, displayName: 'New Person' } },
  'POST /api/v1/auth/signin': { actor: 'anonymous', body: { email: 'nobody@example.org', password: PASSWORD } },
  'POST /api/v1/auth/verify-email': { actor: 'anonymous', body: { token: TOKEN } },
  'POST /api/v1/auth/verify-email/resend': { actor: 'anonymous', body: { email: 'nobody@example.org' } },
  'POST /api/v1/auth/password-reset/request': { actor: 'anonymous', body: { email: 'nobody@example.org' } },
  'POST /api/v1/auth/password-reset/confirm': { actor: 'anonymous', body: { token: TOKEN, password: PASSWORD } },
  'POST /api/v1/auth/setup': { actor: 'anonymous', body: { token: TOKEN, email: 'root@example.org', password: PASSWORD, displayName: 'Root' } },
  'POST /api/v1/auth/parental-consent': { actor: 'anonymous', body: { token: TOKEN, decision: 'grant' } },
  'POST /api/v1/me/password': { actor: 'member', body: { currentPassword: PASSWORD, newPassword: `${PASSWORD} again`, signOutOtherSessions: false } },
  'POST /api/v1/me/api-keys': { actor: 'member', body: { name: 'laptop', scopes: ['read'], expiresInDays: 30 } },
  'DELETE /api/v1/me': { actor: 'member', body: { password: PASSWORD } },
  'POST /api/v1/schools': { actor: 'platformAdmin', body: { name: 'Property School', slug: 'property-school' } },
  'PATCH /api/v1/schools/:schoolId/members/:userId': { actor: 'schoolAdmin', body: { role: 'educator' } },
  'POST /api/v1/schools/:schoolId/invitations': { actor: 'schoolAdmin', body: { role: 'learner', kind: 'link', email: 'invitee@example.org', expiresInDays: 7, maxUses: 1 } },
  'POST /api/v1/invitations/accept': { actor: 'member', body: { token: 'a'.repeat(43) } },
  'POST /api/v1/schools/join': { actor: 'member', body: { code: 'ABCD2345' } },
  'PUT /api/v1/me/passport': { actor: 'member', body: PASSPORT },
  'POST /api/v1/me/passport/skills': { actor: 'member', body: PASSPORT.skills[0]! },
  'POST /api/v1/me/passport/credentials': { actor: 'member', body: { credential: 'acme-sql-certificate', earnedOn: '2025-06-01' } },
  'PUT /api/v1/me/passport/targets': { actor: 'member', body: { targets: ['data-clerk'] } },
  'POST /api/v1/me/plans': { actor: 'member', body: { career: 'data-clerk', hoursPerWeek: 10, optimise: 'cost' } },
  // Educators (issue 8)
  'POST /api/v1/schools/:schoolId/cohorts': { actor: 'schoolAdmin', body: { name: 'Year 12 data', description: 'Spring term', programmeId: randomUUID() } },
  'PATCH /api/v1/schools/:schoolId/cohorts/:cohortId': { actor: 'schoolAdmin', body: { name: 'Year 12 data', description: 'Spring term', programmeId: null, archived: false } },
  'POST /api/v1/schools/:schoolId/cohorts/:cohortId/members': { actor: 'schoolAdmin', body: { userId: randomUUID() } },
  'POST /api/v1/schools/:schoolId/cohorts/:cohortId/staff': { actor: 'schoolAdmin', body: { userId: randomUUID() } },
  'POST /api/v1/schools/:schoolId/cohorts/:cohortId/assignments': { actor: 'schoolAdmin', body: { kind: 'career', career: 'data-clerk', dueOn: '2026-06-30', note: 'By summer' } },
  'PATCH /api/v1/schools/:schoolId/cohorts/:cohortId/assignments/:assignmentId': { actor: 'schoolAdmin', body: { dueOn: '2026-07-31', note: 'Later' } },
  'POST /api/v1/cohorts/join': { actor: 'member', body: { code: 'ABCD2345' } },
  'POST /api/v1/schools/:schoolId/pathways': { actor: 'schoolAdmin', body: { career: 'data-clerk', title: 'Data clerk, our way' } },
  'PATCH /api/v1/schools/:schoolId/pathways/:pathwayId': { actor: 'schoolAdmin', body: { title: 'Data clerk, our way' } },
  'POST /api/v1/schools/:schoolId/pathways/:pathwayId/steps': { actor: 'schoolAdmin', body: { section: 'getting-started', title: 'Visit an office', text: 'A day with a records team.', durationMin: 1, durationMax: 2, durationUnit: 'days', credentialId: 'acme-sql-certificate', schoolCredentialId: null, position: 0 } },
  'PATCH /api/v1/schools/:schoolId/pathways/:pathwayId/steps/:stepId': { actor: 'schoolAdmin', body: { section: 'getting-started', title: 'Visit an office', text: 'Two days.', durationMin: 2, durationMax: 2, durationUnit: 'days', credentialId: null, schoolCredentialId: randomUUID() } },
  'PUT /api/v1/schools/:schoolId/pathways/:pathwayId/order': { actor: 'schoolAdmin', body: { stepIds: [randomUUID(), randomUUID()] } },
  'POST /api/v1/schools/:schoolId/pathways/:pathwayId/upstream/:changeKey': { actor: 'schoolAdmin', body: { decision: 'accept', hash: 'abc123' } },
  'POST /api/v1/schools/:schoolId/pathways/:pathwayId/upstream/accept-all': { actor: 'schoolAdmin', body: {} },
  'POST /api/v1/schools/:schoolId/credentials': { actor: 'schoolAdmin', body: { title: 'Office safety', issuer: 'Our school', summary: 'A half day', hours: 4, skills: ['sql'] } },
  'PATCH /api/v1/schools/:schoolId/credentials/:credentialId': { actor: 'schoolAdmin', body: { title: 'Office safety', issuer: 'Our school', summary: null, hours: 5, skills: ['sql'] } },
  'POST /api/v1/schools/:schoolId/programmes': { actor: 'schoolAdmin', body: { cipCode: '11.0201', title: 'Programming' } },
  'PUT /api/v1/schools/:schoolId/alignment-thresholds': { actor: 'schoolAdmin', body: { wagePercentile: 60, growthPercent: 5, annualOpenings: 1000, educationLevel: 'associate', inDemandRule: 'both' } },
}

/** Write routes that take no body (their schema has none), with why. */
const NO_BODY: Record<string, string> = {
  'POST /api/v1/auth/signout': 'ends the presented session',
  'POST /api/v1/auth/signout-everywhere': 'ends every session of the signed-in person',
  'POST /api/v1/me/parental-consent/resend': 'mails the consent link again',
  'DELETE /api/v1/me/api-keys/:id': 'revokes by path id',
  'DELETE /api/v1/me/sessions/:id': 'ends by path id',
  'DELETE /api/v1/schools/:schoolId/members/:userId': 'removes by path ids',
  'DELETE /api/v1/schools/:schoolId/invitations/:id': 'revokes by path ids',
  'PUT /api/v1/me/access-log': '405: the access log is append-only',
  'PATCH /api/v1/me/access-log': '405',
  'DELETE /api/v1/me/access-log': '405',
  'POST /api/v1/me/access-log': '405',
  'PUT /api/v1/schools/:schoolId/access-log': '405',
  'PATCH /api/v1/schools/:schoolId/access-log': '405',
  'DELETE /api/v1/schools/:schoolId/access-log': '405',
  'POST /api/v1/schools/:schoolId/access-log': '405',
  'DELETE /api/v1/me/passport/skills/:skillId': 'removes by path id',
  'DELETE /api/v1/me/passport/credentials/:credentialId': 'removes by path id',
  'POST /api/v1/me/passport/credential': 'signs the stored passport',
  'POST /api/v1/me/credentials/:credentialId/credential': 'signs the earned credential named by path id',
  'DELETE /api/v1/me/plans/:id': 'deletes by path id',
  'DELETE /api/v1/me/cvs/:id': 'deletes by path id',
  'POST /api/v1/me/plans/:id/items/:itemId/done': 'marks by path ids',
  'DELETE /api/v1/me/plans/:id/items/:itemId/done': 'unmarks by path ids',
  'POST /api/v1/me/pathways/:career/steps/:section/:position/done': 'marks by path ids',
  'DELETE /api/v1/me/pathways/:career/steps/:section/:position/done': 'unmarks by path ids',
  'DELETE /api/v1/schools/:schoolId/cohorts/:cohortId': 'deletes by path ids',
  'POST /api/v1/schools/:schoolId/cohorts/:cohortId/join-code': 'issues a new join code',
  'DELETE /api/v1/schools/:schoolId/cohorts/:cohortId/join-code': 'switches joining off',
  'DELETE /api/v1/schools/:schoolId/cohorts/:cohortId/members/:userId': 'removes by path ids',
  'DELETE /api/v1/schools/:schoolId/cohorts/:cohortId/staff/:userId': 'removes by path ids',
  'DELETE /api/v1/schools/:schoolId/cohorts/:cohortId/assignments/:assignmentId': 'removes by path ids',
  'PUT /api/v1/me/cohorts/:cohortId/pathways/:pathwayId/steps/:stepId/done': 'marks by path ids',
  'DELETE /api/v1/me/cohorts/:cohortId/pathways/:pathwayId/steps/:stepId/done': 'unmarks by path ids',
  'DELETE /api/v1/schools/:schoolId/pathways/:pathwayId': 'deletes by path ids',
  'DELETE /api/v1/schools/:schoolId/pathways/:pathwayId/steps/:stepId': 'deletes by path ids',
  'DELETE /api/v1/schools/:schoolId/credentials/:credentialId': 'deletes by path ids',
  'DELETE /api/v1/schools/:schoolId/programmes/:programmeId': 'deletes by path ids',
}

/** Names a client must never be able to set, in the spellings an ORM or a careless spread would take. */
const PRIVILEGED = [
  'role', 'platformRole', 'platform_role', 'isAdmin', 'is_admin', 'admin', 'schoolId', 'school_id', 'tenantId', 'tenant_id',
  'ownerId', 'owner_id', 'userId', 'user_id', 'id', 'createdAt', 'created_at', 'updatedAt', 'passwordHash', 'password_hash',
  'emailVerified', 'emailVerifiedAt', 'email_verified_at', 'disabled', 'status', 'scopes', 'parentalConsent',
  '__proto__', 'constructor', 'prototype', 'polluted',
]
const POISON: unknown[] = [
  'platform_admin', 'school_admin', 'admin', true, 1, 0, null, '2000-01-01T00:00:00.000Z', randomUUID(), '$argon2id$v=19$m=1,t=1,p=1$x$y',
  { polluted: 'yes' }, { prototype: { polluted: 'yes' } }, { role: 'platform_admin', isAdmin: true }, ['platform_admin'],
]

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; oneOf?: JsonSchema[] }
type Path = (string | number)[]
interface Injection { at: Path; key: string; value: unknown }

/** Paths to every plain object inside a body, the body itself first. */
function objectPaths(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...path, i]))
  if (value === null || typeof value !== 'object') return []
  return [path, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...path, k]))]
}

/** The property names the schema declares for the object at `path` (across union variants). */
function declaredAt(schema: JsonSchema | undefined, path: Path): Set<string> {
  const variants = (s: JsonSchema | undefined): JsonSchema[] => (s === undefined ? [] : [s, ...(s.anyOf ?? []), ...(s.oneOf ?? [])])
  let here = variants(schema)
  for (const step of path) here = here.flatMap((s) => variants(typeof step === 'number' ? s.items : s.properties?.[step]))
  return new Set(here.flatMap((s) => Object.keys(s.properties ?? {})))
}

/** The seed with the injections applied as own, enumerable properties (so `__proto__` is a key, not a prototype). */
function inject(seed: Record<string, unknown>, injections: readonly Injection[]): string {
  const body = structuredClone(seed)
  for (const { at, key, value } of injections) {
    const target = at.reduce<unknown>((node, step) => (node as Record<string | number, unknown>)[step], body) as object
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  }
  return JSON.stringify(body)
}

const injectionArbitrary = (seed: Record<string, unknown>, schema: JsonSchema | undefined): fc.Arbitrary<Injection> =>
  fc.constantFrom(...objectPaths(seed)).chain((at) => {
    const declared = declaredAt(schema, at)
    const key = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...PRIVILEGED) }, { weight: 1, arbitrary: fc.string({ maxLength: 24 }) }).filter((k) => !declared.has(k))
    const value = fc.oneof(fc.constantFrom(...POISON), fc.jsonValue({ maxDepth: 2 }))
    return fc.record({ at: fc.constant(at), key, value })
  })

let t: AuthTestApp
const schoolId = randomUUID()
const actors: Partial<Record<ActorName, { headers: Record<string, string>; userId?: string }>> = {}
let learnerId = ''
/** A cohort of the school: the access hook resolves a route's `:cohortId` before the body is validated. */
const cohortId = randomUUID()
let spec: { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>> }

const openApiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}')
const bodySchemaOf = (method: string, url: string): JsonSchema | undefined =>
  spec.paths[openApiPath(url)]?.[method.toLowerCase()]?.requestBody?.content['application/json']?.schema

function writeRoutes(): { key: string; method: string; url: string }[] {
  const seen = new Set<string>()
  return routeOperations(t.app)
    .filter((r) => WRITE_METHODS.has(r.method) && r.url.startsWith('/api/'))
    .map((r) => ({ key: `${r.method} ${r.url}`, method: r.method, url: r.url }))
    .filter((r) => !seen.has(r.key) && seen.add(r.key))
}

/** Same-origin headers with the session cookie and its CSRF token. */
const session = async (email: string): Promise<Record<string, string>> => browser(await signin(t, email, PASSWORD))

beforeAll(async () => {
  t = await createAuthTestApp()
  const db = t.deps.db.kysely
  const now = new Date(t.clock.now()).toISOString()
  await db.insertInto('schools').values({ id: schoolId, name: 'Property School One', slug: 'property-school-one', created_at: now }).execute()
  const admin = await makeUser(t)
  const learner = await makeUser(t)
  const root = await makeUser(t, { platform_role: 'platform_admin' })
  learnerId = learner.id
  await db.insertInto('memberships').values([
    { user_id: admin.id, school_id: schoolId, role: 'school_admin', created_at: now },
    { user_id: learner.id, school_id: schoolId, role: 'learner', created_at: now },
  ]).execute()
  await db.insertInto('cohorts').values({ id: cohortId, school_id: schoolId, name: 'Property cohort', description: null, programme_id: null, join_code: null, created_by: admin.id, created_at: now, archived_at: null }).execute()
  actors.anonymous = { headers: { 'sec-fetch-site': 'same-origin' } }
  actors.member = { headers: await session(learner.email), userId: learner.id }
  actors.schoolAdmin = { headers: await session(admin.email), userId: admin.id }
  actors.platformAdmin = { headers: await session(root.email), userId: root.id }
  spec = (await t.app.inject('/api/v1/openapi.json')).json()
  process.stdout.write(`write-bodies: fast-check seed ${SEED}, ${RUNS} runs per route (replay: PROPERTY_SEED=${SEED})\n`)
}, 60_000)

afterAll(async () => {
  await t?.close()
})

/** A write route's address: the school, the learner, the school's cohort, fresh ids for every other object. */
const addressOf = (url: string, userId = learnerId) =>
  url.replace(':schoolId', schoolId).replace(':userId', userId).replace(':cohortId', cohortId).replace(/:[A-Za-z]+/g, () => randomUUID())

describe('the seed table', () => {
  it('has a valid seed body for every write route with a body, and names every write route without one', () => {
    const routes = writeRoutes()
    expect(routes.length).toBeGreaterThan(20)
    const missing = routes.filter((r) => bodySchemaOf(r.method, r.url) !== undefined && !SEEDS[r.key]).map((r) => r.key)
    const unlisted = routes.filter((r) => bodySchemaOf(r.method, r.url) === undefined && !NO_BODY[r.key] && !SEEDS[r.key]).map((r) => r.key)
    const seededWithoutBody = routes.filter((r) => SEEDS[r.key] && bodySchemaOf(r.method, r.url) === undefined).map((r) => r.key)
    const listedWithBody = routes.filter((r) => NO_BODY[r.key] && bodySchemaOf(r.method, r.url) !== undefined).map((r) => r.key)
    expect({ missing, unlisted, seededWithoutBody, listedWithBody }).toEqual({ missing: [], unlisted: [], seededWithoutBody: [], listedWithBody: [] })
    const stale = Object.keys(SEEDS).filter((k) => !routes.some((r) => r.key === k))
    if (stale.length > 0) process.stdout.write(`write-bodies: seeds for routes this app does not have: ${stale.join(', ')}\n`)
  })
})

describe('extra properties in write bodies', () => {
  let covered = 0
  afterAll(() => {
    process.stdout.write(`write-bodies: ${covered} write routes × ${RUNS} runs = ${covered * RUNS} refused bodies, database unchanged after each\n`)
  })

  it('are refused with 400 request.invalid, change no table and pollute no prototype, on every write route', async () => {
    const started = Date.now()
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort()
    for (const route of writeRoutes().filter((r) => SEEDS[r.key])) {
      const seed = SEEDS[route.key]!
      const actor = actors[seed.actor]!
      const schema = bodySchemaOf(route.method, route.url)
      const baseline: DatabaseDump = await dumpDatabase(t.deps.db.kysely)
      const flood: Injection[] = PRIVILEGED.map((key, i) => ({ at: [], key, value: POISON[i % POISON.length] })).filter((j) => !declaredAt(schema, []).has(j.key))
      await fc.assert(
        fc.asyncProperty(fc.array(injectionArbitrary(seed.body, schema), { minLength: 1, maxLength: 4 }), async (injections) => {
          const payload = inject(seed.body, injections)
          const res = await t.app.inject({ method: route.method as 'POST', url: addressOf(route.url), headers: { ...actor.headers, 'content-type': 'application/json' }, payload })
          const what = `${route.key} ${payload.slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 200)}`
          expect(res.statusCode, what).toBe(400)
          expect(res.headers['content-type'], what).toMatch(/^application\/problem\+json/)
          expect(res.json<{ code: string }>().code, what).toBe('request.invalid')
          expect(changedTables(baseline, await dumpDatabase(t.deps.db.kysely)), what).toEqual([])
          expect(({} as Record<string, unknown>).polluted, what).toBeUndefined()
          expect(Object.getOwnPropertyNames(Object.prototype).sort(), what).toEqual(prototypeKeys)
        }),
        { seed: SEED, numRuns: RUNS, examples: flood.length > 0 ? [[flood]] : [] },
      )
      covered++
    }
    expect(covered).toBe(writeRoutes().filter((r) => SEEDS[r.key]).length)
    process.stdout.write(`write-bodies: properties took ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
  }, 300_000)
})

describe('the seed bodies alone', () => {
  it('pass body validation (so the refusals above are the extra properties\' doing)', async () => {
    // Fresh people per route: some seeds change their caller (a new password, a deleted account).
    const now = new Date(t.clock.now()).toISOString()
    for (const route of writeRoutes().filter((r) => SEEDS[r.key])) {
      const seed = SEEDS[route.key]!
      const caller = await makeUser(t, seed.actor === 'platformAdmin' ? { platform_role: 'platform_admin' } : {})
      const target = await makeUser(t)
      await t.deps.db.kysely.insertInto('memberships').values([
        { user_id: caller.id, school_id: schoolId, role: seed.actor === 'schoolAdmin' ? 'school_admin' : 'learner', created_at: now },
        { user_id: target.id, school_id: schoolId, role: 'learner', created_at: now },
      ]).execute()
      const headers = seed.actor === 'anonymous' ? actors.anonymous!.headers : await session(caller.email)
      const url = addressOf(route.url, target.id)
      const res = await t.app.inject({ method: route.method as 'POST', url, headers, payload: seed.body })
      const code = res.statusCode >= 400 ? res.json<{ code: string }>().code : undefined
      expect(code, `${route.key} → ${res.statusCode} ${res.body.slice(0, 200)}`).not.toBeOneOf(['request.invalid', ...POLICY_DENIALS])
    }
  }, 60_000)
})

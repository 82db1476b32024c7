/**
 * Verifiable credentials (issue 6, item 6): an earned achievement and the whole skills passport are
 * signed as Open Badges 3.0 credentials, verified by an independent implementation (Digital Bazaar's
 * @digitalbazaar/vc + eddsa-rdfc-2022 cryptosuite) and by the public endpoint; every tampering fails
 * both; unknown and revoked keys fail the endpoint; rotation keeps old credentials verifiable.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AchievementCredentialInput, PassportCredentialInput, SignedCredential } from '../../server/modules/badges/index.js'
import { createBadgesService } from '../../server/modules/badges/index.js'
import { changedTables, dumpDatabase } from '../support/db-dump.js'
import { createAuthTestApp, TEST_SECRET_KEY, type AuthTestApp } from '../support/auth.js'
import { independentlyVerify, requestedUrls } from '../support/independent-vc.js'

let t: AuthTestApp
beforeAll(async () => {
  t = await createAuthTestApp()
})
afterAll(() => t.close())

const learnerId = randomUUID()
const ESCO = {
  java: 'http://data.europa.eu/esco/skill/19a8293b-8e95-4de3-983f-77484079c389',
  python: 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d',
}

const achievementInput: AchievementCredentialInput = {
  learner: { id: learnerId, name: 'Ada Learner' },
  achievement: {
    id: 'aws-certified-developer-associate',
    name: 'AWS Certified Developer – Associate',
    description: 'Amazon Web Services certification for developing, deploying and debugging cloud applications on AWS.',
    criteria: 'Pass the AWS Certified Developer – Associate exam (DVA-C02).',
    achievementType: 'Certification',
    earnedAt: '2025-05-01T00:00:00Z',
    skills: [
      { uri: ESCO.python, code: 'ccd0a1d9-afda-43d9-b901-96344886e14d', framework: 'ESCO', label: 'Python (computer programming)' },
      { uri: 'https://www.onetonline.org/find/descriptor/result/2.C.3.a', code: '2.C.3.a', framework: 'O*NET', label: 'Computers and Electronics' },
    ],
  },
}

const passportInput: PassportCredentialInput = {
  learner: { id: learnerId },
  skills: [
    { id: 'java', label: 'Java', uri: ESCO.java, framework: 'ESCO', level: 3, source: 'credential' },
    { id: 'python', label: 'Python', uri: ESCO.python, framework: 'ESCO', level: 4, source: 'self' },
    { id: 'nodejs', label: 'Node.js', framework: 'Pathways', level: 2, source: 'evidence' },
  ],
  credentials: [{ id: 'aws-certified-developer-associate', name: 'AWS Certified Developer – Associate', earnedAt: '2025-05-01', issuer: 'Amazon Web Services' }],
}

const verifyAt = (body: unknown) => t.app.inject({ method: 'POST', url: '/api/v1/credentials/verify', payload: body as object })
const now = () => new Date(t.clock.now())
const clone = <T>(value: T): T => structuredClone(value)

describe('an earned achievement as an OpenBadgeCredential', () => {
  let vc: SignedCredential
  beforeAll(async () => {
    vc = await t.deps.badges.issueAchievementCredential(achievementInput)
  })

  it('has the Open Badges 3.0 / VC 2.0 shape: issuer profile, subject, achievement aligned to taxonomy skills', () => {
    expect(vc['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'])
    expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential'])
    expect(vc.id).toMatch(/^urn:uuid:/)
    expect(vc.issuer).toEqual({ id: expect.stringMatching(/^did:key:z6Mk/), type: ['Profile'], name: 'Pathways' })
    expect(vc.validFrom).toBe('2026-03-02T09:00:00Z')
    expect(vc.awardedDate).toBe('2025-05-01T00:00:00Z')
    expect(vc.credentialSubject.id).toBe(`urn:uuid:${learnerId}`)
    expect(vc.credentialSubject.type).toEqual(['AchievementSubject'])
    expect(JSON.stringify(vc)).not.toContain('@example.org')
    const { achievement } = vc.credentialSubject
    expect(achievement).toMatchObject({ id: 'urn:pathways:credential:aws-certified-developer-associate', type: ['Achievement'], achievementType: 'Certification', criteria: { narrative: expect.any(String) } })
    expect(achievement.alignment?.[0]).toEqual({ type: ['Alignment'], targetName: 'Python (computer programming)', targetUrl: ESCO.python, targetCode: 'ccd0a1d9-afda-43d9-b901-96344886e14d', targetFramework: 'ESCO', targetType: 'ceasn:Competency' })
    expect(vc.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', verificationMethod: `${vc.issuer.id}#${vc.issuer.id.slice('did:key:'.length)}` })
    expect(vc.proof.proofValue).toMatch(/^z[1-9A-HJ-NP-Za-km-z]{80,90}$/)
  })

  it('verifies with the independent implementation and with the public endpoint', async () => {
    expect(await independentlyVerify(vc, now())).toEqual({ verified: true, errors: [] })
    const res = await verifyAt(vc)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      verified: true, errors: [],
      checks: ['format', 'proof', 'issuer', 'key', 'validity'].map((check) => ({ check, passed: true })),
    })
  })

  it('fails both verifiers when a value is changed after signing', async () => {
    const tampered: [string, (c: SignedCredential) => void][] = [
      ['subject id', (c) => { c.credentialSubject.id = `urn:uuid:${randomUUID()}` }],
      ['validFrom', (c) => { c.validFrom = '2020-01-01T00:00:00Z' }],
      ['issuer name', (c) => { c.issuer.name = 'Another Issuer' }],
      ['achievement name', (c) => { c.credentialSubject.achievement.name = 'AWS Certified Solutions Architect – Professional' }],
      ['aligned skill', (c) => { c.credentialSubject.achievement.alignment![0]!.targetUrl = ESCO.java }],
      ['awardedDate', (c) => { c.awardedDate = '2024-01-01T00:00:00Z' }],
      ['proof created', (c) => { c.proof.created = '2026-03-02T09:00:01Z' }],
    ]
    for (const [what, change] of tampered) {
      const copy = clone(vc)
      change(copy)
      expect(await independentlyVerify(copy, now()), what).toEqual({ verified: false, errors: ['Invalid signature.'] })
      const answer = (await verifyAt(copy)).json()
      expect(answer.verified, what).toBe(false)
      expect(answer.errors.map((e: { code: string }) => e.code), what).toContain('proof.invalid_signature')
    }
  })
})

describe('the skills passport as an OpenBadgeCredential', () => {
  let vc: SignedCredential
  beforeAll(async () => {
    vc = await t.deps.badges.issuePassportCredential(passportInput)
  })

  it('carries one result per skill with its level, aligned to the taxonomy where the skill has a URI, and earned credentials as evidence', () => {
    const { achievement, result } = vc.credentialSubject
    expect(vc.name).toBe('Skills passport')
    expect(achievement).toMatchObject({ id: 'urn:pathways:achievement:skills-passport', name: 'Skills passport', achievementType: 'ext:SkillsPassport' })
    expect(achievement.resultDescription?.map((d) => [d.name, d.resultType, d.valueMin, d.valueMax, d.alignment?.[0]?.targetUrl])).toEqual([
      ['Java (from a credential)', 'PerformanceLevel', '0', '5', ESCO.java],
      ['Python (self-assessed)', 'PerformanceLevel', '0', '5', ESCO.python],
      ['Node.js (from evidence)', 'PerformanceLevel', '0', '5', undefined],
    ])
    expect(result?.map((r) => [r.resultDescription, r.value])).toEqual([
      ['urn:pathways:passport-skill:java', '3'], ['urn:pathways:passport-skill:python', '4'], ['urn:pathways:passport-skill:nodejs', '2'],
    ])
    expect(vc.evidence).toEqual([{ type: ['Evidence'], name: 'AWS Certified Developer – Associate', genre: 'Earned credential', description: 'Earned 2025-05-01 from Amazon Web Services.' }])
    expect(vc.credentialSubject.identifier).toBeUndefined() // no name given: none in the credential
  })

  it('verifies with the independent implementation and with the public endpoint', async () => {
    expect(await independentlyVerify(vc, now())).toEqual({ verified: true, errors: [] })
    expect((await verifyAt(vc)).json().verified).toBe(true)
  })

  it('fails both verifiers for a changed skill level, subject, validFrom, issuer name or a swapped proof value', async () => {
    const other = await t.deps.badges.issuePassportCredential({ ...passportInput, learner: { id: randomUUID() } })
    const tampered: [string, (c: SignedCredential) => void][] = [
      ['skill level', (c) => { c.credentialSubject.result![0]!.value = '5' }],
      ['subject id', (c) => { c.credentialSubject.id = other.credentialSubject.id }],
      ['validFrom', (c) => { c.validFrom = '2026-03-01T09:00:00Z' }],
      ['issuer name', (c) => { c.issuer.name = 'Pathways (trust me)' }],
      ['proof value from another credential', (c) => { c.proof.proofValue = other.proof.proofValue }],
      ['a skill removed', (c) => { c.credentialSubject.result!.pop() }],
      ['evidence added', (c) => { c.evidence!.push({ type: ['Evidence'], name: 'PhD in Computer Science', genre: 'Earned credential' }) }],
    ]
    for (const [what, change] of tampered) {
      const copy = clone(vc)
      change(copy)
      expect(await independentlyVerify(copy, now()), what).toEqual({ verified: false, errors: ['Invalid signature.'] })
      const answer = (await verifyAt(copy)).json()
      expect({ what, verified: answer.verified, codes: answer.errors.map((e: { code: string }) => e.code) }).toEqual({ what, verified: false, codes: ['proof.invalid_signature'] })
    }
  })

  it('refuses a body with a property the issuer never writes (400 request.invalid), and one that is no credential', async () => {
    const extra = { ...clone(vc), credentialStatus: { id: 'https://evil.example/status', type: 'BitstringStatusListEntry' } }
    const res = await verifyAt(extra)
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('request.invalid')
    for (const body of [{}, [], { hello: 'world' }]) expect((await verifyAt(body)).statusCode).toBe(400)
  })

  it('reports an unknown JSON-LD context without fetching it', async () => {
    const copy = clone(vc)
    copy['@context'] = [...copy['@context'], 'https://evil.example/context.json']
    const answer = (await verifyAt(copy)).json()
    expect(answer.verified).toBe(false)
    expect(answer.errors.map((e: { code: string }) => e.code)).toEqual(['context.unknown'])
  })
})

describe('keys', () => {
  it('GET /issuer shows the profile, the keys as Multikeys and the did:key document', async () => {
    const res = await t.app.inject('/api/v1/issuer')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    const multikey = body.profile.id.slice('did:key:'.length)
    expect(body.profile).toEqual({ id: expect.stringMatching(/^did:key:z6Mk/), type: ['Profile'], name: 'Pathways' })
    expect(body.keys[0]).toMatchObject({ id: `${body.profile.id}#${multikey}`, type: 'Multikey', controller: body.profile.id, publicKeyMultibase: multikey, status: 'active', revoked: null })
    expect(body.didDocument).toMatchObject({ id: body.profile.id, assertionMethod: [`${body.profile.id}#${multikey}`] })
    expect(res.headers['cache-control']).toBe('public, max-age=60')
  })

  it('a credential signed by a key this instance does not hold verifies independently (did:key is self-describing) but fails the endpoint', async () => {
    // Another instance: its own database row and SECRET_KEY would do; a second service on a fresh key table is the same.
    const foreign = await foreignCredential()
    expect(await independentlyVerify(foreign, now())).toEqual({ verified: true, errors: [] })
    const answer = (await verifyAt(foreign)).json()
    expect(answer.verified).toBe(false)
    expect(answer.checks).toContainEqual({ check: 'key', passed: false })
    expect(answer.errors.map((e: { code: string }) => e.code)).toEqual(['key.unknown'])
  })

  it('rotation: new credentials use the new key, old ones still verify; revoking a key fails what it signed', async () => {
    const before = await t.deps.badges.issueAchievementCredential(achievementInput)
    const rotated = await t.deps.badges.rotateKey()
    const after = await t.deps.badges.issueAchievementCredential(achievementInput)
    expect(after.issuer.id).toBe(rotated.controller)
    expect(after.issuer.id).not.toBe(before.issuer.id)
    for (const vc of [before, after]) {
      expect(await independentlyVerify(vc, now())).toEqual({ verified: true, errors: [] })
      expect((await verifyAt(vc)).json().verified).toBe(true)
    }
    const keys = (await t.app.inject('/api/v1/issuer')).json().keys as { controller: string; status: string }[]
    expect(keys.map((k) => k.status).slice(0, 2)).toEqual(['active', 'retired'])
    expect(keys.find((k) => k.controller === before.issuer.id)?.status).toBe('retired')

    const oldKey = before.issuer.id.slice('did:key:'.length)
    expect(await t.deps.badges.revokeKey(oldKey)).toMatchObject({ status: 'revoked' })
    const answer = (await verifyAt(before)).json()
    expect(answer.verified).toBe(false)
    expect(answer.errors.map((e: { code: string }) => e.code)).toEqual(['key.revoked'])
    expect((await verifyAt(after)).json().verified).toBe(true)
  })

  it('revoking the active key makes the next credential use a new one', async () => {
    const current = (await t.app.inject('/api/v1/issuer')).json().profile.id as string
    await t.deps.badges.revokeKey(current.slice('did:key:'.length))
    const next = await t.deps.badges.issuePassportCredential(passportInput)
    expect(next.issuer.id).not.toBe(current)
    expect((await verifyAt(next)).json().verified).toBe(true)
  })

  it('stores the private key wrapped: no PKCS#8 or raw key in the table, and another SECRET_KEY cannot sign with it', async () => {
    const rows = await t.deps.db.kysely.selectFrom('issuer_keys').selectAll().execute()
    for (const row of rows) expect(row.private_key_wrapped).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/)
    const wrongKey = createBadgesService({ db: t.deps.db.kysely, secretKey: 'another-secret-key-abcdefghijklmnopqrstuvwxyz-0123', clock: t.clock })
    await expect(wrongKey.issuePassportCredential(passportInput)).rejects.toMatchObject({ code: 'issuer.key_unavailable', status: 503 })
  })

  it('two services on one database (two processes) making the first key at once end up with one key', async () => {
    const fresh = await createAuthTestApp()
    try {
      const services = [0, 1, 2].map(() => createBadgesService({ db: fresh.deps.db.kysely, secretKey: TEST_SECRET_KEY, clock: fresh.clock }))
      const issued = await Promise.all(services.map((s) => s.issuePassportCredential(passportInput)))
      expect(new Set(issued.map((vc) => vc.issuer.id)).size).toBe(1)
      expect(await fresh.deps.db.kysely.selectFrom('issuer_keys').select('id').execute()).toHaveLength(1)
    } finally {
      await fresh.close()
    }
  })
})

describe('validity period and input', () => {
  it('a credential past validUntil verifies cryptographically but is reported expired', async () => {
    const vc = await t.deps.badges.issueAchievementCredential({ ...achievementInput, validUntil: '2026-03-03T09:00:00Z' })
    expect((await verifyAt(vc)).json().verified).toBe(true)
    t.clock.advance(2 * 24 * 3_600_000)
    const answer = (await verifyAt(vc)).json()
    expect(answer.verified).toBe(false)
    expect(answer.errors.map((e: { code: string }) => e.code)).toEqual(['validity.expired'])
    expect((await independentlyVerify(vc, now())).verified).toBe(false)
  })

  it('refuses input that cannot make a valid credential (422 credential.invalid_input)', async () => {
    const bad: PassportCredentialInput[] = [
      { ...passportInput, skills: [{ ...passportInput.skills[0]!, level: 6 }] },
      { ...passportInput, skills: [passportInput.skills[0]!, passportInput.skills[0]!] },
      { ...passportInput, skills: [{ ...passportInput.skills[0]!, uri: 'not a uri' }] },
      { ...passportInput, learner: { id: 'mailto:ada@example.org' } },
      { ...passportInput, skills: Array.from({ length: 501 }, (_, i) => ({ ...passportInput.skills[0]!, id: `s${i}` })) },
    ]
    for (const input of bad) await expect(t.deps.badges.issuePassportCredential(input)).rejects.toMatchObject({ code: 'credential.invalid_input', status: 422 })
  })
})

describe('the routes', () => {
  it('are public, documented in OpenAPI under verifiable-credentials, and offer no signing endpoint', async () => {
    const spec = (await t.app.inject('/api/v1/openapi.json')).json()
    expect(spec.paths['/api/v1/issuer'].get.tags).toEqual(['verifiable-credentials'])
    expect(spec.paths['/api/v1/credentials/verify'].post.tags).toEqual(['verifiable-credentials'])
    // The learner's own downloads under /me sign for the signed-in person only: no open signing endpoint.
    // (A school's local credentials, /schools/{id}/credentials/…, are records of the school, not signing.)
    const paths = Object.keys(spec.paths).filter((p) => p.includes('credentials/') && !p.startsWith('/api/v1/credentials/{') && !p.startsWith('/api/v1/me/') && !p.startsWith('/api/v1/schools/'))
    expect(paths).toEqual(['/api/v1/credentials/verify'])
    for (const url of ['/api/v1/me/passport/credential', '/api/v1/me/credentials/any/credential']) {
      expect((await t.app.inject({ method: 'POST', url, headers: { 'sec-fetch-site': 'same-origin' } })).statusCode, url).toBe(401)
    }
  })

  it('a body over 1 MiB is refused (413) before any work', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/credentials/verify', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024) }) })
    expect(res.statusCode).toBe(413)
  })

  it('a burst of verifications runs a few at a time; beyond the queue the answer is 503 service.busy with Retry-After', async () => {
    const skills = Array.from({ length: 200 }, (_, i) => ({ id: `skill-${i}`, label: `Skill ${i}`, uri: `http://data.europa.eu/esco/skill/${i}`, framework: 'ESCO', level: i % 6, source: 'self' as const }))
    const big = await t.deps.badges.issuePassportCredential({ ...passportInput, skills })
    const answers = await Promise.all(Array.from({ length: 14 }, () => verifyAt(big)))
    const busy = answers.filter((r) => r.statusCode === 503)
    expect(busy.length).toBeGreaterThan(0)
    expect(busy[0]!.json().code).toBe('service.busy')
    expect(busy[0]!.headers['retry-after']).toBe('1')
    expect(answers.filter((r) => r.statusCode === 200).every((r) => r.json().verified === true)).toBe(true)
    expect((await verifyAt(big)).json().verified).toBe(true) // and the gate is free again
  })

  it('verification changes no table', async () => {
    const vc = await t.deps.badges.issuePassportCredential(passportInput)
    const before = await dumpDatabase(t.deps.db.kysely)
    await verifyAt(vc)
    expect(changedTables(before, await dumpDatabase(t.deps.db.kysely))).toEqual([])
  })

  it('the independent verifier never asked for anything but the bundled contexts and did:key', () => {
    expect(requestedUrls.length).toBeGreaterThan(0)
    expect(requestedUrls.filter((u) => !u.startsWith('did:key:') && !u.startsWith('https://www.w3.org/ns/') && !u.startsWith('https://purl.imsglobal.org/') && !u.startsWith('https://w3id.org/security/'))).toEqual([])
  })
})

/** A credential signed exactly as Pathways signs, but by a key this instance never had. */
async function foreignCredential(): Promise<SignedCredential> {
  const other = await createAuthTestApp()
  try {
    return await other.deps.badges.issueAchievementCredential(achievementInput)
  } finally {
    await other.close()
  }
}


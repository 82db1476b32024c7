/**
 * Adapted pathways over HTTP on a real SQLite database: a school copies a career's catalog pathway,
 * adds, edits, reorders and removes steps, and reconciles with its upstream when the catalog
 * changes — accept, decline, a conflicting local edit (accept replaces it, decline keeps it), not
 * asked again after deciding, asked again after a newer upstream change, a stale hash refused.
 * Another school's ids are 404; the routes are in the OpenAPI document.
 */
import { randomUUID } from 'node:crypto'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browser, createAuthTestApp, makeUser, signin, type AuthTestApp, type Session } from '../support/auth.js'

let t: AuthTestApp
let educator: Session
let outsider: Session
let schoolId = ''
let otherSchoolId = ''

interface Step { id: string; position: number; section: string; title: string; text: string; origin: string; upstreamKey: string | null; edited: boolean; credential: { id: string; title: string } | null; schoolCredential: { id: string; title: string } | null }
interface Detail { id: string; title: string; career: { slug: string; title: string | null }; steps: { local: number; upstream: number }; pendingChanges: number; items: Step[] }
interface Change { key: string; kind: string; hash: string; conflict: boolean; localState: string; before: { title: string; text: string } | null; after: { title: string; text: string } | null; fields: { field: string; before: unknown; after: unknown }[]; local: Step | null }

const api = (session: Session, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: browser(session), ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) })

const base = () => `/schools/${schoolId}`

async function school(name: string): Promise<string> {
  const id = randomUUID()
  await t.deps.db.kysely.insertInto('schools').values({ id, name, slug: name.toLowerCase().replace(/\W+/g, '-'), created_at: new Date(t.clock.now()).toISOString() }).execute()
  return id
}

async function staff(school: string, role: 'educator' | 'school_admin' | 'learner' = 'educator'): Promise<Session> {
  const user = await makeUser(t)
  await t.deps.db.kysely.insertInto('memberships').values({ user_id: user.id, school_id: school, role, created_at: new Date(t.clock.now()).toISOString() }).execute()
  return signin(t, user.email, user.password)
}

type UpstreamStepSpec = { section: string; title: string; text: string }

/** Replaces the data clerk's catalog pathway and publishes a new catalog version, as an import would. */
async function publishUpstream(steps: UpstreamStepSpec[]): Promise<void> {
  const db = t.deps.db.kysely
  const career = await db.selectFrom('careers').select('id').where('slug', '=', 'data-clerk').executeTakeFirstOrThrow()
  await db.deleteFrom('pathway_steps').where('career_id', '=', career.id).execute()
  const positions = new Map<string, number>()
  for (const s of steps) {
    const position = positions.get(s.section) ?? 0
    positions.set(s.section, position + 1)
    await db.insertInto('pathway_steps').values({
      career_id: career.id, section: s.section, position, title: s.title, text: s.text, duration_min: null, duration_max: null, duration_unit: null,
      level: null, group_label: null, skills: null, credentials: null, sources: null,
    }).execute()
  }
  const meta = await db.selectFrom('meta').select('value').where('key', '=', 'catalog.version').executeTakeFirstOrThrow()
  await db.updateTable('meta').set({ value: String(Number(meta.value) + 1) }).where('key', '=', 'catalog.version').execute()
  await t.deps.catalog.refresh()
}

const V1: UpstreamStepSpec[] = [
  { section: 'progression', title: 'Junior clerk', text: 'Enters and checks records.' },
  { section: 'progression', title: 'Senior clerk', text: 'Reviews the work of others.' },
]
const V2: UpstreamStepSpec[] = [
  { section: 'gettingStarted', title: 'Intern', text: 'Shadows a clerk for a term.' },
  { section: 'progression', title: 'Junior clerk', text: 'Enters, checks and corrects records.' },
  { section: 'progression', title: 'Records lead', text: 'Leads a records team.' },
]

async function copy(title?: string): Promise<Detail> {
  const res = await api(educator, 'POST', `${base()}/pathways`, { career: 'data-clerk', ...(title ? { title } : {}) })
  expect(res.statusCode, res.body).toBe(201)
  return res.json<Detail>()
}
const upstream = async (id: string): Promise<Change[]> => {
  const res = await api(educator, 'GET', `${base()}/pathways/${id}/upstream`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json<{ items: Change[] }>().items
}
const decide = (id: string, change: Pick<Change, 'key' | 'hash'>, decision: 'accept' | 'decline') =>
  api(educator, 'POST', `${base()}/pathways/${id}/upstream/${encodeURIComponent(change.key)}`, { decision, hash: change.hash })
const detail = async (id: string): Promise<Detail> => (await api(educator, 'GET', `${base()}/pathways/${id}`)).json<Detail>()
const titles = (d: Detail) => d.items.map((s) => s.title)

beforeAll(async () => {
  t = await createAuthTestApp()
  schoolId = await school('Riverside High')
  otherSchoolId = await school('Hilltop Academy')
  educator = await staff(schoolId)
  outsider = await staff(otherSchoolId, 'school_admin')
  await publishUpstream(V1)
})
afterAll(async () => {
  await t?.close()
})

describe('copying and adapting a pathway', () => {
  it('copies the upstream steps in order with their keys, by slug or by official code', async () => {
    const copied = await copy()
    expect(copied.title).toBe(copied.career.title)
    expect(copied.career.slug).toBe('data-clerk')
    expect(copied.items.map((s) => [s.position, s.title, s.origin, s.upstreamKey, s.edited])).toEqual([
      [0, 'Junior clerk', 'upstream', 'progression.junior-clerk', false],
      [1, 'Senior clerk', 'upstream', 'progression.senior-clerk', false],
    ])
    expect(copied.steps).toEqual({ local: 0, upstream: 2 })
    expect(copied.pendingChanges).toBe(0)
    const byCode = await api(educator, 'POST', `${base()}/pathways`, { career: '43-9021', title: 'Data entry, our way' })
    expect(byCode.statusCode).toBe(201)
    expect(byCode.json<Detail>()).toMatchObject({ title: 'Data entry, our way', career: { slug: 'data-clerk' } })
    const list = (await api(educator, 'GET', `${base()}/pathways`)).json<{ items: Detail[] }>().items
    expect(list.map((p) => p.title)).toContain('Data entry, our way')
    expect(list[0]).not.toHaveProperty('items')
  })

  it('adds a local step, edits, reorders and removes steps', async () => {
    const p = await copy('Adapted')
    const cred = await api(educator, 'POST', `${base()}/credentials`, { title: 'Riverside records badge', issuer: 'Riverside High', skills: ['sql'], hours: 12 })
    expect(cred.statusCode, cred.body).toBe(201)
    const credId = cred.json<{ id: string }>().id

    const added = await api(educator, 'POST', `${base()}/pathways/${p.id}/steps`, { section: 'progression', title: 'Work placement', text: 'Two weeks at the county office.', position: 1, schoolCredentialId: credId })
    expect(added.statusCode, added.body).toBe(201)
    const local = added.json<Step>()
    expect(local).toMatchObject({ origin: 'local', upstreamKey: null, position: 1, schoolCredential: { id: credId, title: 'Riverside records badge' } })
    expect(titles(await detail(p.id))).toEqual(['Junior clerk', 'Work placement', 'Senior clerk'])

    const catalogCred = await api(educator, 'PATCH', `${base()}/pathways/${p.id}/steps/${local.id}`, { credentialId: 'acme-sql-certificate', text: 'Three weeks.' })
    expect(catalogCred.statusCode, catalogCred.body).toBe(200)
    expect(catalogCred.json<Step>()).toMatchObject({ edited: false, text: 'Three weeks.', credential: { id: 'acme-sql-certificate' } })
    expect(catalogCred.json<Step>().credential!.title).not.toBe('acme-sql-certificate')

    const junior = (await detail(p.id)).items[0]!
    const edited = await api(educator, 'PATCH', `${base()}/pathways/${p.id}/steps/${junior.id}`, { text: 'Enters records in our system.' })
    expect(edited.json<Step>()).toMatchObject({ origin: 'upstream', edited: true, text: 'Enters records in our system.' })

    const ids = (await detail(p.id)).items.map((s) => s.id)
    const bad = await api(educator, 'PUT', `${base()}/pathways/${p.id}/order`, { stepIds: ids.slice(1) })
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toMatchObject({ code: 'adapted_pathway.order_invalid' })
    const dup = await api(educator, 'PUT', `${base()}/pathways/${p.id}/order`, { stepIds: [ids[0], ids[0], ids[1]] })
    expect(dup.json()).toMatchObject({ code: 'adapted_pathway.order_invalid' })
    const reordered = await api(educator, 'PUT', `${base()}/pathways/${p.id}/order`, { stepIds: [ids[2], ids[0], ids[1]] })
    expect(reordered.statusCode).toBe(200)
    expect(titles(reordered.json<Detail>())).toEqual(['Senior clerk', 'Junior clerk', 'Work placement'])
    expect(reordered.json<Detail>().items.map((s) => s.position)).toEqual([0, 1, 2])

    expect((await api(educator, 'DELETE', `${base()}/pathways/${p.id}/steps/${ids[0]}`)).statusCode).toBe(204)
    const after = await detail(p.id)
    expect(titles(after)).toEqual(['Senior clerk', 'Work placement'])
    expect(after.items.map((s) => s.position)).toEqual([0, 1])
    expect(after.steps).toEqual({ local: 1, upstream: 1 })

    const renamed = await api(educator, 'PATCH', `${base()}/pathways/${p.id}`, { title: 'Renamed' })
    expect(renamed.json<Detail>().title).toBe('Renamed')
    // Removing the local credential leaves the step in place without it.
    await api(educator, 'PATCH', `${base()}/pathways/${p.id}/steps/${local.id}`, { schoolCredentialId: credId })
    expect((await api(educator, 'DELETE', `${base()}/credentials/${credId}`)).statusCode).toBe(204)
    expect((await detail(p.id)).items.find((s) => s.id === local.id)!.schoolCredential).toBeNull()
    expect((await api(educator, 'DELETE', `${base()}/pathways/${p.id}`)).statusCode).toBe(204)
    expect((await api(educator, 'GET', `${base()}/pathways/${p.id}`)).json()).toMatchObject({ code: 'adapted_pathway.not_found' })
  })

  it('refuses bad input with stable codes', async () => {
    const p = await copy()
    const cases: [string, 'POST' | 'PATCH' | 'PUT', string, unknown, number, string][] = [
      ['unknown career', 'POST', '/pathways', { career: 'no-such-career' }, 404, 'career.not_found'],
      ['unknown field', 'POST', '/pathways', { career: 'data-clerk', schoolId: otherSchoolId }, 400, 'request.invalid'],
      ['blank title', 'PATCH', `/pathways/${p.id}`, { title: '   ' }, 400, 'request.invalid'],
      ['missing text', 'POST', `/pathways/${p.id}/steps`, { section: 'progression', title: 'X' }, 400, 'request.invalid'],
      ['unknown catalog credential', 'POST', `/pathways/${p.id}/steps`, { section: 'progression', title: 'X', text: 'Y', credentialId: 'nope' }, 400, 'request.invalid'],
      ['unknown local credential', 'POST', `/pathways/${p.id}/steps`, { section: 'progression', title: 'X', text: 'Y', schoolCredentialId: randomUUID() }, 400, 'request.invalid'],
      ['durations backwards', 'POST', `/pathways/${p.id}/steps`, { section: 'progression', title: 'X', text: 'Y', durationMin: 4, durationMax: 2 }, 400, 'request.invalid'],
      ['empty patch', 'PATCH', `/pathways/${p.id}/steps/${p.items[0]!.id}`, {}, 400, 'request.invalid'],
      ['unknown step', 'PATCH', `/pathways/${p.id}/steps/${randomUUID()}`, { title: 'X' }, 404, 'adapted_step.not_found'],
      ['unknown skill', 'POST', '/credentials', { title: 'Badge', issuer: 'Us', skills: ['no-such-skill'] }, 400, 'request.invalid'],
      ['credential without issuer', 'POST', '/credentials', { title: 'Badge' }, 400, 'request.invalid'],
      ['bad decision', 'POST', `/pathways/${p.id}/upstream/progression.junior-clerk`, { decision: 'maybe', hash: 'x' }, 400, 'request.invalid'],
    ]
    for (const [name, method, url, body, status, code] of cases) {
      const res = await api(educator, method, `${base()}${url}`, body)
      expect([name, res.statusCode, res.json<{ code: string }>().code]).toEqual([name, status, code])
    }
    const unknown = await api(educator, 'PATCH', `${base()}/credentials/${randomUUID()}`, { title: 'X' })
    expect(unknown.json()).toMatchObject({ code: 'school_credential.not_found' })
    expect((await detail(p.id)).items).toHaveLength(2)
  })

  it('keeps each school to its own pathways and credentials (404)', async () => {
    const p = await copy('Ours')
    const cred = (await api(educator, 'POST', `${base()}/credentials`, { title: 'Ours', issuer: 'Us' })).json<{ id: string }>()
    // Through our school's path: the policy refuses a non-member.
    expect((await api(outsider, 'GET', `${base()}/pathways/${p.id}`)).statusCode).toBe(404)
    expect((await api(outsider, 'GET', `${base()}/pathways`)).statusCode).toBe(404)
    // Through their own school's path: the ids are not found there.
    const other = `/schools/${otherSchoolId}`
    for (const [method, url, body] of [
      ['GET', `${other}/pathways/${p.id}`, undefined],
      ['PATCH', `${other}/pathways/${p.id}`, { title: 'Mine now' }],
      ['DELETE', `${other}/pathways/${p.id}`, undefined],
      ['DELETE', `${other}/pathways/${p.id}/steps/${p.items[0]!.id}`, undefined],
      ['GET', `${other}/pathways/${p.id}/upstream`, undefined],
      ['PATCH', `${other}/credentials/${cred.id}`, { title: 'Mine now' }],
      ['DELETE', `${other}/credentials/${cred.id}`, undefined],
    ] as const) {
      const res = await api(outsider, method, url, body)
      expect([method, url, res.statusCode]).toEqual([method, url, 404])
    }
    const theirs = (await api(outsider, 'POST', `${other}/pathways`, { career: 'data-clerk' })).json<Detail>()
    const stolen = await api(outsider, 'POST', `${other}/pathways/${theirs.id}/steps`, { section: 'progression', title: 'X', text: 'Y', schoolCredentialId: cred.id })
    expect(stolen.statusCode).toBe(400)
    expect((await api(outsider, 'GET', `${other}/pathways`)).json<{ items: Detail[] }>().items.map((i) => i.id)).toEqual([theirs.id])
    expect((await api(outsider, 'GET', `${other}/credentials`)).json<{ items: unknown[] }>().items).toEqual([])
    expect((await detail(p.id)).title).toBe('Ours')
  })
})

describe('upstream sync', () => {
  it('shows added, removed and changed steps; accept and decline each, and does not ask again', async () => {
    await publishUpstream(V1)
    const p = await copy('Plain copy')
    const local = (await api(educator, 'POST', `${base()}/pathways/${p.id}/steps`, { section: 'progression', title: 'Our own step', text: 'Local.' })).json<Step>()
    await publishUpstream(V2)

    const changes = await upstream(p.id)
    expect(changes.map((c) => [c.kind, c.key, c.conflict])).toEqual([
      ['added', 'gettingstarted.intern', false],
      ['changed', 'progression.junior-clerk', false],
      ['added', 'progression.records-lead', false],
      ['removed', 'progression.senior-clerk', false],
    ])
    const changed = changes[1]!
    expect(changed.fields).toEqual([{ field: 'text', before: 'Enters and checks records.', after: 'Enters, checks and corrects records.' }])
    expect((await detail(p.id)).pendingChanges).toBe(4)

    expect((await decide(p.id, changes[0]!, 'accept')).statusCode).toBe(200)
    expect((await decide(p.id, changed, 'accept')).statusCode).toBe(200)
    const declined = await decide(p.id, changes[3]!, 'decline')
    expect(declined.statusCode).toBe(200)
    const accepted = await decide(p.id, changes[2]!, 'accept')
    expect(accepted.statusCode).toBe(200)
    const after = accepted.json<{ pathway: Detail }>().pathway
    // The addition sits after its upstream neighbour; the declined removal keeps the school's copy.
    expect(titles(after)).toEqual(['Intern', 'Junior clerk', 'Records lead', 'Senior clerk', 'Our own step'])
    expect(after.items[1]!.text).toBe('Enters, checks and corrects records.')
    expect(after.items.find((s) => s.id === local.id)).toBeDefined()
    expect(after.pendingChanges).toBe(0)
    expect(await upstream(p.id)).toEqual([])

    const decisions = await t.deps.db.kysely.selectFrom('adapted_pathway_decisions').selectAll().where('pathway_id', '=', p.id).orderBy('change_key').execute()
    expect(decisions.map((d) => [d.change_key, d.decision])).toEqual([
      ['gettingstarted.intern', 'accepted'], ['progression.junior-clerk', 'accepted'], ['progression.records-lead', 'accepted'], ['progression.senior-clerk', 'declined'],
    ])
    expect(decisions[1]!.upstream_hash).toBe(changed.hash)
    // Deciding again: nothing pending under that key.
    const again = await decide(p.id, changed, 'accept')
    expect(again.statusCode).toBe(404)
    expect(again.json()).toMatchObject({ code: 'upstream_change.not_found' })
  })

  it('accepting removes the copy of a removed step; accept-all takes every change without a conflict', async () => {
    await publishUpstream(V1)
    const p = await copy('All at once')
    const junior = p.items[0]!
    await api(educator, 'PATCH', `${base()}/pathways/${p.id}/steps/${junior.id}`, { title: 'Junior clerk (our way)' })
    await publishUpstream(V2)
    const res = await api(educator, 'POST', `${base()}/pathways/${p.id}/upstream/accept-all`, {})
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json<{ accepted: string[]; pathway: Detail }>()
    expect(body.accepted.sort()).toEqual(['gettingstarted.intern', 'progression.records-lead', 'progression.senior-clerk'])
    expect(titles(body.pathway)).toEqual(['Intern', 'Junior clerk (our way)', 'Records lead'])
    const left = await upstream(p.id)
    expect(left.map((c) => [c.key, c.conflict, c.localState])).toEqual([['progression.junior-clerk', true, 'edited']])
  })

  it('a conflicting local edit: accept replaces it with the upstream version', async () => {
    await publishUpstream(V1)
    const p = await copy('Conflict accepted')
    const junior = p.items[0]!
    await api(educator, 'PATCH', `${base()}/pathways/${p.id}/steps/${junior.id}`, { text: 'Our own description.' })
    await publishUpstream(V2)
    const change = (await upstream(p.id)).find((c) => c.key === 'progression.junior-clerk')!
    expect(change).toMatchObject({ kind: 'changed', conflict: true, localState: 'edited', local: { id: junior.id, text: 'Our own description.', edited: true } })
    const res = await decide(p.id, change, 'accept')
    expect(res.statusCode).toBe(200)
    const step = res.json<{ pathway: Detail }>().pathway.items.find((s) => s.id === junior.id)!
    expect(step).toMatchObject({ text: 'Enters, checks and corrects records.', edited: false })
    expect((await upstream(p.id)).map((c) => c.key)).not.toContain('progression.junior-clerk')
  })

  it('a conflicting local edit: decline keeps it; a newer upstream change asks again; a stale hash is refused', async () => {
    await publishUpstream(V1)
    const p = await copy('Conflict declined')
    const junior = p.items[0]!
    await api(educator, 'PATCH', `${base()}/pathways/${p.id}/steps/${junior.id}`, { text: 'Our own description.' })
    await publishUpstream(V2)
    const first = (await upstream(p.id)).find((c) => c.key === 'progression.junior-clerk')!
    expect((await decide(p.id, first, 'decline')).statusCode).toBe(200)
    const kept = (await detail(p.id)).items.find((s) => s.id === junior.id)!
    expect(kept).toMatchObject({ text: 'Our own description.', edited: true })
    expect((await upstream(p.id)).map((c) => c.key)).not.toContain('progression.junior-clerk')

    // The upstream changes the step again: asked again, as a conflict, with a new hash.
    await publishUpstream(V2.map((s) => (s.title === 'Junior clerk' ? { ...s, text: 'Enters records and fixes errors.' } : s)))
    const second = (await upstream(p.id)).find((c) => c.key === 'progression.junior-clerk')!
    expect(second).toMatchObject({ kind: 'changed', conflict: true })
    expect(second.hash).not.toBe(first.hash)
    expect(second.before!.text).toBe('Enters, checks and corrects records.')
    const oldHash = await decide(p.id, { key: second.key, hash: first.hash }, 'accept')
    expect(oldHash.statusCode).toBe(409)
    expect(oldHash.json()).toMatchObject({ code: 'upstream_change.stale' })

    // And once more while the school was looking: the hash it saw is stale.
    await publishUpstream(V2.map((s) => (s.title === 'Junior clerk' ? { ...s, text: 'Third version.' } : s)))
    const stale = await decide(p.id, second, 'decline')
    expect(stale.statusCode).toBe(409)
    expect((await detail(p.id)).items.find((s) => s.id === junior.id)!.text).toBe('Our own description.')
    const unknown = await decide(p.id, { key: 'progression.no-such-step', hash: 'abc' }, 'accept')
    expect(unknown.json()).toMatchObject({ code: 'upstream_change.not_found' })
  })

  it('a removal declined, then the step back upstream: accepting updates the kept copy, no duplicate', async () => {
    await publishUpstream(V1)
    const p = await copy('Back again')
    await publishUpstream(V1.slice(0, 1))
    const removed = (await upstream(p.id))[0]!
    expect(removed).toMatchObject({ kind: 'removed', key: 'progression.senior-clerk', localState: 'unchanged', conflict: false })
    expect((await decide(p.id, removed, 'decline')).statusCode).toBe(200)
    await publishUpstream([V1[0]!, { ...V1[1]!, text: 'Reviews and signs off the work of others.' }])
    const back = (await upstream(p.id))[0]!
    expect(back).toMatchObject({ kind: 'added', key: 'progression.senior-clerk', localState: 'unchanged', local: { title: 'Senior clerk' } })
    const res = await decide(p.id, back, 'accept')
    const items = res.json<{ pathway: Detail }>().pathway.items
    expect(titles(res.json<{ pathway: Detail }>().pathway)).toEqual(['Junior clerk', 'Senior clerk'])
    expect(items[1]!.text).toBe('Reviews and signs off the work of others.')
  })

  it('a step the school deleted and upstream changed: a conflict that accept restores', async () => {
    await publishUpstream(V1)
    const p = await copy('Deleted locally')
    await api(educator, 'DELETE', `${base()}/pathways/${p.id}/steps/${p.items[0]!.id}`)
    await publishUpstream(V2)
    const change = (await upstream(p.id)).find((c) => c.key === 'progression.junior-clerk')!
    expect(change).toMatchObject({ conflict: true, localState: 'deleted', local: null })
    const res = await decide(p.id, change, 'accept')
    expect(titles(res.json<{ pathway: Detail }>().pathway)).toEqual(['Junior clerk', 'Senior clerk'])
  })
})

describe('OpenAPI', () => {
  it('documents every adapted-pathway route under its tag', async () => {
    const spec = (await t.app.inject('/api/v1/openapi.json')).json<{ paths: Record<string, Record<string, { tags?: string[]; requestBody?: { content: Record<string, { schema: { additionalProperties?: boolean } }> } }>> }>()
    const expected = [
      ['get', '/api/v1/schools/{schoolId}/pathways'], ['post', '/api/v1/schools/{schoolId}/pathways'],
      ['get', '/api/v1/schools/{schoolId}/pathways/{pathwayId}'], ['patch', '/api/v1/schools/{schoolId}/pathways/{pathwayId}'], ['delete', '/api/v1/schools/{schoolId}/pathways/{pathwayId}'],
      ['post', '/api/v1/schools/{schoolId}/pathways/{pathwayId}/steps'], ['patch', '/api/v1/schools/{schoolId}/pathways/{pathwayId}/steps/{stepId}'],
      ['delete', '/api/v1/schools/{schoolId}/pathways/{pathwayId}/steps/{stepId}'], ['put', '/api/v1/schools/{schoolId}/pathways/{pathwayId}/order'],
      ['get', '/api/v1/schools/{schoolId}/pathways/{pathwayId}/upstream'], ['post', '/api/v1/schools/{schoolId}/pathways/{pathwayId}/upstream/{changeKey}'],
      ['get', '/api/v1/schools/{schoolId}/credentials'], ['post', '/api/v1/schools/{schoolId}/credentials'],
      ['patch', '/api/v1/schools/{schoolId}/credentials/{credentialId}'], ['delete', '/api/v1/schools/{schoolId}/credentials/{credentialId}'],
    ] as const
    for (const [method, path] of expected) {
      const op = spec.paths[path]?.[method]
      expect(op?.tags, `${method} ${path}`).toEqual(['adapted-pathways'])
      const body = op?.requestBody?.content['application/json']?.schema
      if (body) expect(body.additionalProperties, `${method} ${path}`).toBe(false)
    }
  })
})

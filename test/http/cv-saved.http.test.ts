/**
 * Saved CVs under /api/v1/me/cvs and JSON Resume import, on the curated catalog plus the ESCO and
 * O*NET fixtures: the round trip passport → CV → JSON Resume → import gives every skill back with
 * its taxonomy id and level; each mapping reason; unmapped inputs; malformed files; CRUD, another
 * learner's CV, consent, export headers, API-key reads logged.
 */
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createImportRepository, createImportService, IMPORTERS, openInput } from '../../server/modules/importers/index.js'
import { browser, createAuthTestApp, makeUser, signin, type AuthTestApp, type Session } from '../support/auth.js'
import { REAL_CATALOG, ROOT } from '../support/test-app.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

let t: AuthTestApp
beforeAll(async () => {
  t = await createAuthTestApp({ env: { CATALOG_DIR: REAL_CATALOG } })
  const service = createImportService({ repo: createImportRepository(t.deps.db) })
  for (const source of ['esco', 'onet'] as const) {
    const input = await openInput(path.join(ROOT, 'test/fixtures/import', source === 'esco' ? 'esco/unpacked' : source))
    await service.run(IMPORTERS[source]!, input)
    await input.close()
  }
  await t.deps.catalog.refresh()
}, 120_000)
afterAll(async () => {
  await t?.close()
})

async function learner(): Promise<{ id: string; session: Session }> {
  const user = await makeUser(t, { display_name: 'Ada Lovelace' })
  return { id: user.id, session: await signin(t, user.email, user.password) }
}

const call = async (who: Session | Record<string, string>, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
  const headers = 'cookie' in who && 'csrf' in who ? browser(who as Session) : (who as Record<string, string>)
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload: payload as object }) })
  return { status: res.statusCode, body: (String(res.headers['content-type']).includes('json') && res.body ? res.json() : null) as Json, headers: res.headers, raw: res.body }
}
const importDraft = (resume: unknown) => call({}, 'POST', '/cv/import', { resume })

/** A curated, an ESCO and an O*NET skill, none equivalent to another. */
function threeTaxonomies(): { curated: string; esco: string; onet: string } {
  const rows = t.deps.catalog.index().rows.skills
  const curatedUris = new Set(rows.filter((s) => s.origin === 'catalog').map((s) => s.esco_uri))
  const esco = rows.find((s) => s.origin === 'esco' && s.esco_uri && !curatedUris.has(s.esco_uri))
  const onet = rows.find((s) => s.origin === 'onet' && s.kind !== 'technology' && s.onet_element)
  expect(esco, 'an ESCO skill in the fixture').toBeDefined()
  expect(onet, 'an O*NET skill in the fixture').toBeDefined()
  return { curated: 'python', esco: esco!.id, onet: onet!.id }
}

describe('the round trip', () => {
  it('passport → saved CV → JSON Resume → import: every skill back with the same taxonomy id and level', async () => {
    const me = await learner()
    const ids = threeTaxonomies()
    const skills = [{ skill: ids.curated, level: 4 }, { skill: ids.esco, level: 2 }, { skill: ids.onet, level: 5 }, { skill: 'sql', level: 1 }]
    expect((await call(me.session, 'PUT', '/me/passport', { skills })).status).toBe(200)
    const stored = (await call(me.session, 'GET', '/me/passport')).body.skills as Json[]
    const created = await call(me.session, 'POST', '/me/cvs', { title: 'Everything' })
    expect(created.status).toBe(201)
    expect(created.body.cv.basics.name).toBe('Ada Lovelace')
    const exported = await call(me.session, 'GET', `/me/cvs/${created.body.id}/export?format=json-resume`)
    expect(exported.status).toBe(200)
    const draft = await importDraft(JSON.parse(exported.raw))
    expect(draft.status).toBe(200)
    const back = new Map((draft.body.passport.skills as Json[]).map((s) => [s.skill, s.level]))
    expect(back).toEqual(new Map(stored.map((s) => [s.skill, s.level])))
    expect((draft.body.mappings as Json[]).every((m) => m.reason === 'taxonomy id' && m.score === 1)).toBe(true)
    expect(draft.body.unmapped).toEqual([])
    // Applied to another learner's empty passport, the same skills and levels are stored.
    const other = await learner()
    const applied = await call(other.session, 'POST', '/me/passport/import', { resume: exported.raw })
    expect(applied.status).toBe(200)
    expect(new Map((applied.body.passport.skills as Json[]).map((s) => [s.skill, s.level]))).toEqual(back)
  })
})

describe('POST /cv/import mappings', () => {
  it('maps by exact label, alternative label, taxonomy id and fuzzy match, with scores, levels and alternatives', async () => {
    const res = await importDraft({
      basics: { name: 'Grace' },
      work: [{ name: 'Navy', position: 'Programmer' }],
      skills: [
        { name: 'Python', level: 'Expert', keywords: ['Python Programming', 'Python 3'] },
        { name: 'Whatever we call it', level: 'Beginner', 'x-pathways': { id: 'sql', level: 3 } },
        { name: 'Quantum knitting', level: 'Master' },
      ],
    })
    expect(res.status).toBe(200)
    const byInput = new Map((res.body.mappings as Json[]).map((m) => [m.input, m]))
    expect(byInput.get('Python')).toMatchObject({ skill: { id: 'python', name: 'Python', taxonomy: 'curated' }, reason: 'exact label', score: 1, level: 5, pointer: '/skills/0/name' })
    expect(byInput.get('Python Programming')).toMatchObject({ skill: { id: 'python' }, reason: 'alternative label', score: 1, level: 5, pointer: '/skills/0/keywords/0' })
    const fuzzy = byInput.get('Python 3')!
    expect(fuzzy).toMatchObject({ skill: { id: 'python' }, reason: 'fuzzy match' })
    expect(fuzzy.score).toBeGreaterThanOrEqual(0.5)
    expect(fuzzy.score).toBeLessThan(1)
    expect(byInput.get('Whatever we call it')).toMatchObject({ skill: { id: 'sql' }, reason: 'taxonomy id', level: 3 })
    for (const m of res.body.mappings as Json[]) expect(m.alternatives.length).toBeLessThanOrEqual(3)
    expect(res.body.unmapped).toEqual([{ input: 'Quantum knitting', pointer: '/skills/2/name', reason: expect.any(String) }])
    expect(res.body.passport.skills).toEqual(expect.arrayContaining([{ skill: 'python', level: 5, source: 'self' }, { skill: 'sql', level: 3, source: 'self' }]))
    expect(res.body.basics).toEqual({ name: 'Grace' })
    expect(res.body.work).toEqual([{ name: 'Navy', position: 'Programmer' }])
  })

  it('takes the file as text too, and the level words on the passport scale (none given: beginner)', async () => {
    const res = await importDraft(JSON.stringify({ skills: [{ name: 'SQL', level: 'intermediate' }, { name: 'Git' }, { name: 'Java', level: 'Advanced' }] }))
    expect(res.status).toBe(200)
    expect(new Map((res.body.passport.skills as Json[]).map((s) => [s.skill, s.level]))).toEqual(new Map([['sql', 3], ['git', 2], ['java', 4]]))
  })
})

describe('malformed files', () => {
  it.each([
    ['not JSON', '{"skills": [', 'cv_import.not_json', '/resume'],
    ['not an object', [1, 2], 'cv_import.not_object', '/resume'],
    ['not JSON Resume at all', { hello: 'world' }, 'cv_import.not_json_resume', '/resume'],
    ['against the schema', { basics: { name: 7 }, skills: [{ keywords: 'python' }] }, 'cv_import.invalid', '/resume/basics/name'],
    ['too many skills', { skills: Array.from({ length: 26 }, (_, i) => ({ name: `S${i}`, keywords: Array.from({ length: 19 }, (_, j) => `k${j}`) })) }, 'cv_import.too_many_skills', '/resume/skills'],
    ['too large', JSON.stringify({ basics: { summary: 'x'.repeat(1024 * 1024) } }), 'cv_import.too_large', '/resume'],
  ])('%s → 400 with a pointer', async (_name, resume, code, pointer) => {
    const res = await importDraft(resume)
    expect(res.status).toBe(400)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.body.code).toBe(code)
    expect((res.body.errors as Json[]).map((e) => e.pointer)).toContain(pointer)
  })

  it('the schema check names every problem', async () => {
    const res = await importDraft({ basics: { name: 7 }, skills: [{ keywords: 'python' }] })
    expect((res.body.errors as Json[]).map((e) => e.pointer)).toEqual(expect.arrayContaining(['/resume/basics/name', '/resume/skills/0/keywords']))
  })
})

describe('POST /me/passport/import', () => {
  it('applies the learner\'s edited mappings and keeps higher levels already there', async () => {
    const me = await learner()
    await call(me.session, 'PUT', '/me/passport', { skills: [{ skill: 'java', level: 5 }] })
    const res = await call(me.session, 'POST', '/me/passport/import', {
      resume: { skills: [{ name: 'Snake language', level: 'Advanced' }, { name: 'Java', level: 'Beginner' }, { name: 'SQL', level: 'Expert' }] },
      accept: [{ input: 'Snake language', skill: 'python' }, { input: 'SQL', skill: null }],
    })
    expect(res.status).toBe(200)
    expect(new Map((res.body.passport.skills as Json[]).map((s) => [s.skill, s.level]))).toEqual(new Map([['python', 4], ['java', 5]]))
    expect((res.body.mappings as Json[]).find((m) => m.input === 'Snake language')).toMatchObject({ reason: 'accepted', skill: { id: 'python' } })
  })
})

describe('saved CVs', () => {
  it('creates (pre-filled and tailored, or as given), lists, reads, replaces and deletes', async () => {
    const me = await learner()
    await call(me.session, 'PUT', '/me/passport', { skills: [{ skill: 'python', level: 4 }, { skill: 'git', level: 3 }] })
    const tailored = await call(me.session, 'POST', '/me/cvs', { title: 'Back-end', career: 'back-end-developer', template: 'compact' })
    expect(tailored.status).toBe(201)
    expect(tailored.body).toMatchObject({ title: 'Back-end', career: 'back-end-developer', template: 'compact', cv: { template: 'compact', career: 'back-end-developer' } })
    expect((tailored.body.cv.skills as Json[]).map((s) => s.ids?.catalog)).toEqual(expect.arrayContaining(['python', 'git']))
    const given = await call(me.session, 'POST', '/me/cvs', { title: 'Plain', cv: { ...tailored.body.cv, basics: { name: 'Ada' }, career: undefined } })
    expect(given.status).toBe(201)
    expect(given.body.career).toBeNull()
    const list = await call(me.session, 'GET', '/me/cvs')
    expect((list.body.items as Json[]).map((c) => c.title).sort()).toEqual(['Back-end', 'Plain'])
    expect(list.body.items[0].cv).toBeUndefined()
    const put = await call(me.session, 'PUT', `/me/cvs/${given.body.id}`, { title: 'Renamed', cv: { ...given.body.cv, basics: { name: 'Ada L.' } } })
    expect(put.status).toBe(200)
    expect((await call(me.session, 'GET', `/me/cvs/${given.body.id}`)).body).toMatchObject({ title: 'Renamed', cv: { basics: { name: 'Ada L.' } } })
    expect((await call(me.session, 'DELETE', `/me/cvs/${given.body.id}`)).status).toBe(204)
    expect((await call(me.session, 'GET', `/me/cvs/${given.body.id}`)).body.code).toBe('cv.not_found')
  })

  it('keeps at most 20 per learner (409 cv.limit_reached)', async () => {
    const me = await learner()
    const cv = (await call(me.session, 'POST', '/me/cvs', { title: 'First' })).body.cv
    for (let i = 1; i < 20; i++) expect((await call(me.session, 'POST', '/me/cvs', { title: `CV ${i}`, cv })).status).toBe(201)
    const refused = await call(me.session, 'POST', '/me/cvs', { title: 'One too many', cv })
    expect(refused.status).toBe(409)
    expect(refused.body.code).toBe('cv.limit_reached')
  })

  it('answers another learner\'s CV as missing (404), for every route', async () => {
    const owner = await learner()
    const other = await learner()
    const { id, cv } = (await call(owner.session, 'POST', '/me/cvs', { title: 'Mine' })).body
    for (const [method, url, body] of [['GET', `/me/cvs/${id}`], ['PUT', `/me/cvs/${id}`, { title: 'x', cv }], ['DELETE', `/me/cvs/${id}`], ['GET', `/me/cvs/${id}/export?format=pdf`]] as const) {
      const res = await call(other.session, method, url, body)
      expect(res.status, url).toBe(404)
      expect(res.body.code).toBe('cv.not_found')
    }
    expect((await call(other.session, 'GET', '/me/cvs')).body.items).toEqual([])
    expect((await call(owner.session, 'GET', `/me/cvs/${id}`)).body.title).toBe('Mine')
  })

  it.each([
    ['json-resume', 'application/json; charset=utf-8', 'json'],
    ['html', 'text/html; charset=utf-8', 'html'],
    ['pdf', 'application/pdf', 'pdf'],
  ])('exports as %s with the download headers of /cv/render', async (format, type, extension) => {
    const me = await learner()
    const { id } = (await call(me.session, 'POST', '/me/cvs', { title: 'Export' })).body
    const res = await call(me.session, 'GET', `/me/cvs/${id}/export?format=${format}`)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe(type)
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Ada-Lovelace-CV.${extension}"; filename*=UTF-8''Ada-Lovelace-CV.${extension}`)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.headers['content-security-policy']).toContain('sandbox')
    expect((await call(me.session, 'GET', `/me/cvs/${id}/export?format=docx`)).status).toBe(400)
    expect((await call(me.session, 'GET', `/me/cvs/${id}/export?format=pdf&extra=1`)).status).toBe(400)
  })

  it('lets a read-scoped API key read (each read logged) but not write or export', async () => {
    const me = await learner()
    const { id } = (await call(me.session, 'POST', '/me/cvs', { title: 'Keyed' })).body
    const key = (await t.deps.identity.apiKeys.create(me.id, { name: 'reader', scopes: ['read'] })).key
    const bearer = { authorization: `Bearer ${key}` }
    expect((await call(bearer, 'GET', '/me/cvs')).status).toBe(200)
    expect((await call(bearer, 'GET', `/me/cvs/${id}`)).body.title).toBe('Keyed')
    const log = await t.deps.db.kysely.selectFrom('access_log').select(['record', 'actor_role']).where('learner_id', '=', me.id).orderBy('at').execute()
    expect(log).toEqual([{ record: 'cvs', actor_role: 'api_key:owner' }, { record: 'cv', actor_role: 'api_key:owner' }])
    expect((await call(bearer, 'GET', `/me/cvs/${id}/export?format=html`)).status).toBe(403)
    expect((await call(bearer, 'DELETE', `/me/cvs/${id}`)).status).toBe(403)
    expect((await call({}, 'GET', '/me/cvs')).status).toBe(401)
  })

  it('a child under 13 whose parent has not agreed yet cannot save, change, export or import (403 consent.pending)', async () => {
    const child = await learner()
    const { id, cv } = (await call(child.session, 'POST', '/me/cvs', { title: 'Before' })).body
    const now = new Date(t.clock.now()).toISOString()
    await t.deps.db.kysely.insertInto('parental_consents').values({
      user_id: child.id, parent_email: `parent-${randomUUID()}@example.org`, status: 'pending', token_hash: null, requested_at: now, expires_at: now, decided_at: null,
    }).execute()
    const writes = [
      ['POST', '/me/cvs', { title: 'x' }], ['PUT', `/me/cvs/${id}`, { title: 'x', cv }], ['DELETE', `/me/cvs/${id}`, undefined],
      ['GET', `/me/cvs/${id}/export?format=pdf`, undefined], ['POST', '/me/passport/import', { resume: { skills: [{ name: 'Python' }] } }],
    ] as const
    for (const [method, url, body] of writes) {
      const res = await call(child.session, method, url, body)
      expect(res.status, url).toBe(403)
      expect(res.body.code).toBe('consent.pending')
    }
    expect((await call(child.session, 'GET', `/me/cvs/${id}`)).body.title).toBe('Before')
  })
})

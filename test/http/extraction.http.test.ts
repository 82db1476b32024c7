/** POST /api/v1/skills/extract through the app, on the real curated catalog. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExtractAnswer } from '../../server/modules/extraction/extraction.schema.js'
import { createTestApp, type TestApp } from '../support/test-app.js'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

const extract = (body: unknown) => t.app.inject({ method: 'POST', url: '/api/v1/skills/extract', payload: body as object })

describe('POST /api/v1/skills/extract', () => {
  it('answers the curated skills a job ad names, in order of first mention, each once with every span', async () => {
    const text = 'Back-end developer: Python and SQL on PostgreSQL.\r\nYou ship Docker images; more Python later.'
    const res = await extract({ text })
    expect(res.statusCode).toBe(200)
    const body = res.json() as ExtractAnswer
    // "Back-end" is the curated skill's alternative label "Back End (Software Engineering)" without its qualifier.
    expect(body.skillIds).toEqual(['back-end-development', 'python', 'sql', 'postgresql', 'docker'])
    expect(body.total).toBe(5)
    const python = body.skills[1]
    expect(python).toMatchObject({ skill: { id: 'python', name: 'Python', taxonomy: 'curated' }, reason: 'exact label', span: { start: 20, end: 26, text: 'Python' } })
    expect(python?.skill.uri).toMatch(/^http:\/\/data\.europa\.eu\/esco\/skill\//)
    expect(python?.spans.map((s) => text.slice(s.start, s.end))).toEqual(['Python', 'Python'])
    for (const s of body.skills) expect(text.slice(s.span.start, s.span.end)).toBe(s.span.text)
    expect(body.catalogVersion).toBeGreaterThan(0)
  })

  it('returns ids a passport accepts: the stateless gap analysis resolves every one', async () => {
    const body = (await extract({ text: 'Python, SQL, Git and Docker' })).json() as ExtractAnswer
    const passport = { skills: body.skillIds.map((skill) => ({ skill, level: 3 })) }
    const gap = await t.app.inject({ method: 'POST', url: '/api/v1/analysis/gap', payload: { passport, career: 'back-end-developer' } })
    expect(gap.statusCode).toBe(200)
    expect(gap.json().passport.unresolved ?? []).toEqual([])
  })

  it('keeps the first `limit` skills and says how many there were', async () => {
    const body = (await extract({ text: 'Python, SQL, Git and Docker', limit: 2 })).json() as ExtractAnswer
    expect(body.skillIds).toEqual(['python', 'sql'])
    expect(body.total).toBe(4)
  })

  it('offers unmatched "experience in …" phrases as hints, and leaves the field out when there are none', async () => {
    const hinted = (await extract({ text: 'Experience in underwater basket weaving.' })).json() as ExtractAnswer
    expect(hinted.unmatchedHints).toEqual([{ text: 'underwater basket weaving', start: 14, end: 39 }])
    const plain = (await extract({ text: 'Python' })).json() as ExtractAnswer
    expect(plain).not.toHaveProperty('unmatchedHints')
  })

  it('accepts 50,000 characters and refuses 50,001 with 400 request.invalid', async () => {
    expect(`${'Python '.repeat(7_142)}SQL!!!`).toHaveLength(50_000)
    const ok = await extract({ text: `${'Python '.repeat(7_142)}SQL!!!` })
    expect(ok.statusCode).toBe(200)
    const tooLong = await extract({ text: 'x'.repeat(50_001) })
    expect(tooLong.statusCode).toBe(400)
    expect(tooLong.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(tooLong.json().code).toBe('request.invalid')
  })

  it.each([
    ['an empty text', { text: '' }],
    ['no text', {}],
    ['an unknown field', { text: 'Python', level: 3 }],
    ['a limit of 0', { text: 'Python', limit: 0 }],
  ])('refuses %s with 400 request.invalid', async (_name, body) => {
    const res = await extract(body)
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('request.invalid')
  })

  it('is documented in the OpenAPI document under the skills tag', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json()
    const op = doc.paths['/api/v1/skills/extract']?.post
    expect(op?.tags).toEqual(['skills'])
    expect(op?.responses?.['200']).toBeDefined()
  })
})

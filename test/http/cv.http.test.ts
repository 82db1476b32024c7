/**
 * The stateless CV routes over the curated catalog: a passport built into a CV and tailored to a
 * career, each export downloaded with safe headers, and problem+json for bodies it cannot use.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FULL_CV } from '../../server/modules/cv/cv.fixtures.js'
import { createTestApp, type TestApp } from '../support/test-app.js'

let t: TestApp
beforeAll(async () => { t = await createTestApp() }, 60_000)
afterAll(async () => { await t?.close() })

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const post = (url: string, payload: object | string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1/cv/${url}`, payload, headers })

const PASSPORT = {
  skills: [
    { skill: 'Cooking', level: 5 },
    { skill: 'git', level: 3 },
    { skill: 'python', level: 4, evidence: [{ kind: 'project', title: 'A web shop', url: 'https://example.org/shop', date: '2025-02-01' }] },
    { skill: 'sql', level: 2 },
  ],
  credentials: [{ credential: 'ibm-back-end-development-pc', earnedOn: '2025-05-01' }],
}

describe('POST /cv/tailor', () => {
  it('builds a CV from a passport and orders its skills by the career\'s importance, flagging what it lacks', async () => {
    const res = await post('tailor', { passport: PASSPORT, basics: { name: 'Zoë Łukasiewicz', email: 'zoe@example.org' }, career: 'back-end-developer' })
    expect(res.statusCode).toBe(200)
    const { cv, tailoring } = res.json<Json>()
    const index = t.deps.catalog.index()
    const career = index.rows.careers.find((c) => c.slug === 'back-end-developer')!
    const weights = new Map((await import('../../server/modules/explore/index.js')).careerSkillModel(index).of(career.id).map((s) => [s.skill, s.weight]))
    const ids = (cv.skills as Json[]).map((s) => s.ids?.catalog as string | undefined)
    const matchedWeights = ids.map((id) => (id ? weights.get(id) ?? 0 : 0))
    expect(matchedWeights.slice(0, 3).every((w) => w > 0)).toBe(true)
    expect([...matchedWeights].sort((a, b) => b - a)).toEqual(matchedWeights) // heaviest first, the rest after
    expect((cv.skills as Json[]).at(-1)).toMatchObject({ name: 'Cooking', level: 5 }) // kept, unknown to the catalog
    expect(cv.basics).toMatchObject({ name: 'Zoë Łukasiewicz', email: 'zoe@example.org', summary: tailoring.summarySuggestion })
    expect(tailoring.summarySuggestion).toMatch(/^Aspiring Back-End Developer/)
    const missing = tailoring.missingKeywords as Json[]
    expect(missing.length).toBeGreaterThan(0)
    expect(missing.map((m) => m.skill)).not.toContain('python')
    expect(missing.every((m, i) => i === 0 || missing[i - 1]!.weight >= m.weight)).toBe(true)
    expect((cv.projects as Json[])[0]).toMatchObject({ name: 'A web shop', skills: ['python'] })
    expect((cv.certificates as Json[])[0]).toMatchObject({ credential: 'ibm-back-end-development-pc', date: '2025-05-01' })
  })

  it('keeps a given CV\'s own summary and answers tailoring null without a career', async () => {
    const tailored = await post('tailor', { cv: FULL_CV, career: 'back-end-developer' })
    expect(tailored.json<Json>().cv.basics.summary).toBe(FULL_CV.basics.summary)
    const plain = await post('tailor', { cv: FULL_CV })
    expect(plain.json<Json>()).toEqual({ cv: FULL_CV, tailoring: null })
  })
})

describe('POST /cv/render', () => {
  it.each([
    ['json-resume', 'application/json; charset=utf-8', 'json'],
    ['html', 'text/html; charset=utf-8', 'html'],
    ['pdf', 'application/pdf', 'pdf'],
  ])('%s: an attachment with a sanitised name, nosniff, no-store and a sandboxing CSP', async (format, type, extension) => {
    const res = await post('render', { cv: { ...FULL_CV, basics: { ...FULL_CV.basics, name: 'Zoë "Ł"\\/..' } }, format })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe(type)
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Zoe-L-CV.${extension}"; filename*=UTF-8''Zo%C3%AB-%C5%81-CV.${extension}`)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'; .*; sandbox$/)
    if (format === 'pdf') expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    if (format === 'json-resume') expect(res.json<Json>().skills[0]['x-pathways'].id).toBe('python')
  })

  it('builds from a passport and tailors before rendering', async () => {
    const res = await post('render', { passport: PASSPORT, basics: { name: 'Ada' }, career: 'back-end-developer', template: 'compact', format: 'json-resume' })
    const resume = res.json<Json>()
    expect(resume.meta['x-pathways']).toMatchObject({ template: 'compact', career: 'back-end-developer', tailoring: { career: { slug: 'back-end-developer' } } })
  })
})

describe('bodies the CV routes cannot use', () => {
  const problem = (res: { statusCode: number; headers: Record<string, unknown>; json: <T>() => T }, status: number, code: string) => {
    expect(res.statusCode).toBe(status)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json<Json>().code).toBe(code)
  }

  it('neither or both of cv and passport → 400 cv.source_required', async () => {
    problem(await post('render', { format: 'pdf' }), 400, 'cv.source_required')
    problem(await post('render', { cv: FULL_CV, passport: PASSPORT, format: 'pdf' }), 400, 'cv.source_required')
  })

  it('an unknown format, field, template, a javascript: link or a bad date → 400 request.invalid with a pointer', async () => {
    for (const body of [
      { cv: FULL_CV, format: 'docx' },
      { cv: { ...FULL_CV, extra: 1 }, format: 'pdf' },
      { cv: { ...FULL_CV, template: 'fancy' }, format: 'pdf' },
      { cv: { ...FULL_CV, basics: { ...FULL_CV.basics, url: 'javascript:alert(1)' } }, format: 'html' },
      { cv: { ...FULL_CV, work: [{ name: 'X', startDate: '1 May 2024' }] }, format: 'html' },
      { cv: { ...FULL_CV, skills: [{ name: 'X', level: 9 }] }, format: 'html' },
    ]) {
      const res = await post('render', body)
      problem(res, 400, 'request.invalid')
      expect(res.json<Json>().errors[0].pointer).toMatch(/^\/body/)
    }
  })

  it('an unknown career → 404 career.not_found', async () => {
    problem(await post('render', { cv: FULL_CV, career: 'astronaut-chef', format: 'pdf' }), 404, 'career.not_found')
  })

  it('a body over 1 MiB → 413; not JSON → 415', async () => {
    const big = JSON.stringify({ cv: { ...FULL_CV, basics: { ...FULL_CV.basics, summary: 'x'.repeat(1024 * 1024) } }, format: 'pdf' })
    expect((await post('render', big, { 'content-type': 'application/json' })).statusCode).toBe(413)
    expect((await post('render', 'format=pdf', { 'content-type': 'application/x-www-form-urlencoded' })).statusCode).toBe(415)
  })
})

describe('OpenAPI', () => {
  it('documents Cv and the render route\'s three media types', async () => {
    const spec = (await t.app.inject('/api/v1/openapi.json')).json<Json>()
    expect(spec.components.schemas.Cv.properties.template.anyOf).toHaveLength(2)
    expect(Object.keys(spec.paths['/api/v1/cv/render'].post.responses['200'].content)).toEqual(['application/json', 'text/html', 'application/pdf'])
  })
})

/**
 * The stateless cover-letter routes: a draft for a career from a passport or a CV, each export a
 * download with safe headers, and problem+json for bodies they cannot use.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FULL_CV } from '../../server/modules/cv/cv.fixtures.js'
import { createTestApp, type TestApp } from '../support/test-app.js'

let t: TestApp
beforeAll(async () => { t = await createTestApp() }, 60_000)
afterAll(async () => { await t?.close() })

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const post = (url: string, payload: object | string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1/cover-letter/${url}`, payload, headers })

const PASSPORT = {
  skills: [
    { skill: 'python', level: 4, evidence: [{ kind: 'project', title: 'A web shop', url: 'https://example.org/shop' }] },
    { skill: 'sql', level: 2 },
  ],
}

describe('POST /cover-letter/draft', () => {
  it('drafts from a passport for a career: why, matched skills with proof, what is being learned', async () => {
    const res = await post('draft', { passport: PASSPORT, basics: { name: 'Zoë', email: 'zoe@example.org' }, career: 'back-end-developer', recipient: { organisation: 'Acme' } })
    expect(res.statusCode).toBe(200)
    const { letter } = res.json<Json>()
    expect(letter).toMatchObject({ sender: { name: 'Zoë', email: 'zoe@example.org' }, greeting: 'Dear hiring team,', career: { slug: 'back-end-developer', title: 'Back-End Developer / Engineer' }, signature: 'Zoë' })
    expect(letter.paragraphs[0]).toContain('Back-End Developer / Engineer at Acme')
    expect(letter.paragraphs[1]).toContain('my project “A web shop”')
    expect(letter.paragraphs[2]).toMatch(/^I am now learning /)
  })

  it('drafts from a CV too; neither or both sources is 400, an unknown career 404', async () => {
    expect((await post('draft', { cv: FULL_CV, career: 'back-end-developer' })).statusCode).toBe(200)
    expect((await post('draft', { career: 'back-end-developer' })).json<Json>().code).toBe('cv.source_required')
    const unknown = await post('draft', { cv: FULL_CV, career: 'no-such-career' })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json<Json>().code).toBe('career.not_found')
    expect((await post('draft', { cv: FULL_CV, career: 'back-end-developer', extra: 1 })).statusCode).toBe(400)
  })
})

describe('POST /cover-letter/render', () => {
  const letter = { sender: { name: 'Zoë Łukasiewicz' }, greeting: 'Dear team,', paragraphs: ['<script>alert(1)</script>'], closing: 'Kind regards,', signature: 'Zoë' }

  it.each([
    ['html', 'text/html; charset=utf-8'],
    ['pdf', 'application/pdf'],
    ['json', 'application/json; charset=utf-8'],
  ])('%s is an attachment with a sanitised name, nosniff, no-store and a sandboxing CSP', async (format, type) => {
    const res = await post('render', { letter, format })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe(type)
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Zoe-Lukasiewicz-cover-letter.${format}"; filename*=UTF-8''Zo%C3%AB-%C5%81ukasiewicz-cover-letter.${format}`)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'.*sandbox$/)
    if (format === 'html') expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    if (format === 'pdf') expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    if (format === 'json') expect(res.json<Json>()).toEqual(letter)
  })

  it('refuses an unknown format, a field too long, an extra field and a form body', async () => {
    expect((await post('render', { letter, format: 'docx' })).statusCode).toBe(400)
    expect((await post('render', { letter: { ...letter, greeting: 'x'.repeat(301) }, format: 'html' })).statusCode).toBe(400)
    expect((await post('render', { letter: { ...letter, script: 'x' }, format: 'html' })).statusCode).toBe(400)
    expect((await post('render', 'format=html', { 'content-type': 'application/x-www-form-urlencoded' })).statusCode).toBe(415)
  })
})

describe('OpenAPI', () => {
  it('documents both routes and the CoverLetter schema', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<Json>()
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/cover-letter/draft', '/api/v1/cover-letter/render']))
    expect(doc.components.schemas.CoverLetter.properties.paragraphs.type).toBe('array')
  })
})

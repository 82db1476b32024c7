/**
 * The stateless analysis routes over the curated catalog with every dataset's fixture imported: how a
 * passport is read, gap to a career, careers ranked by fit with filters, and learning plans.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EDUCATION_LEVELS } from '../../server/modules/analysis/career-outlook.js'
import { createImportedTestApp } from '../support/imported-app.js'
import type { TestApp } from '../support/test-app.js'

let t: TestApp
beforeAll(async () => { t = await createImportedTestApp() }, 120_000)
afterAll(async () => { await t?.close() })

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const post = async (url: string, payload: object) => {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/analysis/${url}`, payload })
  return { status: res.statusCode, body: res.json<Json>() }
}
const PYTHON_ESCO = 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d'
const BACKEND = { skills: [{ skill: 'Python', level: 3 }, { skill: 'sql', level: 2 }, { skill: 'git', level: 3 }] }

describe('reading a passport', () => {
  it('resolves ids, ESCO URIs, O*NET elements and labels; the same skill named three ways counts once; unknown ones come back', async () => {
    const element = t.deps.catalog.index().rows.skills.find((s) => s.origin === 'onet' && s.kind !== 'technology' && s.onet_element)!
    const { status, body } = await post('gap', {
      career: 'back-end-developer',
      passport: { skills: [
        { skill: 'python', level: 2 }, { skill: PYTHON_ESCO, level: 4 }, { skill: 'python programming', level: 1 },
        { skill: element.onet_element, level: 3 }, { skill: 'Quantum knitting', level: 3 },
      ] },
    })
    expect(status).toBe(200)
    const skills = body.passport.skills as Json[]
    expect(skills).toHaveLength(2)
    expect(skills[0]).toMatchObject({ id: 'python', level: 4, matchedBy: 'id', inputs: ['python', PYTHON_ESCO, 'python programming'] })
    expect(skills[1]).toMatchObject({ id: element.id, matchedBy: 'onet-element', level: 3 })
    expect(body.passport.unresolved).toEqual([{ skill: 'Quantum knitting', reason: expect.any(String) }])
  })

  it('counts an earned credential\'s skills at the level it teaches, unless a higher one is given', async () => {
    const { body } = await post('gap', {
      career: 'back-end-developer',
      passport: { skills: [{ skill: 'python', level: 4 }], credentials: [{ credential: 'ibm-back-end-development-pc', earnedOn: '2025-05-01' }, { credential: 'no-such-credential' }] },
    })
    expect(body.passport.credentials).toEqual([{ credential: 'ibm-back-end-development-pc', known: true }, { credential: 'no-such-credential', known: false }])
    const levels = Object.fromEntries((body.passport.skills as Json[]).map((s) => [s.id, s.level]))
    expect(levels).toMatchObject({ python: 4, django: 2, flask: 2, kubernetes: 2 })
  })
})

describe('POST /analysis/gap', () => {
  it('weights coverage by importance and level, lists gaps largest first with what teaches them', async () => {
    const { status, body } = await post('gap', { passport: BACKEND, career: 'back-end-developer' })
    expect(status).toBe(200)
    expect(body.career.slug).toBe('back-end-developer')
    expect(body.coverage).toBeGreaterThan(0)
    expect(body.coverage).toBeLessThan(1)
    expect((body.met as Json[]).map((m) => m.skill)).toEqual(expect.arrayContaining(['python', 'git']))
    const gaps = body.gaps as Json[]
    expect(gaps.length).toBeGreaterThan(10)
    for (let i = 1; i < gaps.length; i++) expect(gaps[i - 1]!.shortfall).toBeGreaterThanOrEqual(gaps[i]!.shortfall)
    const sql = gaps.find((g) => g.skill === 'sql')
    expect(sql).toMatchObject({ have: 2, missing: false }) // under level, not missing
    expect(gaps.some((g) => g.teachers.length > 0)).toBe(true)
    for (const g of gaps) for (const teacher of g.teachers) expect(teacher.reach).toBeGreaterThan(g.have)
    // Raising one level raises coverage.
    const better = await post('gap', { passport: { skills: [...BACKEND.skills, { skill: 'sql', level: 3 }] }, career: 'back-end-developer' })
    expect(better.body.coverage).toBeGreaterThan(body.coverage)
  })

  it('finds the career by an official code, 404s an unknown one, and has no coverage for a career without skill data', async () => {
    expect((await post('gap', { passport: BACKEND, career: '15-1252.00' })).body.career.slug).toBeTruthy()
    const missing = await post('gap', { passport: BACKEND, career: 'astronaut-of-the-deep' })
    expect(missing.status).toBe(404)
    expect(missing.body.code).toBe('career.not_found')
    const bare = await post('gap', { passport: BACKEND, career: 'cloud-engineer' })
    expect(bare.body).toMatchObject({ coverage: null, met: [], gaps: [] })
  })

  it('refuses levels off the scale, unknown fields and oversize passports with 400', async () => {
    for (const payload of [
      { passport: { skills: [{ skill: 'python', level: 6 }] }, career: 'back-end-developer' },
      { passport: { skills: [{ skill: 'python', level: 2.5 }] }, career: 'back-end-developer' },
      { passport: { skills: [{ skill: 'python', level: 2, owner: 'x' }] }, career: 'back-end-developer' },
      { passport: { skills: Array.from({ length: 501 }, () => ({ skill: 'python', level: 1 })) }, career: 'back-end-developer' },
      { passport: {}, career: 'back-end-developer' },
    ]) {
      const res = await post('gap', payload)
      expect(res.status, JSON.stringify(payload).slice(0, 80)).toBe(400)
      expect(res.body.code).toBe('request.invalid')
    }
  })
})

describe('POST /analysis/matches', () => {
  it('ranks every career by √(coverage × relevance) and explains each with matched and missing skills', async () => {
    const { status, body } = await post('matches', { passport: BACKEND, limit: 100 })
    expect(status).toBe(200)
    expect(body.total).toBe(t.deps.catalog.index().careers.length)
    const items = body.items as Json[]
    for (let i = 1; i < items.length; i++) expect(items[i - 1]!.score).toBeGreaterThanOrEqual(items[i]!.score)
    for (const item of items) expect(item.score).toBeCloseTo(Math.sqrt(item.coverage * item.relevance), 3)
    expect(items[0]!.score).toBeGreaterThan(0)
    expect(items[0]!.matched.length).toBeGreaterThan(0)
    expect(items.find((i) => i.career.slug === 'back-end-developer')!.missing).toHaveLength(3)
  })

  it('pages with limit and offset', async () => {
    const all = (await post('matches', { passport: BACKEND, limit: 6 })).body.items as Json[]
    const first = (await post('matches', { passport: BACKEND, limit: 3 })).body.items as Json[]
    const second = (await post('matches', { passport: BACKEND, limit: 3, offset: 3 })).body.items as Json[]
    expect([...first, ...second].map((i) => i.career.slug)).toEqual(all.map((i) => i.career.slug))
  })

  it('filters on origin, pay floor, growth and entry education, leaving out careers without the figure', async () => {
    const onet = await post('matches', { passport: BACKEND, filters: { origin: 'onet' }, limit: 100 })
    expect((onet.body.items as Json[]).every((i) => i.career.origin === 'onet')).toBe(true)
    expect(onet.body.filteredOut).toBeGreaterThan(0)
    const rich = await post('matches', { passport: BACKEND, filters: { minPay: 130000 }, limit: 100 })
    expect(rich.body.items.length).toBeGreaterThan(0)
    for (const item of rich.body.items as Json[]) expect(item.outlook.pay.value).toBeGreaterThanOrEqual(130000)
    const growing = await post('matches', { passport: BACKEND, filters: { minGrowthPercent: 10 }, limit: 100 })
    for (const item of growing.body.items as Json[]) expect(item.outlook.growthPercent.value).toBeGreaterThanOrEqual(10)
    const school = await post('matches', { passport: BACKEND, filters: { maxEducation: 'associate' }, limit: 100 })
    for (const item of school.body.items as Json[]) expect(EDUCATION_LEVELS.indexOf(item.outlook.education.level)).toBeLessThanOrEqual(EDUCATION_LEVELS.indexOf('associate'))
    const degree = await post('matches', { passport: BACKEND, filters: { maxEducation: 'bachelor' }, limit: 100 })
    expect(degree.body.total).toBeGreaterThan(school.body.total)
  })

  it('ranks everything at 0 for an empty passport', async () => {
    const { body } = await post('matches', { passport: { skills: [] }, limit: 5 })
    expect(body.total).toBe(t.deps.catalog.index().careers.length)
    expect((body.items as Json[]).every((i) => i.score === 0 && i.matched.length === 0)).toBe(true)
  })
})

describe('POST /analysis/plan', () => {
  it('plans in level order with a reason and weeks for every item, and says what stays uncovered', async () => {
    const { status, body } = await post('plan', { passport: BACKEND, career: 'back-end-developer', hoursPerWeek: 8 })
    expect(status).toBe(200)
    expect(body.coverageAfter).toBeGreaterThan(body.coverageBefore)
    const items = body.items as Json[]
    expect(items.length).toBeGreaterThan(0)
    let lastEnd = 0
    const reached = new Map<string, number>()
    for (const item of items) {
      expect(item.status).toBe('planned')
      expect(item.reason.length).toBeGreaterThan(10)
      expect(item.startWeek).toBeGreaterThanOrEqual(lastEnd === 0 ? 1 : lastEnd - 1)
      lastEnd = item.endWeek
      for (const s of item.skills) {
        expect(s.from).toBe(Math.max(reached.get(s.skill) ?? 0, s.from))
        expect(s.to).toBeGreaterThan(s.from)
        reached.set(s.skill, s.to)
      }
    }
    const weekHours = (body.weeks as Json[]).flatMap((w) => w.items).reduce((sum: number, i: Json) => sum + i.hours, 0)
    expect(weekHours).toBeCloseTo(body.totals.hours, 3)
    expect(body.totals.weeks).toBe(Math.ceil(body.totals.hours / 8))
    expect((body.weeks as Json[]).every((w) => w.items.reduce((sum: number, i: Json) => sum + i.hours, 0) <= 8 + 1e-9)).toBe(true)
    expect(body.uncovered.length).toBeGreaterThan(0)
    expect(body.uncovered[0].reason).toMatch(/teaches/)
    expect(body.assumptions.join(' ')).toMatch(/estimated/)
  })

  it('keeps completed items as done when re-planning and plans only what is left', async () => {
    const first = (await post('plan', { passport: BACKEND, career: 'back-end-developer', hoursPerWeek: 10 })).body
    const done = first.items[0].id as string
    const again = (await post('plan', { passport: BACKEND, career: 'back-end-developer', hoursPerWeek: 10, completed: [done] })).body
    expect(again.items[0]).toMatchObject({ id: done, status: 'done', startWeek: null })
    expect(again.coverageBefore).toBeGreaterThan(first.coverageBefore)
    expect(again.totals.hours).toBeLessThanOrEqual(first.totals.hours - first.items[0].hours + 1e-9)
    expect((again.weeks as Json[]).flatMap((w) => w.items).some((i: Json) => i.id === done)).toBe(false)
  })

  it('accepts optimising for cost and refuses a pace out of range', async () => {
    const cost = await post('plan', { passport: BACKEND, career: 'back-end-developer', hoursPerWeek: 10, optimise: 'cost' })
    expect(cost.status).toBe(200)
    expect(cost.body.optimise).toBe('cost')
    expect((await post('plan', { passport: BACKEND, career: 'back-end-developer', hoursPerWeek: 0 })).status).toBe(400)
    expect((await post('plan', { passport: BACKEND, career: 'back-end-developer', hoursPerWeek: 81 })).status).toBe(400)
  })
})

describe('OpenAPI', () => {
  it('documents the passport schema and the three routes', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<Json>()
    expect(spec.components.schemas.Passport.properties.skills.items.properties).toHaveProperty('level')
    for (const route of ['gap', 'matches', 'plan']) expect(spec.paths[`/api/v1/analysis/${route}`].post.tags).toEqual(['analysis'])
  })
})

/**
 * Attainment reports over HTTP on the minimal catalog: counts over date ranges with inclusive ends,
 * grouping per programme, archived cohorts marked, educators limited to their cohorts, the same
 * numbers in JSON, CSV and XLSX, formula payloads in every exported text field neutralised, bad
 * ranges refused with report.invalid_range, and the routes in OpenAPI.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { couldBeFormula } from '../../server/platform/export/spreadsheet.js'
import { createAuthTestApp, type AuthTestApp } from '../support/auth.js'
import { FORMULA_PAYLOADS, parseCsv, xlsxCells } from '../support/spreadsheets.js'
import { adaptedPathway, apiGet, cohort, localCredential, person, programme, school, type Person } from './insight-fixture.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

let t: AuthTestApp
let schoolId = ''
let otherSchoolId = ''
const ids = { c1: '', c2: '', c3: '', p1: '', p2: '', badge: '' }
const people = {} as Record<'admin' | 'edu1' | 'edu2' | 'idle' | 'outsider' | 'l1' | 'l2' | 'l3' | 'l4', Person>

const report = (who: Person, query: string, format = '') => apiGet(t, who, `/schools/${schoolId}/reports/attainment${format}?${query}`)
const json = async (who: Person, query: string) => {
  const res = await report(who, query)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as Json
}
const figures = (row: Json) => [row.learners, row.learnersAttaining, row.share, row.credentialsEarned]
const byName = (body: Json) => Object.fromEntries((body.cohorts as Json[]).map((c) => [c.name, c]))

beforeAll(async () => {
  t = await createAuthTestApp()
  const db = t.deps.db.kysely
  schoolId = await school(t, 'Riverside High')
  otherSchoolId = await school(t, 'Hilltop Academy')
  people.admin = await person(t, schoolId, 'school_admin')
  people.edu1 = await person(t, schoolId, 'educator')
  people.edu2 = await person(t, schoolId, 'educator')
  people.idle = await person(t, schoolId, 'educator')
  people.outsider = await person(t, otherSchoolId, 'school_admin')
  for (const key of ['l1', 'l2', 'l3', 'l4'] as const) people[key] = await person(t, schoolId, 'learner', `Learner ${key}`)
  ids.p1 = await programme(t, schoolId, 'Health Informatics', '51.0709')
  ids.p2 = await programme(t, schoolId, 'Office Administration', '52.0401')
  ids.c1 = await cohort(t, schoolId, 'Alpha', { staff: [people.edu1], members: [people.l1, people.l2], programmeId: ids.p1 })
  ids.c2 = await cohort(t, schoolId, 'Beta', { staff: [people.edu2], members: [people.l2, people.l3], programmeId: ids.p1, archived: true })
  ids.c3 = await cohort(t, schoolId, 'Gamma', { staff: [people.edu1], members: [people.l4] })
  ids.badge = await localCredential(t, schoolId, 'Riverside Data Badge', 'Riverside High')
  const pathway = await adaptedPathway(t, schoolId, 'Local pathway', ['Earn the badge', 'Reflect'], { 0: ids.badge })

  const { passport } = t.deps.learner
  await passport.earn(people.l1.id, 'acme-sql-certificate', '2026-01-15')
  await passport.earn(people.l2.id, 'acme-sql-certificate', '2026-03-01')
  await passport.earn(people.l4.id, 'acme-sql-certificate', '2025-12-31')
  // L2 earns the local badge on 1 February (the first mark of a step carrying it); the other step carries none.
  await db.insertInto('adapted_steps_done').values([
    { user_id: people.l2.id, step_id: pathway.steps[0]!, pathway_id: pathway.id, done_at: '2026-02-01T10:00:00.000Z' },
    { user_id: people.l3.id, step_id: pathway.steps[1]!, pathway_id: pathway.id, done_at: '2026-02-01T10:00:00.000Z' },
  ]).execute()
}, 60_000)
afterAll(async () => {
  await t?.close()
})

describe('attainment per cohort and programme', () => {
  it('counts learners, learners attaining, share and credentials over an inclusive range; archived cohorts marked', async () => {
    const body = await json(people.admin, 'from=2026-01-15&to=2026-03-01')
    const cohorts = byName(body)
    expect(Object.keys(cohorts)).toEqual(['Alpha', 'Beta', 'Gamma'])
    expect(figures(cohorts.Alpha)).toEqual([2, 2, 1, 3])
    expect(figures(cohorts.Beta)).toEqual([2, 1, 0.5, 2])
    expect(figures(cohorts.Gamma)).toEqual([1, 0, 0, 0])
    expect(cohorts.Beta).toMatchObject({ archived: true, archivedAt: expect.any(String), programme: { id: ids.p1, title: 'Health Informatics' } })
    expect(cohorts.Gamma).toMatchObject({ archived: false, programme: null })
    expect(body.totals).toEqual({ cohorts: 3, learners: 4, learnersAttaining: 2, share: 0.5, credentialsEarned: 3 })
    // Per programme: a learner in two of its cohorts counts once; a programme without cohorts is left out.
    expect(body.programmes).toEqual([{ id: ids.p1, title: 'Health Informatics', cipCode: '51.0709', cohorts: 2, learners: 3, learnersAttaining: 2, share: 0.6667, credentialsEarned: 3 }])
    expect(body.credentials).toEqual([
      { kind: 'catalog', id: 'acme-sql-certificate', title: 'Acme SQL Certificate', type: 'professional-certificate', provider: 'Acme Learning', learners: 2, earned: 2 },
      { kind: 'local', id: ids.badge, title: 'Riverside Data Badge', type: 'local', provider: 'Riverside High', learners: 1, earned: 1 },
    ])
    expect(JSON.stringify(body)).not.toContain('Learner l')
  })

  it('leaves out credentials earned a day outside either end', async () => {
    const inner = await json(people.admin, 'from=2026-01-16&to=2026-02-28')
    expect(figures(byName(inner).Alpha)).toEqual([2, 1, 0.5, 1])
    expect(inner.credentials.map((c: Json) => c.id)).toEqual([ids.badge])
    const oneDay = await json(people.admin, 'from=2025-12-31&to=2025-12-31')
    expect(figures(byName(oneDay).Gamma)).toEqual([1, 1, 1, 1])
    expect(oneDay.totals.learnersAttaining).toBe(1)
    const before = await json(people.admin, 'from=2025-01-01&to=2025-12-30')
    expect(before.totals).toMatchObject({ learnersAttaining: 0, credentialsEarned: 0 })
    expect(before.credentials).toEqual([])
  })

  it('filters by programme and by cohort', async () => {
    const p1 = await json(people.admin, `from=2026-01-01&to=2026-12-31&programmeId=${ids.p1}`)
    expect(Object.keys(byName(p1))).toEqual(['Alpha', 'Beta'])
    expect(p1.filters).toEqual({ cohortId: null, programmeId: ids.p1 })
    expect(p1.programmes.map((p: Json) => p.id)).toEqual([ids.p1])
    const p2 = await json(people.admin, `from=2026-01-01&to=2026-12-31&programmeId=${ids.p2}`)
    expect(p2.cohorts).toEqual([])
    expect(p2.programmes).toEqual([expect.objectContaining({ id: ids.p2, cohorts: 0, learners: 0, share: 0 })])
    const one = await json(people.admin, `from=2026-01-01&to=2026-12-31&cohortId=${ids.c2}`)
    expect(Object.keys(byName(one))).toEqual(['Beta'])
    expect((await report(people.admin, 'from=2026-01-01&to=2026-12-31&programmeId=nope')).json().code).toBe('programme.not_found')
    expect((await report(people.admin, 'from=2026-01-01&to=2026-12-31&cohortId=nope')).json().code).toBe('cohort.not_found')
  })
})

describe('who sees what', () => {
  it('limits an educator to the cohorts they run', async () => {
    const edu1 = await json(people.edu1, 'from=2026-01-15&to=2026-03-01')
    expect(Object.keys(byName(edu1))).toEqual(['Alpha', 'Gamma'])
    expect(edu1.totals).toEqual({ cohorts: 2, learners: 3, learnersAttaining: 2, share: 0.6667, credentialsEarned: 3 })
    const other = await report(people.edu1, `from=2026-01-15&to=2026-03-01&cohortId=${ids.c2}`)
    expect(other.statusCode).toBe(404)
    expect(other.json().code).toBe('cohort.not_found')
    expect(Object.keys(byName(await json(people.edu2, 'from=2026-01-15&to=2026-03-01')))).toEqual(['Beta'])
    expect((await json(people.idle, 'from=2026-01-15&to=2026-03-01')).cohorts).toEqual([])
    const csv = parseCsv((await report(people.edu1, 'from=2026-01-15&to=2026-03-01', '.csv')).body)
    expect(csv.map((r) => r[2])).not.toContain('Beta')
  })

  it('refuses learners (403), another school (404) and anonymous callers (401)', async () => {
    expect((await report(people.l1, 'from=2026-01-15&to=2026-03-01')).statusCode).toBe(403)
    expect((await report(people.outsider, 'from=2026-01-15&to=2026-03-01')).statusCode).toBe(404)
    expect((await report(people.outsider, 'from=2026-01-15&to=2026-03-01', '.xlsx')).statusCode).toBe(404)
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/schools/${schoolId}/reports/attainment.csv?from=2026-01-15&to=2026-03-01` })
    expect(anonymous.statusCode).toBe(401)
  })

  it('refuses bad ranges with 400 report.invalid_range, and malformed dates with request.invalid', async () => {
    for (const query of ['from=2026-03-02&to=2026-03-01', 'from=2020-01-01&to=2026-01-01', 'from=2026-02-30&to=2026-03-01']) {
      for (const format of ['', '.csv', '.xlsx']) {
        const res = await report(people.admin, query, format)
        expect(res.statusCode, `${query} ${format}`).toBe(400)
        expect(res.json().code).toBe('report.invalid_range')
      }
    }
    expect((await json(people.admin, 'from=2021-01-01&to=2026-01-01')).totals.cohorts).toBe(3) // five years are fine
    for (const query of ['from=yesterday&to=2026-03-01', 'to=2026-03-01', 'from=2026-01-01&to=2026-03-01&extra=1']) {
      const res = await report(people.admin, query)
      expect(res.statusCode, query).toBe(400)
      expect(res.json().code).toBe('request.invalid')
    }
  })
})

describe('exports', () => {
  it('gives the same numbers in JSON, CSV and XLSX', async () => {
    const query = 'from=2026-01-15&to=2026-03-01'
    const body = await json(people.admin, query)
    const csvRes = await report(people.admin, query, '.csv')
    expect(csvRes.statusCode).toBe(200)
    expect(csvRes.headers['content-type']).toContain('text/csv')
    expect(csvRes.headers['content-disposition']).toBe('attachment; filename="attainment-2026-01-15-to-2026-03-01.csv"; filename*=UTF-8\'\'attainment-2026-01-15-to-2026-03-01.csv')
    expect(csvRes.headers['cache-control']).toBe('no-store')
    const [header, ...rows] = parseCsv(csvRes.body)
    expect(header).toEqual(['Section', 'Id', 'Name', 'Programme or kind', 'Archived or CIP code or type', 'Provider', 'Cohorts', 'Learners', 'Learners attaining', 'Share attaining (0–1)', 'Credentials earned'])
    const csvOf = (section: string, id: string) => rows!.find((r) => r[0] === section && r[1] === id)!
    for (const c of body.cohorts as Json[]) {
      const row = csvOf('cohort', c.id)
      expect(row[2]).toBe(c.name)
      expect(row.slice(7).map(Number)).toEqual(figures(c))
      expect(row[4]).toBe(c.archived ? 'archived' : '')
    }
    expect(csvOf('total', '').slice(6).map(Number)).toEqual([body.totals.cohorts, ...figures(body.totals)])
    for (const p of body.programmes as Json[]) expect(csvOf('programme', p.id).slice(6).map(Number)).toEqual([p.cohorts, ...figures(p)])
    for (const c of body.credentials as Json[]) {
      const row = csvOf('credential', c.id)
      expect([row[2], row[3], row[4], row[5], Number(row[7]), Number(row[10])]).toEqual([c.title, c.kind, c.type, c.provider, c.learners, c.earned])
    }

    const xlsxRes = await report(people.admin, query, '.xlsx')
    expect(xlsxRes.statusCode).toBe(200)
    expect(xlsxRes.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(xlsxRes.rawPayload as unknown as ArrayBuffer)
    expect(book.worksheets.map((w) => w.name)).toEqual(['Cohorts', 'Programmes', 'Credentials'])
    const sheet = (name: string) => {
      const out: unknown[][] = []
      book.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)))
      return out
    }
    const cohortsSheet = sheet('Cohorts')
    expect(cohortsSheet[0]).toEqual(['Cohort id', 'Cohort', 'Programme', 'Archived', 'Learners', 'Learners attaining', 'Share attaining (0–1)', 'Credentials earned'])
    for (const c of body.cohorts as Json[]) {
      const row = cohortsSheet.find((r) => r[0] === c.id)!
      expect(row.slice(4)).toEqual(figures(c))
      expect(row[3]).toBe(c.archived ? 'yes' : 'no')
    }
    expect(cohortsSheet.at(-1)!.slice(4)).toEqual(figures(body.totals))
    for (const p of body.programmes as Json[]) expect(sheet('Programmes').find((r) => r[0] === p.id)!.slice(3)).toEqual([p.cohorts, ...figures(p)])
    for (const c of body.credentials as Json[]) expect(sheet('Credentials').find((r) => r[0] === c.id)!.slice(5)).toEqual([c.learners, c.earned])
  })

  it('neutralises formula payloads in cohort names, programme titles and local credential titles and issuers', async () => {
    const db = t.deps.db.kysely
    const target = await school(t, 'Payload School')
    const admin = await person(t, target, 'school_admin')
    for (const [i, payload] of FORMULA_PAYLOADS.entries()) {
      const learner = await person(t, target, 'learner')
      const programmeId = await programme(t, target, payload, `11.${String(1000 + i)}`)
      await cohort(t, target, payload, { members: [learner], programmeId })
      const credential = await localCredential(t, target, payload, FORMULA_PAYLOADS[(i + 1) % FORMULA_PAYLOADS.length]!)
      const pathway = await adaptedPathway(t, target, `Pathway ${i}`, ['Step'], { 0: credential })
      await db.insertInto('adapted_steps_done').values({ user_id: learner.id, step_id: pathway.steps[0]!, pathway_id: pathway.id, done_at: '2026-02-01T10:00:00.000Z' }).execute()
    }
    const url = `/schools/${target}/reports/attainment`
    const body = (await apiGet(t, admin, `${url}?from=2026-01-01&to=2026-12-31`)).json() as Json
    expect(body.cohorts).toHaveLength(FORMULA_PAYLOADS.length)
    expect(body.credentials).toHaveLength(FORMULA_PAYLOADS.length)
    expect((body.cohorts as Json[]).map((c) => c.name).sort()).toEqual([...FORMULA_PAYLOADS].sort()) // JSON keeps the text as it is

    const csv = await apiGet(t, admin, `${url}.csv?from=2026-01-01&to=2026-12-31`)
    const fields = parseCsv(csv.body).flat()
    expect(fields.filter((f) => couldBeFormula(f))).toEqual([])
    for (const payload of FORMULA_PAYLOADS) expect(fields).toContain(`'${payload}`)

    const xlsx = await apiGet(t, admin, `${url}.xlsx?from=2026-01-01&to=2026-12-31`)
    const cells = await xlsxCells(xlsx.rawPayload)
    expect(cells.formulas).toBe(0)
    expect(cells.text.filter((text) => couldBeFormula(text))).toEqual([])
    // Every payload kept, behind its quote (the XLSX writer stores a carriage return its own way).
    for (const payload of FORMULA_PAYLOADS.filter((p) => !p.includes('\r'))) expect(cells.text).toContain(`'${payload}`)
    expect(cells.text.filter((text) => text.startsWith('\'')).length).toBeGreaterThanOrEqual(FORMULA_PAYLOADS.length * 4)
  })

  it('is documented in OpenAPI under the reports tag', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as Json
    for (const suffix of ['', '.csv', '.xlsx']) {
      const op = doc.paths[`/api/v1/schools/{schoolId}/reports/attainment${suffix}`]?.get
      expect(op, suffix).toBeDefined()
      expect(op.tags).toEqual(['reports'])
      expect(op.parameters.map((p: Json) => p.name)).toEqual(expect.arrayContaining(['from', 'to', 'cohortId', 'programmeId']))
    }
  })
})

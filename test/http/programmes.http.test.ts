/**
 * Programme alignment over the API on the fixture datasets (O*NET, BLS OEWS, BLS projections and the
 * CIP–SOC crosswalk, test/fixtures/import): adding programmes by CIP code in its written forms, the
 * occupations a programme leads to with figures equal to the imported ones, the three flags under the
 * default thresholds and after an admin changes them (each flips), evidence, the report and its CSV
 * and XLSX downloads with formula payloads in a title, the policy (educators read and manage but do
 * not configure; another school is 404), and the OpenAPI document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browser, createAuthTestApp, makeUser, signin, type AuthTestApp, type Session } from '../support/auth.js'
import { importFixtures } from '../support/imported-app.js'
import { couldBeFormula } from '../../server/platform/export/spreadsheet.js'
import { FORMULA_PAYLOADS, parseCsv, xlsxCells } from '../support/spreadsheets.js'
import type { TestApp } from '../support/test-app.js'

let t: AuthTestApp
let schoolId = ''
let otherSchoolId = ''
const s: Record<string, Session> = {}

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const req = (name: string | undefined, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: name ? browser(s[name]) : { 'sec-fetch-site': 'same-origin' }, ...(payload ? { payload } : {}) })
const api = (school: string, rest: string) => `/api/v1/schools/${school}${rest}`

async function member(name: string, school: string, role: 'learner' | 'educator' | 'school_admin') {
  const user = await makeUser(t)
  await t.deps.db.kysely.insertInto('memberships').values({ user_id: user.id, school_id: school, role, created_at: new Date(t.clock.now()).toISOString() }).execute()
  s[name] = await signin(t, user.email, user.password)
}

async function school(name: string): Promise<string> {
  const res = await req('root', 'POST', '/api/v1/schools', { name })
  expect(res.statusCode).toBe(201)
  return res.json<{ id: string }>().id
}

beforeAll(async () => {
  t = await createAuthTestApp()
  await importFixtures(t as unknown as TestApp, [['onet', 'onet'], ['bls-oews', 'bls-oews'], ['bls-projections', 'bls-projections'], ['cip-soc', 'cip-soc']])
  const root = await makeUser(t, { platform_role: 'platform_admin' })
  s.root = await signin(t, root.email, root.password)
  schoolId = await school('Riverside "Tech" High')
  otherSchoolId = await school('Hilltop Academy')
  await member('admin', schoolId, 'school_admin')
  await member('educator', schoolId, 'educator')
  await member('learner', schoolId, 'learner')
  await member('otherAdmin', otherSchoolId, 'school_admin')
}, 120_000)

afterAll(async () => {
  await t?.close()
})

// The fixture figures, by hand: every occupation's national annual median (OEWS, else the projections'):
// 44,810 (11-1031), 90,930 (15-1254), 133,080 (15-1252), 206,420 (11-1011), 238,380 (29-1215), 239,200 top-coded (29-1211).
const MEDIANS = [44_810, 90_930, 133_080, 206_420, 238_380, 239_200]
// All-occupations growth: Σ 2034 jobs ÷ Σ 2024 jobs − 1 over the projections' line items.
const ALL_GROWTH = Math.round(((1961.4 + 92.5 + 57.1 + 46.7 + 20.9) / (1693.8 + 86 + 57 + 45.3 + 21.9) - 1) * 1000) / 10

describe('programmes', () => {
  let programmeId = ''

  it('adds a programme by CIP code with the crosswalk title, lists it, refuses duplicates and unknown codes', async () => {
    const added = await req('educator', 'POST', api(schoolId, '/programmes'), { cipCode: '110201' })
    expect(added.statusCode).toBe(201)
    const p = added.json<Json>()
    expect(p).toMatchObject({ cipCode: '11.0201', title: 'Computer Programming/Programmer, General', cipTitle: 'Computer Programming/Programmer, General', occupationCount: 7 })
    programmeId = p.id

    const list = await req('educator', 'GET', api(schoolId, '/programmes'))
    expect(list.statusCode).toBe(200)
    expect(list.json<Json>().items.map((i: Json) => i.cipCode)).toEqual(['11.0201'])
    expect(list.json<Json>().data).toEqual({ crosswalkImported: true, wagesImported: true, projectionsImported: true, message: null })

    const again = await req('admin', 'POST', api(schoolId, '/programmes'), { cipCode: '11.0201', title: 'Another name' })
    expect(again.statusCode).toBe(409)
    expect(again.json<Json>().code).toBe('programme.duplicate')

    const unknown = await req('educator', 'POST', api(schoolId, '/programmes'), { cipCode: '12.3456' })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json<Json>().code).toBe('cip.not_found')
    // Taxidermy is a CIP code, but NCES links it to no occupation: nothing to align.
    expect((await req('educator', 'POST', api(schoolId, '/programmes'), { cipCode: '01.0508' })).json<Json>().code).toBe('cip.not_found')

    for (const bad of ['computer', '11-0201', '1.2.3', '11.02011']) {
      const res = await req('educator', 'POST', api(schoolId, '/programmes'), { cipCode: bad })
      expect(res.statusCode, bad).toBe(400)
      expect(res.json<Json>().code, bad).toBe('cip.invalid')
    }
    const extra = await req('educator', 'POST', api(schoolId, '/programmes'), { cipCode: '11.0701', schoolId: otherSchoolId })
    expect(extra.statusCode).toBe(400)
    expect(extra.json<Json>().code).toBe('request.invalid')
  })

  it('reads a series with one code as that code and a dropped leading zero as the family; a series the crosswalk does not list is 404', async () => {
    const series = await req('educator', 'POST', api(schoolId, '/programmes'), { cipCode: '11.07', title: 'AP Computer Science' })
    expect(series.statusCode).toBe(201)
    expect(series.json<Json>()).toMatchObject({ cipCode: '11.0701', title: 'AP Computer Science', cipTitle: 'Computer Science' })
    const family = await req('educator', 'POST', api(schoolId, '/programmes'), { cipCode: '1.0000' })
    expect(family.statusCode).toBe(201)
    expect(family.json<Json>()).toMatchObject({ cipCode: '01.0000', occupationCount: 5 })
    const none = await req('educator', 'POST', api(schoolId, '/programmes'), { cipCode: '12.34' })
    expect(none.statusCode).toBe(404)
    expect(none.json<Json>()).toMatchObject({ code: 'cip.not_found', candidates: [] })
    // Two schools may list the same code.
    expect((await req('otherAdmin', 'POST', api(otherSchoolId, '/programmes'), { cipCode: '01.0000' })).statusCode).toBe(201)
    const removed = await req('educator', 'DELETE', api(schoolId, `/programmes/${family.json<Json>().id}`))
    expect(removed.statusCode).toBe(204)
    expect((await req('educator', 'DELETE', api(schoolId, `/programmes/${family.json<Json>().id}`))).statusCode).toBe(404)
    const list = await req('educator', 'GET', api(schoolId, '/programmes'))
    expect(list.json<Json>().items.map((i: Json) => i.cipCode)).toEqual(['11.0201', '11.0701'])
  })

  it('shows the occupations a programme leads to with the imported figures and flags under the default thresholds', async () => {
    const res = await req('educator', 'GET', api(schoolId, `/programmes/${programmeId}`))
    expect(res.statusCode).toBe(200)
    const body = res.json<Json>()
    expect(body.thresholds).toMatchObject({ configured: false, wagePercentile: 50, growthPercent: ALL_GROWTH, annualOpenings: 10_000, educationLevel: 'postsecondary-award', inDemandRule: 'either' })
    expect(body.occupations.map((o: Json) => o.socCode)).toEqual(['15-1231', '15-1251', '15-1252', '15-1253', '15-1254', '15-1255', '25-1021'])
    const dev = body.occupations.find((o: Json) => o.socCode === '15-1252')
    expect(dev.title).toBe('Software Developers')
    expect(dev.careers.map((c: Json) => c.slug)).toContain('software-developers')
    expect(dev.medianAnnualWage).toMatchObject({ value: 133_080, topCoded: false, source: { id: 'bls-oews-2024-05', period: '2024-05' } })
    expect(dev.wagePercentile).toBe(40) // two of the five other medians are lower
    expect(dev.employmentChangePercent).toMatchObject({ value: 15.8, source: { id: 'bls-ep-2024-2034' } })
    expect(dev.annualOpenings.value).toBe(115_200)
    expect(dev.projectionPeriod).toBe('2024–2034')
    expect(dev.entryEducation).toMatchObject({ level: 'bachelor', label: 'Bachelor\'s degree' })

    // The 50th percentile of the six medians, interpolated: halfway between 133,080 and 206,420.
    const p50 = (MEDIANS[2]! + MEDIANS[3]!) / 2
    expect(dev.flags.highWage).toMatchObject({ value: false, reason: null })
    expect(dev.flags.highWage.evidence[0]).toMatchObject({ figure: 133_080, threshold: p50, met: false, source: { publisher: 'U.S. Bureau of Labor Statistics' } })
    expect(dev.flags.highWage.evidence[0].comparison).toContain('$169,750')
    expect(dev.flags.inDemand.value).toBe(true)
    expect(dev.flags.inDemand.evidence.map((e: Json) => [e.figure, e.threshold, e.met])).toEqual([[15.8, ALL_GROWTH, true], [115_200, 10_000, true]])
    expect(dev.flags.highSkill).toMatchObject({ value: true, evidence: [{ figure: 'Bachelor\'s degree', threshold: 'Postsecondary nondegree award', met: true }] })

    const web = body.occupations.find((o: Json) => o.socCode === '15-1254')
    expect(web.flags.inDemand.value).toBe(false) // 7.5 % and 5,400 openings
    expect(web.flags.highWage.value).toBe(false)

    // No published figure: null with a reason, never false.
    const qa = body.occupations.find((o: Json) => o.socCode === '15-1253')
    expect(qa.medianAnnualWage).toBeNull()
    for (const flag of ['highWage', 'highSkill', 'inDemand']) {
      expect(qa.flags[flag].value, flag).toBeNull()
      expect(qa.flags[flag].reason, flag).toMatch(/publishes no/)
    }
  })

  it('lets an admin change the thresholds and the flags follow; an educator may read but not change them', async () => {
    const educatorPut = await req('educator', 'PUT', api(schoolId, '/alignment-thresholds'), { wagePercentile: 20, growthPercent: 5, annualOpenings: 5000, educationLevel: 'master' })
    expect(educatorPut.statusCode).toBe(403)
    expect((await req('learner', 'GET', api(schoolId, '/alignment-thresholds'))).statusCode).toBe(403)
    expect((await req('educator', 'GET', api(schoolId, '/alignment-thresholds'))).json<Json>().configured).toBe(false)

    for (const bad of [{ wagePercentile: 101 }, { growthPercent: -101 }, { growthPercent: 1001 }, { annualOpenings: -1 }, { educationLevel: 'phd' }, { extra: 1 }]) {
      const res = await req('admin', 'PUT', api(schoolId, '/alignment-thresholds'), { wagePercentile: 50, growthPercent: 3, annualOpenings: 100, educationLevel: 'bachelor', ...bad })
      expect(res.statusCode, JSON.stringify(bad)).toBe(400)
      expect(res.json<Json>().code).toBe('request.invalid')
    }

    const put = await req('admin', 'PUT', api(schoolId, '/alignment-thresholds'), { wagePercentile: 20, growthPercent: 16, annualOpenings: 5000, educationLevel: 'master' })
    expect(put.statusCode).toBe(200)
    expect(put.json<Json>()).toMatchObject({ configured: true, wagePercentile: 20, growthPercent: 16, annualOpenings: 5000, educationLevel: 'master' })
    expect((await req('educator', 'GET', api(schoolId, '/alignment-thresholds'))).json<Json>()).toMatchObject({ configured: true, wagePercentile: 20 })

    const body = (await req('educator', 'GET', api(schoolId, `/programmes/${programmeId}`))).json<Json>()
    const dev = body.occupations.find((o: Json) => o.socCode === '15-1252')
    const web = body.occupations.find((o: Json) => o.socCode === '15-1254')
    // 20th percentile = the second-lowest median, 90,930: both are now high-wage.
    expect(dev.flags.highWage.value).toBe(true)
    expect(web.flags.highWage).toMatchObject({ value: true, evidence: [{ figure: 90_930, threshold: MEDIANS[1], met: true }] })
    // Growth 15.8 < 16 but 115,200 openings ≥ 5,000; web developers: 5,400 openings ≥ 5,000.
    expect(dev.flags.inDemand.evidence.map((e: Json) => e.met)).toEqual([false, true])
    expect(dev.flags.inDemand.value).toBe(true)
    expect(web.flags.inDemand.value).toBe(true)
    // A bachelor's degree is below a master's.
    expect(dev.flags.highSkill.value).toBe(false)
    expect(web.flags.highSkill.evidence[0].comparison).toContain('below')

    // Fractions come back as written on both engines (PostgreSQL's real is four bytes).
    const fractions = { wagePercentile: 62.5, growthPercent: 14.4, annualOpenings: 5000, educationLevel: 'master' }
    expect((await req('admin', 'PUT', api(schoolId, '/alignment-thresholds'), fractions)).json<Json>()).toMatchObject(fractions)

    // A state definition needing both figures: 15.8 % < 16 % is now enough to rule software developers out.
    const both = await req('admin', 'PUT', api(schoolId, '/alignment-thresholds'), { wagePercentile: 20, growthPercent: 16, annualOpenings: 5000, educationLevel: 'master', inDemandRule: 'both' })
    expect(both.json<Json>()).toMatchObject({ inDemandRule: 'both', configured: true })
    const strictDev = (await req('educator', 'GET', api(schoolId, `/programmes/${programmeId}`))).json<Json>().occupations.find((o: Json) => o.socCode === '15-1252')
    expect(strictDev.flags.inDemand.value).toBe(false)
    expect((await req('admin', 'PUT', api(schoolId, '/alignment-thresholds'), { wagePercentile: 20, growthPercent: 16, annualOpenings: 5000, educationLevel: 'master', inDemandRule: 'all' })).statusCode).toBe(400)
    // Left out, the rule is 'either' again.
    const again = await req('admin', 'PUT', api(schoolId, '/alignment-thresholds'), { wagePercentile: 20, growthPercent: 16, annualOpenings: 5000, educationLevel: 'master' })
    expect(again.json<Json>().inDemandRule).toBe('either')
  })

  it('keeps each school to its own programmes: another school is 404, an unknown programme is 404', async () => {
    expect((await req('otherAdmin', 'GET', api(schoolId, '/programmes'))).statusCode).toBe(404)
    expect((await req('otherAdmin', 'GET', api(schoolId, `/programmes/${programmeId}`))).statusCode).toBe(404)
    expect((await req('otherAdmin', 'PUT', api(schoolId, '/alignment-thresholds'), { wagePercentile: 1, growthPercent: 1, annualOpenings: 1, educationLevel: 'none' })).statusCode).toBe(404)
    // Through its own school the programme id of another school is not found either.
    const cross = await req('otherAdmin', 'GET', api(otherSchoolId, `/programmes/${programmeId}`))
    expect(cross.statusCode).toBe(404)
    expect(cross.json<Json>().code).toBe('programme.not_found')
    expect((await req('otherAdmin', 'DELETE', api(otherSchoolId, `/programmes/${programmeId}`))).statusCode).toBe(404)
    expect((await req('learner', 'GET', api(schoolId, '/programmes'))).statusCode).toBe(403)
    expect((await req('learner', 'POST', api(schoolId, '/programmes'), { cipCode: '11.0701' })).statusCode).toBe(403)
    expect((await req(undefined, 'GET', api(schoolId, '/programmes'))).statusCode).toBe(401)
  })
})

describe('limits', () => {
  it('refuses a school\'s 1,001st programme with 409 programme.limit', async () => {
    const third = await school('Limit Academy')
    await member('limitAdmin', third, 'school_admin')
    const now = new Date(t.clock.now()).toISOString()
    const rows = Array.from({ length: 1000 }, (_, i) => ({ id: crypto.randomUUID(), school_id: third, cip_code: `90.${String(i).padStart(4, '0')}`, title: `P${i}`, created_at: now }))
    for (let i = 0; i < rows.length; i += 200) await t.deps.db.kysely.insertInto('school_programmes').values(rows.slice(i, i + 200)).execute()
    const res = await req('limitAdmin', 'POST', api(third, '/programmes'), { cipCode: '11.0201' })
    expect(res.statusCode).toBe(409)
    expect(res.json<Json>().code).toBe('programme.limit')
  })
})

describe('CIP lookup', () => {
  it('finds crosswalk codes by code, by its start and by title words, for anyone; bad queries are 400', async () => {
    const codes = async (q: string) => {
      const res = await req(undefined, 'GET', `/api/v1/cip-codes?q=${encodeURIComponent(q)}`)
      expect(res.statusCode, q).toBe(200)
      return res.json<Json>().items.map((i: Json) => i.cipCode)
    }
    expect(await codes('computer')).toEqual(['11.0201', '11.0701'])
    expect(await codes('Computer science')).toEqual(['11.0701'])
    expect(await codes('11.07')).toEqual(['11.0701'])
    expect(await codes('1107')).toEqual(['11.0701'])
    expect(await codes('11')).toEqual(['11.0201', '11.0701'])
    expect(await codes('1')).toEqual(['01.0000'])
    expect(await codes('taxidermy')).toEqual([]) // linked to no occupation
    const first = (await req(undefined, 'GET', '/api/v1/cip-codes?q=11.0701')).json<Json>()
    expect(first).toEqual({ items: [{ cipCode: '11.0701', title: 'Computer Science', occupationCount: 13 }], crosswalkImported: true })
    expect((await req(undefined, 'GET', '/api/v1/cip-codes')).statusCode).toBe(400)
    expect((await req(undefined, 'GET', `/api/v1/cip-codes?q=${'x'.repeat(101)}`)).statusCode).toBe(400)
    expect((await req(undefined, 'GET', '/api/v1/cip-codes?q=11&limit=0')).statusCode).toBe(400)
  })
})

describe('the alignment report', () => {
  let hostileIds: string[] = []

  beforeAll(async () => {
    // Formula payloads as programme titles: no downloaded cell may be a formula.
    hostileIds = []
    await req('admin', 'POST', api(schoolId, '/programmes'), { cipCode: '51.0912', title: FORMULA_PAYLOADS[0] })
    const list = (await req('admin', 'GET', api(schoolId, '/programmes'))).json<Json>().items as Json[]
    hostileIds = list.filter((p) => p.cipCode === '51.0912').map((p) => p.id)
  })

  it('answers every programme with its occupations and flags as JSON', async () => {
    const res = await req('educator', 'GET', api(schoolId, '/programmes/alignment'))
    expect(res.statusCode).toBe(200)
    const report = res.json<Json>()
    expect(report.school.id).toBe(schoolId)
    expect(report.programmes.map((p: Json) => p.programme.cipCode)).toEqual(['11.0201', '11.0701', '51.0912'])
    expect(report.programmes[1].occupations).toHaveLength(13)
    expect(report.sources.map((x: Json) => x.id)).toEqual(expect.arrayContaining(['nces-cip-2020-soc-2018', 'bls-oews-2024-05', 'bls-ep-2024-2034']))
    expect(hostileIds).toHaveLength(1)
  })

  it('downloads CSV: one row per programme × occupation with figures, flags and evidence; no field could be a formula', async () => {
    const res = await req('educator', 'GET', api(schoolId, '/programmes/alignment.csv'))
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/csv/)
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="Riverside/)
    expect(res.headers['cache-control']).toBe('no-store')
    const rows = parseCsv(res.body)
    const [header, ...data] = rows
    expect(header).toContain('High-wage evidence')
    expect(data).toHaveLength(7 + 13 + 2) // 11.0201, 11.0701, 51.0912
    const dev = data.find((r) => r[1] === '11.0201' && r[3] === '15-1252')!
    const col = (name: string) => header!.indexOf(name)
    expect(dev[col('Median annual wage (USD)')]).toBe('133080')
    expect(dev[col('High-wage')]).toBe('yes')
    expect(dev[col('High-skill')]).toBe('no')
    expect(dev[col('In-demand')]).toBe('yes')
    expect(dev[col('High-wage evidence')]).toContain('$90,930')
    expect(rows.flat().filter((cell) => couldBeFormula(cell))).toEqual([])
    expect(data.some((r) => r[0] === `'${FORMULA_PAYLOADS[0]}`)).toBe(true)
  })

  it('downloads XLSX with the same rows and a thresholds sheet: no formula cell, no text that could become one', async () => {
    const res = await req('educator', 'GET', api(schoolId, '/programmes/alignment.xlsx'))
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(String(res.headers['content-disposition'])).toMatch(/\.xlsx"/)
    const cells = await xlsxCells(res.rawPayload)
    expect(cells.formulas).toBe(0)
    expect(cells.text.filter((c) => couldBeFormula(c))).toEqual([])
    expect(cells.numbers).toContain(133_080)
    expect(cells.text).toContain('High-wage: wage percentile')
  })

  it('puts every payload through the writer when each is a title', async () => {
    // The other school lists one programme at a time, titled with each payload in turn.
    for (const payload of FORMULA_PAYLOADS) {
      const list = (await req('otherAdmin', 'GET', api(otherSchoolId, '/programmes'))).json<Json>().items as Json[]
      for (const p of list) await req('otherAdmin', 'DELETE', api(otherSchoolId, `/programmes/${p.id}`))
      expect((await req('otherAdmin', 'POST', api(otherSchoolId, '/programmes'), { cipCode: '11.0201', title: payload })).statusCode).toBe(201)
      const csv = parseCsv((await req('otherAdmin', 'GET', api(otherSchoolId, '/programmes/alignment.csv'))).body)
      expect(csv.flat().filter((cell) => couldBeFormula(cell)), payload).toEqual([])
      const cells = await xlsxCells((await req('otherAdmin', 'GET', api(otherSchoolId, '/programmes/alignment.xlsx'))).rawPayload)
      expect(cells.formulas).toBe(0)
      expect(cells.text.filter((c) => couldBeFormula(c)), payload).toEqual([])
    }
  })
})

describe('OpenAPI', () => {
  it('documents the programme routes under the programmes tag with strict bodies', async () => {
    const spec = (await t.app.inject('/api/v1/openapi.json')).json<Json>()
    const paths = spec.paths as Json
    const base = '/api/v1/schools/{schoolId}'
    for (const [path, methods] of [
      ['/programmes', ['get', 'post']], ['/programmes/{programmeId}', ['get', 'delete']], ['/programmes/alignment', ['get']],
      ['/programmes/alignment.csv', ['get']], ['/programmes/alignment.xlsx', ['get']], ['/alignment-thresholds', ['get', 'put']],
    ] as const) {
      const entry = paths[`${base}${path}`] ?? paths[`${base.replace('/api/v1', '')}${path}`]
      expect(entry, path).toBeDefined()
      for (const method of methods) expect(entry[method]?.tags, `${method} ${path}`).toEqual(['programmes'])
    }
    expect(paths['/api/v1/cip-codes']?.get?.tags).toEqual(['programmes'])
    const post = (paths[`${base}/programmes`] ?? paths['/schools/{schoolId}/programmes']).post
    expect(post.requestBody.content['application/json'].schema.additionalProperties).toBe(false)
  })
})

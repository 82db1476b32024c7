/**
 * The programme alignment pages over HTTP on the fixture datasets: an admin adds programmes by CIP
 * code through the form (errors beside the field, candidates, duplicates), sets the thresholds (the
 * flags follow), removes a programme and downloads the report; an educator reads everything, adds
 * programmes but sees the thresholds read-only and is refused their form (403); a learner is refused,
 * another school is 404, anonymous goes to sign-in. A seed-only installation (no crosswalk imported)
 * says so with the import command instead of showing empty tables.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browser, createAuthTestApp, makeUser, type AuthTestApp, type Session } from '../support/auth.js'
import { importFixtures } from '../support/imported-app.js'
import { couldBeFormula } from '../../server/platform/export/spreadsheet.js'
import { parseCsv } from '../support/spreadsheets.js'
import type { TestApp } from '../support/test-app.js'
import { getPage, mainText, pageSignin, postForm } from '../support/web-forms.js'

let t: AuthTestApp
let schoolId = ''
let otherSchoolId = ''
const s: Record<string, Session> = {}

async function member(name: string, school: string, role: 'learner' | 'educator' | 'school_admin', app = t) {
  const user = await makeUser(app)
  await app.deps.db.kysely.insertInto('memberships').values({ user_id: user.id, school_id: school, role, created_at: new Date(app.clock.now()).toISOString() }).execute()
  s[name] = await pageSignin(app, user.email, user.password)
}

async function createSchool(app: AuthTestApp, root: Session, name: string): Promise<string> {
  const res = await postForm(app, '/schools', { name }, { session: root })
  expect(res.statusCode).toBe(303)
  return /^\/schools\/([0-9a-f-]+)\?done=created$/.exec(String(res.headers.location))![1]!
}

const programmesUrl = (school: string, rest = '') => `/schools/${school}/programmes${rest}`

beforeAll(async () => {
  t = await createAuthTestApp()
  await importFixtures(t as unknown as TestApp, [['onet', 'onet'], ['bls-oews', 'bls-oews'], ['bls-projections', 'bls-projections'], ['cip-soc', 'cip-soc']])
  const root = await makeUser(t, { platform_role: 'platform_admin' })
  s.root = await pageSignin(t, root.email, root.password)
  schoolId = await createSchool(t, s.root, 'Riverside High')
  otherSchoolId = await createSchool(t, s.root, 'Hilltop Academy')
  await member('admin', schoolId, 'school_admin')
  await member('educator', schoolId, 'educator')
  await member('learner', schoolId, 'learner')
  await member('outsider', otherSchoolId, 'school_admin')
}, 120_000)

afterAll(async () => {
  await t?.close()
})

/** The id of the programme a list page links to, by its CIP code's row. */
async function programmeIdOf(session: Session | undefined, cip: string): Promise<string> {
  const res = await getPage(t, programmesUrl(schoolId), session)
  const row = res.body.split('<tr>').find((r) => r.includes(`<td>${cip}</td>`)) ?? ''
  return /href="\/schools\/[0-9a-f-]+\/programmes\/([0-9a-f-]+)"/.exec(row)?.[1] ?? ''
}

describe('programme pages', () => {
  it('shows an admin the empty list with the add form, the thresholds form, downloads and the rules; personal and not cached', async () => {
    const res = await getPage(t, programmesUrl(schoolId), s.admin)
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const text = mainText(res.body)
    expect(text).toContain('Programmes of Riverside High')
    expect(text).toContain('The school lists no programmes yet.')
    expect(res.body).toContain(`action="/schools/${schoolId}/programmes"`)
    expect(res.body).toContain(`action="/schools/${schoolId}/programmes/thresholds"`)
    expect(res.body).toMatch(/<label for="programme-cipCode">CIP 2020 code<\/label>/)
    expect(res.body).toMatch(/<label for="thresholds-educationLevel">/)
    expect(res.body).toContain('name="_csrf"')
    expect(res.body).toContain(`href="/schools/${schoolId}/programmes/alignment.csv"`)
    expect(text).toContain('The school has not set its own thresholds: these are the defaults.')
    expect(text).toContain('50th percentile')
    const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(res.body)?.[1] ?? ''
    expect(main).not.toMatch(/<script|style="/)
  })

  it('adds programmes through the form: bad, unknown and duplicate codes are shown beside the field', async () => {
    const bad = await postForm(t, programmesUrl(schoolId), { cipCode: 'computing', title: '' }, { session: s.admin })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('id="programme-cipCode-error"')
    expect(bad.body).toContain('value="computing"')
    // Words instead of a code: the matching codes are offered.
    const words = await postForm(t, programmesUrl(schoolId), { cipCode: 'computer science', title: '' }, { session: s.admin })
    expect(words.statusCode).toBe(400)
    expect(mainText(words.body)).toContain('Codes that match what you typed — enter one of them: 11.0701 Computer Science')
    const unknown = await postForm(t, programmesUrl(schoolId), { cipCode: '12.3456', title: '' }, { session: s.admin })
    expect(unknown.statusCode).toBe(404)
    expect(mainText(unknown.body)).toContain('does not list 12.3456')

    const added = await postForm(t, programmesUrl(schoolId), { cipCode: '110201', title: 'Coding pathway' }, { session: s.educator })
    expect(added.statusCode).toBe(303)
    expect(added.headers.location).toBe(`/schools/${schoolId}/programmes?done=added`)
    expect((await postForm(t, programmesUrl(schoolId), { cipCode: '11.0701', title: '' }, { session: s.admin })).statusCode).toBe(303)

    const duplicate = await postForm(t, programmesUrl(schoolId), { cipCode: '11.0201', title: '' }, { session: s.admin })
    expect(duplicate.statusCode).toBe(409)
    expect(mainText(duplicate.body)).toContain('already lists CIP 11.0201')

    const list = await getPage(t, programmesUrl(schoolId, '?done=added'), s.admin)
    const text = mainText(list.body)
    expect(text).toContain('The programme has been added.')
    expect(text).toContain('Coding pathway')
    expect(text).toContain('Computer Programming/Programmer, General')
    expect(list.body).toMatch(/<caption id="programmes-caption">/)
    expect(list.body).toContain('<th scope="row">')
    // Where the figures come from, with the publishers' attribution.
    expect(text).toContain('Where this data comes from')
    expect(text).toContain('Source: NCES (CIP 2020, CIP–SOC crosswalk).')
    expect(text).toContain('Source: U.S. Bureau of Labor Statistics (OEWS).')
  })

  it('refuses a form without the CSRF field', async () => {
    const res = await postForm(t, programmesUrl(schoolId), { cipCode: '51.0912' }, { session: s.admin, csrf: null })
    expect(res.statusCode).toBe(403)
  })

  it('shows a programme\'s occupations with figures, text badges, evidence and links to careers', async () => {
    const id = await programmeIdOf(s.educator, '11.0201')
    expect(id).not.toBe('')
    const res = await getPage(t, programmesUrl(schoolId, `/${id}`), s.educator)
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const text = mainText(res.body)
    expect(res.body).toContain('<caption id="occupations-caption">Occupations of Coding pathway (CIP 11.0201), national figures</caption>')
    expect(res.body).toContain('<th scope="col">Median annual wage</th>')
    expect(text).toContain('Software Developers')
    expect(text).toContain('$133,080')
    expect(text).toContain('40th percentile')
    expect(text).toContain('15.8 %, 2024–2034')
    expect(text).toContain('115,200')
    expect(text).toContain('High-wage: no')
    expect(text).toContain('In-demand: yes')
    expect(text).toContain('High-skill: yes')
    expect(text).toContain('High-wage: unknown') // occupations BLS publishes nothing for
    expect(text).toContain('is below $169,750, the 50th percentile of 6 occupations\' national medians')
    expect(text).toContain('BLS publishes no national median annual wage for this occupation.')
    expect(res.body).toContain('href="/careers/software-developers"')
    expect(text).toContain('Source: U.S. Bureau of Labor Statistics (Employment Projections).')
  })

  it('shows the thresholds read-only to an educator and refuses the form (403); an admin changes them and the flags follow', async () => {
    const educatorPage = await getPage(t, programmesUrl(schoolId), s.educator)
    expect(educatorPage.body).not.toContain(`action="/schools/${schoolId}/programmes/thresholds"`)
    expect(mainText(educatorPage.body)).toContain('Only the school’s administrators can change the thresholds.')
    const refused = await postForm(t, programmesUrl(schoolId, '/thresholds'), { wagePercentile: '20', growthPercent: '5', annualOpenings: '5000', educationLevel: 'master' }, { session: s.educator })
    expect(refused.statusCode).toBe(403)

    const invalid = await postForm(t, programmesUrl(schoolId, '/thresholds'), { wagePercentile: '150', growthPercent: 'fast', annualOpenings: '-3', educationLevel: 'phd' }, { session: s.admin })
    expect(invalid.statusCode).toBe(400)
    for (const field of ['wagePercentile', 'growthPercent', 'annualOpenings', 'educationLevel']) expect(invalid.body).toContain(`id="thresholds-${field}-error"`)
    expect(invalid.body).toContain('value="150"')

    const saved = await postForm(t, programmesUrl(schoolId, '/thresholds'), { wagePercentile: '40', growthPercent: '16', annualOpenings: '200000', educationLevel: 'master' }, { session: s.admin })
    expect(saved.statusCode).toBe(303)
    const id = await programmeIdOf(s.admin, '11.0201')
    const text = mainText((await getPage(t, programmesUrl(schoolId, `/${id}`), s.admin)).body)
    expect(text).toContain('Thresholds Set by the school')
    expect(text).toContain('High-wage: yes') // 133,080 is the 40th percentile
    expect(text).not.toContain('In-demand: yes') // 15.8 % < 16 % and 115,200 < 200,000 openings
    expect(text).not.toContain('High-skill: yes') // a bachelor's degree is below a master's
    expect(text).toContain('"Bachelor\'s degree" is below "Master\'s degree"')

    const both = await postForm(t, programmesUrl(schoolId, '/thresholds'), { wagePercentile: '40', growthPercent: '10', annualOpenings: '1000', educationLevel: 'master', inDemandRule: 'both' }, { session: s.admin })
    expect(both.statusCode).toBe(303)
    const list = await getPage(t, programmesUrl(schoolId), s.admin)
    expect(mainText(list.body)).toContain('projected employment change of at least 10 % over the projection decade, and at least 1,000 openings a year nationally (BLS Employment Projections): both must be met.')
    expect(list.body).toMatch(/<input type="radio" id="thresholds-inDemandRule-both" name="inDemandRule" checked="" value="both"/)
    const badRule = await postForm(t, programmesUrl(schoolId, '/thresholds'), { wagePercentile: '40', growthPercent: '10', annualOpenings: '1000', educationLevel: 'master', inDemandRule: 'some' }, { session: s.admin })
    expect(badRule.statusCode).toBe(400)
    expect(badRule.body).toContain('id="thresholds-inDemandRule-error"')
  })

  it('downloads the report from the page, formulas neutralised', async () => {
    const res = await getPage(t, programmesUrl(schoolId, '/alignment.csv'), s.educator)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/csv/)
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="Riverside-High-programme-alignment-/)
    const rows = parseCsv(res.body)
    expect(rows).toHaveLength(1 + 7 + 13)
    expect(rows.flat().filter((c) => couldBeFormula(c))).toEqual([])
    const xlsx = await getPage(t, programmesUrl(schoolId, '/alignment.xlsx'), s.educator)
    expect(xlsx.statusCode).toBe(200)
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  })

  it('keeps the pages to the school\'s staff: learner 403, another school 404, anonymous to sign-in', async () => {
    expect((await getPage(t, programmesUrl(schoolId), s.learner)).statusCode).toBe(403)
    expect((await getPage(t, programmesUrl(schoolId), s.outsider)).statusCode).toBe(404)
    const id = await programmeIdOf(s.admin, '11.0201')
    expect((await getPage(t, programmesUrl(schoolId, `/${id}`), s.outsider)).statusCode).toBe(404)
    expect((await getPage(t, programmesUrl(otherSchoolId, `/${id}`), s.outsider)).statusCode).toBe(404)
    expect((await postForm(t, programmesUrl(schoolId, `/${id}/remove`), {}, { session: s.outsider })).statusCode).toBe(404)
    expect((await getPage(t, programmesUrl(schoolId, '/alignment.csv'), s.outsider)).statusCode).toBe(404)
    const anonymous = await getPage(t, programmesUrl(schoolId))
    expect(anonymous.statusCode).toBe(303)
    expect(anonymous.headers.location).toBe(`/sign-in?next=${encodeURIComponent(programmesUrl(schoolId))}`)
  })

  it('removes a programme through its button', async () => {
    const id = await programmeIdOf(s.admin, '11.0701')
    const res = await postForm(t, programmesUrl(schoolId, `/${id}/remove`), {}, { session: s.admin })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe(`/schools/${schoolId}/programmes?done=removed`)
    expect(mainText((await getPage(t, programmesUrl(schoolId), s.admin)).body)).not.toContain('Computer Science')
    expect((await getPage(t, programmesUrl(schoolId, `/${id}`), s.admin)).statusCode).toBe(404)
  })
})

describe('a seed-only installation (no crosswalk imported)', () => {
  let bare: AuthTestApp
  let bareSchool = ''

  beforeAll(async () => {
    bare = await createAuthTestApp()
    const root = await makeUser(bare, { platform_role: 'platform_admin' })
    s.bareRoot = await pageSignin(bare, root.email, root.password)
    bareSchool = await createSchool(bare, s.bareRoot, 'Seedling School')
    await member('bareAdmin', bareSchool, 'school_admin', bare)
  }, 60_000)

  afterAll(async () => {
    await bare?.close()
  })

  it('says the crosswalk is not imported and how to import it, on the pages and in the API', async () => {
    const list = await getPage(bare, programmesUrl(bareSchool), s.bareAdmin)
    expect(list.statusCode).toBe(200)
    const text = mainText(list.body)
    expect(text).toContain('Programmes cannot be linked to occupations yet.')
    expect(text).toContain('npx pathways import cip-soc &lt;folder&gt;')
    expect(text).toContain('CIP2020_SOC2018_Crosswalk.csv')

    // A code can still be listed; its page says why no occupations show.
    expect((await postForm(bare, programmesUrl(bareSchool), { cipCode: '11.0201', title: '' }, { session: s.bareAdmin })).statusCode).toBe(303)
    const api = await bare.app.inject({ url: `/api/v1/schools/${bareSchool}/programmes`, headers: browser(s.bareAdmin) })
    const body = api.json<{ items: { id: string; title: string; occupationCount: number | null }[]; data: { crosswalkImported: boolean; message: string | null } }>()
    expect(body.data.crosswalkImported).toBe(false)
    expect(body.data.message).toContain('npx pathways import cip-soc')
    expect(body.items[0]).toMatchObject({ title: 'CIP 11.0201', occupationCount: null })
    const detail = await getPage(bare, programmesUrl(bareSchool, `/${body.items[0]!.id}`), s.bareAdmin)
    expect(mainText(detail.body)).toContain('No occupations can be shown until the CIP–SOC crosswalk is imported.')
    expect(detail.body).not.toContain('<table')
  })
})

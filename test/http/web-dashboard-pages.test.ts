/**
 * The dashboard, drill-down and report pages over HTTP: what a staff member reads (summary, charts
 * named for assistive technology, each with its data table, the learner table linking to the
 * drill-down), the reads logged, no-store, no script or inline style, the report form and its
 * download links, refusals as pages (403, 404) and a bad range shown on the form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuthTestApp, type AuthTestApp, type Session } from '../support/auth.js'
import { getPage, mainText, pageSignin } from '../support/web-forms.js'
import { adaptedPathway, assignCareer, assignPathway, cohort, DAY, localCredential, markAdapted, person, programme, school, type Person } from './insight-fixture.js'

let t: AuthTestApp
let schoolId = ''
let cohortId = ''
let otherCohortId = ''
const people = {} as Record<'educator' | 'stranger' | 'outsider' | 'ada' | 'ben' | 'dan', Person>

const signedIn = (who: Person): Promise<Session> => pageSignin(t, who.email, who.password)
const svgs = (html: string) => [...html.matchAll(/<svg[^>]*>[\s\S]*?<\/svg>/g)].map((m) => m[0])

beforeAll(async () => {
  t = await createAuthTestApp()
  schoolId = await school(t, 'Riverside High')
  const otherSchool = await school(t, 'Hilltop Academy')
  people.educator = await person(t, schoolId, 'educator')
  people.stranger = await person(t, schoolId, 'educator')
  people.outsider = await person(t, otherSchool, 'school_admin')
  people.ada = await person(t, schoolId, 'learner', 'Ada Lovelace')
  people.ben = await person(t, schoolId, 'learner', 'Ben Okri')
  people.dan = await person(t, schoolId, 'learner', 'Dan Brown')
  const programmeId = await programme(t, schoolId, 'Health Informatics', '51.0709')
  const badge = await localCredential(t, schoolId, 'Riverside Data Badge', 'Riverside High')
  const pathway = await adaptedPathway(t, schoolId, 'Riverside pathway', ['Visit', 'Log'], { 0: badge })
  cohortId = await cohort(t, schoolId, 'Year 12 data', { staff: [people.educator], members: [people.ada, people.ben], programmeId })
  otherCohortId = await cohort(t, otherSchool, 'Elsewhere')
  await assignCareer(t, cohortId, 'data-clerk')
  await assignPathway(t, cohortId, pathway.id)
  const { passport, plans } = t.deps.learner
  await passport.replace(people.ada.id, { skills: [{ skill: 'sql', level: 3 }], targets: ['data-clerk'] })
  t.clock.advance(7 * DAY)
  await passport.earn(people.ada.id, 'acme-sql-certificate', new Date(t.clock.now()).toISOString().slice(0, 10))
  await plans.markStep(people.ada.id, 'data-clerk', 'progression', 0, true)
  await markAdapted(t, people.ben, pathway.id, pathway.steps[0]!)
  t.clock.advance(DAY)
}, 60_000)
afterAll(async () => {
  await t?.close()
})

describe('the dashboard page', () => {
  it('shows the summary, charts with accessible names and data tables, and the learner table', async () => {
    const session = await signedIn(people.educator)
    const res = await getPage(t, `/schools/${schoolId}/cohorts/${cohortId}/dashboard`, session)
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const html = res.body
    const text = mainText(html)
    expect(text).toContain('Year 12 data: dashboard')
    expect(text).toContain('Programme: Health Informatics')
    expect(text).toMatch(/Learners\s+2/)
    expect(text).toMatch(/Credentials earned\s+2/)
    const charts = svgs(html)
    // Coverage of data-clerk, completion of two assignments, three count trends and one coverage trend.
    expect(charts).toHaveLength(7)
    for (const svg of charts) {
      expect(svg).toContain('role="img"')
      const labelled = /aria-labelledby="([^"]+)"/.exec(svg)?.[1]
      expect(labelled).toBeTruthy()
      expect(svg).toMatch(new RegExp(`<title id="${labelled}">[^<]+</title>`))
      expect(svg).toMatch(/<desc id="[^"]+">[^<]+<\/desc>/)
    }
    expect(html).toContain('<caption>Learners by coverage of Data Clerk</caption>')
    expect(html).toContain('<caption>Learners by completion of Riverside pathway</caption>')
    expect(html).toContain('<caption>Trends by week</caption>')
    expect(html).toContain('<caption>Learners of Year 12 data</caption>')
    expect(html).toMatch(/<th scope="col">Band<\/th>/)
    expect(html).toMatch(/<th scope="row"><a href="\/schools\/[^"]+\/cohorts\/[^"]+\/learners\/[^"]+">Ada Lovelace<\/a><\/th>/)
    expect(text).toContain('1 of 2') // Ada: one of the two catalog steps
    expect(text).toContain('Acme SQL Certificate')
    expect(text).toContain('Riverside Data Badge')
    expect(html).not.toMatch(/<script(?![^>]*src=)/)
    expect(html).not.toContain('style="')
    expect(html).toContain('<label for="dashboard-weeks">')
    const log = await t.deps.db.kysely.selectFrom('access_log').select(['learner_id', 'purpose']).where('purpose', '=', 'school.cohort.dashboard').execute()
    expect(log.map((r) => r.learner_id).sort()).toEqual([people.ada.id, people.ben.id].sort())
  })

  it('takes the number of weeks from a GET form', async () => {
    const session = await signedIn(people.educator)
    const res = await getPage(t, `/schools/${schoolId}/cohorts/${cohortId}/dashboard?weeks=4`, session)
    expect(res.statusCode).toBe(200)
    const table = /<caption>Trends by week<\/caption>[\s\S]*?<\/table>/.exec(res.body)![0]
    expect(table.match(/<tr>/g)).toHaveLength(5) // header and four weeks
    expect(res.body).toMatch(/<option value="4" selected="">/)
  })

  it('refuses an educator who does not run the cohort (403) and another school (404) as pages', async () => {
    const stranger = await getPage(t, `/schools/${schoolId}/cohorts/${cohortId}/dashboard`, await signedIn(people.stranger))
    expect(stranger.statusCode).toBe(403)
    expect(stranger.headers['content-type']).toContain('text/html')
    expect((await getPage(t, `/schools/${schoolId}/cohorts/${cohortId}/dashboard`, await signedIn(people.outsider))).statusCode).toBe(404)
    expect((await getPage(t, `/schools/${schoolId}/cohorts/${otherCohortId}/dashboard`, await signedIn(people.educator))).statusCode).toBe(404)
    const anonymous = await getPage(t, `/schools/${schoolId}/cohorts/${cohortId}/dashboard`)
    expect(anonymous.statusCode).toBe(303)
  })
})

describe('the drill-down page', () => {
  it('shows the learner\'s coverage, gaps, steps, credentials and recent progress; the read is logged', async () => {
    const session = await signedIn(people.educator)
    const res = await getPage(t, `/schools/${schoolId}/cohorts/${cohortId}/learners/${people.ada.id}`, session)
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const text = mainText(res.body)
    expect(text).toContain('Ada Lovelace')
    expect(text).toMatch(/Data Clerk: \d+% covered/)
    expect(res.body).toContain('<caption>Largest gaps to Data Clerk</caption>')
    expect(res.body).toContain('<caption>Data Clerk: 1 of 2 steps done</caption>')
    expect(res.body).toContain('<caption>Credentials earned</caption>')
    expect(text).toContain('Acme SQL Certificate')
    expect(text).toContain('written to the access log')
    expect(res.body).toContain('<caption>Recent changes to the passport and pathways, newest first</caption>')
    expect(text).toMatch(/credential earned Data Clerk: \d+%/)
    const rows = await t.deps.db.kysely.selectFrom('access_log').selectAll().where('learner_id', '=', people.ada.id).where('purpose', '=', 'school.cohort.learner').execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ actor_user_id: people.educator.id, actor_role: 'educator', school_id: schoolId })
  })

  it('answers 404 for someone not in the cohort', async () => {
    const res = await getPage(t, `/schools/${schoolId}/cohorts/${cohortId}/learners/${people.dan.id}`, await signedIn(people.educator))
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toContain('text/html')
  })
})

describe('the report page', () => {
  it('shows the form with labels, the tables and download links carrying the same query', async () => {
    const session = await signedIn(people.educator)
    const today = new Date(t.clock.now()).toISOString().slice(0, 10)
    const res = await getPage(t, `/schools/${schoolId}/reports?from=2026-01-01&to=${today}&cohortId=${cohortId}`, session)
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const html = res.body
    for (const id of ['report-from', 'report-to', 'report-cohortId', 'report-programmeId']) expect(html).toContain(`<label for="${id}">`)
    expect(html).toMatch(/<form class="search-form"[^>]*action="\/schools\/[^"]+\/reports" method="get">/)
    expect(html).toMatch(/<caption>Credential attainment per cohort, [^<]+<\/caption>/)
    expect(html).toMatch(/<caption>Credential attainment per programme, [^<]+<\/caption>/)
    expect(html).toMatch(/<caption>Credentials earned, [^<]+<\/caption>/)
    const text = mainText(html)
    expect(text).toContain('2 of 2 learners in 1 cohort earned at least one credential (100%)')
    expect(text).toContain('Health Informatics')
    expect(text).not.toContain('Ada Lovelace')
    const query = `from=2026-01-01&amp;to=${today}&amp;cohortId=${cohortId}`
    expect(html).toContain(`href="/api/v1/schools/${schoolId}/reports/attainment.csv?${query}"`)
    expect(html).toContain(`href="/api/v1/schools/${schoolId}/reports/attainment.xlsx?${query}"`)
    // The link works for the signed-in browser.
    const csv = await t.app.inject({ method: 'GET', url: `/api/v1/schools/${schoolId}/reports/attainment.csv?from=2026-01-01&to=${today}&cohortId=${cohortId}`, headers: { cookie: session.cookie, 'sec-fetch-site': 'same-origin' } })
    expect(csv.statusCode).toBe(200)
    expect(csv.body).toContain('Year 12 data')
  })

  it('defaults to the year so far, and shows a bad range on the form with 400', async () => {
    const session = await signedIn(people.educator)
    const plain = await getPage(t, `/schools/${schoolId}/reports`, session)
    expect(plain.statusCode).toBe(200)
    expect(plain.body).toContain('value="2026-01-01"')
    const bad = await getPage(t, `/schools/${schoolId}/reports?from=2026-05-01&to=2026-04-01`, session)
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('id="report-to-error"')
    expect(bad.body).toContain('value="2026-05-01"')
    expect(mainText(bad.body)).not.toContain('Per cohort')
  })

  it('refuses learners (403) and other schools (404)', async () => {
    expect((await getPage(t, `/schools/${schoolId}/reports`, await signedIn(people.ada))).statusCode).toBe(403)
    expect((await getPage(t, `/schools/${schoolId}/reports`, await signedIn(people.outsider))).statusCode).toBe(404)
  })
})

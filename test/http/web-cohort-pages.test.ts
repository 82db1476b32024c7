/**
 * The cohort pages over HTTP as a browser without JavaScript: an educator creates a cohort (name
 * required), assigns a career by its typed name and an adapted pathway from the list (unknown names
 * and bad dates shown beside the field), makes a new code, switches joining off, adds staff, removes a
 * learner and archives; a learner opens the join link, joins, sees the assignment in My cohorts and
 * marks steps done and undone. Refusals render pages: another educator 403, another school 404, a bad
 * code 404 with the form, a form without its CSRF field 403.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuthTestApp, makeUser, type AuthTestApp, type Session } from '../support/auth.js'
import { getPage, mainText, pageSignin, postForm } from '../support/web-forms.js'

let t: AuthTestApp
let schoolId = ''
let otherSchoolId = ''
let pathwayId = ''
const s: Record<string, Session> = {}
const u: Record<string, string> = {}
const iso = () => new Date(t.clock.now()).toISOString()

async function person(name: string, school?: string, role?: 'learner' | 'educator' | 'school_admin') {
  const user = await makeUser(t, { display_name: name })
  u[name] = user.id
  if (school && role) await t.deps.db.kysely.insertInto('memberships').values({ user_id: user.id, school_id: school, role, created_at: iso() }).execute()
  s[name] = await pageSignin(t, user.email, user.password)
}

async function createCohort(who: string, name: string): Promise<{ id: string; url: string }> {
  const res = await postForm(t, `/schools/${schoolId}/cohorts`, { name }, { session: s[who] })
  expect(res.statusCode).toBe(303)
  const id = new RegExp(`^/schools/${schoolId}/cohorts/([0-9a-f-]+)\\?done=created$`).exec(String(res.headers.location))?.[1] ?? ''
  expect(id).not.toBe('')
  return { id, url: `/schools/${schoolId}/cohorts/${id}` }
}

const joinCodeOn = (html: string): string => /id="join-code" class="secret" type="text" readOnly="" value="([^"]+)"/.exec(html)?.[1] ?? ''

beforeAll(async () => {
  t = await createAuthTestApp()
  const db = t.deps.db.kysely
  schoolId = randomUUID()
  otherSchoolId = randomUUID()
  await db.insertInto('schools').values([
    { id: schoolId, name: 'Riverside High', slug: 'riverside', created_at: iso() },
    { id: otherSchoolId, name: 'Hilltop Academy', slug: 'hilltop', created_at: iso() },
  ]).execute()
  pathwayId = randomUUID()
  await db.insertInto('adapted_pathways').values({ id: pathwayId, school_id: schoolId, career_slug: 'data-clerk', title: 'Riverside clerk pathway', base: '[]', created_by: null, created_at: iso(), updated_at: iso() }).execute()
  await db.insertInto('adapted_pathway_steps').values({
    id: randomUUID(), pathway_id: pathwayId, position: 0, section: 'local', title: 'Visit the school office', text: 'A morning there.', duration_min: null, duration_max: null,
    duration_unit: null, credential_id: null, school_credential_id: null, upstream_key: null, edited: 0,
  }).execute()
  await person('Ms Teacher', schoolId, 'educator')
  await person('Mr Colleague', schoolId, 'educator')
  await person('Head', schoolId, 'school_admin')
  await person('Pupil', schoolId, 'learner')
  await person('Newcomer')
  await person('Hilltop Head', otherSchoolId, 'school_admin')
}, 120_000)

afterAll(async () => {
  await t?.close()
})

describe('staff cohort pages', () => {
  it('lists cohorts and creates one (the name is required); the cohort page shows its join code and link, uncached', async () => {
    const empty = await postForm(t, `/schools/${schoolId}/cohorts`, { name: '  ' }, { session: s['Ms Teacher'] })
    expect(empty.statusCode).toBe(400)
    expect(empty.body).toContain('id="cohort-name-error"')
    const { url } = await createCohort('Ms Teacher', 'Year 10 Office Skills')
    const list = await getPage(t, `/schools/${schoolId}/cohorts`, s['Ms Teacher'])
    expect(list.statusCode).toBe(200)
    expect(list.headers['cache-control']).toBe('no-store')
    expect(mainText(list.body)).toContain('Year 10 Office Skills')
    expect(list.body).toContain('<th scope="col">Learners</th>')
    const page = await getPage(t, `${url}?done=created`, s['Ms Teacher'])
    expect(page.statusCode).toBe(200)
    expect(page.headers['cache-control']).toBe('no-store')
    expect(mainText(page.body)).toContain('The cohort has been created')
    const code = joinCodeOn(page.body)
    expect(code).toMatch(/^[2-9A-Z]{8}$/)
    expect(page.body).toContain(`/cohorts/join?code=${code}`)
    expect(page.body).toContain(`${url}/dashboard`)
    expect(page.body).toMatch(/name="_csrf" value="[^"]+"/)
  })

  it('assigns a career by its typed name and a pathway from the list; an unknown name or a bad date is shown beside its field', async () => {
    const { url } = await createCohort('Ms Teacher', 'Assignments group')
    const unknown = await postForm(t, `${url}/assignments`, { kind: 'career', career: 'Deep-sea astronaut' }, { session: s['Ms Teacher'] })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.body).toContain('id="assign-career-career-error"')
    expect(unknown.body).toContain('value="Deep-sea astronaut"')
    const badDate = await postForm(t, `${url}/assignments`, { kind: 'career', career: 'Data Clerk', dueOn: '2026-13-01' }, { session: s['Ms Teacher'] })
    expect(badDate.statusCode).toBe(400)
    expect(badDate.body).toContain('id="assign-career-dueOn-error"')
    const career = await postForm(t, `${url}/assignments`, { kind: 'career', career: 'data clerk', dueOn: '2026-06-30', note: 'Read it first' }, { session: s['Ms Teacher'] })
    expect(career.statusCode).toBe(303)
    expect(career.headers.location).toBe(`${url}?done=assigned#assignments-heading`)
    const pathway = await postForm(t, `${url}/assignments`, { kind: 'pathway', pathwayId }, { session: s['Ms Teacher'] })
    expect(pathway.statusCode).toBe(303)
    const foreign = await postForm(t, `${url}/assignments`, { kind: 'pathway', pathwayId: randomUUID() }, { session: s['Ms Teacher'] })
    expect(foreign.statusCode).toBe(400)
    expect(foreign.body).toContain('id="assign-pathway-pathwayId-error"')
    const twice = await postForm(t, `${url}/assignments`, { kind: 'pathway', pathwayId }, { session: s['Ms Teacher'] })
    expect(twice.statusCode).toBe(409)
    expect(twice.body).toContain('already')
    const text = mainText((await getPage(t, url, s['Ms Teacher'])).body)
    expect(text).toContain('Career: Data Clerk')
    expect(text).toContain('Pathway: Riverside clerk pathway')
    expect(text).toContain('2026-06-30')
  })

  it('makes a new code, switches joining off, adds staff, archives; each form redirects with a notice', async () => {
    const { url } = await createCohort('Ms Teacher', 'Controls')
    const first = joinCodeOn((await getPage(t, url, s['Ms Teacher'])).body)
    expect((await postForm(t, `${url}/join-code`, {}, { session: s['Ms Teacher'] })).statusCode).toBe(303)
    const second = joinCodeOn((await getPage(t, url, s['Ms Teacher'])).body)
    expect(second).not.toBe(first)
    expect((await postForm(t, `${url}/join-code/off`, {}, { session: s['Ms Teacher'] })).headers.location).toBe(`${url}?done=code-off#join-heading`)
    expect(mainText((await getPage(t, url, s['Ms Teacher'])).body)).toContain('Joining is switched off')

    expect((await getPage(t, url, s['Mr Colleague'])).statusCode).toBe(403)
    expect((await postForm(t, `${url}/staff`, { userId: u['Mr Colleague']! }, { session: s['Ms Teacher'] })).statusCode).toBe(303)
    expect((await getPage(t, url, s['Mr Colleague'])).statusCode).toBe(200)
    const learnerAsStaff = await postForm(t, `${url}/staff`, { userId: u.Pupil! }, { session: s['Ms Teacher'] })
    expect(learnerAsStaff.statusCode).toBe(409)

    expect((await postForm(t, `${url}/archive`, { archived: 'yes' }, { session: s['Ms Teacher'] })).headers.location).toBe(`${url}?done=archived`)
    const archived = mainText((await getPage(t, url, s['Ms Teacher'])).body)
    expect(archived).toContain('nobody can join it')
    expect(archived).not.toContain('Assign a career')
  })

  it('saves the cohort\'s details (the name is required, the programme must be the school\'s)', async () => {
    const { url } = await createCohort('Ms Teacher', 'Before')
    const programmeId = randomUUID()
    await t.deps.db.kysely.insertInto('school_programmes').values({ id: programmeId, school_id: schoolId, cip_code: '52.0401', title: 'Office administration', created_at: iso() }).execute()
    const empty = await postForm(t, `${url}/details`, { name: '', description: 'kept' }, { session: s['Ms Teacher'] })
    expect(empty.statusCode).toBe(400)
    expect(empty.body).toContain('id="details-name-error"')
    expect(empty.body).toContain('value="kept"')
    const foreign = await postForm(t, `${url}/details`, { name: 'After', programmeId: randomUUID() }, { session: s['Ms Teacher'] })
    expect(foreign.statusCode).toBe(400)
    expect(foreign.body).toContain('id="details-programmeId-error"')
    const saved = await postForm(t, `${url}/details`, { name: 'After', description: 'Mondays', programmeId }, { session: s['Ms Teacher'] })
    expect(saved.headers.location).toBe(`${url}?done=saved#details-heading`)
    const text = mainText((await getPage(t, url, s['Ms Teacher'])).body)
    expect(text).toContain('After')
    expect(text).toContain('Mondays')
    expect(text).toContain('Office administration (CIP 52.0401)')
  })

  it('refuses with pages: another educator 403, another school 404, anonymous to sign-in, a form without its CSRF field 403', async () => {
    const { url } = await createCohort('Ms Teacher', 'Guarded')
    const other = await getPage(t, url, s['Mr Colleague'])
    expect(other.statusCode).toBe(403)
    expect(other.headers['content-type']).toContain('text/html')
    expect((await getPage(t, url, s['Hilltop Head'])).statusCode).toBe(404)
    expect((await getPage(t, url.replace(schoolId, otherSchoolId), s['Hilltop Head'])).statusCode).toBe(404)
    expect((await getPage(t, `/schools/${schoolId}/cohorts`, s.Pupil)).statusCode).toBe(403)
    const anonymous = await getPage(t, url)
    expect(anonymous.statusCode).toBe(303)
    expect(anonymous.headers.location).toMatch(/^\/sign-in\?next=/)
    const forged = await postForm(t, `${url}/join-code/off`, {}, { session: s['Ms Teacher'], csrf: null })
    expect(forged.statusCode).toBe(403)
    expect(joinCodeOn((await getPage(t, url, s['Ms Teacher'])).body)).not.toBe('')
  })

  it('links the school page to cohorts, pathways, programmes and reports for staff only', async () => {
    const staff = await getPage(t, `/schools/${schoolId}`, s['Ms Teacher'])
    for (const rest of ['cohorts', 'pathways', 'programmes', 'reports']) expect(staff.body).toContain(`href="/schools/${schoolId}/${rest}"`)
    expect((await getPage(t, `/schools/${schoolId}`, s.Pupil)).body).not.toContain(`href="/schools/${schoolId}/cohorts"`)
  })
})

describe('learner cohort pages', () => {
  it('joins through the link, sees the assignments in My cohorts and marks steps done and undone', async () => {
    const { url } = await createCohort('Ms Teacher', 'Evening class')
    await postForm(t, `${url}/assignments`, { kind: 'career', career: 'Data Clerk' }, { session: s['Ms Teacher'] })
    await postForm(t, `${url}/assignments`, { kind: 'pathway', pathwayId }, { session: s['Ms Teacher'] })
    const code = joinCodeOn((await getPage(t, url, s['Ms Teacher'])).body)

    const landing = await getPage(t, `/cohorts/join?code=${code}`, s.Newcomer)
    expect(landing.statusCode).toBe(200)
    expect(mainText(landing.body)).toContain('Join Evening class')
    expect(mainText(landing.body)).toContain('Riverside High')
    const joined = await postForm(t, '/cohorts/join', { code }, { session: s.Newcomer })
    expect(joined.statusCode).toBe(303)
    expect(joined.headers.location).toBe('/me/cohorts?done=joined')

    const mine = await getPage(t, '/me/cohorts?done=joined', s.Newcomer)
    expect(mine.statusCode).toBe(200)
    expect(mine.headers['cache-control']).toBe('no-store')
    const text = mainText(mine.body)
    expect(text).toContain('Evening class')
    expect(text).toContain('Career: Data Clerk')
    expect(text).toContain('0 of 2 steps done')
    expect(text).toContain('Pathway: Riverside clerk pathway')
    const action = /action="(\/me\/cohorts\/[^"]+\/careers\/data-clerk\/steps\/progression\/0\/done)"/.exec(mine.body)?.[1]
    expect(action).toBeDefined()
    const marked = await postForm(t, action!, {}, { session: s.Newcomer })
    expect(marked.statusCode).toBe(303)
    const after = await getPage(t, '/me/cohorts', s.Newcomer)
    expect(mainText(after.body)).toContain('1 of 2 steps done')
    expect(after.body).toContain('Undo “Junior clerk”')
    const adapted = /action="(\/me\/cohorts\/[^"]+\/pathways\/[^"]+\/steps\/[^"]+\/done)"/.exec(after.body)?.[1]
    expect((await postForm(t, adapted!, {}, { session: s.Newcomer })).statusCode).toBe(303)
    expect(mainText((await getPage(t, '/me/cohorts', s.Newcomer)).body)).toContain('1 of 1 steps done')
    expect((await postForm(t, adapted!.replace(/\/done$/, '/undo'), {}, { session: s.Newcomer })).statusCode).toBe(303)
    expect(mainText((await getPage(t, '/me/cohorts', s.Newcomer)).body)).toContain('0 of 1 steps done')

    // The teacher sees the learner, with a link to their page, and can remove them.
    const teacherView = await getPage(t, url, s['Ms Teacher'])
    expect(teacherView.body).toContain(`${url}/learners/${u.Newcomer}`)
    expect((await postForm(t, `${url}/learners/${u.Newcomer}/remove`, {}, { session: s['Ms Teacher'] })).statusCode).toBe(303)
    expect(mainText((await getPage(t, '/me/cohorts', s.Newcomer)).body)).toContain('not in any cohort')
  })

  it('answers an unknown code with the form again (404), a malformed one with a field message (400), and marks outside my cohorts with 404', async () => {
    const unknown = await postForm(t, '/cohorts/join', { code: 'ZZZZ ZZZZ' }, { session: s.Pupil })
    expect(unknown.statusCode).toBe(404)
    expect(mainText(unknown.body)).toContain('No open cohort has that code')
    expect(unknown.body).toContain('id="cohort-join-code"')
    const malformed = await postForm(t, '/cohorts/join', { code: '<x>' }, { session: s.Pupil })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.body).toContain('id="cohort-join-code-error"')
    expect((await getPage(t, '/cohorts/join?code=QQQQQQQQ', s.Pupil)).statusCode).toBe(404)
    const { id } = await createCohort('Ms Teacher', 'Not mine')
    const outside = await postForm(t, `/me/cohorts/${id}/careers/data-clerk/steps/progression/0/done`, {}, { session: s.Pupil })
    expect(outside.statusCode).toBe(404)
    expect(outside.headers['content-type']).toContain('text/html')
    expect((await getPage(t, '/me/cohorts', s.Pupil)).body).toContain('href="/me/cohorts" aria-current="page"')
  })
})

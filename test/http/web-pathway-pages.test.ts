/**
 * The adapted-pathway pages over HTTP, as a browser without JavaScript: the list and the copy form
 * (career typed by name, near names offered), the pathway page's step forms (add, edit, move,
 * remove), the upstream panel's Accept / Decline buttons and a stale decision, local credentials,
 * and another school's pages (404).
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fromJson } from '../../server/platform/db/json.js'
import { createAuthTestApp, makeUser, type AuthTestApp, type Session } from '../support/auth.js'
import { getPage, mainText, pageSignin, postForm } from '../support/web-forms.js'

let t: AuthTestApp
let educator: Session
let outsider: Session
let schoolId = ''
let otherSchoolId = ''

async function school(name: string): Promise<string> {
  const id = randomUUID()
  await t.deps.db.kysely.insertInto('schools').values({ id, name, slug: name.toLowerCase().replace(/\W+/g, '-'), created_at: new Date(t.clock.now()).toISOString() }).execute()
  return id
}
async function member(school: string, role: 'educator' | 'school_admin' | 'learner'): Promise<Session> {
  const user = await makeUser(t)
  await t.deps.db.kysely.insertInto('memberships').values({ user_id: user.id, school_id: school, role, created_at: new Date(t.clock.now()).toISOString() }).execute()
  return pageSignin(t, user.email, user.password)
}

/** Changes the data clerk's "Junior clerk" text in the catalog and publishes a new version. */
async function changeUpstream(text: string): Promise<void> {
  const db = t.deps.db.kysely
  const career = await db.selectFrom('careers').select('id').where('slug', '=', 'data-clerk').executeTakeFirstOrThrow()
  await db.updateTable('pathway_steps').set({ text }).where('career_id', '=', career.id).where('title', '=', 'Junior clerk').execute()
  const meta = await db.selectFrom('meta').select('value').where('key', '=', 'catalog.version').executeTakeFirstOrThrow()
  await db.updateTable('meta').set({ value: String(Number(meta.value) + 1) }).where('key', '=', 'catalog.version').execute()
  await t.deps.catalog.refresh()
}

const base = () => `/schools/${schoolId}`

async function copyPathway(title: string): Promise<string> {
  const res = await postForm(t, `${base()}/pathways`, { career: 'Data clerk', title }, { session: educator })
  expect(res.statusCode, res.body).toBe(303)
  const match = new RegExp(`^/schools/${schoolId}/pathways/([0-9a-f-]+)\\?done=copied$`).exec(String(res.headers.location))
  expect(match).not.toBeNull()
  return match![1]!
}
const stepIds = async (pathwayId: string): Promise<string[]> =>
  (await t.deps.db.kysely.selectFrom('adapted_pathway_steps').select('id').where('pathway_id', '=', pathwayId).orderBy('position').execute()).map((r) => r.id)
const stepTitles = async (pathwayId: string): Promise<string[]> =>
  (await t.deps.db.kysely.selectFrom('adapted_pathway_steps').select('title').where('pathway_id', '=', pathwayId).orderBy('position').execute()).map((r) => r.title)

beforeAll(async () => {
  t = await createAuthTestApp()
  schoolId = await school('Riverside High')
  otherSchoolId = await school('Hilltop Academy')
  educator = await member(schoolId, 'educator')
  outsider = await member(otherSchoolId, 'school_admin')
})
afterAll(async () => {
  await t?.close()
})

describe('adapted pathway pages', () => {
  it('lists pathways and copies one by the career’s name; an unknown name is shown on the form', async () => {
    const empty = await getPage(t, `${base()}/pathways`, educator)
    expect(empty.statusCode).toBe(200)
    expect(empty.headers['cache-control']).toBe('no-store')
    expect(mainText(empty.body)).toContain('no adapted pathways yet')
    expect(empty.body).toContain('name="_csrf"')
    expect(empty.body).toContain('<label for="copy-career">Career</label>')

    const unknown = await postForm(t, `${base()}/pathways`, { career: 'Astronaut of the deep sea' }, { session: educator })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.body).toContain('id="copy-career-error"')
    expect(unknown.body).toContain('value="Astronaut of the deep sea"')
    const blank = await postForm(t, `${base()}/pathways`, { career: '' }, { session: educator })
    expect(blank.statusCode).toBe(400)

    // A near name: the careers it may mean are offered; choosing one copies it.
    const near = await postForm(t, `${base()}/pathways`, { career: 'clerk' }, { session: educator })
    expect(near.statusCode).toBe(400)
    expect(near.body).toContain('name="choice" value="data-clerk"')
    const chosen = await postForm(t, `${base()}/pathways`, { career: 'clerk', choice: 'data-clerk', title: 'Chosen' }, { session: educator })
    expect(chosen.statusCode).toBe(303)

    const id = await copyPathway('Our data clerks')
    const list = await getPage(t, `${base()}/pathways`, educator)
    expect(list.body).toContain('<th scope="col">Pathway</th>')
    expect(mainText(list.body)).toContain('Our data clerks')
    expect(list.body).toContain(`href="/schools/${schoolId}/pathways/${id}"`)
    const page = await getPage(t, `${base()}/pathways/${id}?done=copied`, educator)
    expect(page.statusCode).toBe(200)
    expect(mainText(page.body)).toContain('Your copy is up to date with the catalog pathway')
    expect(mainText(page.body)).toContain('1. Junior clerk')
  })

  it('adds a local step with a credential, edits it, moves it and removes it', async () => {
    const id = await copyPathway('Steps')
    const cred = await postForm(t, `${base()}/credentials`, { title: 'Records badge', issuer: 'Riverside High', skills: 'SQL, Teamwork', hours: '10' }, { session: educator })
    expect(cred.statusCode).toBe(303)
    const credRow = await t.deps.db.kysely.selectFrom('school_credentials').selectAll().where('school_id', '=', schoolId).executeTakeFirstOrThrow()
    expect(fromJson<string[]>(credRow.skills, [])).toEqual(['sql', 'teamwork'])

    const page = await getPage(t, `${base()}/pathways/${id}`, educator)
    expect(page.body).toContain(`value="school:${credRow.id}"`)
    expect(page.body).toContain('value="catalog:acme-sql-certificate"')

    const bad = await postForm(t, `${base()}/pathways/${id}/steps`, { section: 'progression', title: '', text: 'x', durationMin: 'lots' }, { session: educator })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('id="add-title-error"')
    expect(bad.body).toContain('id="add-durationMin-error"')

    const added = await postForm(t, `${base()}/pathways/${id}/steps`, {
      section: 'progression', title: 'Work placement', text: 'Two weeks at the county office.', durationMin: '2', durationMax: '2', durationUnit: 'weeks', credential: `school:${credRow.id}`, position: '1',
    }, { session: educator })
    expect(added.statusCode).toBe(303)
    expect(String(added.headers.location)).toMatch(new RegExp(`^/schools/${schoolId}/pathways/${id}\\?done=added#step-`))
    expect(await stepTitles(id)).toEqual(['Junior clerk', 'Work placement', 'Senior clerk'])
    const after = await getPage(t, `${base()}/pathways/${id}`, educator)
    expect(mainText(after.body)).toContain('Records badge (your school)')
    expect(mainText(after.body)).toContain('2 weeks')

    const [, placement] = await stepIds(id)
    const edited = await postForm(t, `${base()}/pathways/${id}/steps/${placement}`, { section: 'progression', title: 'Work placement', text: 'Three weeks.', credential: 'catalog:acme-sql-certificate' }, { session: educator })
    expect(edited.statusCode).toBe(303)
    const row = await t.deps.db.kysely.selectFrom('adapted_pathway_steps').selectAll().where('id', '=', placement!).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ text: 'Three weeks.', credential_id: 'acme-sql-certificate', school_credential_id: null, edited: 0 })

    const badCred = await postForm(t, `${base()}/pathways/${id}/steps/${placement}`, { section: 'progression', title: 'X', text: 'Y', credential: 'catalog:nope' }, { session: educator })
    expect(badCred.statusCode).toBe(400)
    expect(badCred.body).toContain(`id="step-${placement}-credential-error"`)
    expect(badCred.body).toMatch(/<details open="">/)

    expect((await postForm(t, `${base()}/pathways/${id}/steps/${placement}/move`, { direction: 'up' }, { session: educator })).statusCode).toBe(303)
    expect(await stepTitles(id)).toEqual(['Work placement', 'Junior clerk', 'Senior clerk'])
    await postForm(t, `${base()}/pathways/${id}/steps/${placement}/move`, { direction: 'down' }, { session: educator })
    await postForm(t, `${base()}/pathways/${id}/steps/${placement}/move`, { direction: 'down' }, { session: educator })
    expect(await stepTitles(id)).toEqual(['Junior clerk', 'Senior clerk', 'Work placement'])
    const moved = await getPage(t, `${base()}/pathways/${id}`, educator)
    expect(moved.body).toContain('Move “Work placement” up')
    expect(moved.body).not.toContain('Move “Work placement” down')

    const junior = (await stepIds(id))[0]!
    await postForm(t, `${base()}/pathways/${id}/steps/${junior}`, { section: 'progression', title: 'Junior clerk', text: 'Our words.' }, { session: educator })
    expect(mainText((await getPage(t, `${base()}/pathways/${id}`, educator)).body)).toContain('from the catalog, edited')

    expect((await postForm(t, `${base()}/pathways/${id}/steps/${placement}/delete`, {}, { session: educator })).statusCode).toBe(303)
    expect(await stepTitles(id)).toEqual(['Junior clerk', 'Senior clerk'])
    // Without the hidden CSRF field the form is refused.
    const forged = await postForm(t, `${base()}/pathways/${id}/steps/${junior}/delete`, {}, { session: educator, csrf: null })
    expect(forged.statusCode).toBe(403)
    expect(await stepTitles(id)).toEqual(['Junior clerk', 'Senior clerk'])
  })

  it('shows upstream changes with before and after; Accept and Decline work; a stale decision is explained', async () => {
    const plain = await copyPathway('Plain')
    const mine = await copyPathway('Mine')
    const junior = (await stepIds(mine))[0]!
    await postForm(t, `${base()}/pathways/${mine}/steps/${junior}`, { section: 'progression', title: 'Junior clerk', text: 'Our own words.' }, { session: educator })
    await changeUpstream('Enters, checks and corrects records.')

    const page = await getPage(t, `${base()}/pathways/${plain}`, educator)
    const text = mainText(page.body)
    expect(text).toContain('Changed in the catalog: Junior clerk')
    expect(text).toContain('Enters and checks records.')
    expect(text).toContain('Enters, checks and corrects records.')
    expect(page.body).toContain('<th scope="col">Before</th>')
    const hash = /name="hash" value="([0-9a-f]+)"/.exec(page.body)?.[1]
    expect(hash).toBeDefined()
    expect(mainText((await getPage(t, `${base()}/pathways`, educator)).body)).toMatch(/Plain .* 1/)

    const accepted = await postForm(t, `${base()}/pathways/${plain}/upstream/progression.junior-clerk`, { decision: 'accept', hash: hash! }, { session: educator })
    expect(accepted.statusCode).toBe(303)
    const afterAccept = await getPage(t, String(accepted.headers.location).replace(/#.*$/, ''), educator)
    expect(mainText(afterAccept.body)).toContain('The change has been accepted')
    expect(mainText(afterAccept.body)).toContain('Your copy is up to date')
    const row = await t.deps.db.kysely.selectFrom('adapted_pathway_steps').select('text').where('pathway_id', '=', plain).where('upstream_key', '=', 'progression.junior-clerk').executeTakeFirstOrThrow()
    expect(row.text).toBe('Enters, checks and corrects records.')

    // The edited copy: a conflict showing the school's version; decline keeps it.
    const conflict = await getPage(t, `${base()}/pathways/${mine}`, educator)
    expect(mainText(conflict.body)).toContain('conflict')
    expect(conflict.body).toContain('<th scope="col">Your version</th>')
    expect(mainText(conflict.body)).toContain('Our own words.')
    const conflictHash = /name="hash" value="([0-9a-f]+)"/.exec(conflict.body)![1]!
    await changeUpstream('Yet another text.')
    const stale = await postForm(t, `${base()}/pathways/${mine}/upstream/progression.junior-clerk`, { decision: 'decline', hash: conflictHash }, { session: educator })
    expect(stale.statusCode).toBe(409)
    expect(mainText(stale.body)).toContain('The catalog changed this step again')
    const fresh = /name="hash" value="([0-9a-f]+)"/.exec(stale.body)![1]!
    const declined = await postForm(t, `${base()}/pathways/${mine}/upstream/progression.junior-clerk`, { decision: 'decline', hash: fresh }, { session: educator })
    expect(declined.statusCode).toBe(303)
    const kept = await t.deps.db.kysely.selectFrom('adapted_pathway_steps').select(['text', 'edited']).where('id', '=', junior).executeTakeFirstOrThrow()
    expect(kept).toEqual({ text: 'Our own words.', edited: 1 })
    expect(mainText((await getPage(t, `${base()}/pathways/${mine}`, educator)).body)).toContain('Your copy is up to date')
  })

  it('manages local credentials; unknown skills are shown on the form', async () => {
    const bad = await postForm(t, `${base()}/credentials`, { title: 'Badge', issuer: '', skills: 'Underwater basket weaving' }, { session: educator })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('id="credential-issuer-error"')
    expect(bad.body).toContain('id="credential-skills-error"')
    const ok = await postForm(t, `${base()}/credentials`, { title: 'Filing star', issuer: 'Riverside High', skills: 'SQL' }, { session: educator })
    expect(ok.statusCode).toBe(303)
    const page = await getPage(t, `${base()}/credentials`, educator)
    expect(page.body).toContain('<th scope="col">Issuer</th>')
    expect(mainText(page.body)).toContain('Filing star')
    expect(mainText(page.body)).toContain('SQL')
    const row = await t.deps.db.kysely.selectFrom('school_credentials').select('id').where('title', '=', 'Filing star').executeTakeFirstOrThrow()
    expect(page.body).toContain(`id="credential-${row.id}-title"`)
    const badEdit = await postForm(t, `${base()}/credentials/${row.id}`, { title: '', issuer: 'Riverside High' }, { session: educator })
    expect(badEdit.statusCode).toBe(400)
    expect(badEdit.body).toContain(`id="credential-${row.id}-title-error"`)
    const edited = await postForm(t, `${base()}/credentials/${row.id}`, { title: 'Filing star', issuer: 'Riverside High', hours: '6', skills: 'Teamwork' }, { session: educator })
    expect(edited.statusCode).toBe(303)
    expect(await t.deps.db.kysely.selectFrom('school_credentials').select(['hours', 'skills']).where('id', '=', row.id).executeTakeFirstOrThrow())
      .toMatchObject({ hours: 6 })
    expect(mainText((await getPage(t, `${base()}/credentials`, educator)).body)).toContain('Teamwork')
    expect((await postForm(t, `/schools/${otherSchoolId}/credentials/${row.id}`, { title: 'Mine', issuer: 'Them' }, { session: outsider })).statusCode).toBe(404)
    expect((await postForm(t, `${base()}/credentials/${row.id}/delete`, {}, { session: educator })).statusCode).toBe(303)
    expect(mainText((await getPage(t, `${base()}/credentials`, educator)).body)).not.toContain('Filing star')
  })

  it('keeps another school out (404) and learners away (403)', async () => {
    const id = await copyPathway('Private')
    expect((await getPage(t, `${base()}/pathways`, outsider)).statusCode).toBe(404)
    expect((await getPage(t, `${base()}/pathways/${id}`, outsider)).statusCode).toBe(404)
    expect((await postForm(t, `${base()}/pathways/${id}/delete`, {}, { session: outsider })).statusCode).toBe(404)
    expect((await getPage(t, `/schools/${otherSchoolId}/pathways/${id}`, outsider)).statusCode).toBe(404)
    expect((await postForm(t, `/schools/${otherSchoolId}/pathways/${id}/delete`, {}, { session: outsider })).statusCode).toBe(404)
    const learner = await member(schoolId, 'learner')
    expect((await getPage(t, `${base()}/pathways/${id}`, learner)).statusCode).toBe(403)
    expect(await stepTitles(id)).toHaveLength(2)
  })
})

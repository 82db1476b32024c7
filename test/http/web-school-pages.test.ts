/**
 * The school pages over HTTP: a platform admin creates a school, staff invite by link and by join
 * code (the secret shown once), people accept and join, an admin changes roles and removes members
 * (the service's refusals shown on the roster), and the policy keeps each person to their schools:
 * another school's pages are 404, staff pages 403 for learners.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Session } from '../support/auth.js'
import { createAuthTestApp, makeUser, type AuthTestApp } from '../support/auth.js'
import { getPage, mainText, pageSignin, postForm } from '../support/web-forms.js'

let t: AuthTestApp
let platform: Session
let schoolId = ''
let otherSchoolId = ''

async function person(role?: 'platform_admin') {
  const user = await makeUser(t, role ? { platform_role: role } : {})
  return { user, session: await pageSignin(t, user.email, user.password) }
}

async function createSchool(name: string, adminEmail?: string): Promise<string> {
  const res = await postForm(t, '/schools', { name, ...(adminEmail ? { adminEmail } : {}) }, { session: platform })
  expect(res.statusCode).toBe(303)
  return /^\/schools\/([0-9a-f-]+)\?done=created$/.exec(String(res.headers.location))![1]!
}

async function invite(session: Session, school: string, kind: 'link' | 'code', role: string) {
  const res = await postForm(t, `/schools/${school}/invitations`, { kind, role }, { session })
  expect(res.statusCode).toBe(201)
  const secret = /id="invitation-secret" class="secret" type="text" readOnly="" value="([^"]+)"/.exec(res.body)?.[1] ?? ''
  return { res, secret }
}

beforeAll(async () => {
  t = await createAuthTestApp()
  platform = (await person('platform_admin')).session
  schoolId = await createSchool('Riverside High')
  otherSchoolId = await createSchool('Hilltop Academy')
})
afterAll(async () => {
  await t.close()
})

describe('school pages', () => {
  it('lets a platform admin create a school; the name is required, an unknown first admin is refused', async () => {
    const empty = await postForm(t, '/schools', { name: '' }, { session: platform })
    expect(empty.statusCode).toBe(400)
    expect(empty.body).toContain('id="school-name-error"')
    const unknown = await postForm(t, '/schools', { name: 'Nowhere', adminEmail: 'nobody-here@example.org' }, { session: platform })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.body).toContain('id="school-adminEmail-error"')
    expect(unknown.body).toContain('value="Nowhere"')
    const list = await getPage(t, '/schools', platform)
    expect(mainText(list.body)).toContain('Riverside High')
    expect(mainText(list.body)).toContain('Create a school')
  })

  it('refuses school creation to a person who is not a platform admin (403 page)', async () => {
    const { session } = await person()
    const res = await postForm(t, '/schools', { name: 'Mine' }, { session })
    expect(res.statusCode).toBe(403)
    expect(res.headers['content-type']).toContain('text/html')
    expect(mainText((await getPage(t, '/schools', session)).body)).not.toContain('Create a school')
  })

  it('invites by link and by code, shows each secret once, and people join through the confirm page and /join', async () => {
    const admin = await person()
    const school = await createSchool('Lakeside College', admin.user.email)

    const link = await invite(admin.session, school, 'link', 'educator')
    expect(link.secret).toMatch(/\/invitations\/accept\?token=[0-9A-Za-z]{43}$/)
    const code = await invite(admin.session, school, 'code', 'learner')
    expect(code.secret).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
    const listed = await getPage(t, `/schools/${school}/invitations`, admin.session)
    expect(listed.body).not.toContain(code.secret)
    expect(listed.body).not.toContain(link.secret.split('token=')[1])

    const educator = await person()
    const path = link.secret.slice(link.secret.indexOf('/invitations/'))
    const confirm = await getPage(t, path, educator.session)
    expect(confirm.statusCode).toBe(200)
    expect(await t.deps.db.kysely.selectFrom('memberships').select('role').where('user_id', '=', educator.user.id).executeTakeFirst()).toBeUndefined()
    const accepted = await postForm(t, '/invitations/accept', { token: path.split('token=')[1]! }, { session: educator.session })
    expect(accepted.statusCode).toBe(303)
    expect(accepted.headers.location).toBe(`/schools/${school}?done=joined`)

    const learner = await person()
    const bad = await postForm(t, '/join', { code: 'ZZZZZZZZ' }, { session: learner.session })
    expect(bad.statusCode).toBe(404)
    expect(bad.body).toContain('value="ZZZZZZZZ"')
    const joined = await postForm(t, '/join', { code: code.secret.toLowerCase() }, { session: learner.session })
    expect(joined.statusCode).toBe(303)
    const overview = await getPage(t, `/schools/${school}`, learner.session)
    expect(mainText(overview.body)).toContain('Learner')

    const roster = await getPage(t, `/schools/${school}/members`, admin.session)
    expect(roster.statusCode).toBe(200)
    expect(roster.body).toContain(`action="/schools/${school}/members/${learner.user.id}/role"`)
  })

  it('an admin changes a role and removes a member; refusals of the service appear on the roster', async () => {
    const admin = await person()
    const school = await createSchool('Meadow School', admin.user.email)
    const { secret } = await invite(admin.session, school, 'code', 'learner')
    const member = await person()
    await postForm(t, '/join', { code: secret }, { session: member.session })

    const changed = await postForm(t, `/schools/${school}/members/${member.user.id}/role`, { role: 'educator' }, { session: admin.session })
    expect(changed.statusCode).toBe(303)
    expect(changed.headers.location).toBe(`/schools/${school}/members?done=role`)
    const row = await t.deps.db.kysely.selectFrom('memberships').select('role').where('user_id', '=', member.user.id).executeTakeFirstOrThrow()
    expect(row.role).toBe('educator')

    const self = await postForm(t, `/schools/${school}/members/${admin.user.id}/role`, { role: 'learner' }, { session: admin.session })
    expect(self.statusCode).toBe(409)
    expect(self.body).toMatch(/class="error-summary"/)
    const badRole = await postForm(t, `/schools/${school}/members/${member.user.id}/role`, { role: 'platform_admin' }, { session: admin.session })
    expect(badRole.statusCode).toBe(400)

    const removed = await postForm(t, `/schools/${school}/members/${member.user.id}/remove`, {}, { session: admin.session })
    expect(removed.statusCode).toBe(303)
    expect(await t.deps.db.kysely.selectFrom('memberships').select('role').where('user_id', '=', member.user.id).executeTakeFirst()).toBeUndefined()
    const lastAdmin = await postForm(t, `/schools/${school}/members/${admin.user.id}/remove`, {}, { session: admin.session })
    expect(lastAdmin.statusCode).toBe(409)
    expect(mainText(lastAdmin.body)).toContain('only admin')
  })

  it('keeps a learner to their own school: another school is 404, staff pages are 403', async () => {
    const learner = await person()
    const { secret } = await invite(platform, schoolId, 'code', 'learner')
    await postForm(t, '/join', { code: secret }, { session: learner.session })
    expect((await getPage(t, `/schools/${schoolId}`, learner.session)).statusCode).toBe(200)
    for (const suffix of ['', '/members', '/invitations', '/access-log']) {
      const res = await getPage(t, `/schools/${otherSchoolId}${suffix}`, learner.session)
      expect(res.statusCode, suffix).toBe(404)
      expect(res.body).not.toContain('Hilltop')
    }
    for (const suffix of ['/members', '/invitations', '/access-log']) {
      expect((await getPage(t, `/schools/${schoolId}${suffix}`, learner.session)).statusCode, suffix).toBe(403)
    }
    const foreignPost = await postForm(t, `/schools/${otherSchoolId}/invitations`, { kind: 'code', role: 'learner' }, { session: learner.session })
    expect(foreignPost.statusCode).toBe(404)
    expect((await getPage(t, '/operator/outbox', learner.session)).statusCode).toBe(403)
    const list = await getPage(t, '/schools', learner.session)
    expect(mainText(list.body)).toContain('Riverside High')
    expect(mainText(list.body)).not.toContain('Hilltop')
  })

  it('lets an educator invite learners only, and shows a school admin the access log', async () => {
    const admin = await person()
    const school = await createSchool('Brook School', admin.user.email)
    const { secret } = await invite(admin.session, school, 'code', 'educator')
    const educator = await person()
    await postForm(t, '/join', { code: secret }, { session: educator.session })
    const page = await getPage(t, `/schools/${school}/invitations`, educator.session)
    expect(page.body).toMatch(/<select id="invite-role" name="role"><option value="learner" selected="">Learner<\/option><\/select>/)
    expect(page.body).not.toContain('<option value="school_admin">')
    const refused = await postForm(t, `/schools/${school}/invitations`, { kind: 'code', role: 'school_admin' }, { session: educator.session })
    expect(refused.statusCode).toBe(403)

    const log = await getPage(t, `/schools/${school}/access-log`, admin.session)
    expect(log.statusCode).toBe(200)
    expect(mainText(log.body)).toContain('Access log of Brook School')
  })

  it('needs the hidden CSRF field on school forms too', async () => {
    const res = await postForm(t, '/schools', { name: 'Forged' }, { session: platform, csrf: null })
    expect(res.statusCode).toBe(403)
    expect(await t.deps.db.kysely.selectFrom('schools').select('id').where('name', '=', 'Forged').executeTakeFirst()).toBeUndefined()
  })
})

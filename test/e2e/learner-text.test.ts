/**
 * Learner and staff text is text everywhere (SECURITY.md I5): a polyglot payload stored in every text
 * field people type — display names, a school's name, an API key's name, a session's user agent, an
 * invitation's address, mail in the outbox — is shown literally on every page that shows it, runs no
 * script (no dialog, no marker set on window) and trips no CSP refusal.
 */
import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuthTestApp, makeUser, type AuthTestApp } from '../support/auth.js'
import { launchChromium, openPage } from './browser.js'

const PAYLOAD = `"'><img src=x onerror="window.__xss=1;alert(1)"><script>window.__xss=2</script><svg onload=alert(3)></title></textarea>`
/** The same within a display name's 100 characters. */
const NAME = `<img src=x onerror=alert(1)><script>alert(2)</script>`

let browser: Browser
let t: AuthTestApp
let baseUrl: string
let schoolId = ''
const password = 'quiet harbour lanterns at dusk'

beforeAll(async () => {
  t = await createAuthTestApp()
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  baseUrl = `http://localhost:${(t.app.server.address() as AddressInfo).port}`
  const db = t.deps.db.kysely
  const now = new Date(t.clock.now()).toISOString()
  const admin = await makeUser(t, { platform_role: 'platform_admin', display_name: NAME, email: `admin-${randomUUID().slice(0, 6)}@example.org`, password })
  const learner = await makeUser(t, { display_name: NAME, password })
  schoolId = randomUUID()
  await db.insertInto('schools').values({ id: schoolId, name: PAYLOAD.slice(0, 190), slug: `xss-${schoolId.slice(0, 8)}`, created_at: now }).execute()
  await db.insertInto('memberships').values([
    { user_id: admin.id, school_id: schoolId, role: 'school_admin', created_at: now },
    { user_id: learner.id, school_id: schoolId, role: 'learner', created_at: now },
  ]).execute()
  await t.deps.identity.apiKeys.create(admin.id, { name: NAME, scopes: ['read'] })
  await db.insertInto('mail_outbox').values({ id: randomUUID(), to_address: admin.email, subject: PAYLOAD, body: `${PAYLOAD}\nhttp://localhost/verify-email?token=${'a'.repeat(43)}`, created_at: now }).execute()
  await db.insertInto('invitations').values({
    id: randomUUID(), school_id: schoolId, role: 'learner', kind: 'link', email: `x${randomUUID().slice(0, 4)}@example.org`, secret_hash: randomUUID(),
    created_by: admin.id, created_at: now, expires_at: new Date(t.clock.now() + 86_400_000).toISOString(), max_uses: 1, uses: 0, revoked_at: null,
  }).execute()
  // A staff read of the learner's record, so the access log shows the reader's name.
  await t.deps.schools.readMember({ kind: 'user', userId: admin.id, platformRole: 'platform_admin', sessionId: 'x' }, 'school_admin', schoolId, learner.id)
  browser = await launchChromium()
  context.admin = admin
  context.learner = learner
})

afterAll(async () => {
  await browser?.close()
  await t?.close()
})

const context: Record<string, { email: string }> = {}

async function signedIn(email: string): Promise<{ page: Page; cspErrors: string[]; dialogs: string[] }> {
  const opened = await openPage(browser, 360)
  const dialogs: string[] = []
  opened.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  // The user agent is stored with the session and shown on the sessions page.
  await opened.page.setExtraHTTPHeaders({ 'user-agent': PAYLOAD })
  await opened.page.goto(`${baseUrl}/sign-in`)
  await opened.page.locator('#sign-in-email').fill(email)
  await opened.page.locator('#sign-in-password').fill(password)
  await Promise.all([opened.page.waitForURL(/\/account$/), opened.page.locator('#sign-in-password').press('Enter')])
  return { ...opened, dialogs }
}

async function expectInert(page: Page, path: string, shown: string, state: { cspErrors: string[]; dialogs: string[] }): Promise<void> {
  const res = await page.goto(`${baseUrl}${path}`)
  expect(res?.status(), path).toBe(200)
  expect(await page.locator('main').innerText(), `${path} shows the text literally`).toContain(shown)
  expect(await page.evaluate<unknown>('window.__xss'), `${path} ran no script`).toBeUndefined()
  expect(await page.locator('main img[src="x"], main script, main svg[onload]').count(), `${path} made no element from the text`).toBe(0)
  expect(state.dialogs, path).toEqual([])
}

describe('stored learner and staff text', () => {
  it('is shown as text on every account, school and operator page', async () => {
    const admin = await signedIn(context.admin!.email)
    const pages: [string, string][] = [
      ['/account', NAME],
      ['/account/api-keys', NAME],
      ['/account/sessions', 'this session'], // the user agent is summarised, not echoed
      ['/schools', PAYLOAD.slice(0, 40)],
      [`/schools/${schoolId}`, PAYLOAD.slice(0, 40)],
      [`/schools/${schoolId}/members`, NAME],
      [`/schools/${schoolId}/invitations`, PAYLOAD.slice(0, 40)],
      [`/schools/${schoolId}/access-log`, NAME],
      ['/operator/outbox', PAYLOAD],
    ]
    for (const [path, shown] of pages) await expectInert(admin.page, path, shown, admin)
    expect(admin.cspErrors).toEqual([])

    const learner = await signedIn(context.learner!.email)
    await expectInert(learner.page, '/account', NAME, learner)
    await expectInert(learner.page, '/account/access-log', PAYLOAD.slice(0, 40), learner) // the school's name beside the staff read
  })
})

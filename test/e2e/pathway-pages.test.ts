/**
 * Adapted pathways in a real browser at 360 px, by keyboard: an educator signs in, copies the data
 * clerk's pathway by typing the career's name, adds a step of the school's own, moves it up with
 * the keyboard, and — after the catalog changes a step — accepts the change from the upstream panel.
 * Every page passes axe (no serious or critical violation), raises no CSP error and does not scroll
 * sideways.
 */
import { describe, expect, it } from 'vitest'
import { createAuthTestApp, makeUser, type AuthTestApp } from '../support/auth.js'
import type { TestApp } from '../support/test-app.js'
import { enterAndWait, expectGoodPage, isFocused, journeyServer, openPage, tabToSelector } from './browser.js'

let schoolId = ''
let educator: Awaited<ReturnType<typeof makeUser>>
let app: AuthTestApp

const journey = journeyServer(async () => {
  app = await createAuthTestApp()
  schoolId = crypto.randomUUID()
  const now = new Date(app.clock.now()).toISOString()
  await app.deps.db.kysely.insertInto('schools').values({ id: schoolId, name: 'Riverside High', slug: 'riverside-high', created_at: now }).execute()
  educator = await makeUser(app, { display_name: 'Pathway Educator' })
  await app.deps.db.kysely.insertInto('memberships').values({ user_id: educator.id, school_id: schoolId, role: 'educator', created_at: now }).execute()
  return app as unknown as TestApp
})

/** The catalog changes the junior clerk's text and publishes a new version. */
async function changeUpstream(text: string): Promise<void> {
  const db = app.deps.db.kysely
  const career = await db.selectFrom('careers').select('id').where('slug', '=', 'data-clerk').executeTakeFirstOrThrow()
  await db.updateTable('pathway_steps').set({ text }).where('career_id', '=', career.id).where('title', '=', 'Junior clerk').execute()
  const meta = await db.selectFrom('meta').select('value').where('key', '=', 'catalog.version').executeTakeFirstOrThrow()
  await db.updateTable('meta').set({ value: String(Number(meta.value) + 1) }).where('key', '=', 'catalog.version').execute()
  await app.deps.catalog.refresh()
}

describe('adapted pathway journey', () => {
  it('copies a pathway, adds a step, moves it by keyboard and accepts an upstream change, each page good at 360 px', async () => {
    // localhost: a secure context for Chromium, so the __Host- session cookie (Secure) is kept over http.
    const base = journey.baseUrl.replace('127.0.0.1', 'localhost')
    const list = `${base}/schools/${schoolId}/pathways`
    const { page, cspErrors } = await openPage(journey.browser, 360)

    await page.goto(list)
    await page.waitForURL(/\/sign-in\?next=/)
    await page.locator('#sign-in-email').fill(educator.email)
    await page.locator('#sign-in-password').fill(educator.password)
    await Promise.all([page.waitForURL(list), page.locator('#sign-in-password').press('Enter')])
    await expectGoodPage(page, cspErrors)

    // Copy by the career's name, sent with Enter from the field.
    await tabToSelector(page, '#copy-career')
    await page.keyboard.type('Data clerk')
    await enterAndWait(page)
    expect(page.url()).toMatch(/\/pathways\/[0-9a-f-]+\?done=copied$/)
    const pathwayUrl = page.url().replace(/\?.*$/, '')
    expect(await page.locator('.notice-ok').textContent()).toContain('The pathway has been copied')
    await expectGoodPage(page, cspErrors)

    // A step of our own, at the end.
    await tabToSelector(page, '#add-title')
    await page.keyboard.type('Work placement')
    await page.keyboard.press('Tab')
    expect(await isFocused(page, '#add-text')).toBe(true)
    await page.keyboard.type('Two weeks at the county office.')
    await tabToSelector(page, 'form[action$="/steps"] button[type="submit"]')
    await enterAndWait(page)
    expect(page.url()).toMatch(/done=added#step-/)
    const stepId = /#step-(.+)$/.exec(page.url())![1]!
    const titles = () => page.locator('#steps-heading + ol > li > h3').allTextContents()
    expect((await titles()).map((s) => s.replace(/\s+/g, ' '))).toEqual([
      '1. Junior clerk from the catalog', '2. Senior clerk from the catalog', '3. Work placement your own step',
    ])
    await expectGoodPage(page, cspErrors)

    // Moved up by keyboard.
    await tabToSelector(page, `#step-${stepId} form:has(input[value="up"]) button`)
    await enterAndWait(page)
    expect((await titles())[1]).toContain('Work placement')
    expect(await page.locator('.notice-ok').textContent()).toContain('The step has been moved')
    await expectGoodPage(page, cspErrors)

    // The catalog changes a step: the panel shows it; Accept takes it.
    await changeUpstream('Enters, checks and corrects records.')
    await page.goto(pathwayUrl)
    expect(await page.locator('#upstream-heading + p, #upstream-heading ~ ul').first().textContent()).toContain('One change')
    expect(await page.locator('main').textContent()).toContain('Enters, checks and corrects records.')
    await expectGoodPage(page, cspErrors)
    await tabToSelector(page, 'form:has(input[name="decision"][value="accept"]) button')
    expect(await page.locator(':focus').textContent()).toBe('Accept: Junior clerk')
    await enterAndWait(page)
    expect(await page.locator('.notice-ok').textContent()).toContain('The change has been accepted')
    expect(await page.locator('#upstream-heading ~ p').first().textContent()).toContain('up to date')
    expect(await page.locator(`#steps-heading + ol > li`).first().textContent()).toContain('Enters, checks and corrects records.')
    await expectGoodPage(page, cspErrors)

    // The list and the local credentials page hold up too.
    await page.goto(list)
    expect(await page.locator('main table').textContent()).toContain('2 from the catalog, 1 of your own')
    await expectGoodPage(page, cspErrors)
    await app.deps.db.kysely.insertInto('school_credentials').values({
      id: crypto.randomUUID(), school_id: schoolId, title: 'Records badge', issuer: 'Riverside High', summary: 'Awarded after the placement.', hours: 10, skills: '["sql"]', created_at: new Date(app.clock.now()).toISOString(),
    }).execute()
    await page.goto(`${base}/schools/${schoolId}/credentials`)
    expect(await page.locator('main table').textContent()).toContain('Records badge')
    await expectGoodPage(page, cspErrors)
  }, 60_000)
})

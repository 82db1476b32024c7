/**
 * A cohort end to end in a real browser: an educator signs in, creates a cohort, assigns a career by
 * typing its name and reads the join code; a learner on a 360 px screen signs in, joins with the code,
 * sees the assignment under My cohorts and marks a step done by keyboard; the educator opens the
 * cohort page again (the learner is listed; also at 360 px) and its dashboard. Every page passes axe (no serious or
 * critical violation), raises no CSP error and does not scroll sideways.
 */
import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuthTestApp, makeUser, type AuthTestApp } from '../support/auth.js'
import { enterAndWait, expectGoodPage, isFocused, launchChromium, openPage, tabToSelector } from './browser.js'

let browser: Browser
let t: AuthTestApp
let baseUrl: string

beforeAll(async () => {
  t = await createAuthTestApp()
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  // localhost: a secure context for Chromium, so the __Host- cookie (Secure) is kept over http.
  baseUrl = `http://localhost:${(t.app.server.address() as AddressInfo).port}`
  browser = await launchChromium()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await t?.close()
})

async function signIn(page: Page, path: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`)
  await page.waitForURL(/\/sign-in\?next=/)
  await page.locator('#sign-in-email').fill(email)
  await page.locator('#sign-in-password').fill(password)
  await Promise.all([page.waitForURL((url) => url.pathname === path), page.locator('#sign-in-password').press('Enter')])
}

describe('cohort journey', () => {
  it('an educator runs a cohort and a learner joins it and marks a step done by keyboard', async () => {
    const schoolId = randomUUID()
    const at = new Date(t.clock.now()).toISOString()
    await t.deps.db.kysely.insertInto('schools').values({ id: schoolId, name: 'Riverside High', slug: 'riverside', created_at: at }).execute()
    const educator = await makeUser(t, { display_name: 'Ms Rivera' })
    const learner = await makeUser(t, { display_name: 'Sam Learner' })
    await t.deps.db.kysely.insertInto('memberships').values({ user_id: educator.id, school_id: schoolId, role: 'educator', created_at: at }).execute()

    // The educator: sign in, create a cohort, assign a career by its name.
    const teacher = await openPage(browser, 1024)
    await signIn(teacher.page, `/schools/${schoolId}/cohorts`, educator.email, educator.password)
    await expectGoodPage(teacher.page, teacher.cspErrors)
    await tabToSelector(teacher.page, '#cohort-name')
    await teacher.page.keyboard.type('Year 11 Office Skills')
    await enterAndWait(teacher.page)
    expect(teacher.page.url()).toMatch(/\/cohorts\/[0-9a-f-]+\?done=created$/)
    const cohortUrl = teacher.page.url().replace(/\?.*$/, '')
    await expectGoodPage(teacher.page, teacher.cspErrors)
    await tabToSelector(teacher.page, '#assign-career-career')
    await teacher.page.keyboard.type('Data Clerk')
    await enterAndWait(teacher.page)
    expect(teacher.page.url()).toContain('done=assigned')
    expect(await teacher.page.locator('main').textContent()).toContain('Career: Data Clerk')
    await expectGoodPage(teacher.page, teacher.cspErrors)
    const code = await teacher.page.locator('#join-code').inputValue()
    expect(code).toMatch(/^[2-9A-Z]{8}$/)

    // The learner, on a phone: sign in, join with the code, mark the first step done by keyboard.
    const pupil = await openPage(browser, 360)
    await signIn(pupil.page, '/me/cohorts', learner.email, learner.password)
    await expectGoodPage(pupil.page, pupil.cspErrors)
    await tabToSelector(pupil.page, '#cohort-join-code')
    await pupil.page.keyboard.type(code)
    await enterAndWait(pupil.page)
    expect(pupil.page.url()).toMatch(/\/me\/cohorts\?done=joined$/)
    const main = pupil.page.locator('main')
    expect(await main.textContent()).toContain('Year 11 Office Skills')
    expect(await main.textContent()).toContain('0 of 2 steps done')
    await expectGoodPage(pupil.page, pupil.cspErrors)
    const markFirst = 'form[action$="/careers/data-clerk/steps/progression/0/done"] button'
    await tabToSelector(pupil.page, markFirst)
    expect(await isFocused(pupil.page, markFirst)).toBe(true)
    await enterAndWait(pupil.page)
    expect(pupil.page.url()).toContain('done=step-done')
    expect(await main.textContent()).toContain('1 of 2 steps done')
    expect(await pupil.page.locator('form[action$="/careers/data-clerk/steps/progression/0/undo"] button').textContent()).toBe('Undo “Junior clerk”')
    await expectGoodPage(pupil.page, pupil.cspErrors)

    // The educator sees the learner on the cohort page (on a phone too), then the dashboard.
    await teacher.page.goto(cohortUrl)
    expect(await teacher.page.locator('main').textContent()).toContain('Sam Learner')
    await expectGoodPage(teacher.page, teacher.cspErrors)
    await teacher.page.setViewportSize({ width: 360, height: 800 })
    await expectGoodPage(teacher.page, teacher.cspErrors)
    const dashboard = await teacher.page.goto(`${cohortUrl}/dashboard`)
    if (dashboard?.status() !== 404) {
      expect(dashboard?.status()).toBe(200)
      await expectGoodPage(teacher.page, teacher.cspErrors)
    }
  }, 60_000)
})

/**
 * The skills passport in a real browser at 360 px, by keyboard: a learner signs in, adds two skills
 * through the search-as-you-type picker (Down, Enter), sets their levels with the select, adds a
 * target career through the same picker, opens the gap view, the matches, makes a plan, marks an
 * item done and sees it on the progress page. Every page passes axe (no serious or critical
 * violation), raises no CSP error and does not scroll sideways.
 */
import type { AddressInfo } from 'node:net'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuthTestApp, makeUser, type AuthTestApp } from '../support/auth.js'
import { REAL_CATALOG } from '../support/test-app.js'
import { enterAndWait, expectGoodPage, isFocused, launchChromium, openPage, tabToSelector } from './browser.js'

let browser: Browser
let t: AuthTestApp
let baseUrl: string

beforeAll(async () => {
  t = await createAuthTestApp({ env: { CATALOG_DIR: REAL_CATALOG } })
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  // localhost: a secure context for Chromium, so the __Host- cookie (Secure) is kept over http.
  baseUrl = `http://localhost:${(t.app.server.address() as AddressInfo).port}`
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await t?.close()
})

/** Types into a picker, waits for the options, picks the first with Down and Enter. */
async function pickFirst(page: Page, field: string, typed: string): Promise<string> {
  await tabToSelector(page, field)
  await page.keyboard.type(typed, { delay: 20 })
  const options = page.locator(`${field}-options [role="option"]`)
  await options.first().waitFor({ state: 'visible' })
  expect(await page.locator(field).getAttribute('aria-expanded')).toBe('true')
  await page.keyboard.press('ArrowDown')
  expect(await page.locator(field).getAttribute('aria-activedescendant')).toBe(`${field.slice(1)}-options-0`)
  await page.keyboard.press('Enter')
  expect(await page.locator(field).getAttribute('aria-expanded')).toBe('false')
  return page.locator(field).inputValue()
}

describe('passport journey', () => {
  it('adds skills by keyboard, sets levels and a target, sees gaps and matches, plans, marks done and sees progress', async () => {
    const learner = await makeUser(t, { display_name: 'Passport Learner' })
    const { page, cspErrors } = await openPage(browser, 360)

    // Anonymous: sent to sign in, then back to the passport.
    await page.goto(`${baseUrl}/passport`)
    await page.waitForURL(/\/sign-in\?next=%2Fpassport$/)
    await page.locator('#sign-in-email').fill(learner.email)
    await page.locator('#sign-in-password').fill(learner.password)
    await Promise.all([page.waitForURL(/\/passport$/), page.locator('#sign-in-password').press('Enter')])
    await expectGoodPage(page, cspErrors)

    // A skill through the picker, its level with the select, sent with Enter on the button.
    expect(await pickFirst(page, '#add-skill-name', 'Pyth')).toBe('Python')
    expect(await page.locator('#add-skill-picked').inputValue()).toBe('python')
    await page.keyboard.press('Tab')
    expect(await isFocused(page, '#add-skill-level')).toBe(true)
    await page.keyboard.press('ArrowDown') // 2 beginner → 3 intermediate
    expect(await page.locator('#add-skill-level').inputValue()).toBe('3')
    await page.keyboard.press('Tab')
    await enterAndWait(page)
    expect(page.url()).toMatch(/done=skill-added/)
    expect(await page.locator('main').textContent()).toMatch(/Python\s*3 intermediate/)
    await expectGoodPage(page, cspErrors)

    const second = await pickFirst(page, '#add-skill-name', 'SQL')
    expect(second).toMatch(/SQL/)
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await enterAndWait(page)

    // A new level for a stored skill: its own select and Save button.
    await tabToSelector(page, '#level-python')
    await page.keyboard.press('ArrowDown') // 3 → 4
    await page.keyboard.press('Tab')
    await enterAndWait(page)
    expect(page.url()).toMatch(/done=skill-saved/)
    expect(await page.locator('#level-python').inputValue()).toBe('4')

    // A target career through the career picker.
    expect(await pickFirst(page, '#add-target-name', 'Back-End Dev')).toMatch(/Back-End Developer/)
    await page.keyboard.press('Tab')
    await enterAndWait(page)
    expect(page.url()).toMatch(/done=target-added/)
    await expectGoodPage(page, cspErrors)

    // The gap view defaults to the first target.
    await page.goto(`${baseUrl}/passport/gaps`)
    expect(await page.locator('h1').textContent()).toBe('Your gap to Back-End Developer / Engineer')
    expect(await page.locator('svg.chart[role="img"]').count()).toBe(1)
    await expectGoodPage(page, cspErrors)

    await page.goto(`${baseUrl}/passport/matches`)
    expect(await page.locator('.match-list > li').count()).toBeGreaterThan(0)
    await expectGoodPage(page, cspErrors)
    // The filters are a GET form: the address carries them.
    await page.locator('#match-origin').selectOption('catalog')
    await page.locator('#match-origin').focus()
    await page.keyboard.press('Tab')
    await enterAndWait(page)
    expect(page.url()).toMatch(/origin=catalog/)
    await expectGoodPage(page, cspErrors)

    // A plan from the plans page, by keyboard.
    await page.goto(`${baseUrl}/passport/plans`)
    await expectGoodPage(page, cspErrors)
    await tabToSelector(page, '#plan-hoursPerWeek')
    await page.keyboard.press('Control+A')
    await page.keyboard.type('8')
    await enterAndWait(page)
    expect(page.url()).toMatch(/\/passport\/plans\/[0-9a-f-]{36}\?done=plan-created$/)
    expect(await page.locator('ol.timeline > li').count()).toBeGreaterThan(0)
    await expectGoodPage(page, cspErrors)

    // Mark the first item done: Tab to its button, Enter.
    const button = page.locator('.plan-items form button').first()
    const label = (await button.textContent()) ?? ''
    await button.focus()
    await enterAndWait(page)
    expect(page.url()).toMatch(/done=item-done/)
    expect(await page.locator('.notice-ok').textContent()).toContain('Marked as done')
    expect(await page.locator('.plan-items form button', { hasText: label }).count()).toBe(0)
    await expectGoodPage(page, cspErrors)

    await page.goto(`${baseUrl}/passport/progress`)
    expect(await page.locator('main').textContent()).toMatch(/Plan items done\s*1 of \d+/)
    expect(await page.locator('svg.chart[role="img"]').count()).toBeGreaterThan(0)
    await expectGoodPage(page, cspErrors)

    // A pathway step of the target career, marked done by keyboard from its page.
    await page.goto(`${baseUrl}/passport/pathways/back-end-developer`)
    await expectGoodPage(page, cspErrors)
    const step = page.locator('form button', { hasText: /^Mark / }).first()
    await step.focus()
    await enterAndWait(page)
    expect(await page.locator('main').textContent()).toMatch(/1 of \d+ steps done/)
    await expectGoodPage(page, cspErrors)
    await page.context().close()
  })
})

/**
 * The CV pages in a real browser at 360 px, by keyboard where it matters: a learner with a passport
 * signs in, opens the CV, moves a section up and hides a skill, picks a target career, takes the
 * summary suggestion, downloads the PDF, drafts a cover letter, and adds a skill found in a pasted
 * job ad (after seeing the career it is closest to). Every page passes axe (no serious or critical violation), raises no CSP error and does
 * not scroll sideways.
 */
import type { AddressInfo } from 'node:net'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuthTestApp, makeUser, type AuthTestApp } from '../support/auth.js'
import { REAL_CATALOG } from '../support/test-app.js'
import { enterAndWait, expectGoodPage, launchChromium, openPage, tabToSelector } from './browser.js'

let browser: Browser
let t: AuthTestApp
let baseUrl: string

beforeAll(async () => {
  t = await createAuthTestApp({ env: { CATALOG_DIR: REAL_CATALOG } })
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  // localhost: a secure context for Chromium, so the __Host- cookie (Secure) is kept over http.
  baseUrl = `http://localhost:${(t.app.server.address() as AddressInfo).port}`
  browser = await launchChromium()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await t?.close()
})

const sectionOrder = (page: Page): Promise<string[]> => page.locator('.cv-section h3').allTextContents()

describe('CV journey', () => {
  it('edits, tailors and downloads the CV, drafts a letter and adds a skill found in a job ad', async () => {
    const learner = await makeUser(t, { display_name: 'CV Learner' })
    const { passport } = t.deps.learner
    await passport.setSkill(learner.id, { skill: 'python', level: 4, source: 'self' })
    await passport.setSkill(learner.id, { skill: 'sql', level: 3, source: 'self' })
    await passport.setTargets(learner.id, ['back-end-developer'])
    const { page, cspErrors } = await openPage(browser, 360)

    await page.goto(`${baseUrl}/cv`)
    await page.waitForURL(/\/sign-in\?next=%2Fcv$/)
    await page.locator('#sign-in-email').fill(learner.email)
    await page.locator('#sign-in-password').fill(learner.password)
    await Promise.all([page.waitForURL(/\/cv$/), page.locator('#sign-in-password').press('Enter')])
    expect(await page.locator('#cv-\\/basics\\/name').inputValue()).toBe('CV Learner')
    await expectGoodPage(page, cspErrors)

    // Move Skills up, by keyboard.
    const before = await sectionOrder(page)
    const at = before.indexOf('Skills')
    await tabToSelector(page, 'button[value="up:skills"]')
    await enterAndWait(page)
    expect((await sectionOrder(page)).indexOf('Skills')).toBe(at - 1)

    // Hide the second skill: Space on its checkbox, then Save.
    await tabToSelector(page, '#hide-skill-1')
    await page.keyboard.press('Space')
    expect(await page.locator('#hide-skill-1').isChecked()).toBe(true)
    await tabToSelector(page, '#cv-save-sections')
    await enterAndWait(page)
    expect(await page.locator('#hide-skill-1').isChecked()).toBe(true)
    await expectGoodPage(page, cspErrors)

    // A target career: skills ordered by it, missing keywords listed, the summary offered.
    await page.locator('#cv-career').selectOption('back-end-developer')
    await tabToSelector(page, '#cv-tailor')
    await enterAndWait(page)
    expect(await page.locator('#summary-suggestion').textContent()).toMatch(/^Aspiring Back-End Developer/)
    expect(await page.locator('ul[aria-label="Missing keywords"] li').count()).toBeGreaterThan(0)
    expect(await page.locator('#cv-\\/basics\\/summary').inputValue()).toBe('')
    await expectGoodPage(page, cspErrors)
    await tabToSelector(page, 'button[value="use-summary"]')
    await enterAndWait(page)
    expect(await page.locator('#cv-\\/basics\\/summary').inputValue()).toMatch(/^Aspiring Back-End Developer/)

    // The PDF download.
    const [download, response] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForResponse((r) => r.url().endsWith('/cv') && r.request().method() === 'POST'),
      page.locator('button[value="export:pdf"]').click(),
    ])
    expect(response.headers()['content-type']).toBe('application/pdf')
    expect(download.suggestedFilename()).toBe('CV-Learner-CV.pdf')

    // A cover letter for the target career.
    await page.goto(`${baseUrl}/cover-letter`)
    await expectGoodPage(page, cspErrors)
    await page.locator('#letter-career').selectOption('back-end-developer')
    await page.locator('#letter-career').focus()
    await tabToSelector(page, 'button[value="draft"]')
    await enterAndWait(page)
    expect(await page.locator('#letter-paragraph-0').inputValue()).toContain('Back-End Developer')
    await expectGoodPage(page, cspErrors)

    // Skills in a job ad: found, highlighted, one added to the passport.
    await page.goto(`${baseUrl}/passport/extract`)
    await expectGoodPage(page, cspErrors)
    await page.locator('#extract-text').fill('We are hiring: you know Git and Docker, and write clear documentation.')
    await Promise.all([page.waitForEvent('framenavigated'), page.locator('main button[type="submit"]').first().click()])
    await page.waitForLoadState('load')
    expect(await page.locator('.extract-text mark').count()).toBeGreaterThan(0)
    await expectGoodPage(page, cspErrors)
    // Use as target: the closest career and the gap to it.
    await Promise.all([page.waitForEvent('framenavigated'), page.locator('button[value="target"]').click()])
    await page.waitForLoadState('load')
    expect(await page.locator('#as-target').textContent()).toMatch(/^Closest career: /)
    await expectGoodPage(page, cspErrors)
    await tabToSelector(page, '#found-0')
    await page.keyboard.press('Space')
    const skill = await page.locator('#found-0').getAttribute('value')
    await page.locator('form[action="/passport/extract/add"] button[type="submit"]').click()
    await page.waitForURL(/\/passport\?done=skill-added/)
    expect((await passport.read(learner.id)).skills.map((s) => s.skill)).toContain(skill)
    await expectGoodPage(page, cspErrors)
  })
})

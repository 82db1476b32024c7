/**
 * A learner's journey in a real browser: home → Back-End Developer by keyboard → the salary panel,
 * with an axe check on each page, the skip link, and a phone-width layout that never scrolls
 * sideways. Runs Debian's Chromium through playwright-core against the app listening on a free port.
 */
import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import { AxeBuilder } from '@axe-core/playwright'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/test-app.js'

const CHROMIUM = '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const SLUG = 'back-end-developer'
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

let browser: Browser
let testApp: TestApp
let baseUrl: string

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    // Fail loudly rather than skip: CI installs Debian's chromium package; we never download browsers.
    throw new Error(`Chromium is not installed at ${CHROMIUM}. Install Debian's "chromium" package to run the e2e journeys.`)
  }
  testApp = await createTestApp()
  await testApp.app.listen({ port: 0, host: '127.0.0.1' })
  baseUrl = `http://127.0.0.1:${(testApp.app.server.address() as AddressInfo).port}`
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
})

afterAll(async () => {
  await browser?.close()
  await testApp?.close()
})

/** A page that records Content-Security-Policy refusals, so an inline style or script fails the test. */
async function openPage(width: number): Promise<{ page: Page; cspErrors: string[] }> {
  // axe needs a page from an explicit context (browser.newPage's implicit one is refused).
  const context = await browser.newContext({ viewport: { width, height: 800 } })
  const page = await context.newPage()
  page.on('close', () => void context.close())
  const cspErrors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspErrors.push(message.text())
  })
  return { page, cspErrors }
}

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze()
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`)
  expect(serious, `axe found serious or critical violations on ${page.url()}`).toEqual([])
}

/** Tab from the top: the skip link must come first and must move focus into <main>. */
async function expectSkipLinkFirst(page: Page): Promise<void> {
  await page.keyboard.press('Tab')
  expect(await page.locator(':focus').textContent()).toBe('Skip to main content')
  await page.keyboard.press('Enter')
  expect(await page.locator(':focus').getAttribute('id')).toBe('main')
}

/** Presses Tab until the link to `href` has focus; fails after `limit` presses. */
async function tabTo(page: Page, href: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab')
    if ((await page.locator(':focus').getAttribute('href')) === href) return
  }
  throw new Error(`no focusable link to ${href} within ${limit} presses of Tab`)
}

describe('career journey', () => {
  it('takes a keyboard user from the career list to the Back-End Developer salary panel', async () => {
    const profile = testApp.deps.careers.profile(SLUG)
    const { page, cspErrors } = await openPage(1280)

    await page.goto(`${baseUrl}/`)
    await expect.poll(() => page.title()).toContain('Explore careers')
    await expectNoSeriousAxeViolations(page)
    await expectSkipLinkFirst(page)

    await tabTo(page, `/careers/${SLUG}`)
    await Promise.all([page.waitForURL(`**/careers/${SLUG}`), page.keyboard.press('Enter')])
    expect(await page.locator('h1').textContent()).toBe(profile.title)

    const pay = page.locator('#pay')
    await pay.scrollIntoViewIfNeeded()
    expect(await pay.isVisible()).toBe(true)
    for (const figure of ['$171,776', '$131,450']) {
      const row = pay.locator('table tbody tr', { hasText: figure }).first()
      expect(await row.isVisible(), `a salary row showing ${figure}`).toBe(true)
      const fact = profile.salaryPanel.rows.find((r) => r.fact.display.includes(figure))?.fact
      expect(fact, `the catalog has a national salary figure of ${figure}`).toBeDefined()
      const text = await row.innerText()
      expect(text).toContain(fact!.source.publisher)
      expect(text).toContain(fact!.source.title)
    }
    expect(await page.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(3)

    await expectNoSeriousAxeViolations(page)
    await page.goto(`${baseUrl}/careers/${SLUG}`)
    await expectSkipLinkFirst(page)
    expect(cspErrors).toEqual([])
    await page.close()
  })

  it('fits a 360 px wide phone without sideways scrolling', async () => {
    const { page, cspErrors } = await openPage(360)
    for (const path of ['/', `/careers/${SLUG}`, '/careers/no-such-career']) {
      await page.goto(`${baseUrl}${path}`)
      // A string expression: the test program has no DOM types.
      const width = await page.evaluate<number>('document.documentElement.scrollWidth')
      expect(width, `page width of ${path} at 360 px`).toBeLessThanOrEqual(360)
    }
    await expectNoSeriousAxeViolations(page)
    expect(cspErrors).toEqual([])
    await page.close()
  })

  it('answers an unknown career with an accessible 404 page', async () => {
    const { page } = await openPage(1280)
    const response = await page.goto(`${baseUrl}/careers/no-such-career`)
    expect(response?.status()).toBe(404)
    expect(await page.locator('h1').textContent()).toBe('Career not found')
    await expectNoSeriousAxeViolations(page)
    await page.close()
  })

  it('shows the API documentation at /docs under the same security policy', async () => {
    const { page, cspErrors } = await openPage(1280)
    await page.goto(`${baseUrl}/docs`)
    await expect.poll(() => page.locator('.swagger-ui .info .title').textContent(), { timeout: 15_000 }).toContain('Pathways API')
    await expect.poll(() => page.locator('.opblock-summary-path').allTextContents()).toContain('/api/v1/careers/{slug}')
    expect(cspErrors).toEqual([])
    await page.close()
  })
})

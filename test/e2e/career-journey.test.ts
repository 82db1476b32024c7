/**
 * A learner's journey in a real browser: home → Back-End Developer by keyboard → the salary panel,
 * with an axe check on each page, the skip link, and a phone-width layout that never scrolls
 * sideways. Runs Debian's Chromium through playwright-core against the app listening on a free port.
 */
import { describe, expect, it } from 'vitest'
import { createTestApp } from '../support/test-app.js'
import { expectNoSeriousAxeViolations, journeyServer, expectSkipLinkFirst, openPage as openBrowserPage, scrollWidth, tabTo } from './browser.js'

const SLUG = 'back-end-developer'

const journey = journeyServer(createTestApp)

const openPage = (width: number) => openBrowserPage(journey.browser, width)

describe('career journey', () => {
  it('takes a keyboard user from the career list to the Back-End Developer salary panel', async () => {
    const profile = journey.app.deps.careers.profile(SLUG)
    const { page, cspErrors } = await openPage(1280)

    await page.goto(`${journey.baseUrl}/`)
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
    await page.goto(`${journey.baseUrl}/careers/${SLUG}`)
    await expectSkipLinkFirst(page)
    expect(cspErrors).toEqual([])
    await page.close()
  })

  it('fits a 360 px wide phone without sideways scrolling', async () => {
    const { page, cspErrors } = await openPage(360)
    for (const path of ['/', '/careers', `/careers/${SLUG}`, '/careers/no-such-career']) {
      await page.goto(`${journey.baseUrl}${path}`)
      expect(await scrollWidth(page), `page width of ${path} at 360 px`).toBeLessThanOrEqual(360)
    }
    await expectNoSeriousAxeViolations(page)
    expect(cspErrors).toEqual([])
    await page.close()
  })

  it('lists every career A to Z, reached from the site navigation', async () => {
    const { page, cspErrors } = await openPage(1280)
    await page.goto(`${journey.baseUrl}/`)
    await Promise.all([page.waitForURL('**/careers'), page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'All careers' }).click()])
    expect(await page.locator('h1').textContent()).toBe('All careers')
    const titles = await page.locator('.career-index .career-name').allTextContents()
    expect(titles).toHaveLength(journey.app.deps.careers.summaries().length)
    expect([...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }))).toEqual(titles)
    await expectNoSeriousAxeViolations(page)
    expect(cspErrors).toEqual([])
    await page.close()
  })

  it('answers an unknown career with an accessible 404 page', async () => {
    const { page } = await openPage(1280)
    const response = await page.goto(`${journey.baseUrl}/careers/no-such-career`)
    expect(response?.status()).toBe(404)
    expect(await page.locator('h1').textContent()).toBe('Career not found')
    await expectNoSeriousAxeViolations(page)
    await page.close()
  })

  it('shows the API documentation at /docs under the same security policy', async () => {
    const { page, cspErrors } = await openPage(1280)
    await page.goto(`${journey.baseUrl}/docs`)
    await expect.poll(() => page.locator('.swagger-ui .info .title').textContent(), { timeout: 15_000 }).toContain('Pathways API')
    await expect.poll(() => page.locator('.opblock-summary-path').allTextContents()).toContain('/api/v1/careers/{slug}')
    expect(cspErrors).toEqual([])
    await page.close()
  })
})

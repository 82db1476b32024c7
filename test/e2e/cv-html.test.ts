/**
 * The CV's HTML export in Chromium (SECURITY.md I5): with a polyglot payload in every field a learner
 * types, the downloaded document — opened as a browser would open the saved file — runs no script
 * (no dialog, no marker on window), shows the payload as text, and its own CSP lets its stylesheet
 * apply with no refusal.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cvWithPayload, XSS } from '../../server/modules/cv/cv.fixtures.js'
import { createTestApp, type TestApp } from '../support/test-app.js'
import { launchChromium, openPage } from './browser.js'

let browser: Browser
let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
  browser = await launchChromium()
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await t?.close()
})

describe('the HTML export in a browser', () => {
  it.each(['classic', 'compact'] as const)('%s: the payload in every field is text and runs nothing', async (template) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cv/render', payload: { cv: cvWithPayload(template), format: 'html' } })
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200)
    expect(res.headers['content-disposition']).toMatch(/^attachment;/)
    const { page, cspErrors } = await openPage(browser, 900)
    const dialogs: string[] = []
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss() })
    await page.addInitScript('window.alert = (m) => { window.__xss = String(m) }')
    await page.setContent(res.body, { waitUntil: 'load' })
    await page.waitForTimeout(200)
    expect(dialogs).toEqual([])
    expect(await page.evaluate('window.__xss')).toBeUndefined()
    expect(await page.locator('script, img, svg, [onclick], [onload], [onerror]').count()).toBe(0)
    expect(await page.locator('h1').textContent()).toBe(XSS)
    expect(await page.getByText(XSS, { exact: true }).count()).toBeGreaterThanOrEqual(10)
    // The stylesheet applied (its hash is in the document's own CSP) and nothing was refused.
    expect(await page.evaluate('getComputedStyle(document.querySelector("h2")).textTransform')).toBe('uppercase')
    expect(cspErrors).toEqual([])
    await page.close()
  })
})

/**
 * What the browser journeys share: Debian's Chromium through playwright-core (never a downloaded
 * browser), pages that record Content-Security-Policy refusals, the axe check and keyboard helpers.
 */
import fs from 'node:fs'
import { AxeBuilder } from '@axe-core/playwright'
import { chromium, type Browser, type Page } from 'playwright-core'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect } from 'vitest'
import type { TestApp } from '../support/test-app.js'

const CHROMIUM = '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    // Fail loudly rather than skip: CI installs Debian's chromium package; we never download browsers.
    throw new Error(`Chromium is not installed at ${CHROMIUM}. Install Debian's "chromium" package to run the e2e journeys.`)
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}

/** A page that records Content-Security-Policy refusals, so an inline style or script fails the test. */
export async function openPage(browser: Browser, width: number): Promise<{ page: Page; cspErrors: string[] }> {
  // axe needs a page from an explicit context (browser.newPage's implicit one is refused).
  const context = await browser.newContext({ viewport: { width, height: 800 } })
  const page = await context.newPage()
  // The context goes with its page; a context closed already (browser shut down) is not an error.
  page.on('close', () => void context.close().catch(() => undefined))
  const cspErrors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspErrors.push(message.text())
  })
  return { page, cspErrors }
}

export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze()
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`)
  expect(serious, `axe found serious or critical violations on ${page.url()}`).toEqual([])
}

/** Tab from the top: the skip link must come first and must move focus into <main>. */
export async function expectSkipLinkFirst(page: Page): Promise<void> {
  await page.keyboard.press('Tab')
  expect(await page.locator(':focus').textContent()).toBe('Skip to main content')
  await page.keyboard.press('Enter')
  expect(await page.locator(':focus').getAttribute('id')).toBe('main')
}

/** Presses Tab until the link to `href` has focus; fails after `limit` presses. */
export async function tabTo(page: Page, href: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab')
    if ((await page.locator(':focus').getAttribute('href')) === href) return
  }
  throw new Error(`no focusable link to ${href} within ${limit} presses of Tab`)
}

/** The document's full width; at most the viewport's when nothing scrolls sideways. */
export const scrollWidth = (page: Page): Promise<number> =>
  // A string expression: the test program has no DOM types.
  page.evaluate<number>('document.documentElement.scrollWidth')

export interface Journey {
  readonly app: TestApp
  readonly browser: Browser
  /** http://127.0.0.1:port of the listening app. */
  readonly baseUrl: string
}

/**
 * For a journey file: registers the hooks that start the app `make` builds on a free port and launch
 * Chromium before the tests, and close both after them.
 */
export function journeyServer(make: () => Promise<TestApp>): Journey {
  const state: { app?: TestApp; browser?: Browser; baseUrl?: string } = {}
  beforeAll(async () => {
    state.app = await make()
    await state.app.app.listen({ port: 0, host: '127.0.0.1' })
    state.baseUrl = `http://127.0.0.1:${(state.app.app.server.address() as AddressInfo).port}`
    state.browser = await launchChromium()
  }, 180_000)
  afterAll(async () => {
    await state.browser?.close()
    await state.app?.close()
  })
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready: use it inside a test`)
    return value
  }
  return {
    get app() { return ready(state.app, 'the app') },
    get browser() { return ready(state.browser, 'the browser') },
    get baseUrl() { return ready(state.baseUrl, 'the server') },
  }
}

/** What every page of a signed-in journey must hold to: no sideways scroll, axe, no CSP refusal. */
export async function expectGoodPage(page: Page, cspErrors: readonly string[]): Promise<void> {
  const width = page.viewportSize()?.width ?? 0
  expect(await scrollWidth(page), `page width of ${page.url()}`).toBeLessThanOrEqual(width)
  await expectNoSeriousAxeViolations(page)
  expect(cspErrors, `CSP errors on ${page.url()}`).toEqual([])
}

/** True when the element matching `selector` has focus (a string expression: no DOM types here). */
export const isFocused = (page: Page, selector: string): Promise<boolean> =>
  page.evaluate<boolean>(`document.activeElement === document.querySelector(${JSON.stringify(selector)})`)

/** Presses Tab from the top of <main> until `selector` has focus; fails after `limit` presses. */
export async function tabToSelector(page: Page, selector: string, limit = 200): Promise<void> {
  await page.locator('main').focus()
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab')
    if (await isFocused(page, selector)) return
  }
  throw new Error(`${selector} not reached by Tab`)
}

/** Presses Enter on the focused control and waits for the page it leads to. */
export async function enterAndWait(page: Page): Promise<void> {
  await Promise.all([page.waitForEvent('framenavigated'), page.keyboard.press('Enter')])
  await page.waitForLoadState('load')
}

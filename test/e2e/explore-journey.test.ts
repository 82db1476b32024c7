/**
 * Finding careers without knowing their names, in a real journey.browser, on a test app with the fixture
 * datasets (O*NET, BLS, CIP–SOC, ESCO, the crosswalk) imported: a keyboard user picks a suggestion
 * from the header search box as they type; without JavaScript the same box submits to the results
 * page; a learner browses a field hierarchy down to a career, opens a skill, compares two careers
 * and reads where a career leads. Every page passes axe, raises no CSP error and fits 360 px.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createImportedTestApp } from '../support/imported-app.js'
import { expectNoSeriousAxeViolations, journeyServer, expectSkipLinkFirst, openPage, scrollWidth } from './browser.js'


const journey = journeyServer(createImportedTestApp)

/** What every page of the journeys must hold to: axe, no sideways scroll at the page's width, no CSP refusal. */
async function expectGoodPage(page: Page, cspErrors: readonly string[]): Promise<void> {
  const width = page.viewportSize()?.width ?? 0
  expect(await scrollWidth(page), `page width of ${page.url()} at ${width} px`).toBeLessThanOrEqual(width)
  await expectNoSeriousAxeViolations(page)
  expect(cspErrors, `CSP errors on ${page.url()}`).toEqual([])
}

/** Follows a link in the main content and waits for the page it opens. */
async function follow(page: Page, name: string | RegExp, url: string | RegExp): Promise<void> {
  await Promise.all([page.waitForURL(url), page.locator('main').getByRole('link', { name, exact: typeof name === 'string' }).first().click()])
}

/**
 * Closes the page with its context and waits for both, so no close is still pending when the journey.browser
 * shuts down after the last test.
 */
const closePage = (page: Page): Promise<void> => page.context().close()

/** Tab from wherever focus is until the element with `id` has it. */
async function tabToId(page: Page, id: string, limit = 30): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab')
    if ((await page.locator(':focus').getAttribute('id')) === id) return
  }
  throw new Error(`#${id} not reached within ${limit} presses of Tab`)
}

describe('explore journey', () => {
  it('suggests careers as a keyboard user types in the header search box; arrows and Enter open one', async () => {
    const { page, cspErrors } = await openPage(journey.browser, 360)
    await page.goto(`${journey.baseUrl}/`)
    await expectSkipLinkFirst(page)
    await expectGoodPage(page, cspErrors)
    await page.goto(`${journey.baseUrl}/`)
    await page.keyboard.press('Tab')
    expect(await page.locator(':focus').textContent()).toBe('Skip to main content')
    await tabToId(page, 'site-search-q')

    const box = page.locator('#site-search-q')
    expect(await box.getAttribute('role')).toBe('combobox')
    await page.keyboard.type('software developers')
    const listbox = page.locator('#site-search-q-suggestions')
    await listbox.getByRole('option', { name: /Software Developers/ }).first().waitFor()
    expect(await box.getAttribute('aria-expanded')).toBe('true')
    expect(await box.getAttribute('aria-controls')).toBe('site-search-q-suggestions')
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^\d+ suggestions?/)
    expect(await listbox.locator('mark').count()).toBeGreaterThan(0)
    await expectNoSeriousAxeViolations(page)

    await page.keyboard.press('Escape')
    expect(await box.getAttribute('aria-expanded')).toBe('false')
    expect(await listbox.isVisible()).toBe(false)

    // Arrow down to the O*NET career "Software Developers" (skills and the ESCO career may come first).
    const count = await listbox.locator('[role="option"]').count()
    let found = false
    for (let i = 0; i < count && !found; i += 1) {
      await page.keyboard.press('ArrowDown')
      const activeId = await box.getAttribute('aria-activedescendant')
      const active = page.locator(`[id="${activeId}"]`)
      expect(await active.getAttribute('aria-selected')).toBe('true')
      const text = await active.innerText()
      found = /Career/i.test(text) && text.includes('Software Developers')
    }
    expect(found, 'the Software Developers career among the suggestions').toBe(true)
    await Promise.all([page.waitForURL('**/careers/software-developers'), page.keyboard.press('Enter')])
    expect(await page.locator('h1').textContent()).toBe('Software Developers')
    await expectGoodPage(page, cspErrors)
    await closePage(page)
  })

  it('without JavaScript, submits the header search box to the results page, whose filters are links', async () => {
    const context = await journey.browser.newContext({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${journey.baseUrl}/`)
    expect(await page.locator('#site-search-q').getAttribute('role')).toBeNull()
    await page.locator('#site-search-q').fill('software')
    await Promise.all([page.waitForURL('**/search?q=software'), page.locator('#site-search-q').press('Enter')])
    expect(await page.locator('h1').textContent()).toBe('Search: “software”')
    const results = page.locator('.result-list')
    expect(await results.locator('a[href="/careers/software-developers"]').count()).toBe(1)
    expect(await results.locator('mark').first().textContent()).toMatch(/software/i)

    await follow(page, /^Careers \(\d+\)$/, /type=career/)
    expect(await page.locator('.active-filters').innerText()).toContain('Type: Careers')
    expect(await page.locator('.result .type-badge').allTextContents()).toEqual(expect.arrayContaining(['Career']))
    expect(new Set(await page.locator('.result .type-badge').allTextContents())).toEqual(new Set(['Career']))
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360)
    const filtered = page.url()
    await context.close()

    // The same two pages with scripts on: axe needs them, and the layout must hold either way.
    const { page: checked, cspErrors } = await openPage(journey.browser, 360)
    for (const url of [`${journey.baseUrl}/search?q=software`, filtered]) {
      await checked.goto(url)
      await expectGoodPage(checked, cspErrors)
    }
    await closePage(checked)
  })

  it('browses from a field hierarchy to a group and on to a career, at 360 px', async () => {
    const { page, cspErrors } = await openPage(journey.browser, 360)
    await page.goto(`${journey.baseUrl}/`)
    await Promise.all([page.waitForURL('**/browse'), page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Browse' }).click()])
    expect(await page.locator('h1').textContent()).toBe('Browse careers')
    expect(await page.locator('main').getByRole('link', { name: 'Conventional' }).isVisible()).toBe(true)
    await expectGoodPage(page, cspErrors)

    await follow(page, 'SOC 2018 major groups (O*NET job families)', '**/browse/fields/soc')
    await expectGoodPage(page, cspErrors)
    await follow(page, 'Computer and Mathematical Occupations', '**/browse/fields/soc/15-0000')
    expect(await page.locator('h1').textContent()).toBe('Computer and Mathematical Occupations')
    expect(await page.getByRole('navigation', { name: 'Breadcrumb' }).innerText()).toContain('SOC 2018 major groups')
    await expectGoodPage(page, cspErrors)
    await follow(page, 'Software Developers', '**/careers/software-developers')
    expect(await page.locator('h1').textContent()).toBe('Software Developers')
    await expectGoodPage(page, cspErrors)

    // The curated fields' codes hold slashes: the link encodes them and the page still opens.
    await page.goto(`${journey.baseUrl}/browse/fields/pathways`)
    await expectGoodPage(page, cspErrors)
    await follow(page, 'Software Development', /\/browse\/fields\/pathways\/information-technology-and-computer-science%2Fsoftware-development$/)
    expect(await page.locator('h1').textContent()).toBe('Software Development')
    expect(await page.locator('main a[href="/careers/back-end-developer"]').count()).toBe(1)
    await expectGoodPage(page, cspErrors)
    await closePage(page)
  })

  it('finds a skill from the browse page and lists the careers that need it, with the importance in words', async () => {
    const { page, cspErrors } = await openPage(journey.browser, 360)
    await page.goto(`${journey.baseUrl}/browse`)
    await page.getByRole('combobox', { name: 'Find a skill' }).fill('Kubernetes')
    await Promise.all([page.waitForURL(/\/search\?q=Kubernetes&type=skill/), page.getByRole('button', { name: 'Find skills' }).click()])
    await expectGoodPage(page, cspErrors)
    await follow(page, 'Kubernetes', '**/browse/skills/kubernetes')
    expect(await page.locator('h1').textContent()).toBe('Careers that need Kubernetes')
    const row = page.locator('.career-refs li', { has: page.locator('a[href="/careers/back-end-developer"]') })
    expect(await row.locator('.career-meta').textContent()).toMatch(/^importance \d+%$/)
    await expectGoodPage(page, cspErrors)

    await page.goto(`${journey.baseUrl}/browse/interests/C`)
    expect(await page.locator('h1').textContent()).toBe('Conventional careers')
    expect(await page.locator('.dataset-note').innerText()).toContain('O*NET')
    await expectGoodPage(page, cspErrors)
    await closePage(page)
  })

  it('compares two careers from a career page: table with the shared skills marked in words', async () => {
    const { page, cspErrors } = await openPage(journey.browser, 360)
    await page.goto(`${journey.baseUrl}/careers/back-end-developer`)
    await expectGoodPage(page, cspErrors)
    await follow(page, 'Compare with…', '**/compare?careers=back-end-developer')
    expect(await page.getByLabel('Career 1').inputValue()).toBe('Back-End Developer / Engineer')
    expect(await page.locator('table').count()).toBe(0)
    await expectGoodPage(page, cspErrors)

    await page.getByLabel('Career 2').fill('Astronaut')
    const refused = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Compare', exact: true }).click()])
    expect(refused[0]?.status()).toBe(400)
    expect(await page.locator('.error-summary').innerText()).toContain('Career 2: no career is called “Astronaut”')
    expect(await page.getByLabel('Career 2').getAttribute('aria-invalid')).toBe('true')
    await expectGoodPage(page, cspErrors)

    // The boxes suggest careers too; choosing one puts the career's own address name in the box.
    const second = page.getByLabel('Career 2')
    await second.fill('')
    await second.pressSequentially('Software Developers')
    await page.locator('#compare-career-2-suggestions').getByRole('option', { name: /Software Developers/ }).first().waitFor()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    expect(await second.inputValue()).toBe('software-developers')
    await Promise.all([page.waitForURL('**/compare?careers=back-end-developer,software-developers'), page.getByRole('button', { name: 'Compare', exact: true }).click()])
    const table = page.getByRole('table', { name: /Comparing Back-End Developer \/ Engineer and Software Developers/ })
    expect(await table.isVisible()).toBe(true)
    expect(await table.locator('thead th[scope="col"]').count()).toBe(3)
    expect(await table.locator('tbody th[scope="row"]').first().textContent()).toBe('Pay')
    const git = table.locator('.shared-skill', { hasText: 'Git' }).first()
    expect(await git.locator('.shared-mark').textContent()).toBe('shared')
    expect(await page.locator('#shared-skills-heading + ul').innerText()).toContain('Git')
    // The table scrolls inside its own, named and focusable region; the page does not.
    const region = page.getByRole('region', { name: 'Careers compared' })
    expect(await region.getAttribute('tabindex')).toBe('0')
    await expectGoodPage(page, cspErrors)
    await closePage(page)
  })

  it('shows where a career leads: related careers, careers alike by skills and the moves from it', async () => {
    const { page, cspErrors } = await openPage(journey.browser, 360)
    await page.goto(`${journey.baseUrl}/careers/software-developers`)
    await expectGoodPage(page, cspErrors)
    await follow(page, 'Similar careers and where you can move', '**/careers/software-developers/related')
    expect(await page.locator('h1').textContent()).toBe('Careers related to Software Developers')
    expect(await page.locator('section[aria-labelledby="official-heading"] ul').innerText()).toContain('Chief Executives')
    expect(await page.locator('section[aria-labelledby="by-skills-heading"] .career-meta').first().textContent()).toMatch(/^\d+% similar · \d+ skills? in common$/)
    expect(await page.locator('#moves .career-meta').first().textContent()).toMatch(/^You already have \d+% of what it needs/)
    expect(await page.locator('.dataset-note').innerText()).toContain('O*NET')
    await expectGoodPage(page, cspErrors)
    await closePage(page)
  })

  it('answers unknown groups, skills and interests with 404 pages and a broken page link with a 400 page', async () => {
    const { page, cspErrors } = await openPage(journey.browser, 360)
    for (const [url, status, heading] of [
      ['/browse/fields/isco/9999', 404, 'Field not found'],
      ['/browse/skills/no-such-skill', 404, 'Skill not found'],
      ['/browse/interests/Z', 404, 'Interest not found'],
      ['/careers/no-such-career/related', 404, 'Career not found'],
      ['/browse/skills/kubernetes?cursor=not-a-cursor', 400, 'This address cannot be shown'],
    ] as const) {
      const response = await page.goto(`${journey.baseUrl}${url}`)
      expect(response?.status(), url).toBe(status)
      expect(await page.locator('h1').textContent()).toBe(heading)
      await expectGoodPage(page, cspErrors)
    }
    await closePage(page)
  })
})

/**
 * An imported career in a real browser: the fixture copies of O*NET, BLS OEWS and projections,
 * CIP–SOC, ESCO and the ESCO–O*NET crosswalk are imported into the test app before it starts. A
 * learner finds Software Developers through the list of every career and reads its tasks, the
 * spread of pay (chart and table) and the O*NET attribution; every page passes axe and fits a
 * 360 px phone without sideways scrolling.
 */
import { describe, expect, it } from 'vitest'
import { makeEscoProfile, makeOnetProfile } from '../../web/fixtures/imported.fixture.js'
import { loadStylesheet } from '../../web/assets.js'
import { renderCareerPage } from '../../web/render.js'
import { createImportedTestApp } from '../support/imported-app.js'
import { expectNoSeriousAxeViolations, journeyServer, expectSkipLinkFirst, openPage, scrollWidth, tabTo } from './browser.js'

const ONET_SLUG = 'software-developers'
const ESCO_SLUG = 'software-developer'

const journey = journeyServer(createImportedTestApp)

describe('imported career journey', () => {
  it('takes a keyboard user from the home page through the list of every career to Software Developers', async () => {
    const total = journey.app.deps.careers.summaries().length
    const { page, cspErrors } = await openPage(journey.browser, 1280)
    await page.goto(`${journey.baseUrl}/`)
    expect(await page.getByRole('link', { name: `Browse all ${total} careers`, exact: true }).isVisible()).toBe(true)
    await expectSkipLinkFirst(page)
    await tabTo(page, '/careers')
    await Promise.all([page.waitForURL('**/careers'), page.keyboard.press('Enter')])
    expect(await page.locator('h1').textContent()).toBe('All careers')
    await expectNoSeriousAxeViolations(page)

    const row = page.locator('.career-index li', { has: page.locator(`a[href="/careers/${ONET_SLUG}"]`) })
    expect(await row.locator('.origin-label').textContent()).toBe('O*NET (US)')
    await tabTo(page, `/careers/${ONET_SLUG}`, 200)
    await Promise.all([page.waitForURL(`**/careers/${ONET_SLUG}`), page.keyboard.press('Enter')])
    expect(await page.locator('h1').textContent()).toBe('Software Developers')
    expect(cspErrors).toEqual([])
    await page.close()
  })

  it('shows the O*NET tasks, the wage distribution with its text alternative, and the O*NET attribution', async () => {
    const profile = journey.app.deps.careers.profile(ONET_SLUG)
    const { page, cspErrors } = await openPage(journey.browser, 1280)
    await page.goto(`${journey.baseUrl}/careers/${ONET_SLUG}`)

    const tasks = page.locator('#the-work li')
    expect(await tasks.count()).toBe(profile.tasks.length)
    expect(await tasks.first().textContent()).toBe(profile.tasks[0]!.text)

    const dist = profile.salaryPanel.distributions[0]!
    const chart = page.locator('#pay svg[role="img"][aria-labelledby^="chart-pay-spread-"]')
    expect(await chart.count()).toBe(1)
    const description = await page.locator(`#${await chart.getAttribute('aria-describedby')}`).textContent()
    expect(description).toContain('median $133,080')
    const table = page.getByRole('table', { name: /Pay percentiles, Software Developers/ })
    expect(await table.isVisible()).toBe(true)
    for (const value of [dist.annual.p10, dist.annual.p90]) {
      expect(await table.innerText()).toContain(`$${value!.toLocaleString('en-US')}`)
    }

    const onet = profile.sources.find((s) => s.id === 'onet-29-3')!
    expect(await page.locator('#source-onet-29-3 .attribution').textContent()).toBe(onet.attribution)
    expect(await page.locator('.data-from').innerText()).toContain(onet.title)

    await expectNoSeriousAxeViolations(page)
    expect(cspErrors).toEqual([])
    await page.close()
  })

  // The fixture datasets are too small to fill every section, so the hand-made O*NET and ESCO profiles
  // of the unit tests (rated skills, technology badges, essential / optional skills, long lists that
  // fold) are rendered as the server would and loaded under the app's own stylesheet.
  for (const [name, profile] of [['O*NET', makeOnetProfile()], ['ESCO', makeEscoProfile()]] as const) {
    it(`renders every imported section of a full ${name} profile accessibly, at 360 px and 1280 px`, async () => {
      const html = renderCareerPage(profile, loadStylesheet().href)
      for (const width of [360, 1280]) {
        const { page } = await openPage(journey.browser, width)
        await page.goto(`${journey.baseUrl}/careers`)
        await page.setContent(html, { waitUntil: 'load' })
        // A string expression (no DOM types here): the app's stylesheet loaded, so layout is tested as served.
        expect(await page.evaluate<number>('document.styleSheets[0]?.cssRules.length ?? 0')).toBeGreaterThan(50)
        expect(await scrollWidth(page), `${name} fixture page width at ${width} px`).toBeLessThanOrEqual(width)
        await expectNoSeriousAxeViolations(page)
        await page.close()
      }
    })
  }

  it('opens a folded list with the keyboard', async () => {
    const { page } = await openPage(journey.browser, 1280)
    await page.goto(`${journey.baseUrl}/careers`)
    await page.setContent(renderCareerPage(makeOnetProfile(), loadStylesheet().href), { waitUntil: 'load' })
    const fold = page.locator('details.fold').first()
    const hidden = fold.locator('li').first()
    expect(await hidden.isVisible()).toBe(false)
    await fold.locator('summary').focus()
    await page.keyboard.press('Enter')
    expect(await fold.getAttribute('open')).not.toBeNull()
    expect(await hidden.isVisible()).toBe(true)
    await page.keyboard.press('Enter')
    expect(await hidden.isVisible()).toBe(false)
    await page.close()
  })

  it('fits a 360 px wide phone without sideways scrolling and passes axe on every page', async () => {
    const { page, cspErrors } = await openPage(journey.browser, 360)
    for (const url of ['/', '/careers', `/careers/${ONET_SLUG}`, `/careers/${ESCO_SLUG}`, '/careers/back-end-developer']) {
      const response = await page.goto(`${journey.baseUrl}${url}`)
      expect(response?.status(), url).toBe(200)
      expect(await scrollWidth(page), `page width of ${url} at 360 px`).toBeLessThanOrEqual(360)
      await expectNoSeriousAxeViolations(page)
    }
    expect(cspErrors).toEqual([])
    await page.close()
  })

  it('answers a list page past the last with an accessible 404 page', async () => {
    const { page } = await openPage(journey.browser, 1280)
    const response = await page.goto(`${journey.baseUrl}/careers?page=999`)
    expect(response?.status()).toBe(404)
    expect(await page.locator('h1').textContent()).toBe('Page not found')
    await expectNoSeriousAxeViolations(page)
    await page.close()
  })
})

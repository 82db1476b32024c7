/**
 * Programme alignment in a real browser at 360 px, by keyboard, on the fixture datasets: a school
 * admin signs in, adds a programme by its CIP code, opens it (occupations table, badges, evidence),
 * goes back and saves the thresholds. Every page passes axe (no serious or critical violation), raises
 * no CSP error and does not scroll sideways — the wide occupations table scrolls inside its region.
 */
import { describe, expect, it } from 'vitest'
import { createAuthTestApp, makeUser, type AuthTestApp } from '../support/auth.js'
import { importFixtures } from '../support/imported-app.js'
import type { TestApp } from '../support/test-app.js'
import { enterAndWait, expectGoodPage, journeyServer, openPage, tabToSelector } from './browser.js'

let schoolId = ''
let admin: Awaited<ReturnType<typeof makeUser>>

const journey = journeyServer(async () => {
  const t = await createAuthTestApp()
  await importFixtures(t as unknown as TestApp, [['onet', 'onet'], ['bls-oews', 'bls-oews'], ['bls-projections', 'bls-projections'], ['cip-soc', 'cip-soc']])
  schoolId = crypto.randomUUID()
  const now = new Date(t.clock.now()).toISOString()
  await t.deps.db.kysely.insertInto('schools').values({ id: schoolId, name: 'Riverside High', slug: 'riverside-high', created_at: now }).execute()
  admin = await makeUser(t, { display_name: 'Programme Admin' })
  await t.deps.db.kysely.insertInto('memberships').values({ user_id: admin.id, school_id: schoolId, role: 'school_admin', created_at: now }).execute()
  return t as AuthTestApp as unknown as TestApp
})

describe('programme alignment journey', () => {
  it('adds a programme by keyboard, reads its occupations and evidence, and saves thresholds, each page good at 360 px', async () => {
    // localhost: a secure context for Chromium, so the __Host- session cookie (Secure) is kept over http.
    const base = journey.baseUrl.replace('127.0.0.1', 'localhost')
    const list = `${base}/schools/${schoolId}/programmes`
    const { page, cspErrors } = await openPage(journey.browser, 360)

    await page.goto(list)
    await page.waitForURL(/\/sign-in\?next=/)
    await page.locator('#sign-in-email').fill(admin.email)
    await page.locator('#sign-in-password').fill(admin.password)
    await Promise.all([page.waitForURL(list), page.locator('#sign-in-password').press('Enter')])
    await expectGoodPage(page, cspErrors)

    await tabToSelector(page, '#programme-cipCode')
    await page.keyboard.type('11.0201')
    await enterAndWait(page)
    expect(page.url()).toBe(`${list}?done=added`)
    expect(await page.locator('.notice-ok').textContent()).toContain('The programme has been added.')
    await expectGoodPage(page, cspErrors)

    const link = page.getByRole('link', { name: 'Computer Programming/Programmer, General' })
    const href = await link.getAttribute('href')
    await tabToSelector(page, `a[href="${href}"]`)
    await enterAndWait(page)
    expect(await page.locator('h1').textContent()).toBe('Computer Programming/Programmer, General')
    expect(await page.locator('caption').first().textContent()).toContain('national figures')
    expect(await page.locator('#occupation-15-1252').textContent()).toContain('In-demand: yes')
    await expectGoodPage(page, cspErrors)

    await page.goto(list)
    await tabToSelector(page, '#thresholds-wagePercentile')
    await page.keyboard.press('Control+A')
    await page.keyboard.type('40')
    await tabToSelector(page, '#thresholds-educationLevel')
    await page.keyboard.press('End') // a doctoral or professional degree
    await tabToSelector(page, '#thresholds-annualOpenings')
    await enterAndWait(page)
    expect(page.url()).toContain('done=thresholds')
    expect(await page.locator('#thresholds-heading').isVisible()).toBe(true)
    expect(await page.locator('main').textContent()).toContain('“Doctoral or professional degree”')
    await expectGoodPage(page, cspErrors)
    await page.close()
  })
})

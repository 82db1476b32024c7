/**
 * Accounts and schools in a real browser, mostly by keyboard: a person signs up, a platform admin
 * reads the confirmation mail in the operator outbox, the person confirms, signs in, creates and
 * revokes an API key, looks at their sessions, changes their password, downloads their data and
 * deletes the account. Then a school: the admin creates it, invites an educator by link and a learner
 * by join code, both join, the admin changes a role and removes a member. Every page passes axe
 * (no serious or critical violation), raises no CSP error and does not scroll sideways at 360 px.
 */
import type { AddressInfo } from 'node:net'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuthTestApp, makeUser, uniqueEmail, type AuthTestApp } from '../support/auth.js'
import { expectGoodPage, isFocused, launchChromium, openPage } from './browser.js'

let browser: Browser
let t: AuthTestApp
let baseUrl: string
let admin: Awaited<ReturnType<typeof makeUser>>

beforeAll(async () => {
  t = await createAuthTestApp()
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  // localhost: a secure context for Chromium, so the __Host- cookie (Secure) is kept over http.
  baseUrl = `http://localhost:${(t.app.server.address() as AddressInfo).port}`
  admin = await makeUser(t, { platform_role: 'platform_admin', display_name: 'Platform Admin' })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await t?.close()
})

const PASSWORD = 'river stones and quiet mornings'
const NEW_PASSWORD = 'lanterns over the harbour at dusk'

/** Focuses a field by Tab from the top of <main> and types into it. */
async function tabToAndType(page: Page, selector: string, value: string, limit = 40): Promise<void> {
  await page.locator('main').focus()
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab')
    if (await isFocused(page, selector)) {
      await page.keyboard.type(value)
      return
    }
  }
  throw new Error(`${selector} not reached by Tab`)
}

/** Presses Enter on the focused field and waits for the page the form leads to. */
async function submitWithEnter(page: Page): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.waitForEvent('framenavigated'), page.keyboard.press('Enter')])
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`)
  await tabToAndType(page, '#sign-in-email', email)
  await tabToAndType(page, '#sign-in-password', password)
  await submitWithEnter(page)
}

/** The newest outbox link for an address, read on the operator page as the platform admin. */
async function linkFromOutbox(page: Page, to: string, path: string): Promise<string> {
  await page.goto(`${baseUrl}/operator/outbox`)
  const card = page.locator('.item-card', { hasText: `To ${to}` }).first()
  const href = await card.locator(`a[href*="${path}"]`).first().getAttribute('href')
  expect(href).toBeTruthy()
  const url = new URL(href!)
  return `${baseUrl}${url.pathname}${url.search}`
}

describe('account journey', () => {
  it('signs up, confirms by the outbox link, manages keys, sessions and password, exports and deletes', async () => {
    const { page, cspErrors } = await openPage(browser, 360)
    const email = uniqueEmail('journey')

    await page.goto(`${baseUrl}/sign-up`)
    await expectGoodPage(page, cspErrors)
    await tabToAndType(page, '#sign-up-email', email)
    await tabToAndType(page, '#sign-up-displayName', 'Journey Person')
    await tabToAndType(page, '#sign-up-password', 'short')
    await submitWithEnter(page)
    // The refusal: the summary has focus, the field says why, the input is kept.
    expect(await page.locator(':focus').getAttribute('class')).toBe('error-summary')
    expect(await page.locator('#sign-up-email').inputValue()).toBe(email)
    await expectGoodPage(page, cspErrors)
    await page.locator('#sign-up-password').fill(PASSWORD)
    await page.locator('#sign-up-password').press('Enter')
    await page.waitForURL(/\/sign-up\/sent$/)
    await expectGoodPage(page, cspErrors)

    // The platform admin passes the confirmation link on from the outbox.
    const adminPage = await openPage(browser, 360)
    await signIn(adminPage.page, admin.email, admin.password)
    const verifyLink = await linkFromOutbox(adminPage.page, email, '/verify-email')
    await expectGoodPage(adminPage.page, adminPage.cspErrors)
    await adminPage.page.context().close()

    await page.goto(verifyLink)
    await expectGoodPage(page, cspErrors)
    await Promise.all([page.waitForURL(/done=verified/), page.getByRole('button', { name: 'Confirm my email address' }).click()])

    await signIn(page, email, PASSWORD)
    await page.waitForURL(/\/account$/)
    expect(await page.locator('main').textContent()).toContain('confirmed')
    await expectGoodPage(page, cspErrors)

    // An API key: the secret is shown once, then only its prefix.
    await page.goto(`${baseUrl}/account/api-keys`)
    await expectGoodPage(page, cspErrors)
    await tabToAndType(page, '#key-name', 'Journey key')
    await submitWithEnter(page)
    const secret = await page.locator('#new-key-secret').inputValue()
    expect(secret).toMatch(/^pw_live_/)
    await expectGoodPage(page, cspErrors)
    await page.getByRole('link', { name: /back to API keys/ }).click()
    await page.waitForURL(/\/account\/api-keys$/)
    expect(await page.content()).not.toContain(secret)
    await Promise.all([page.waitForURL(/done=key-revoked/), page.getByRole('button', { name: 'Revoke Journey key' }).click()])
    expect(await page.locator('main').textContent()).toContain('revoked')

    await page.goto(`${baseUrl}/account/sessions`)
    expect(await page.locator('main').textContent()).toContain('this session')
    await expectGoodPage(page, cspErrors)

    await page.goto(`${baseUrl}/account/password`)
    await expectGoodPage(page, cspErrors)
    await tabToAndType(page, '#password-currentPassword', PASSWORD)
    await tabToAndType(page, '#password-newPassword', NEW_PASSWORD)
    await submitWithEnter(page)
    await page.waitForURL(/done=password/)
    await expectGoodPage(page, cspErrors)

    await page.goto(`${baseUrl}/account/access-log`)
    await expectGoodPage(page, cspErrors)

    await page.goto(`${baseUrl}/account`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download my data' }).click()])
    expect(download.suggestedFilename()).toBe('pathways-export.json')

    await page.goto(`${baseUrl}/account/delete`)
    await expectGoodPage(page, cspErrors)
    await tabToAndType(page, '#delete-password', NEW_PASSWORD)
    await submitWithEnter(page)
    await page.waitForURL(/\/account\/deleted$/)
    await expectGoodPage(page, cspErrors)
    await page.goto(`${baseUrl}/account`)
    await page.waitForURL(/\/sign-in\?next=/)
    await expectGoodPage(page, cspErrors)
    await page.context().close()
  })
})

describe('school journey', () => {
  it('creates a school, invites an educator by link and a learner by code; they join; the admin changes a role and removes a member', async () => {
    const adminView = await openPage(browser, 360)
    const a = adminView.page
    await signIn(a, admin.email, admin.password)
    await a.goto(`${baseUrl}/schools`)
    await expectGoodPage(a, adminView.cspErrors)
    await tabToAndType(a, '#school-name', 'Journey Secondary')
    await submitWithEnter(a)
    await a.waitForURL(/\/schools\/[0-9a-f-]+\?done=created$/)
    const schoolPath = new URL(a.url()).pathname
    await expectGoodPage(a, adminView.cspErrors)

    await a.goto(`${baseUrl}${schoolPath}/invitations`)
    await expectGoodPage(a, adminView.cspErrors)
    await a.locator('#invite-role').selectOption('educator')
    await Promise.all([a.waitForLoadState('load'), a.waitForEvent('framenavigated'), a.getByRole('button', { name: 'Create invitation' }).click()])
    const link = await a.locator('#invitation-secret').inputValue()
    await expectGoodPage(a, adminView.cspErrors)
    await a.goto(`${baseUrl}${schoolPath}/invitations`)
    await a.locator('#invite-kind-code').check()
    await Promise.all([a.waitForLoadState('load'), a.waitForEvent('framenavigated'), a.getByRole('button', { name: 'Create invitation' }).click()])
    const code = await a.locator('#invitation-secret').inputValue()
    expect(code).toMatch(/^[0-9A-Z]{8}$/)

    const educator = await makeUser(t, { display_name: 'Eddie Educator' })
    const learner = await makeUser(t, { display_name: 'Lena Learner' })

    const eduView = await openPage(browser, 360)
    const invitationPath = new URL(link).pathname + new URL(link).search
    await eduView.page.goto(`${baseUrl}${invitationPath}`)
    await eduView.page.waitForURL(/\/sign-in\?next=/)
    await tabToAndType(eduView.page, '#sign-in-email', educator.email)
    await tabToAndType(eduView.page, '#sign-in-password', educator.password)
    await submitWithEnter(eduView.page)
    await eduView.page.waitForURL(/\/invitations\/accept\?token=/)
    await expectGoodPage(eduView.page, eduView.cspErrors)
    await Promise.all([eduView.page.waitForURL(/done=joined/), eduView.page.getByRole('button', { name: 'Accept and join' }).click()])
    expect(await eduView.page.locator('main').textContent()).toContain('Educator')
    await expectGoodPage(eduView.page, eduView.cspErrors)
    await eduView.page.context().close()

    const learnerView = await openPage(browser, 360)
    await signIn(learnerView.page, learner.email, learner.password)
    await learnerView.page.goto(`${baseUrl}/join`)
    await expectGoodPage(learnerView.page, learnerView.cspErrors)
    await tabToAndType(learnerView.page, '#join-code', code)
    await submitWithEnter(learnerView.page)
    await learnerView.page.waitForURL(/done=joined/)
    expect(await learnerView.page.locator('main').textContent()).toContain('Learner')
    await learnerView.page.context().close()

    await a.goto(`${baseUrl}${schoolPath}/members`)
    await expectGoodPage(a, adminView.cspErrors)
    await a.locator(`#role-${learner.id}`).selectOption('educator')
    await Promise.all([a.waitForURL(/done=role/), a.locator('.item-card', { hasText: 'Lena Learner' }).getByRole('button', { name: 'Change role' }).click()])
    expect(await a.locator('.item-card', { hasText: 'Lena Learner' }).textContent()).toContain('Educator')
    await Promise.all([a.waitForURL(/done=removed/), a.getByRole('button', { name: 'Remove Eddie Educator' }).click()])
    expect(await a.locator('main').textContent()).not.toContain('Eddie Educator')
    await expectGoodPage(a, adminView.cspErrors)

    await a.goto(`${baseUrl}${schoolPath}/access-log`)
    await expectGoodPage(a, adminView.cspErrors)
    await a.goto(`${baseUrl}${schoolPath}`)
    await expectGoodPage(a, adminView.cspErrors)
    await a.context().close()
  })
})

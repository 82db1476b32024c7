/**
 * The passport pages over HTTP, as a browser without JavaScript: anonymous visitors are sent to sign
 * in, every page is no-store, a form without its `_csrf` field changes nothing, a skill typed by name
 * is found by label (or near matches are offered), levels, credentials and targets change through
 * their forms, the gap, matches, plan and progress pages show the analysis, and another learner's
 * plan is 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuthTestApp, makeUser, type AuthTestApp, type Session } from '../support/auth.js'
import { REAL_CATALOG } from '../support/test-app.js'
import { getPage, mainText, pageSignin, postForm } from '../support/web-forms.js'

let t: AuthTestApp
let ada: Session
let bob: Session
let adaId = ''

beforeAll(async () => {
  t = await createAuthTestApp({ env: { CATALOG_DIR: REAL_CATALOG } })
  const a = await makeUser(t, { display_name: 'Ada' })
  const b = await makeUser(t, { display_name: 'Bob' })
  adaId = a.id
  ada = await pageSignin(t, a.email, a.password)
  bob = await pageSignin(t, b.email, b.password)
}, 120_000)

afterAll(async () => {
  await t?.close()
})

const PAGES = ['/passport', '/passport/gaps', '/passport/matches', '/passport/plans', '/passport/progress']

const location = (res: { headers: Record<string, unknown> }) => String(res.headers.location ?? '')

describe('access', () => {
  it('sends anonymous visitors to sign in, coming back afterwards', async () => {
    for (const url of [...PAGES, '/passport/gaps?career=back-end-developer']) {
      const res = await getPage(t, url)
      expect(res.statusCode, url).toBe(303)
      expect(location(res), url).toBe(`/sign-in?next=${encodeURIComponent(url)}`)
    }
  })

  it('serves every page as no-store HTML with the passport link in the header', async () => {
    for (const url of PAGES) {
      const res = await getPage(t, url, ada)
      expect(res.statusCode, url).toBe(200)
      expect(res.headers['cache-control'], url).toBe('no-store')
      expect(res.headers['content-type'], url).toMatch(/^text\/html/)
      expect(res.body, url).toContain('<a href="/passport">Passport</a>')
      expect(res.body, url).not.toMatch(/<script>|style="/)
    }
  })

  it('refuses a form post without its _csrf field (403) and stores nothing', async () => {
    const res = await postForm(t, '/passport/skills', { name: 'Python', level: '3' }, { session: ada, csrf: null })
    expect(res.statusCode).toBe(403)
    expect(mainText(res.body)).toContain('This form could not be accepted')
    expect(await t.deps.learner.passport.read(adaId)).toMatchObject({ skills: [] })
  })

  it('refuses an anonymous form post', async () => {
    const res = await postForm(t, '/passport/targets', { name: 'Back-End Developer / Engineer' })
    expect([401, 403]).toContain(res.statusCode)
  })
})

describe('the editor', () => {
  it('adds a skill typed by its name, without JavaScript', async () => {
    const res = await postForm(t, '/passport/skills', { name: 'python', id: '', level: '3' }, { session: ada })
    expect(res.statusCode).toBe(303)
    expect(location(res)).toBe('/passport?done=skill-added#skills')
    const page = await getPage(t, '/passport', ada)
    expect(mainText(page.body)).toContain('Python 3 intermediate')
    expect(page.body).toMatch(/<option value="3" selected="">3 – intermediate<\/option>/)
  })

  it('adds a skill by the id the picker script chose', async () => {
    const res = await postForm(t, '/passport/skills', { name: 'S Q L', id: 'sql', level: '2' }, { session: ada })
    expect(res.statusCode).toBe(303)
    expect((await t.deps.learner.passport.read(adaId)).skills.map((s) => s.skill).sort()).toEqual(['python', 'sql'])
  })

  it('offers near matches next to the field when a name matches nothing exactly', async () => {
    const res = await postForm(t, '/passport/skills', { name: 'pytho', level: '3' }, { session: ada })
    expect(res.statusCode).toBe(400)
    expect(mainText(res.body)).toContain('No skill is called “pytho”')
    expect(res.body).toContain('aria-invalid="true"')
    expect(res.body).toMatch(/type="radio" name="choice" value="python"/)
    expect(res.body).toContain('value="pytho"')
  })

  it('saves a new level and removes a skill', async () => {
    const saved = await postForm(t, '/passport/skills/sql', { level: '4' }, { session: ada })
    expect(saved.statusCode).toBe(303)
    expect((await t.deps.learner.passport.read(adaId)).skills.find((s) => s.skill === 'sql')?.level).toBe(4)
    const removed = await postForm(t, '/passport/skills/sql/remove', {}, { session: ada })
    expect(removed.statusCode).toBe(303)
    expect((await t.deps.learner.passport.read(adaId)).skills.map((s) => s.skill)).toEqual(['python'])
    expect((await postForm(t, '/passport/skills/sql/remove', {}, { session: ada })).statusCode).toBe(404)
  })

  it('keeps evidence with a skill and refuses a link that is not http(s)', async () => {
    const bad = await postForm(t, '/passport/skills/python/evidence', { title: 'Shop', url: 'javascript:alert(1)' }, { session: ada })
    expect(bad.statusCode).toBe(400)
    expect(mainText(bad.body)).toContain('Enter a link starting with https://')
    const ok = await postForm(t, '/passport/skills/python/evidence', { title: 'A web shop', url: 'https://example.org/shop' }, { session: ada })
    expect(ok.statusCode).toBe(303)
    const page = await getPage(t, '/passport', ada)
    expect(page.body).toContain('<a href="https://example.org/shop">A web shop</a>')
    expect(mainText(page.body)).toContain('Backed by evidence')
  })

  it('adds an earned credential by its title and a target career by its name', async () => {
    const credential = await postForm(t, '/passport/credentials', { name: 'Meta Back-End Developer Professional Certificate', earnedOn: '2025-06-30' }, { session: ada })
    expect(credential.statusCode).toBe(303)
    const target = await postForm(t, '/passport/targets', { name: 'Back-End Developer / Engineer' }, { session: ada })
    expect(target.statusCode).toBe(303)
    const stored = await t.deps.learner.passport.read(adaId)
    expect(stored.credentials.map((c) => c.credential)).toEqual(['meta-back-end-developer-pc'])
    expect(stored.targets.map((c) => c.slug)).toEqual(['back-end-developer'])
    const bad = await postForm(t, '/passport/credentials', { id: 'meta-back-end-developer-pc', earnedOn: '30/06/2025' }, { session: ada })
    expect(bad.statusCode).toBe(400)
    expect(mainText(bad.body)).toContain('Enter the date as year-month-day')
  })
})

describe('analysis pages', () => {
  it('shows the gap to the first target with a chart, a table and what teaches each gap', async () => {
    const res = await getPage(t, '/passport/gaps', ada)
    expect(res.statusCode).toBe(200)
    const text = mainText(res.body)
    expect(text).toMatch(/You cover \d+% of what Back-End Developer \/ Engineer needs/)
    expect(res.body).toMatch(/<svg class="chart" role="img"/)
    expect(res.body).toContain('<th scope="col">Weight</th>')
    expect(res.body).toMatch(/href="\/(credentials|resources)\/[^"]+"/)
    expect((await getPage(t, '/passport/gaps?career=no-such-career', ada)).statusCode).toBe(404)
  })

  it('ranks careers, filters them with a GET form and refuses a filter it cannot use', async () => {
    const res = await getPage(t, '/passport/matches?origin=catalog', ada)
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('action="/passport/matches" method="get"')
    expect(mainText(res.body)).toMatch(/Fit \d+%/)
    expect(res.body).toContain('href="/passport/gaps?career=')
    const bad = await getPage(t, '/passport/matches?minPay=lots', ada)
    expect(bad.statusCode).toBe(400)
    expect(mainText(bad.body)).toContain('Enter the lowest pay as a number')
  })

  it('creates a plan, shows it week by week and marks an item done', async () => {
    const refused = await postForm(t, '/passport/plans', { career: 'back-end-developer', hoursPerWeek: '0', optimise: 'time' }, { session: ada })
    expect(refused.statusCode).toBe(400)
    expect(mainText(refused.body)).toContain('Enter a number of hours from 1 to 80')
    const created = await postForm(t, '/passport/plans', { career: 'back-end-developer', hoursPerWeek: '10', optimise: 'time' }, { session: ada })
    expect(created.statusCode).toBe(303)
    const planUrl = location(created).replace(/\?.*$/, '')
    expect(planUrl).toMatch(/^\/passport\/plans\/[0-9a-f-]{36}$/)
    const page = await getPage(t, planUrl, ada)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('<ol class="timeline">')
    const action = /action="(\/passport\/plans\/[^"]+\/items\/[^"]+\/done)"/.exec(page.body)?.[1]
    expect(action).toBeTruthy()
    const done = await postForm(t, action!, {}, { session: ada })
    expect(done.statusCode).toBe(303)
    expect(location(done)).toBe(`${planUrl}?done=item-done#items`)
    expect(mainText((await getPage(t, `${planUrl}?done=item-done`, ada)).body)).toContain('Marked as done')

    // Another learner's plan does not exist for them.
    expect((await getPage(t, planUrl, bob)).statusCode).toBe(404)
    expect((await postForm(t, action!, {}, { session: bob })).statusCode).toBe(404)
    expect((await getPage(t, '/passport/plans/not-a-uuid', ada)).statusCode).toBe(404)
  })

  it('shows progress with a chart, its table and done counts', async () => {
    const res = await getPage(t, '/passport/progress', ada)
    expect(res.statusCode).toBe(200)
    const text = mainText(res.body)
    expect(text).toMatch(/Plan items done 1 of \d+/)
    expect(res.body).toMatch(/<svg class="chart" role="img"/)
    expect(text).toContain('Your coverage of Back-End Developer / Engineer by date')
  })

  it('serves the picker script with a long cache for its versioned address', async () => {
    const editor = await getPage(t, '/passport', ada)
    const src = /<script src="(\/assets\/skill-picker\.js\?v=[^"]+)" defer="">/.exec(editor.body)?.[1]
    expect(src).toBeTruthy()
    const script = await t.app.inject({ method: 'GET', url: src! })
    expect(script.statusCode).toBe(200)
    expect(script.headers['content-type']).toMatch(/^text\/javascript/)
    expect(script.headers['cache-control']).toContain('immutable')
  })
})

describe('pathway steps', () => {
  it('lists a curated career\'s steps by section, marks one done and undoes it, and progress counts it', async () => {
    const page = await getPage(t, '/passport/pathways/back-end-developer', bob)
    expect(page.statusCode).toBe(200)
    expect(page.headers['cache-control']).toBe('no-store')
    expect(mainText(page.body)).toContain('Getting started')
    expect(mainText(page.body)).toContain('0 of ')
    const done = await postForm(t, '/passport/pathways/back-end-developer/steps/gettingStarted/0', { done: '1' }, { session: bob })
    expect(done.statusCode).toBe(303)
    expect(location(done)).toBe('/passport/pathways/back-end-developer#step-gettingStarted-0')
    expect(mainText((await getPage(t, '/passport/pathways/back-end-developer', bob)).body)).toMatch(/1 of \d+ steps done/)
    const progress = await t.app.inject({ method: 'GET', url: '/api/v1/me/progress', headers: { cookie: bob.cookie } })
    const backEnd = progress.json<{ pathways: { career: { slug: string }; done: { section: string; position: number }[] }[] }>().pathways.find((p) => p.career.slug === 'back-end-developer')
    expect(backEnd?.done).toEqual([expect.objectContaining({ section: 'gettingStarted', position: 0 })])
    await postForm(t, '/passport/pathways/back-end-developer/steps/gettingStarted/0', { done: '0' }, { session: bob })
    expect(mainText((await getPage(t, '/passport/pathways/back-end-developer', bob)).body)).toMatch(/0 of \d+ steps done/)
  })

  it('404s a career without steps or a step that does not exist, and refuses a post without _csrf', async () => {
    expect((await getPage(t, '/passport/pathways/no-such-career', bob)).statusCode).toBe(404)
    expect((await postForm(t, '/passport/pathways/back-end-developer/steps/gettingStarted/999', { done: '1' }, { session: bob })).statusCode).toBe(404)
    expect((await postForm(t, '/passport/pathways/back-end-developer/steps/gettingStarted/0', { done: '1' }, { session: bob, csrf: null })).statusCode).toBe(403)
  })
})

/**
 * The CV, cover-letter and extraction pages over HTTP, as a browser without JavaScript: anonymous
 * visitors are sent to sign in, every page is no-store, a form without `_csrf` is refused, the CV
 * editor's state round-trips through its form (basics, reorder, hide, entries, tailoring with the
 * summary offered not applied), exports download with the API's headers, a letter is drafted and
 * exported, and skills found in a pasted text are added to the passport.
 */
import { parse } from 'parse5'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuthTestApp, makeUser, type AuthTestApp, type Session } from '../support/auth.js'
import { REAL_CATALOG } from '../support/test-app.js'
import { cvWithPayload, XSS } from '../../server/modules/cv/cv.fixtures.js'
import { getPage, mainText, pageSignin, postForm } from '../support/web-forms.js'

let t: AuthTestApp
let ada: Session
let adaId = ''

beforeAll(async () => {
  t = await createAuthTestApp({ env: { CATALOG_DIR: REAL_CATALOG } })
  const a = await makeUser(t, { display_name: 'Ada' })
  adaId = a.id
  ada = await pageSignin(t, a.email, a.password)
  await t.deps.learner.passport.setSkill(adaId, { skill: 'python', level: 4, source: 'self' })
  await t.deps.learner.passport.setSkill(adaId, { skill: 'sql', level: 3, source: 'self' })
  await postForm(t, '/passport/targets', { name: 'back-end-developer', id: 'back-end-developer', choice: '' }, { session: ada })
}, 120_000)

afterAll(async () => { await t?.close() })

const PAGES = ['/cv', '/cover-letter', '/passport/extract']
const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, '\'').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
const stateOf = (html: string): string => decode(/name="state" value="([^"]*)"/.exec(html)?.[1] ?? '')
type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

describe('access', () => {
  it('sends anonymous visitors to sign in and serves every page no-store to the learner', async () => {
    for (const url of PAGES) {
      const anonymous = await getPage(t, url)
      expect(anonymous.statusCode, url).toBe(303)
      expect(anonymous.headers.location, url).toBe(`/sign-in?next=${encodeURIComponent(url)}`)
      const res = await getPage(t, url, ada)
      expect(res.statusCode, url).toBe(200)
      expect(res.headers['cache-control'], url).toBe('no-store')
      expect(res.body, url).toContain('<a href="/cv">CV</a>')
      expect(res.body, url).not.toMatch(/<script>|style="/)
    }
  })

  it('refuses form posts without _csrf (403)', async () => {
    const page = await getPage(t, '/cv', ada)
    for (const [url, fields] of [['/cv', { state: stateOf(page.body), action: 'export:pdf' }], ['/cover-letter', { action: 'draft', career: 'back-end-developer' }], ['/passport/extract/add', { skill: 'git', level: '3' }]] as const) {
      const res = await postForm(t, url, fields, { session: ada, csrf: null })
      expect(res.statusCode, url).toBe(403)
    }
    expect((await t.deps.learner.passport.read(adaId)).skills.map((s) => s.skill)).not.toContain('git')
  })
})

describe('the CV editor', () => {
  it('is built from the passport and round-trips edits, reordering, hiding and tailoring through its form', async () => {
    const page = await getPage(t, '/cv', ada)
    const cv = JSON.parse(stateOf(page.body)) as Json
    expect(cv.basics.name).toBe('Ada')
    expect(cv.skills.map((s: Json) => s.name)).toEqual(expect.arrayContaining(['Python', 'SQL']))

    const res = await postForm(t, '/cv', {
      state: stateOf(page.body), 'layout-sent': '1', '/basics/name': 'Ada Lovelace', '/basics/label': 'Analyst', '/basics/summary': '',
      template: 'compact', career: 'back-end-developer', 'hide-skill': '1', 'hide-section': 'languages', action: 'up:skills',
    }, { session: ada })
    expect(res.statusCode).toBe(200)
    const next = JSON.parse(stateOf(res.body)) as Json
    expect(next.basics).toMatchObject({ name: 'Ada Lovelace', label: 'Analyst' })
    expect(next.basics.summary).toBeUndefined() // the suggestion is offered, never applied
    expect(next.template).toBe('compact')
    expect(next.career).toBe('back-end-developer')
    expect(next.layout.order.indexOf('skills')).toBeLessThan(next.layout.order.indexOf('projects'))
    expect(next.layout.hidden).toEqual(['languages'])
    expect(next.skills.filter((s: Json) => s.hidden)).toHaveLength(1)
    expect(mainText(res.body)).toContain('A summary you could use')
    expect(mainText(res.body)).toContain('The career also asks for skills your CV does not show')

    const used = await postForm(t, '/cv', { state: stateOf(res.body), 'layout-sent': '1', 'hide-skill': '1', career: 'back-end-developer', action: 'use-summary' }, { session: ada })
    expect(JSON.parse(stateOf(used.body)).basics.summary).toMatch(/^Aspiring Back-End Developer/)
  })

  it('opens, edits and adds entries; a bad date comes back 400 beside its field, the last good CV kept', async () => {
    const page = await getPage(t, '/cv', ada)
    const added = await postForm(t, '/cv', { state: stateOf(page.body), 'layout-sent': '1', action: 'add:work' }, { session: ada })
    expect(added.body).toContain('name="/work/0/name"')
    const bad = await postForm(t, '/cv', { state: stateOf(added.body), 'layout-sent': '1', open: 'work:0', '/work/0/name': 'Engine Co', '/work/0/startDate': 'last year', action: 'save' }, { session: ada })
    expect(bad.statusCode).toBe(400)
    expect(mainText(bad.body)).toContain('Enter a date as YYYY, YYYY-MM or YYYY-MM-DD.')
    expect(bad.body).toContain('aria-invalid="true"')
    expect(JSON.parse(stateOf(bad.body)).work[0].name).toBe('New employer')
    const good = await postForm(t, '/cv', { state: stateOf(added.body), 'layout-sent': '1', open: 'work:0', '/work/0/name': 'Engine Co', '/work/0/startDate': '2024-06', action: 'save' }, { session: ada })
    expect(JSON.parse(stateOf(good.body)).work[0]).toMatchObject({ name: 'Engine Co', startDate: '2024-06' })
  })

  it('refuses a state that is not a CV (400) and exports as a download with safe headers', async () => {
    expect((await postForm(t, '/cv', { state: '{"template":"x"}', action: 'save' }, { session: ada })).statusCode).toBe(400)
    const page = await getPage(t, '/cv', ada)
    for (const [format, type] of [['pdf', 'application/pdf'], ['html', 'text/html; charset=utf-8'], ['json-resume', 'application/json; charset=utf-8']]) {
      const res = await postForm(t, '/cv', { state: stateOf(page.body), 'layout-sent': '1', action: `export:${format}` }, { session: ada })
      expect(res.statusCode, format).toBe(200)
      expect(res.headers['content-type'], format).toBe(type)
      expect(res.headers['content-disposition'], format).toMatch(/^attachment; filename="Ada-CV\./)
      expect(res.headers['content-security-policy'], format).toMatch(/sandbox$/)
      expect(res.headers['cache-control'], format).toBe('no-store')
    }
  })
})

describe('saved CVs', () => {
  it('saves the edited CV under a title (303 to it), lists it, saves changes to it; another learner gets 404', async () => {
    const page = await getPage(t, '/cv', ada)
    const untitled = await postForm(t, '/cv/save', { state: stateOf(page.body), 'layout-sent': '1', title: '' }, { session: ada })
    expect(untitled.statusCode).toBe(400)
    expect(untitled.body).toContain('id="cv-title"')
    expect((await postForm(t, '/cv/save', { state: stateOf(page.body), title: 'Back-end' }, { session: ada, csrf: null })).statusCode).toBe(403)
    const saved = await postForm(t, '/cv/save', { state: stateOf(page.body), 'layout-sent': '1', title: 'Back-end', '/basics/name': 'Ada L.' }, { session: ada })
    expect(saved.statusCode).toBe(303)
    const url = String(saved.headers.location)
    expect(url).toMatch(/^\/cv\/saved\/[0-9a-f-]{36}\?done=saved$/)
    const opened = await getPage(t, url, ada)
    expect(opened.statusCode).toBe(200)
    expect(opened.headers['cache-control']).toBe('no-store')
    expect(mainText(opened.body)).toContain('Your CV is saved.')
    expect(JSON.parse(stateOf(opened.body)).basics.name).toBe('Ada L.')
    expect((await getPage(t, '/cv', ada)).body).toContain(`href="${url.split('?')[0]}"`)
    const id = url.split('/')[3]!.split('?')[0]!
    const again = await postForm(t, '/cv/save', { state: stateOf(opened.body), 'layout-sent': '1', saved: id, title: 'Back-end roles' }, { session: ada })
    expect(again.headers.location).toBe(url)
    expect((await t.deps.savedCvs.list(adaId)).map((c) => c.title)).toEqual(['Back-end roles'])
    const bob = await makeUser(t, { display_name: 'Bob' })
    const bobSession = await pageSignin(t, bob.email, bob.password)
    expect((await getPage(t, url, bobSession)).statusCode).toBe(404)
  })
})

describe('the cover letter', () => {
  it('drafts for a target career, keeps edits and downloads', async () => {
    const missing = await postForm(t, '/cover-letter', { action: 'draft', career: '' }, { session: ada })
    expect(missing.statusCode).toBe(400)
    const draft = await postForm(t, '/cover-letter', { action: 'draft', career: 'back-end-developer', 'recipient-organisation': 'Acme' }, { session: ada })
    expect(draft.statusCode).toBe(200)
    expect(mainText(draft.body)).toContain('Back-End Developer / Engineer at Acme')
    const fields = { 'letter-career': '{"slug":"back-end-developer","title":"Back-End Developer"}', 'sender-name': 'Ada', greeting: 'Dear team,', paragraph: ['<b>One</b>', ''], closing: 'Best,', signature: 'Ada' }
    const saved = await postForm(t, '/cover-letter', { ...fields, action: 'save' }, { session: ada })
    expect(saved.body).toContain('&lt;b&gt;One&lt;/b&gt;')
    const pdf = await postForm(t, '/cover-letter', { ...fields, action: 'export:pdf' }, { session: ada })
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="Ada-cover-letter\.pdf"/)
    const bad = await postForm(t, '/cover-letter', { ...fields, 'sender-email': 'nope', action: 'export:pdf' }, { session: ada })
    expect(bad.statusCode).toBe(400)
  })
})

describe('skills in a text', () => {
  it('marks the skills found in escaped text and adds the ticked ones to the passport', async () => {
    const text = 'We want <b>Git</b> and Docker experience.'
    const found = await postForm(t, '/passport/extract', { text }, { session: ada })
    expect(found.statusCode).toBe(200)
    expect(found.body).toMatch(/<mark>Git<span class="visually-hidden">/)
    expect(found.body).toContain('&lt;b&gt;')
    expect(found.body).not.toContain('<b>Git')
    const none = await postForm(t, '/passport/extract/add', { text, level: '3' }, { session: ada })
    expect(none.statusCode).toBe(400)
    const id = /name="skill" value="([^"]+)"/.exec(found.body)?.[1] ?? ''
    const added = await postForm(t, '/passport/extract/add', { text, level: '3', skill: id }, { session: ada })
    expect(added.statusCode).toBe(303)
    expect(added.headers.location).toBe('/passport?done=skill-added#skills')
    expect((await t.deps.learner.passport.read(adaId)).skills.find((s) => s.skill === id)?.level).toBe(3)
  })
})

describe('use as target', () => {
  it('shows the career a job ad is closest to and the learner\'s gap to it', async () => {
    const res = await postForm(t, '/passport/extract', { text: 'Back-end developer: Python, SQL, REST APIs, Git, Linux, databases and web services.', action: 'target' }, { session: ada })
    expect(res.statusCode).toBe(200)
    const text = mainText(res.body)
    expect(text).toMatch(/Closest career: \S/)
    expect(text).toMatch(/Your passport covers \d+%/)
    expect(res.body).toMatch(/href="\/passport\/gaps\?career=[a-z0-9-]+"/)
    const plain = await postForm(t, '/passport/extract', { text: 'Python and SQL', action: 'find' }, { session: ada })
    expect(mainText(plain.body)).not.toContain('Closest career')
  })
})

describe('learner text on the pages (SECURITY.md I5)', () => {
  interface Node { tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[] }
  const walk = (node: Node, visit: (n: Node) => void): void => { visit(node); for (const c of node.childNodes ?? []) walk(c, visit) }
  const noInjectedMarkup = (html: string) => {
    const found: string[] = []
    walk(parse(html) as unknown as Node, (n) => {
      if (n.tagName === 'img' || n.tagName === 'svg') found.push(n.tagName)
      if (n.tagName === 'script' && !n.attrs?.some((a) => a.name === 'src' && a.value.startsWith('/assets/'))) found.push('inline script')
      for (const a of n.attrs ?? []) if (/^on/i.test(a.name)) found.push(a.name)
    })
    expect(found).toEqual([])
    expect(html).toContain('&lt;script&gt;alert(4)&lt;/script&gt;')
  }

  it('a payload in every CV field, the letter and the pasted text renders as text', async () => {
    const cv = cvWithPayload()
    const page = await postForm(t, '/cv', { state: JSON.stringify(cv), 'layout-sent': '1', open: 'work:0', action: 'save' }, { session: ada })
    expect(page.statusCode).toBe(200)
    noInjectedMarkup(page.body)
    expect(JSON.parse(stateOf(page.body)).basics.name).toBe(XSS)
    const letter = await postForm(t, '/cover-letter', { 'sender-name': XSS.slice(0, 200), greeting: XSS.slice(0, 300), paragraph: [XSS], closing: XSS.slice(0, 200), signature: XSS.slice(0, 200), action: 'save' }, { session: ada })
    expect(letter.statusCode).toBe(200)
    noInjectedMarkup(letter.body)
    const found = await postForm(t, '/passport/extract', { text: `Python ${XSS} SQL` }, { session: ada })
    noInjectedMarkup(found.body)
  })
})

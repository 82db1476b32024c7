/**
 * The browse, compare, related, credential and resource pages through the whole app (real search and
 * explore services over the curated catalog, on a temporary database).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../test/support/test-app.js'

let testApp: TestApp
beforeAll(async () => {
  testApp = await createTestApp()
})
afterAll(async () => {
  await testApp?.close()
})

const get = (url: string, headers: Record<string, string> = {}) => testApp.app.inject({ url, headers })

describe('browse pages', () => {
  it('serves the landing page with the hierarchies, the six interests and a skill search', async () => {
    const res = await get('/browse')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.headers['content-security-policy']).toContain("script-src 'self'")
    expect(res.body).toContain('href="/browse/fields/pathways"')
    expect(res.body.match(/href="\/browse\/interests\/[RIASEC]"/g)).toHaveLength(6)
    expect(res.body).toContain('<input type="hidden" name="type" value="skill"/>')
  })

  it('serves each hierarchy, and 404 for one that does not exist', async () => {
    for (const system of ['isco', 'soc', 'pathways']) expect((await get(`/browse/fields/${system}`)).statusCode, system).toBe(200)
    const missing = await get('/browse/fields/naics')
    expect(missing.statusCode).toBe(404)
    expect(missing.body).toContain('<h1>Field not found</h1>')
  })

  it('opens a curated field group whose code holds a slash, encoded as the links write it or not', async () => {
    const href = '/browse/fields/pathways/information-technology-and-computer-science%2Fsoftware-development'
    expect((await get('/browse/fields/pathways')).body).toContain(`href="${href}"`)
    const group = await get(href)
    expect(group.statusCode).toBe(200)
    expect(group.body).toContain('<h1>Software Development</h1>')
    expect(group.body).toContain('href="/careers/back-end-developer"')
    expect((await get(decodeURIComponent(href))).body).toContain('<h1>Software Development</h1>')
  })

  it('answers 404 for a group that does not exist and 400 for a broken page link', async () => {
    expect((await get('/browse/fields/isco/9999')).statusCode).toBe(404)
    expect((await get('/browse/fields/isco/')).statusCode).toBe(404)
    const bad = await get('/browse/fields/isco/2?cursor=%25%25')
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('<h1>This address cannot be shown</h1>')
  })

  it('lists the careers that need a skill, with 404 for an unknown skill and 400 for a broken cursor', async () => {
    const res = await get('/browse/skills/kubernetes')
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('<h1>Careers that need Kubernetes</h1>')
    expect(res.body).toMatch(/importance \d+%/)
    const missing = await get('/browse/skills/no-such-skill')
    expect(missing.statusCode).toBe(404)
    expect(missing.body).toContain('<h1>Skill not found</h1>')
    expect((await get('/browse/skills/kubernetes?cursor=not-ours')).statusCode).toBe(400)
  })

  it('serves an interest by its letter in either case, and 404 for any other letter', async () => {
    expect((await get('/browse/interests/I')).statusCode).toBe(200)
    expect((await get('/browse/interests/i')).body).toContain('<h1>Investigative careers</h1>')
    expect((await get('/browse/interests/Q')).statusCode).toBe(404)
  })

  it('renders a page once per catalog version and answers a repeat visit with 304', async () => {
    const first = await get('/browse/skills/kubernetes')
    const again = await get('/browse/skills/kubernetes', { 'if-none-match': String(first.headers.etag) })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
  })
})

describe('compare page', () => {
  it('compares careers given by slug in a table', async () => {
    const res = await get('/compare?careers=back-end-developer,web-developer')
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('<caption>Comparing Back-End Developer / Engineer and Web Developer</caption>')
    expect(res.body).toContain('<th scope="row">Pay</th>')
  })

  it('shows only the form, prefilled, for one career', async () => {
    const res = await get('/compare?careers=back-end-developer')
    expect(res.statusCode).toBe(200)
    expect(res.body).not.toContain('<table')
    expect(res.body).toMatch(/id="compare-career-1" [^>]*value="Back-End Developer \/ Engineer"/)
  })

  it('sends the form’s titles on to the address a link to the same comparison has', async () => {
    const res = await get(`/compare?career=${encodeURIComponent('Back-End Developer / Engineer')}&career=web-developer&career=&career=`)
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/compare?careers=back-end-developer,web-developer')
  })

  it('answers an unknown career with 400 and the form naming its box', async () => {
    const res = await get(`/compare?career=web-developer&career=${encodeURIComponent('<b>Astronaut</b>')}`)
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.body).toContain('Career 2: no career is called “&lt;b&gt;Astronaut&lt;/b&gt;”')
    expect(res.body).not.toContain('<b>Astronaut')
    expect(res.body).not.toContain('<table')
  })

  it('answers more than four careers with 400', async () => {
    const res = await get('/compare?careers=back-end-developer,web-developer,cloud-engineer,devops-engineer,database-engineer')
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('Compare at most 4 careers at once')
  })
})

describe('related careers page', () => {
  it('shows the related careers, those alike by skills and the moves, linked from the career page', async () => {
    const career = await get('/careers/back-end-developer')
    expect(career.body).toContain('<a href="/compare?careers=back-end-developer">Compare with…</a>')
    expect(career.body).toContain('href="/careers/back-end-developer/related"')
    const res = await get('/careers/back-end-developer/related')
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('<h1>Careers related to Back-End Developer / Engineer</h1>')
    expect(res.body).toContain('<a class="career-name" href="/careers/web-developer">Web Developer</a>')
    expect(res.body).toContain('id="moves-heading"')
  })

  it('answers 404 for an unknown career and 400 for a broken page link', async () => {
    const missing = await get('/careers/no-such-career/related')
    expect(missing.statusCode).toBe(404)
    expect(missing.body).toContain('<h1>Career not found</h1>')
    expect((await get('/careers/back-end-developer/related?cursor=x')).statusCode).toBe(400)
  })
})

describe('credential and resource pages', () => {
  it('shows a credential with the pathways that list it, and 404 for an unknown one', async () => {
    const { items } = testApp.deps.careers.credentials({})
    const credential = items[0]!
    const res = await get(`/credentials/${encodeURIComponent(credential.id)}`)
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('Career pathways that list it')
    expect(res.body).toMatch(/href="\/careers\/[a-z-]+"/)
    expect((await get('/credentials/no-such-credential')).statusCode).toBe(404)
  })

  it('shows a course or reading, and 404 for an unknown one', async () => {
    const { items } = testApp.deps.careers.resources({})
    const res = await get(`/resources/${encodeURIComponent(items[0]!.id)}`)
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain(`<h1>${items[0]!.title}</h1>`)
    const missing = await get('/resources/no-such-resource')
    expect(missing.statusCode).toBe(404)
    expect(missing.body).toContain('<h1>Course or reading not found</h1>')
  })
})

describe('search page on the real catalog', () => {
  it('finds a curated career and links it', async () => {
    const res = await get('/search?q=back-end')
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('href="/careers/back-end-developer"')
    expect(res.body).toContain('<mark>')
  })
})

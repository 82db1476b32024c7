import { describe, expect, it } from 'vitest'
import type { CareerSummary } from '../../shared/schemas.js'
import { renderCareerIndexPage, renderHomePage, renderNotFoundPage } from '../render.js'

const CSS = '/assets/pathways.css?v=test'
const summary = (title: string, origin: string, i = 0): CareerSummary => ({
  slug: `${title.toLowerCase().replace(/\W+/g, '-')}${i ? `-${i}` : ''}`, title, summary: `About ${title}.`, origin,
  fieldPath: ['Field', 'Group', title], aliases: [], codes: [],
})
const careers: CareerSummary[] = [
  summary('Back-End Developer', 'catalog'),
  summary('Web Developer', 'catalog'),
  ...Array.from({ length: 150 }, (_, i) => summary(`Occupation ${String(i).padStart(3, '0')}`, i % 3 === 0 ? 'esco' : 'onet', i)),
]
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0

describe('home page', () => {
  const html = renderHomePage(careers, CSS)

  it('shows the curated career pathways as cards and no imported career', () => {
    expect(count(html, /<li class="card">/g)).toBe(2)
    expect(html).toContain('href="/careers/back-end-developer"')
    expect(html).not.toContain('Occupation 000')
  })

  it('links to the list of every career with the total and the count from each origin', () => {
    expect(html).toContain('<a href="/careers">Browse all 152 careers</a>')
    expect(html).toContain('2 career pathways, 100 O*NET occupations (US) and 50 ESCO occupations (EU)')
  })

  it('keeps the single-page list when every career is curated', () => {
    const curatedOnly = renderHomePage(careers.slice(0, 2), CSS)
    expect(curatedOnly).not.toContain('Browse all')
    expect(count(curatedOnly, /<li class="card">/g)).toBe(2)
  })
})

describe('list of every career', () => {
  const first = renderCareerIndexPage(careers, 1, CSS)
  const second = renderCareerIndexPage(careers, 2, CSS)

  it('lists a hundred careers a page, A to Z, each with its origin in words', () => {
    expect(count(first, /<li><a class="career-name"|<li id="[^"]+"><a class="career-name"/g)).toBe(100)
    expect(count(second, /class="career-name"/g)).toBe(52)
    expect(first.indexOf('Back-End Developer')).toBeLessThan(first.indexOf('Occupation 000'))
    expect(first).toMatch(/Back-End Developer<\/a><span class="origin-label origin-catalog">Career pathway<\/span>/)
    expect(first).toContain('<span class="origin-label origin-esco">ESCO (EU)</span>')
    expect(first).toContain('<ol class="career-index" start="1">')
    expect(second).toContain('<ol class="career-index" start="101">')
  })

  it('shows the field path above each career, not the career itself again', () => {
    expect(first).toContain('<span class="field-path">Field › Group</span>')
  })

  it('links previous and next pages with rel and marks the current page', () => {
    expect(first).toContain('<a href="/careers?page=2" rel="next">')
    expect(first).not.toContain('rel="prev"')
    expect(first).toContain('<a href="/careers" aria-label="Page 1" aria-current="page">1</a>')
    expect(second).toContain('<a href="/careers" rel="prev">')
    expect(second).not.toContain('rel="next"')
    expect(second).toContain('aria-label="Page 2" aria-current="page"')
    const pagination = second.slice(second.indexOf('class="pagination"'))
    expect(count(pagination, /aria-current="page"/g)).toBe(1)
  })

  it('says which page this is in the title and the lead', () => {
    expect(second).toContain('<title>All careers, page 2 of 2 | Pathways</title>')
    expect(second).toContain('Page 2 of 2: careers 101 to 152')
  })

  it('jumps to the page each letter starts on, where the first career of that letter carries the anchor', () => {
    expect(first).toContain('href="/careers#letter-b"')
    expect(first).toContain('href="/careers#letter-o"')
    expect(first).toContain('<li id="letter-o">')
  })

  it('escapes titles', () => {
    const html = renderCareerIndexPage([summary('<script>alert(1)</script>', 'onet')], 1, CSS)
    expect(html).not.toContain('<script>alert(1)')
    expect(html).toContain('&lt;script&gt;')
  })
})

describe('not-found pages', () => {
  it('offers the curated pathways and the full list, not thousands of cards', () => {
    const html = renderNotFoundPage(careers, CSS)
    expect(html).toContain('<h1>Career not found</h1>')
    expect(count(html, /<li class="card">/g)).toBe(2)
    expect(html).toContain('<a href="/careers">See all 152 careers, A to Z</a>')
    expect(renderNotFoundPage(careers, CSS, 'list-page')).toContain('<h1>Page not found</h1>')
  })
})

import { describe, expect, it } from 'vitest'
import type { SearchResults } from '../../shared/schemas.js'
import { DATASETS, searchItem, searchResults } from '../fixtures/explore.fixture.js'
import { renderSearchPage } from '../render-explore.js'
import type { SearchPageQuery } from '../search/search-params.js'

const ASSETS = { stylesheet: '/assets/pathways.css?v=test', script: '/assets/search.js?v=test' }
const render = (query: SearchPageQuery, results: SearchResults | null = searchResults(), datasets = DATASETS) =>
  renderSearchPage({ query, results, datasets }, ASSETS)
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0

describe('search page', () => {
  const html = render({ q: 'software', filters: {} })

  it('is a complete document with the one external script and no inline script or style', () => {
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true)
    expect(html).toContain('<script src="/assets/search.js?v=test" defer=""></script>')
    expect(count(html, /<script/g)).toBe(1)
    expect(html).not.toMatch(/<style|style=|<script>/)
  })

  it('keeps the skip link first and has a search box in the header and a labelled one in the page', () => {
    expect(html).toMatch(/<body><a class="skip-link" href="#main">/)
    expect(html).toContain('<label for="site-search-q" class="visually-hidden">')
    expect(html).toContain('<label for="search-q">Search careers, skills, credentials and courses</label>')
    expect(html).toMatch(/<input id="search-q" [^>]*name="q" value="software"\/>/)
  })

  it('links each result to its page, marks the matched words and starts ESCO titles with a capital', () => {
    expect(html).toContain('<a href="/careers/software-developers"><mark>Software</mark> Developers</a>')
    expect(html).toContain('<a href="/careers/software-developer"><mark>Software</mark> developer</a>')
    expect(html).toContain('href="/browse/skills/onet-tech%3Akubernetes"')
    expect(html).toContain('href="/credentials/meta-backend"')
    expect(html).toContain('href="/resources/course-aws"')
    expect(html).toContain('<span class="type-badge type-skill">Skill</span>')
  })

  it('shows the filters as links that keep the words, with their counts', () => {
    expect(html).toContain('<a href="/search?q=software&amp;type=career">Careers<span class="facet-count"> (30)</span></a>')
    expect(html).toContain('<a href="/search?q=software&amp;jobZone=4">Zone 4: considerable preparation<span class="facet-count"> (10)</span></a>')
    expect(html).toContain('href="/search?q=software&amp;origin=esco"')
  })

  it('shows an active filter as selected, with a way to remove it', () => {
    const filtered = render({ q: 'software', filters: { type: 'career', origin: 'onet' } })
    expect(filtered).toContain('<span class="facet-active" aria-current="true">Careers')
    expect(filtered).toContain('Type: Careers <a href="/search?q=software&amp;origin=onet">Remove<span class="visually-hidden"> the filter Type: Careers</span></a>')
    expect(filtered).toContain('<a href="/search?q=software">Remove every filter</a>')
  })

  it('links the next page by cursor, keeping the words and filters, and the first page once past it', () => {
    expect(html).toContain('<a href="/search?q=software&amp;cursor=eyJvIjoyMH0" rel="next">')
    expect(html).not.toContain('First page')
    const second = render({ q: 'software', filters: { type: 'career' }, cursor: 'eyJvIjoyMH0' }, searchResults({ nextCursor: null }))
    expect(second).toContain('<a href="/search?q=software&amp;type=career">First page')
    expect(second).not.toContain('rel="next"')
  })

  it('says plainly when no result has every word', () => {
    expect(html).not.toContain('No result has every word')
    expect(render({ q: 'software zebra', filters: {} }, searchResults({ matchedAllTerms: false }))).toContain(
      'No result has every word you searched for; these match some of them.',
    )
  })

  it('says when nothing matched, and offers to drop the filters', () => {
    const none = render({ q: 'zzzz', filters: { type: 'skill' } }, searchResults({ items: [], total: 0, nextCursor: null }))
    expect(none).toContain('Nothing matched “zzzz” with these filters.')
    expect(none).toContain('<a href="/search?q=zzzz">Search again without the filters</a>')
  })

  it('renders what was typed and the catalog text as text, never as markup', () => {
    const payload = '<script>alert(1)</script>'
    const results = searchResults({ items: [searchItem({ title: payload, highlight: { title: [{ text: payload, match: true }], snippet: [{ text: '<img src=x onerror=alert(1)>', match: false }] } })] })
    const page = render({ q: payload, filters: {} }, results)
    expect(page).not.toContain('<script>alert')
    expect(page).not.toContain('<img src=x')
    expect(page).toContain('Search: “&lt;script&gt;alert(1)&lt;/script&gt;”')
    expect(page).toContain('<mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark>')
  })

  it('credits the datasets the results come from', () => {
    expect(html).toContain('Where this data comes from')
    expect(html).toContain(DATASETS[0]!.attribution!)
    expect(render({ q: 'x', filters: {} }, searchResults(), [])).not.toContain('Where this data comes from')
  })

  it('shows only the form and some help when opened without words', () => {
    const empty = render({ q: '', filters: {} }, null, [])
    expect(empty).toContain('<h1>Search</h1>')
    expect(empty).not.toContain('class="result-list"')
  })
})

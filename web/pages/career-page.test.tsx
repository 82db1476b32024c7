import { describe, expect, it } from 'vitest'
import { makeProfile, SOURCES } from '../fixtures/profile.fixture.js'
import { renderCareerPage } from '../render.js'

const CSS = '/assets/pathways.css?v=test'
const page = renderCareerPage(makeProfile(), CSS)
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0

describe('career page', () => {
  it('is a complete English document with one stylesheet and no script or inline style', () => {
    expect(page.startsWith('<!doctype html><html lang="en">')).toBe(true)
    expect(page).toContain(`<link rel="stylesheet" href="${CSS}"/>`)
    expect(page).not.toMatch(/<script|<style|style=/)
  })

  it('has one h1, landmarks and a skip link to main as the first focusable element', () => {
    expect(count(page, /<h1[\s>]/g)).toBe(1)
    expect(page).toMatch(/<body><a class="skip-link" href="#main">/)
    expect(page).toContain('<main id="main" tabindex="-1"')
    for (const tag of ['<header', '<nav', '<footer']) expect(page).toContain(tag)
  })

  it('never skips a heading level', () => {
    const levels = [...page.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]))
    levels.forEach((level, i) => {
      if (i > 0) expect(level - levels[i - 1]!).toBeLessThanOrEqual(1)
    })
  })

  it('links every table-of-contents entry to a section on the page', () => {
    const toc = page.slice(page.indexOf('id="toc-heading"'), page.indexOf('</nav>', page.indexOf('id="toc-heading"')))
    const targets = [...toc.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])
    expect(targets).toEqual(expect.arrayContaining(['at-a-glance', 'pay', 'outlook', 'skills', 'credentials', 'faq', 'sources']))
    for (const id of targets) expect(page).toContain(`<section id="${id}"`)
  })

  it('shows the salary panel side by side with the reason each figure differs', () => {
    expect(page).toContain('$131,450 a year')
    expect(page).toContain('$171,776 a year')
    expect(page).toContain('It counts this role only.')
    expect(page).toContain('Occupation scope (as the source defines it)')
    expect(page).toContain('<span class="badge">Reference</span>')
  })

  it('lists the catalog notes on the national figures after the table', () => {
    const table = page.indexOf('<caption>National salary figures, side by side</caption>')
    const note = page.indexOf('The page does not say what the median is taken over.')
    expect(table).toBeGreaterThan(-1)
    expect(note).toBeGreaterThan(page.indexOf('</table>', table))
  })

  it('shows city pay in the local currency and in dollars at the stated rate', () => {
    expect(page).toContain('£77,000 a year')
    expect(page).toContain('$98,300')
    expect(page).toContain('0.783 GBP = $1')
  })

  it('draws the three charts, each followed by its data table', () => {
    for (const id of ['chart-salary-sources', 'chart-salary-cities', 'chart-skills-0']) {
      expect(page).toContain(`aria-labelledby="${id}-title"`)
      const after = page.slice(page.indexOf(`id="${id}-title"`))
      expect(after.indexOf('<table')).toBeGreaterThan(-1)
    }
  })

  it('gives every table a caption and scoped header cells inside a named, focusable scroll region', () => {
    const tables = count(page, /<table/g)
    expect(tables).toBeGreaterThan(0)
    expect(count(page, /<caption>/g)).toBe(tables)
    expect(count(page, /<th(?![^>]*scope=)[\s>]/g)).toBe(0)
    expect(count(page, /<div class="table-scroll" role="region" aria-label="[^"]+" tabindex="0">/g)).toBe(tables)
  })

  it('says how many skills a source states against how many it lists', () => {
    expect(page).toContain('The source states 28 specialized skills and lists 3.')
  })

  it('lists every source with licence and attribution', () => {
    for (const source of Object.values(SOURCES)) expect(page).toContain(`id="source-${source.id}"`)
    expect(page).toContain('Source: U.S. Bureau of Labor Statistics, OEWS May 2024.')
    expect(page).toContain('CC BY 4.0')
  })

  it('shows credentials, pathway, progression, related careers and the FAQ', () => {
    expect(page).toContain('Meta Back-End Developer Professional Certificate')
    expect(page).toContain('3–6 months')
    expect(page).toContain('Building your brand')
    expect(page).toMatch(/Lead developer.*class="badge">Lead</)
    expect(page).toContain('href="/careers/front-end-developer"')
    expect(page).toMatch(/<details class="faq"><summary>Do I need a degree\?<\/summary>/)
  })

  it('escapes catalog text instead of interpreting it', () => {
    const html = renderCareerPage(makeProfile({ title: '<script>alert(1)</script>', summary: '"><img src=x onerror=alert(1)>' }), CSS)
    expect(html).not.toContain('<script>alert(1)')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('turns only http(s) source addresses into links', () => {
    const profile = makeProfile()
    profile.sources = profile.sources.map((s) => (s.id === 'onet' ? { ...s, url: 'javascript:alert(1)' } : s))
    expect(renderCareerPage(profile, CSS)).not.toContain('javascript:')
  })

  it('leaves out sections with nothing to show, and their contents entries', () => {
    const html = renderCareerPage(makeProfile({ faq: [], related: [], resources: [] }), CSS)
    for (const id of ['faq', 'related', 'resources']) {
      expect(html).not.toContain(`href="#${id}"`)
      expect(html).not.toContain(`<section id="${id}"`)
    }
  })
})

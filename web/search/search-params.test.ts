import { describe, expect, it } from 'vitest'
import { parseSearchParams, searchHref, searchPageKey, serviceQuery, withFilter, type SearchPageQuery } from './search-params.js'

const ok = (raw: Record<string, unknown>): SearchPageQuery => {
  const parsed = parseSearchParams(raw)
  if (!parsed.ok) throw new Error(parsed.problems.join(' '))
  return parsed.query
}

describe('reading the search page address', () => {
  it('trims the words and keeps the filters it knows, ignoring other parameters', () => {
    expect(ok({ q: '  nurse ', type: 'career', jobZone: '4', origin: 'onet', utm_source: 'mail' })).toEqual({
      q: 'nurse', filters: { type: 'career', jobZone: '4', origin: 'onet' },
    })
  })

  it('treats a page opened without words as no search', () => {
    expect(ok({})).toEqual({ q: '', filters: {} })
    expect(ok({ q: '   ' }).q).toBe('')
  })

  it('keeps the first of a repeated parameter', () => {
    expect(ok({ q: ['java', 'python'] }).q).toBe('java')
  })

  it('names each value it cannot use, as the API would refuse them', () => {
    const parsed = parseSearchParams({ q: 'x'.repeat(201), type: 'job', jobZone: '9', origin: 'linkedin', cursor: 'c'.repeat(201) })
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.problems).toHaveLength(5)
    expect(parsed.problems.join(' ')).toContain('“type”')
    expect(parsed.problems.join(' ')).toContain('“jobZone”')
  })

  it('accepts several types at once, as the API does', () => {
    expect(ok({ q: 'java', type: 'skill,resource' }).filters.type).toBe('skill,resource')
  })
})

describe('the search service query', () => {
  it('carries the words, filters, page size and cursor, with the job zone as a number', () => {
    expect(serviceQuery({ q: 'nurse', filters: { jobZone: '3', field: 'Healthcare' }, cursor: 'abc' })).toEqual({
      q: 'nurse', limit: 20, jobZone: 3, field: 'Healthcare', cursor: 'abc',
    })
  })
})

describe('search page addresses', () => {
  const query: SearchPageQuery = { q: 'c++ & java', filters: { type: 'career' }, cursor: 'next' }

  it('encodes the words and lists the filters in a fixed order', () => {
    expect(searchHref('c++ & java', { origin: 'esco', type: 'career' })).toBe('/search?q=c%2B%2B+%26+java&type=career&origin=esco')
  })

  it('sets or removes one filter and starts again from the first page', () => {
    expect(withFilter(query, 'jobZone', '4')).toBe('/search?q=c%2B%2B+%26+java&type=career&jobZone=4')
    expect(withFilter(query, 'type', null)).toBe('/search?q=c%2B%2B+%26+java')
  })

  it('names the same page the same way whatever order its parameters came in', () => {
    expect(searchPageKey(ok({ origin: 'onet', q: 'x', type: 'skill' }))).toBe(searchPageKey(ok({ type: 'skill', q: 'x', origin: 'onet' })))
  })
})

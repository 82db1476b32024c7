import { describe, expect, it } from 'vitest'
import { compareHref, fieldGroupHref, interestHref, searchItemHref, skillHref, withQuery } from './links.js'

describe('page addresses', () => {
  it('keeps a field code with slashes in one path segment', () => {
    expect(fieldGroupHref('pathways', 'it/software')).toBe('/browse/fields/pathways/it%2Fsoftware')
  })

  it('encodes skill ids with a colon and upper-cases interest letters', () => {
    expect(skillHref('onet-tech:c++')).toBe('/browse/skills/onet-tech%3Ac%2B%2B')
    expect(interestHref('i')).toBe('/browse/interests/I')
  })

  it('leads each kind of search result to its page', () => {
    expect(searchItemHref({ type: 'career', slug: 'nurse', id: null })).toBe('/careers/nurse')
    expect(searchItemHref({ type: 'skill', slug: null, id: 'esco:abc' })).toBe('/browse/skills/esco%3Aabc')
    expect(searchItemHref({ type: 'credential', slug: null, id: 'meta' })).toBe('/credentials/meta')
    expect(searchItemHref({ type: 'resource', slug: null, id: 'book' })).toBe('/resources/book')
  })

  it('writes compare and query addresses without empty parameters', () => {
    expect(compareHref(['a', 'b'])).toBe('/compare?careers=a,b')
    expect(compareHref([])).toBe('/compare')
    expect(withQuery('/x', { cursor: null, q: '', page: 2 })).toBe('/x?page=2')
  })
})

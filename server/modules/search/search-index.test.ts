/**
 * Search quality on a small hand-made catalog: exact titles and aliases first, prefixes as typed,
 * typos, skill alternative labels, codes, facets and filters.
 */
import { describe, expect, it } from 'vitest'
import type { SearchDocument, SearchFacets, SearchType } from './search-documents.js'
import { createCatalogSearch, presentHit, withinEdits } from './search-index.js'

type Doc = Omit<SearchDocument, 'id' | 'facets'> & { facets?: Partial<SearchFacets> }

const FACETS: SearchFacets = { type: 'career', field: null, level: null, provider: null, jobZone: null, kind: null, origin: 'onet' }

function catalog(docs: Doc[]) {
  return createCatalogSearch(docs.map((d, id) => ({ ...d, id, facets: { ...FACETS, type: d.type, ...d.facets } })))
}

const career = (key: string, title: string, aliases: string[] = [], facets: Partial<SearchFacets> = {}, extra = ''): Doc =>
  ({ type: 'career', key, title, aliases, extra, summary: `${title} do things.`, facets })
const skill = (key: string, title: string, aliases: string[] = [], kind = 'specialized'): Doc =>
  ({ type: 'skill', key, title, aliases, extra: '', summary: null, facets: { kind, origin: 'esco' } })

const search = catalog([
  career('software-developers', 'Software Developers', ['Application Developer', 'Software Engineer'], { field: 'Computer and Mathematical Occupations', jobZone: 4 }, '15-1252.00 15-1252'),
  career('web-developers', 'Web Developers', ['Backend Developer', 'Web Programmer'], { field: 'Computer and Mathematical Occupations', jobZone: 3 }, '15-1254.00'),
  career('back-end-developer', 'Back-End Developer / Engineer', ['Server-Side Developer'], { field: 'Information Technology', origin: 'catalog' }),
  career('property-developer', 'property developer', [], { field: 'Managers', origin: 'esco' }),
  career('registered-nurses', 'Registered Nurses', ['RN', 'Staff Nurse'], { field: 'Healthcare Practitioners', jobZone: 3 }),
  career('nurse-practitioners', 'Nurse Practitioners', [], { field: 'Healthcare Practitioners', jobZone: 5 }),
  career('data-scientists', 'Data Scientists', ['Data Science Specialist'], { field: 'Computer and Mathematical Occupations', jobZone: 5 }),
  career('database-administrators', 'Database Administrators', ['DBA'], { field: 'Computer and Mathematical Occupations', jobZone: 4 }),
  career('systems-engineers', 'Computer Systems Engineers/Architects', ['Solutions Architect'], { field: 'Computer and Mathematical Occupations', jobZone: 4 }),
  career('software-quality', 'Software Quality Engineers', [], { field: 'Computer and Mathematical Occupations', jobZone: 4 }),
  skill('kubernetes', 'Kubernetes', ['K8s'], 'technology'),
  skill('music-staff', 'manage musical staff', ['direct musical staff', 'manage music staff']),
  skill('cpp', 'C++', [], 'technology'),
  skill('c', 'C', [], 'technology'),
  { type: 'credential', key: 'meta-backend', title: 'Meta Back-End Developer Professional Certificate', aliases: [], extra: 'Meta Coursera', summary: null, facets: { level: 'beginner', provider: 'Meta', kind: 'professional-certificate', origin: 'catalog' } },
])

const keys = (q: string, filters = {}) => search.search(q, filters).hits.map((h) => h.doc.key)

describe('ranking', () => {
  it('puts an exact title first, whatever the case and hyphenation', () => {
    expect(keys('back end developer')[0]).toBe('back-end-developer')
    expect(keys('Back-End Developer')[0]).toBe('back-end-developer')
    expect(keys('software developers')[0]).toBe('software-developers')
  })

  it('puts an exact alternative title right after exact titles', () => {
    expect(keys('software engineer')[0]).toBe('software-developers')
    expect(keys('backend developer').slice(0, 2)).toEqual(['back-end-developer', 'web-developers'])
    expect(keys('staff nurse')[0]).toBe('registered-nurses')
  })

  it('finds what is being typed: the last word as a prefix', () => {
    expect(keys('backend dev')[0]).toBe('back-end-developer')
    expect(keys('data sci')[0]).toBe('data-scientists')
    expect(keys('kube')[0]).toBe('kubernetes')
    expect(keys('regist')).toContain('registered-nurses')
  })

  it('tolerates typos in words no indexed text contains', () => {
    expect(keys('devloper')).toEqual(expect.arrayContaining(['software-developers', 'web-developers', 'back-end-developer']))
    expect(keys('sofware engineer')[0]).toBe('software-developers')
    expect(keys('registred nurse')[0]).toBe('registered-nurses')
    expect(keys('kubernetse')[0]).toBe('kubernetes')
  })

  it('does not count a title compound twice for one word: a title must hold every word to rank as such', () => {
    // "Engineers/Architects" indexes engineers, architects and engineersarchitects; both start with
    // "engineer", but "sofware" is in no word of that title.
    const hits = search.search('sofware engineer', {}).hits
    const byKey = new Map(hits.map((h) => [h.doc.key, h.tier]))
    expect(byKey.get('software-quality')).toBe(4)
    expect(byKey.get('systems-engineers') ?? 5).toBe(5)
    // …and the typo is read as the word it was taken for, so the exact alternative title comes first.
    expect(hits[0]?.doc.key).toBe('software-developers')
    expect(byKey.get('software-developers')).toBe(1)
  })

  it('finds skills by their alternative labels', () => {
    expect(keys('manage music staff')[0]).toBe('music-staff')
    expect(keys('k8s')[0]).toBe('kubernetes')
  })

  it('keeps C and C++ apart', () => {
    expect(keys('c++')[0]).toBe('cpp')
    expect(keys('c')[0]).toBe('c')
  })

  it('finds careers by occupation code', () => {
    expect(keys('15-1252')).toEqual(['software-developers'])
  })

  it('falls back to results matching some words, and says so', () => {
    const outcome = search.search('nurse astronaut', {})
    expect(outcome.matchedAllTerms).toBe(false)
    expect(outcome.hits.map((h) => h.doc.key)).toContain('registered-nurses')
    expect(search.search('registered nurse', {}).matchedAllTerms).toBe(true)
  })

  it('returns nothing for a query without words or matching nothing', () => {
    expect(keys('?!')).toEqual([])
    expect(keys('zzzzqqq')).toEqual([])
  })
})

describe('facets and filters', () => {
  it('counts every match per facet value', () => {
    const { facets } = search.search('developer', {})
    expect(facets.type).toEqual([{ value: 'career', count: 4 }, { value: 'credential', count: 1 }])
    expect(facets.field).toContainEqual({ value: 'Computer and Mathematical Occupations', count: 2 })
  })

  it('filters by type, field (label or slug), job zone and provider', () => {
    expect(keys('developer', { type: ['credential'] as SearchType[] })).toEqual(['meta-backend'])
    expect(keys('developer', { field: 'computer-and-mathematical-occupations' }).sort()).toEqual(['software-developers', 'web-developers'])
    expect(keys('nurse', { jobZone: 5 })).toEqual(['nurse-practitioners'])
    expect(keys('developer', { provider: 'meta' })).toEqual(['meta-backend'])
  })

  it('counts each facet without its own filter, so other values stay selectable', () => {
    const { facets, hits } = search.search('developer', { type: ['credential'] as SearchType[] })
    expect(hits).toHaveLength(1)
    expect(facets.type).toEqual([{ value: 'career', count: 4 }, { value: 'credential', count: 1 }])
    expect(facets.field).toEqual([])
  })
})

describe('presentHit', () => {
  it('marks the matched title words', () => {
    const shown = presentHit(search.search('backend dev', {}).hits[0]!)
    expect(shown.highlight.title.filter((s) => s.match).map((s) => s.text)).toEqual(['Back-End', 'Developer'])
    expect(shown.matchedOn).toBe('title')
  })

  it('shows the matching alternative title as the snippet when only an alias matched', () => {
    const shown = presentHit(search.search('k8s', {}).hits[0]!)
    expect(shown.snippet).toBe('Also known as: K8s')
    expect(shown.matchedOn).toBe('alias')
    expect(shown.highlight.snippet).toContainEqual({ text: 'K8s', match: true })
  })
})

describe('withinEdits', () => {
  it('bounds the Levenshtein distance', () => {
    expect(withinEdits('sofware', 'software', 1)).toBe(true)
    expect(withinEdits('devloper', 'developer', 1)).toBe(true)
    expect(withinEdits('kubernetse', 'kubernetes', 1)).toBe(false)
    expect(withinEdits('kubernetse', 'kubernetes', 2)).toBe(true)
    expect(withinEdits('abc', 'abc', 0)).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { hasErrors, MAX_COMPARED, readCompareRequest, type CareerResolver } from './compare-input.js'

const TITLES: Record<string, string> = {
  'back-end-developer': 'Back-End Developer / Engineer',
  'software-developers': 'Software Developers',
  'data-scientist': 'data scientist',
  'data-scientists': 'Data Scientists',
}
/** Resolves slugs and titles; "data scientist" is also an alternative title of Data Scientists, found first. */
const careers: CareerResolver = {
  resolve: (text) => {
    if (TITLES[text]) return text
    const lower = text.toLowerCase()
    if (lower === 'data scientist') return 'data-scientists'
    return Object.entries(TITLES).find(([, title]) => title.toLowerCase() === lower)?.[0]
  },
  title: (slug) => TITLES[slug],
}

describe('reading what the compare page was asked for', () => {
  it('reads slugs from a link and shows their titles in the boxes', () => {
    const request = readCompareRequest({ careers: 'back-end-developer,software-developers' }, careers)
    expect(request.slugs).toEqual(['back-end-developer', 'software-developers'])
    expect(request.entries.map((e) => e.text)).toEqual(['Back-End Developer / Engineer', 'Software Developers', '', ''])
    expect(request.canonical).toBe(true)
    expect(hasErrors(request)).toBe(false)
  })

  it('resolves titles typed in the boxes and is not yet at the address a link would use', () => {
    const request = readCompareRequest({ career: ['software developers', '', 'Back-End Developer / Engineer', ''] }, careers)
    expect(request.slugs).toEqual(['software-developers', 'back-end-developer'])
    expect(request.canonical).toBe(false)
  })

  it('names the box of a career it cannot find', () => {
    const request = readCompareRequest({ career: ['Software Developers', 'Astronaut'] }, careers)
    expect(hasErrors(request)).toBe(true)
    expect(request.entries[1]).toMatchObject({ text: 'Astronaut', slug: null })
    expect(request.entries[1]?.error).toMatch(/^Career 2: no career is called “Astronaut”/)
    expect(request.entries[0]?.error).toBeNull()
  })

  it('shows the slug when the title would find another career', () => {
    const request = readCompareRequest({ careers: 'data-scientist' }, careers)
    expect(request.entries[0]?.text).toBe('data-scientist')
  })

  it('counts a career given twice once', () => {
    const request = readCompareRequest({ careers: 'software-developers,software-developers' }, careers)
    expect(request.slugs).toEqual(['software-developers'])
    expect(request.canonical).toBe(false)
  })

  it('refuses more careers than can be compared', () => {
    const request = readCompareRequest({ careers: Object.keys(TITLES).join(','), career: 'Software Developers' }, careers)
    expect(request.problems).toHaveLength(1)
    expect(request.entries).toHaveLength(MAX_COMPARED)
    expect(hasErrors(request)).toBe(true)
  })

  it('asks for nothing when opened without careers', () => {
    const request = readCompareRequest({}, careers)
    expect(request.slugs).toEqual([])
    expect(request.canonical).toBe(true)
    expect(request.entries).toHaveLength(MAX_COMPARED)
  })
})

import { describe, expect, it } from 'vitest'
import { titleVariants } from './search-documents.js'
import { queryVariants } from './search-index.js'
import { compact, highlight, shorten, spaced, tokenize } from './search-text.js'

describe('tokenize', () => {
  it('splits compounds and also keeps them joined, so "backend" and "back end" meet "Back-End"', () => {
    expect(tokenize('Back-End Developer')).toEqual(['back', 'end', 'backend', 'developer'])
    expect(tokenize('Node.js')).toEqual(['node', 'js', 'nodejs'])
  })

  it('spells out + and # so C++ and C# are words of their own', () => {
    expect(tokenize('C++')).toEqual(['c', 'plus', 'plus'])
    expect(tokenize('C#')).toEqual(['c', 'sharp'])
  })

  it('drops stop words unless they are all there is, and removes accents', () => {
    expect(tokenize('Manager of Sales')).toEqual(['manager', 'sales'])
    expect(tokenize('of')).toEqual(['of'])
    expect(tokenize('Pâtissier')).toEqual(['patissier'])
  })
})

describe('spaced and compact forms', () => {
  it('make "back-end developer", "Back End Developer" and "backend developer" comparable', () => {
    expect(spaced('Back-End  Developer')).toBe('back end developer')
    expect(compact('back-end developer')).toBe(compact('Backend Developer'))
  })
})

describe('queryVariants', () => {
  const indexed = (t: string) => ['backend', 'devops'].includes(t)
  it('reads neighbouring words joined when the joined word is indexed', () => {
    expect(queryVariants('back end developer', indexed)).toEqual([['back', 'end', 'developer'], ['backend', 'developer']])
    expect(queryVariants('dev ops', indexed)).toEqual([['dev', 'ops'], ['devops']])
  })

  it('reads at most eight words', () => {
    expect(queryVariants('one two three four five six seven eight nine ten', indexed)[0]).toHaveLength(8)
  })

  it('gives one reading when nothing joins, and none for a query without words', () => {
    expect(queryVariants('data scientist', indexed)).toEqual([['data', 'scientist']])
    expect(queryVariants('?!', indexed)).toEqual([])
  })
})

describe('highlight', () => {
  it('marks the words equal to matched index terms and keeps every character of the text', () => {
    const segments = highlight('Back-End Developer / Engineer', ['backend', 'developer'])
    expect(segments).toEqual([
      { text: 'Back-End', match: true }, { text: ' ', match: false }, { text: 'Developer', match: true }, { text: ' / Engineer', match: false },
    ])
    expect(segments.map((s) => s.text).join('')).toBe('Back-End Developer / Engineer')
  })

  it('marks the part of a compound that matched on its own', () => {
    expect(highlight('Front-end work', ['end'])).toEqual([
      { text: 'Front-', match: false }, { text: 'end', match: true }, { text: ' work', match: false },
    ])
  })

  it('returns the text unmarked when nothing matched', () => {
    expect(highlight('<script>alert(1)</script>', [])).toEqual([{ text: '<script>alert(1)</script>', match: false }])
  })
})

describe('shorten', () => {
  it('cuts at a word boundary with an ellipsis', () => {
    expect(shorten('one two three four five six', 15)).toBe('one two three…')
    expect(shorten('short', 15)).toBe('short')
  })
})

describe('titleVariants', () => {
  it('reads a slashed title as each of the titles it abbreviates', () => {
    expect(titleVariants('Back-End Developer / Engineer')).toEqual(['Back-End Developer / Engineer', 'Back-End Developer', 'Engineer', 'Back-End Engineer'])
    expect(titleVariants('Cloud Engineer / Solutions Architect')).toEqual(['Cloud Engineer / Solutions Architect', 'Cloud Engineer', 'Solutions Architect'])
    expect(titleVariants('Nurse')).toEqual(['Nurse'])
  })
})

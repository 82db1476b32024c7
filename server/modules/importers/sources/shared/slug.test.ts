import { describe, expect, it } from 'vitest'
import { createSlugAllocator, slugify, uniqueLabels } from './slug.js'

describe('slugify', () => {
  it('lowercases and joins words with single hyphens, trimmed', () => {
    expect(slugify('Software Developers')).toBe('software-developers')
    expect(slugify('  Chief Executives / CEOs (All Other)  ')).toBe('chief-executives-ceos-all-other')
  })
  it('drops accents instead of splitting words on them', () => {
    expect(slugify('Maître d’hôtel')).toBe('maitre-d-hotel')
  })
})

describe('createSlugAllocator', () => {
  it('keeps a free slug, suffixes a reserved one with the source, counts repeats in file order', () => {
    const next = createSlugAllocator(new Set(['software-developers']), 'onet')
    expect(next('Nurses')).toBe('nurses')
    expect(next('Software Developers')).toBe('software-developers-onet')
    expect(next('Software developers')).toBe('software-developers-onet-2')
    expect(next('nurses!')).toBe('nurses-2')
  })
  it('never hands out a reserved slug through the counter', () => {
    const next = createSlugAllocator(new Set(['a', 'a-2']), 'esco')
    expect(next('a')).toBe('a-esco')
  })
  it('gives titles without letters or digits a slug', () => {
    expect(createSlugAllocator(new Set(), 'esco')('***')).toBe('esco')
  })
})

describe('uniqueLabels', () => {
  it('drops blanks, case- and space-insensitive repeats and the excluded title, keeping first spellings', () => {
    expect(uniqueLabels(['CEO', ' ceo ', '', 'Chief  Executives', 'Agency Owner', 'agency owner'], ['Chief Executives']))
      .toEqual(['CEO', 'Agency Owner'])
  })
})

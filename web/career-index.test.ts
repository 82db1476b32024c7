import { describe, expect, it } from 'vitest'
import type { CareerSummary } from '../shared/schemas.js'
import { indexPage, initialOf, letterPages, pageCountOf, pageWindow, parsePage, sortedCareers } from './career-index.js'

const career = (title: string, origin = 'onet', slug = title.toLowerCase().replace(/\W+/g, '-')): CareerSummary => ({
  slug, title, summary: '', origin, fieldPath: [], aliases: [], codes: [],
})

describe('sortedCareers', () => {
  it('sorts by title ignoring case, numbers naturally, ties by slug, and caches the result per list', () => {
    const list = [career('web developer', 'esco', 'web-developer-esco'), career('Web Developer', 'catalog'), career('Accountant'), career('3D modeller'), career('10th grade teacher')]
    const sorted = sortedCareers(list)
    expect(sorted.map((c) => c.slug)).toEqual(['3d-modeller', '10th-grade-teacher', 'accountant', 'web-developer', 'web-developer-esco'])
    expect(sortedCareers(list)).toBe(sorted)
  })
})

describe('parsePage', () => {
  it('reads a plain positive page number up to the last page; no value means page 1', () => {
    expect(parsePage(undefined, 250, 100)).toBe(1)
    expect(parsePage('3', 250, 100)).toBe(3)
  })

  it('rejects page 0, pages past the last, and anything that is not a plain number', () => {
    for (const raw of ['0', '4', '-1', '01', '1.0', 'abc', '', '1e2', '99999999']) expect(parsePage(raw, 250, 100), raw).toBeNull()
    expect(parsePage(['1', '2'], 250, 100)).toBeNull()
  })

  it('has one (empty) page when there are no careers', () => {
    expect(pageCountOf(0)).toBe(1)
    expect(parsePage('1', 0)).toBe(1)
    expect(parsePage('2', 0)).toBeNull()
  })
})

describe('indexPage', () => {
  it('cuts the sorted list into pages and says where the page starts', () => {
    const list = Array.from({ length: 25 }, (_, i) => career(`Career ${String(i).padStart(2, '0')}`))
    const page = indexPage(list, 3, 10)
    expect(page).toMatchObject({ page: 3, pageCount: 3, total: 25, offset: 20 })
    expect(page.careers.map((c) => c.title)).toEqual(['Career 20', 'Career 21', 'Career 22', 'Career 23', 'Career 24'])
  })
})

describe('letters', () => {
  it('files titles under their first letter, accents folded, digits and symbols under #', () => {
    expect(initialOf('Émailleur')).toBe('E')
    expect(initialOf('3D animator')).toBe('#')
    expect(initialOf('zoo keeper')).toBe('Z')
  })

  it('gives the page each letter starts on', () => {
    const list = [...Array.from({ length: 3 }, (_, i) => career(`Alpha ${i}`)), ...Array.from({ length: 3 }, (_, i) => career(`Beta ${i}`)), career('Gamma')]
    expect(letterPages(list, 2)).toEqual([{ letter: 'A', page: 1 }, { letter: 'B', page: 2 }, { letter: 'G', page: 4 }])
  })
})

describe('pageWindow', () => {
  it('links the first, the last and two pages either side, with gaps where pages are left out', () => {
    expect(pageWindow(6, 41)).toEqual([1, null, 4, 5, 6, 7, 8, null, 41])
    expect(pageWindow(1, 41)).toEqual([1, 2, 3, null, 41])
    expect(pageWindow(4, 10)).toEqual([1, 2, 3, 4, 5, 6, null, 10])
    expect(pageWindow(1, 1)).toEqual([1])
  })
})

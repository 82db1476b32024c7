import { describe, expect, it } from 'vitest'
import { levelOf } from './cv-import.js'
import { FUZZY_THRESHOLD, normaliseLabel, similarity, trigrams } from './skill-matcher.js'

describe('the fuzzy rule', () => {
  it('normalises case, accents and punctuation but keeps + and #', () => {
    expect(normaliseLabel('  Node.JS (Runtime) ')).toBe('node js runtime')
    expect(normaliseLabel('Café')).toBe('cafe')
    expect(normaliseLabel('C++')).not.toBe(normaliseLabel('C#'))
  })

  it('is the Jaccard similarity of padded character trigrams', () => {
    expect(trigrams('sql')).toEqual(new Set([' sq', 'sql', 'ql ']))
    expect(similarity('SQL', 'sql')).toBe(1)
    expect(similarity('Python 3', 'Python')).toBe(6 / 8)
    expect(similarity('Python', 'Cooking')).toBe(0)
    expect(similarity('Python 3', 'Python')).toBeGreaterThanOrEqual(FUZZY_THRESHOLD)
    expect(similarity('Pyhton', 'Python')).toBeLessThan(FUZZY_THRESHOLD) // a transposition breaks three trigrams
  })
})

describe('levels', () => {
  it('reads our extension first, then the level word, else beginner', () => {
    expect(levelOf({ level: 'Master', 'x-pathways': { level: 1 } })).toBe(1)
    expect(levelOf({ level: 'Expert' })).toBe(5)
    expect(levelOf({ level: 'Upper intermediate' })).toBe(3)
    expect(levelOf({ level: 'Beginner' })).toBe(2)
    expect(levelOf({})).toBe(2)
  })
})

import { describe, expect, it } from 'vitest'
import { importResume, levelOf, MAX_FUZZY_LOOKUPS } from './cv-import.js'
import type { SkillMatcher } from './skill-matcher.js'
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

describe('the work an import may cause', () => {
  it('matches at most MAX_FUZZY_LOOKUPS names approximately; exact labels beyond that still map', () => {
    let fuzzy = 0
    const python = { id: 'python', name: 'Python', taxonomy: 'curated' as const }
    const matcher: SkillMatcher = {
      byTaxonomyId: () => undefined,
      resolve: () => undefined,
      candidates: () => [],
      exact: (input) => input === 'Python',
      match: (input) => {
        if (input === 'Python') return { skill: python, reason: 'exact label', score: 1, alternatives: [] }
        fuzzy++
        return undefined
      },
    }
    const names = [...Array.from({ length: MAX_FUZZY_LOOKUPS + 50 }, (_, i) => `made-up skill ${i}`), 'Python']
    const draft = importResume({ skills: [{ name: 'All', keywords: names }] } as never, matcher, () => false)
    expect(fuzzy).toBe(MAX_FUZZY_LOOKUPS)
    expect(draft.mappings.map((m) => m.skill.id)).toEqual(['python'])
    const capped = draft.unmapped.filter((u) => u.reason.startsWith('Only the first'))
    expect(capped.length).toBeGreaterThanOrEqual(50)
    expect(capped.length + MAX_FUZZY_LOOKUPS).toBe(draft.unmapped.length)
  })
})

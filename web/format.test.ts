import { describe, expect, it } from 'vitest'
import { formatTick, granularityWords, scopeLabel, statedCountsSentence, whenWords } from './format.js'

describe('statedCountsSentence', () => {
  it('compares what the source states with what it lists, per kind', () => {
    expect(statedCountsSentence({ specialized: 28, common: 2 }, { specialized: 19, common: 2 })).toBe(
      'The source states 28 specialized skills and lists 19; it states 2 common skills and lists 2.',
    )
  })

  it('just counts the list when the source states no totals', () => {
    expect(statedCountsSentence({ specialized: null, common: null }, { specialized: 1 })).toBe('The source lists 1 skill.')
  })
})

describe('wording', () => {
  it('names the classification system and code of a scope', () => {
    expect(scopeLabel({ label: 'Software Developers', relation: 'parent-occupation', system: 'soc-2018', code: '15-1252' })).toBe(
      'Software Developers (SOC 2018 15-1252)',
    )
    expect(scopeLabel({ label: 'Back-End Developer', relation: 'same-role', system: null, code: null })).toBe('Back-End Developer')
  })

  it('explains code granularity in words', () => {
    expect(granularityWords('broader')).toMatch(/other kinds of work/)
  })

  it('admits when a figure has no date', () => {
    expect(whenWords({ period: null, asOf: null })).toBe('no date given')
    expect(whenWords({ period: null, asOf: '2024-02' })).toBe('as of 2024-02')
  })

  it('formats axis ticks compactly', () => {
    expect(formatTick(150_000, true)).toBe('$150k')
    expect(formatTick(1_200_000, true)).toBe('$1.2M')
    expect(formatTick(2.5, false)).toBe('2.5')
  })
})

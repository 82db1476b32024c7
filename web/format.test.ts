import { describe, expect, it } from 'vitest'
import {
  crosswalkWords, displayTitle, fieldsAbove, figureMeaning, formatPercent, formatTick, formatUsdCents, granularityWords, originLabel,
  scopeLabel, statedCountsSentence, taxonomyOf, whenWords,
} from './format.js'

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

describe('wording for imported careers', () => {
  it('does not repeat a code the scope label already carries', () => {
    expect(scopeLabel({ label: 'Software Developers (SOC 15-1252)', relation: 'same-role', system: 'soc-2018', code: '15-1252' })).toBe('Software Developers (SOC 15-1252)')
  })

  it('says what a projection figure counts rather than naming its statistic', () => {
    expect(figureMeaning({ kind: 'growth', statistic: 'percent-change' })).toBe('Projected change in the number of jobs')
    expect(figureMeaning({ kind: 'openings', statistic: 'count' })).toBe('Job openings each year, on average')
    expect(figureMeaning({ kind: 'outlook', statistic: 'designation' })).toBe('Designation')
  })

  it('names origins, taxonomies and crosswalks in words', () => {
    expect(originLabel('catalog')).toBe('Career pathway')
    expect(originLabel('esco')).toBe('ESCO (EU)')
    expect(taxonomyOf('isco-08')).toBe('esco')
    expect(taxonomyOf('soc-2018')).toBe('onet')
    expect(crosswalkWords('isco-soc')).toContain('group level')
  })

  it('formats hourly wages and shares', () => {
    expect(formatUsdCents(38.391)).toBe('$38.39')
    expect(formatPercent(45.83)).toBe('45.8%')
    expect(formatPercent(0.4)).toBe('<1%')
  })

  it('starts lower-case ESCO titles with a capital and drops a field path’s last step when it is the career itself', () => {
    expect(displayTitle('software developer')).toBe('Software developer')
    expect(fieldsAbove(['Computer and Mathematical Occupations', 'Software Developers'], 'Software Developers')).toEqual(['Computer and Mathematical Occupations'])
    expect(fieldsAbove(['IT', 'Web'], 'Back-End Developer')).toEqual(['IT', 'Web'])
  })
})

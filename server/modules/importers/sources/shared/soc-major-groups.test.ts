import { describe, expect, it } from 'vitest'
import { SOC_2018_MAJOR_GROUPS, socMajorGroupTitle } from './soc-major-groups.js'

describe('SOC 2018 major groups', () => {
  it('has the 23 groups and finds the group of an O*NET-SOC code', () => {
    expect(Object.keys(SOC_2018_MAJOR_GROUPS)).toHaveLength(23)
    expect(socMajorGroupTitle('15-1252.00')).toBe('Computer and Mathematical Occupations')
    expect(socMajorGroupTitle('55-3011.00')).toBe('Military Specific Occupations')
    expect(socMajorGroupTitle('99-0000')).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import { fromJson } from '../../../../platform/db/json.js'
import { careerRow, codeRows, type Occupation } from './onet-occupations.js'
import { emptyProfile, sortProfile } from './onet-profile.js'
import { byImportance, createTechnologyIds, ratingRows, type Rating } from './onet-skills.js'
import { DEFAULT_RELEASE, onetSource, releaseFromReadMe } from './onet-source.js'

const occupation = (code: string, title: string, position = 0): Occupation => ({
  code, careerId: `onet:${code}`, title, description: `${title} do things.`, position,
})

describe('O*NET release', () => {
  it('reads version and month from the Read Me lines', () => {
    expect(releaseFromReadMe(['O*NET 30.0 Database', 'August 2025 Release', '----'])).toEqual({
      version: '30.0', published: '2025-08', sourceId: 'onet-30-0',
    })
  })
  it('falls back to 29.3 when the Read Me does not say', () => {
    expect(releaseFromReadMe(['Something else'])).toEqual(DEFAULT_RELEASE)
  })
  it('builds the sources row with the O*NET attribution', () => {
    const source = onetSource(DEFAULT_RELEASE)
    expect(source).toMatchObject({ id: 'onet-29-3', origin: 'onet', version: '29.3', published: '2025-05', licence: 'CC BY 4.0', kind: 'reference-data' })
    expect(source.attribution).toBe('Includes information from the O*NET 29.3 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. Skills, Knowledge, Alternate Titles and Education, Training, and Experience were converted from the Excel release to text format.')
  })
})

describe('O*NET careers and codes', () => {
  it('puts the SOC major group above the title in the field path', () => {
    const row = careerRow(occupation('15-1252.00', 'Software Developers'), 'software-developers', emptyProfile())
    expect(fromJson(row.field_path, [])).toEqual(['Computer and Mathematical Occupations', 'Software Developers'])
    expect(row.job_zone).toBeNull()
  })
  it('marks the SOC code exact for .00 occupations and broader for O*NET-only splits, titled after the SOC occupation', () => {
    const ce = occupation('11-1011.00', 'Chief Executives')
    const cso = occupation('11-1011.03', 'Chief Sustainability Officers', 1)
    const all = new Map([[ce.code, ce], [cso.code, cso]])
    expect(codeRows(ce, all, 'onet-29-3').map((c) => [c.system, c.code, c.granularity])).toEqual([
      ['onet-soc', '11-1011.00', 'exact'], ['soc-2018', '11-1011', 'exact'],
    ])
    const [, soc] = codeRows(cso, all, 'onet-29-3')
    expect(soc).toMatchObject({ code: '11-1011', granularity: 'broader', title: 'Chief Executives', position: 1, sources: '["onet-29-3"]' })
  })
})

describe('O*NET profile', () => {
  it('sorts categories ascending and interests R-I-A-S-E-C whatever the file order', () => {
    const profile = emptyProfile()
    profile.education.push({ category: 8, label: "Master's Degree", percent: 45.91 }, { category: 2, label: 'High School', percent: 4.46 })
    profile.interests.push({ code: 'C', name: 'Conventional', score: 5.46 }, { code: 'R', name: 'Realistic', score: 3.93 }, { code: 'I', name: 'Investigative', score: 5.86 })
    sortProfile(profile)
    expect(profile.education.map((e) => e.category)).toEqual([2, 8])
    expect(profile.interests.map((i) => i.code)).toEqual(['R', 'I', 'C'])
  })
})

describe('O*NET skills', () => {
  const rating = (skillId: string, importance: number | null, notRelevant = false): Rating => ({
    skillId, kind: 'common', importance, level: 2, notRelevant,
  })
  it('orders by importance, then element id, unrated last', () => {
    const sorted = [rating('onet:2.B', 3), rating('onet:2.A', null), rating('onet:2.C', 4), rating('onet:2.A.1', 3)].sort(byImportance)
    expect(sorted.map((r) => r.skillId)).toEqual(['onet:2.C', 'onet:2.A.1', 'onet:2.B', 'onet:2.A'])
  })
  it('scores by importance and notes elements rated not relevant', () => {
    const [row] = ratingRows('onet:x', 'onet-29-3', [rating('onet:2.B.3.e', 1, true)])
    expect(row).toEqual({
      career_id: 'onet:x', source_id: 'onet-29-3', skill_id: 'onet:2.B.3.e', kind: 'common', score: 1, note: 'Not relevant',
      position: 0, importance: 1, level: 2, relation: null, hot_technology: null, in_demand: null,
    })
  })
  it('keeps C, C++ and C# apart in technology ids', () => {
    const id = createTechnologyIds()
    expect(['C', 'C++', 'C#', 'Microsoft Excel', 'Microsoft  Excel!'].map(id)).toEqual([
      'onet-tech:c', 'onet-tech:c-plus-plus', 'onet-tech:c-sharp', 'onet-tech:microsoft-excel', 'onet-tech:microsoft-excel-2',
    ])
  })
})

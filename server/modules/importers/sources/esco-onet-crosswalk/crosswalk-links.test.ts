import { describe, expect, it } from 'vitest'
import type { InputRow } from '../../import-types.js'
import { iscoLinks, readIscoPair } from './isco-links.js'
import { nestaGranularity, nestaLinks, readNestaMatch, type NestaMatch } from './nesta-links.js'
import { addWalkRow, createOnetWalk, type OnetWalk } from './onet-walk.js'

const input = (file: string, values: Record<string, string>, line = 2): InputRow => ({ file, line, values })

function walkOf(pairs: [string, string][]): OnetWalk {
  const walk = createOnetWalk()
  for (const [from, to] of pairs) addWalkRow(walk, input('walk.csv', { soc2010_code: from, soc2019_code: to }))
  return walk
}

const WALK = walkOf([
  ['15-1131.00', '15-1251.00'],
  ['15-1132.00', '15-1252.00'], ['15-1132.00', '15-1253.00'],
  ['15-1133.00', '15-1252.00'], ['15-1133.00', '15-1253.00'],
  ['19-2031.00', '19-2031.00'],
  ['19-2099.00', '19-2099.00'], ['19-2099.01', '19-2099.01'],
])

describe('the O*NET-SOC 2010 → 2019 walk', () => {
  it('keeps O*NET codes, their merges, and a SOC 2010 → 2018 form from the first seven characters', () => {
    expect(WALK.onet.get('15-1132.00')).toEqual(['15-1252.00', '15-1253.00'])
    expect(WALK.predecessors.get('15-1252.00')).toBe(2)
    expect(WALK.soc.get('15-1132')).toEqual(['15-1252', '15-1253'])
    expect(WALK.soc.get('19-2099')).toEqual(['19-2099'])
  })

  it('names file, line and column of a malformed code', () => {
    expect(() => addWalkRow(createOnetWalk(), input('walk.csv', { soc2010_code: '15-1132', soc2019_code: '15-1252.00' }, 7))).toThrow(
      'walk.csv:7: column soc2010_code: "15-1132" is not an O*NET-SOC code',
    )
  })
})

describe('Nesta granularity', () => {
  const match = (confidence: number): NestaMatch => ({ uri: 'u', onet2010: '19-2031.00', confidence })

  it('is exact only for a confident one-to-one match carried over unchanged', () => {
    expect(nestaGranularity(match(2), 1, 1, 1).granularity).toBe('exact')
    expect(nestaGranularity(match(1), 1, 1, 1).granularity).toBe('broader')
    expect(nestaGranularity(match(2), 1, 1, 3).granularity).toBe('broader')
    expect(nestaGranularity(match(2), 1, 2, 1).granularity).toBe('broader')
  })

  it('is related for the lowest confidence and for a 2010 code split in 2019', () => {
    expect(nestaGranularity(match(0.5), 1, 1, 1).granularity).toBe('related')
    expect(nestaGranularity(match(2), 2, 1, 1)).toEqual({ granularity: 'related', reason: 'the 2010 code was split into 2 codes in 2019, so each is related' })
  })
})

describe('nestaLinks', () => {
  const row = (values: Record<string, string>) =>
    input('esco_onet_crosswalk_Nov2020.csv', { concept_uri: 'http://data.europa.eu/esco/occupation/04ba4d6c-957d-417f-bf63-5b9e015a9f86', onet_code: '15-1132.00', confidence: '2.0', ...values }, 9)

  it('links an ESCO occupation to every 2019 successor of its 2010 code', () => {
    const { links, unresolved } = nestaLinks([readNestaMatch(row({}))], WALK)
    expect(unresolved).toBe(0)
    expect(links).toEqual(['15-1252.00', '15-1253.00'].map((to_code) => ({
      origin: 'esco-onet-crosswalk', from_system: 'esco', from_code: 'http://data.europa.eu/esco/occupation/04ba4d6c-957d-417f-bf63-5b9e015a9f86',
      to_system: 'onet-soc', to_code, granularity: 'related', via: 'nesta-crosswalk', source_id: 'nesta-esco-onet-2020',
      note: "Nesta matched O*NET-SOC 2010 15-1132.00 (confidence 2 on Nesta's scale of 0.5, 1 and 2); the 2010 code was split into 2 codes in 2019, so each is related.",
    })))
  })

  it('counts matches whose 2010 code the walk does not know', () => {
    expect(nestaLinks([readNestaMatch(row({ onet_code: '99-9999.00' }))], WALK)).toEqual({ links: [], unresolved: 1 })
  })

  it('names file, line and column of a bad value', () => {
    expect(() => readNestaMatch(row({ confidence: 'high' }))).toThrow('esco_onet_crosswalk_Nov2020.csv:9: column confidence: "high" is not a number')
    expect(() => readNestaMatch(row({ concept_uri: 'software analyst' }))).toThrow('column concept_uri: "software analyst" is not an ESCO occupation URI')
  })
})

describe('iscoLinks', () => {
  const pair = (soc2010_code: string, isco08_code: string) => readIscoPair(input('ISCO_SOC_Crosswalk.semicolon.csv', { soc2010_code, isco08_code }))

  it('converts SOC 2010 to SOC 2018 and links each ISCO group once per occupation', () => {
    const { links, unresolved } = iscoLinks([pair('15-1132', '2512'), pair('15-1133 ', '2512'), pair('19-2099', '211'), pair('11-9999', '1120')], WALK)
    expect(unresolved).toEqual(['11-9999'])
    expect(links.map((l) => [l.from_system, l.from_code, l.to_system, l.to_code, l.granularity, l.via])).toEqual([
      ['isco-08', '2512', 'soc-2018', '15-1252', 'related', 'isco-soc'],
      ['isco-08', '2512', 'soc-2018', '15-1253', 'related', 'isco-soc'],
      ['isco-08', '211', 'soc-2018', '19-2099', 'related', 'isco-soc'],
    ])
    expect(links[0]?.note).toBe('Group-level link: the ISCO-08 unit group relates to this occupation (BLS crosswalk; from SOC 2010 15-1132, 15-1133 via the O*NET-SOC 2010 to 2019 crosswalk).')
    expect(links[2]?.note).toBe('Group-level link: the ISCO-08 minor group relates to this occupation (BLS crosswalk; same code in SOC 2010).')
  })

  it('refuses a code that is not ISCO-08', () => {
    expect(() => pair('15-1132', '25120')).toThrow('column isco08_code: "25120" is not an ISCO-08 code')
  })
})

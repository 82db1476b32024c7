import { describe, expect, it } from 'vitest'
import { categories, datasetSourceIds, escoDetails, interests, occupationName, programmeTitle, requirementsByCode, shortCategoryLabel, tasksByType, topCategories } from './imported-data.js'

describe('categories and topCategories', () => {
  const attributes = {
    education: [
      { category: 1, label: 'Less than a High School Diploma', percent: 0 },
      { category: 3, label: 'Post-Secondary Certificate - awarded for training completed after high school (for example…)', percent: 25 },
      { category: 6, label: "Bachelor's Degree", percent: 50 },
      { category: 5, label: "Associate's Degree (or other 2-year degree)", percent: 25 },
      { category: 'x', label: 'Broken', percent: 10 },
    ],
  }

  it('keeps well-formed entries only', () => {
    expect(categories(attributes, 'education')).toHaveLength(4)
    expect(categories({ education: 'none' }, 'education')).toEqual([])
    expect(categories({}, 'relatedExperience')).toEqual([])
  })

  it('orders by share, ties in category order, drops empty shares and shortens O*NET labels', () => {
    expect(topCategories(categories(attributes, 'education'), 5).map((c) => [c.label, c.percent])).toEqual([
      ["Bachelor's Degree", 50], ['Post-Secondary Certificate', 25], ["Associate's Degree (or other 2-year degree)", 25],
    ])
    expect(topCategories(categories(attributes, 'education'), 1)).toHaveLength(1)
  })

  it('shortens a label at its " - " explanation', () => {
    expect(shortCategoryLabel('High School Diploma - or the equivalent (for example, GED)')).toBe('High School Diploma')
    expect(shortCategoryLabel('Over 1 year, up to and including 2 years')).toBe('Over 1 year, up to and including 2 years')
  })
})

describe('interests', () => {
  it('lists RIASEC interests strongest first, skipping malformed entries', () => {
    const list = interests({ interests: [{ code: 'R', name: 'Realistic', score: 3.9 }, { code: 'I', name: 'Investigative', score: 5.9 }, { code: 'A', name: 'Artistic' }] })
    expect(list.map((i) => i.code)).toEqual(['I', 'R'])
  })
})

describe('escoDetails', () => {
  it('reads ESCO’s scope note and regulation only for ESCO careers', () => {
    const attributes = { iscoGroup: '2512', code: '2512.4', scopeNote: 'Includes design.', regulatedProfessionNote: 'http://data.europa.eu/esco/regulated-professions/unregulated' }
    expect(escoDetails({ origin: 'esco', attributes })).toEqual({ iscoGroup: '2512', code: '2512.4', scopeNote: 'Includes design.', regulated: false })
    expect(escoDetails({ origin: 'esco', attributes: { regulatedProfessionNote: 'http://data.europa.eu/esco/regulated-professions/regulated' } })?.regulated).toBe(true)
    expect(escoDetails({ origin: 'esco', attributes: {} })?.regulated).toBeNull()
    expect(escoDetails({ origin: 'onet', attributes })).toBeNull()
  })
})

describe('tasksByType', () => {
  it('splits core, supplemental and untyped tasks, keeping their order', () => {
    const tasks = [{ text: 'a', type: 'Supplemental' }, { text: 'b', type: 'Core' }, { text: 'c', type: null }, { text: 'd', type: 'core' }]
    expect(tasksByType(tasks)).toEqual({ core: ['b', 'd'], supplemental: ['a'], untyped: ['c'] })
  })
})

describe('requirements and programmes', () => {
  it('groups BLS requirements by code in a fixed order of keys', () => {
    const byCode = requirementsByCode([
      { code: '15-1252', key: 'on-the-job-training', value: 'None', source: 'bls' },
      { code: '15-1252', key: 'typical-entry-education', value: "Bachelor's degree", source: 'bls' },
      { code: '15-1254', key: 'work-experience', value: 'None', source: 'bls' },
    ])
    expect([...byCode.keys()]).toEqual(['15-1252', '15-1254'])
    expect(byCode.get('15-1252')!.map((r) => r.key)).toEqual(['typical-entry-education', 'on-the-job-training'])
  })

  it('names an occupation by its SOC title when the profile has it', () => {
    const codes = [{ system: 'soc-2018', code: '15-1252', title: 'Software Developers', granularity: 'broader', sources: [], note: null }]
    expect(occupationName({ codes }, '15-1252')).toBe('Software Developers (SOC 15-1252)')
    expect(occupationName({ codes }, '15-1254')).toBe('SOC 15-1254')
  })

  it('drops the full stop CIP titles end with', () => {
    expect(programmeTitle('Computer Science.')).toBe('Computer Science')
    expect(programmeTitle('Data Science, General')).toBe('Data Science, General')
  })

  it('cites the sources of an imported career’s own codes, and none for a curated one', () => {
    const codes = [
      { system: 'onet-soc', code: '15-1252.00', title: 'x', granularity: 'exact', sources: ['onet-29-3'], note: null },
      { system: 'soc-2018', code: '15-1252', title: 'x', granularity: 'exact', sources: ['onet-29-3'], note: null },
      { system: 'isco-08', code: '2512', title: 'x', granularity: 'broader', sources: ['other'], note: null },
    ]
    expect(datasetSourceIds({ origin: 'onet', codes })).toEqual(['onet-29-3'])
    expect(datasetSourceIds({ origin: 'catalog', codes })).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { fromJson } from '../../../../platform/db/json.js'
import type { InputRow } from '../../import-types.js'
import { conceptId, lines } from './esco-files.js'
import { careerRow, codeRows, readOccupation } from './esco-occupations.js'
import { relationNotes, skillRows } from './esco-relations.js'
import { skillKind, skillRow } from './esco-skills.js'

const GROUPS = new Map([['2', 'Professionals'], ['25', 'ICT professionals'], ['251', 'Software developers and analysts'], ['2512', 'Software developers']])
const row = (values: Record<string, string>): InputRow => ({ file: 'occupations_en.csv', line: 4, values })
const developer = (overrides: Record<string, string> = {}): InputRow => row({
  conceptUri: 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1', iscoGroup: '2512',
  preferredLabel: 'software developer', altLabels: 'programmer\nsoftware developer\nProgrammer\n\nsoftware engineer',
  regulatedProfessionNote: '', scopeNote: 'Includes people performing software design.', definition: 'Defined.',
  description: 'Software developers implement software.', code: '2512.4', ...overrides,
})

describe('ESCO helpers', () => {
  it('takes the UUID of a concept URI and the lines of a multi-valued cell', () => {
    expect(conceptId('http://data.europa.eu/esco/skill/abc-1')).toBe('abc-1')
    expect(lines('a\r\n b \n\n')).toEqual(['a', 'b'])
  })
})

describe('ESCO occupations', () => {
  it('maps an occupation to a career with its ISCO path, attributes, codes and aliases', () => {
    const o = readOccupation(developer(), GROUPS, 7)
    const career = careerRow(o, 'software-developer')
    expect(career).toMatchObject({
      id: 'esco:f2b15a0e-e65a-438a-affb-29b9d50b77d1', origin: 'esco', slug: 'software-developer', title: 'software developer',
      summary: 'Software developers implement software.', description: null, position: 7, job_zone: null,
    })
    expect(fromJson(career.field_path, [])).toEqual(['Professionals', 'ICT professionals', 'Software developers and analysts', 'Software developers'])
    expect(fromJson(career.attributes, {})).toEqual({ iscoGroup: '2512', code: '2512.4', scopeNote: 'Includes people performing software design.' })
    expect(o.aliases).toEqual(['programmer', 'software engineer'])
    expect(codeRows(o).map((c) => [c.system, c.code, c.title, c.granularity])).toEqual([
      ['esco', 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1', 'software developer', 'exact'],
      ['isco-08', '2512', 'Software developers', 'broader'],
    ])
  })
  it('uses the definition when the description is empty', () => {
    expect(readOccupation(developer({ description: '' }), GROUPS, 0).summary).toBe('Defined.')
  })
  it('rejects an ISCO group the groups file lacks, naming file and line', () => {
    expect(() => readOccupation(developer({ iscoGroup: '2519' }), GROUPS, 0)).toThrow('occupations_en.csv:4: ISCO group 2519 is not in ISCOGroups_en.csv')
    expect(() => readOccupation(developer({ iscoGroup: '25' }), GROUPS, 0)).toThrow('not a 4-digit ISCO-08 code')
  })
})

describe('ESCO skills', () => {
  it('classes knowledge, transversal (common) and other skills (specialized)', () => {
    expect(skillKind('knowledge', true)).toBe('knowledge')
    expect(skillKind('skill/competence', true)).toBe('common')
    expect(skillKind('skill/competence', false)).toBe('specialized')
    expect(skillKind('', false)).toBe('specialized')
  })
  it('maps a skill with its alternative labels and URI', () => {
    const skill = skillRow({ file: 'skills_en.csv', line: 2, values: {
      conceptUri: 'http://data.europa.eu/esco/skill/21d2', preferredLabel: 'computer programming',
      altLabels: 'programming\ncomputer programming', description: ' Techniques.\n', definition: '',
    } }, 'knowledge')
    expect(skill).toEqual({
      id: 'esco:21d2', origin: 'esco', name: 'computer programming', kind: 'knowledge', alt_labels: '["programming"]',
      description: 'Techniques.', esco_uri: 'http://data.europa.eu/esco/skill/21d2', onet_element: null,
    })
  })
  it('lists essential skills before optional ones', () => {
    const rows = skillRows('esco:x', {
      essential: [{ id: 'esco:a', kind: 'knowledge' }], optional: [{ id: 'esco:b', kind: 'common' }, { id: 'esco:c', kind: 'specialized' }], ids: new Set(),
    })
    expect(rows.map((r) => [r.skill_id, r.relation, r.position, r.kind, r.score])).toEqual([
      ['esco:a', 'essential', 0, 'knowledge', null], ['esco:b', 'optional', 1, 'common', null], ['esco:c', 'optional', 2, 'specialized', null],
    ])
  })
  it('explains skipped relations', () => {
    expect(relationNotes({ unknownOccupation: 67, unknownOccupations: 1, unknownSkill: 0, repeated: 0 })).toEqual([
      '67 occupation–skill relations skipped: their occupation (1 distinct) is not in occupations_en.csv.',
    ])
  })
})

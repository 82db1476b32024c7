import { describe, expect, it } from 'vitest'
import { skill } from '../fixtures/imported.fixture.js'
import { refOf, SOURCES } from '../fixtures/profile.fixture.js'
import { groupSkills, skillDetail, type SkillSet } from './skill-detail.js'

const set = (skills: SkillSet['skills']): SkillSet => ({ source: refOf(SOURCES.onet), scaleMax: 5, statedCounts: { specialized: null, common: null }, skills })

describe('skillDetail', () => {
  it('reads level, flags and relation when the API gives them, and ignores wrongly typed values', () => {
    expect(skillDetail(skill({ id: 'a', name: 'A', kind: 'common', score: 4 }, { level: 5.2 }))).toMatchObject({ importance: 4, level: 5.2 })
    expect(skillDetail(skill({ id: 'b', name: 'B', kind: 'technology' }, { hotTechnology: true, inDemand: 'yes' }))).toMatchObject({ hotTechnology: true, inDemand: false })
    expect(skillDetail(skill({ id: 'c', name: 'C', kind: 'specialized' }, { relation: 'essential' })).relation).toBe('essential')
    expect(skillDetail(skill({ id: 'd', name: 'D', kind: 'specialized' }, { relation: 'sometimes', level: '3' }))).toMatchObject({ relation: null, level: null })
  })
})

describe('groupSkills', () => {
  it('splits an O*NET set into rated skills (most important first) and technology (hot, in demand first)', () => {
    const groups = groupSkills(set([
      skill({ id: 'k', name: 'Mathematics', kind: 'knowledge', score: 3.5 }),
      skill({ id: 's', name: 'Programming', kind: 'common', score: 4.5 }),
      skill({ id: 't1', name: 'Eclipse', kind: 'technology' }),
      skill({ id: 't2', name: 'Git', kind: 'technology' }, { inDemand: true }),
      skill({ id: 't3', name: 'Python', kind: 'technology' }, { hotTechnology: true, inDemand: true }),
      skill({ id: 't4', name: 'Jira', kind: 'technology' }, { hotTechnology: true }),
    ]))
    expect(groups.rated.map((s) => s.id)).toEqual(['s', 'k'])
    expect(groups.technology.map((s) => s.name)).toEqual(['Python', 'Jira', 'Git', 'Eclipse'])
    expect(groups.scored).toEqual([])
    expect(groups.other).toEqual([])
  })

  it('keeps a curated set with its own scored kinds as scored, not O*NET-rated', () => {
    const groups = groupSkills(set([skill({ id: 'j', name: 'Java', kind: 'specialized', score: 5 }), skill({ id: 'g', name: 'Git', kind: 'specialized' })]))
    expect(groups.scored.map((s) => s.id)).toEqual(['j'])
    expect(groups.rated).toEqual([])
    expect(groups.other.map((s) => s.id)).toEqual(['g'])
  })

  it('leaves unscored, non-technology skills (ESCO) in the source order', () => {
    const groups = groupSkills(set([skill({ id: 'b', name: 'B', kind: 'knowledge' }, { relation: 'optional' }), skill({ id: 'a', name: 'A', kind: 'specialized' }, { relation: 'essential' })]))
    expect(groups.other.map((s) => s.id)).toEqual(['b', 'a'])
  })
})

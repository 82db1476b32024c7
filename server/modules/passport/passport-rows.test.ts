import { describe, expect, it } from 'vitest'
import { applyCredential, rowsByGroup, rowsFromEntries, withdrawCredential, type SkillResolver } from './passport-rows.js'

// python and esco:py are one skill; sql and git stand alone.
const GROUPS: Record<string, string> = { python: 'esco:py', 'esco:py': 'esco:py' }
const LABELS: Record<string, string> = { python: 'python', 'Python': 'python', 'esco:py': 'esco:py', sql: 'sql', git: 'git', django: 'django' }
const resolver: SkillResolver = { resolve: (text) => LABELS[text], groupOf: (id) => GROUPS[id] ?? id }
const AT = '2026-03-02T09:00:00.000Z'

describe('rowsFromEntries', () => {
  it('keeps one row per group at the highest level with that entry\'s source, all evidence, and the first id', () => {
    const { rows, unresolved } = rowsFromEntries([
      { skill: 'Python', level: 2, evidence: [{ kind: 'link', title: 'a' }] },
      { skill: 'esco:py', level: 4, source: 'evidence', evidence: [{ kind: 'project', title: 'b' }, { kind: 'link', title: 'a' }] },
      { skill: 'nothing', level: 1 },
      { skill: 'sql', level: 3 },
    ], resolver, AT)
    expect(unresolved).toEqual([2])
    expect([...rows.values()]).toEqual([
      { skillId: 'python', level: 4, source: 'evidence', evidence: [{ kind: 'link', title: 'a' }, { kind: 'project', title: 'b' }], updatedAt: AT },
      { skillId: 'sql', level: 3, source: 'self', evidence: [], updatedAt: AT },
    ])
  })
})

describe('earned credentials', () => {
  it('raise skills below what they teach (source credential) and leave higher ones alone', () => {
    const rows = rowsByGroup([
      { skillId: 'esco:py', level: 4, source: 'self', evidence: [], updatedAt: AT },
      { skillId: 'sql', level: 1, source: 'self', evidence: [], updatedAt: AT },
    ], resolver.groupOf)
    const changed = applyCredential(rows, { skills: ['python', 'sql', 'django'], reach: 3 }, resolver.groupOf, AT)
    expect(changed.map((r) => [r.skillId, r.level, r.source])).toEqual([['sql', 3, 'credential'], ['django', 3, 'credential']])
    expect(rows.get('esco:py')?.level).toBe(4)
  })

  it('when withdrawn, fall back to what the others teach or leave; levels set by the learner stay', () => {
    const rows = rowsByGroup([
      { skillId: 'esco:py', level: 4, source: 'self', evidence: [], updatedAt: AT },
      { skillId: 'sql', level: 3, source: 'credential', evidence: [], updatedAt: AT },
      { skillId: 'django', level: 3, source: 'credential', evidence: [], updatedAt: AT },
    ], resolver.groupOf)
    const result = withdrawCredential(rows, { skills: ['python', 'sql', 'django'], reach: 3 }, [{ skills: ['sql'], reach: 2 }], resolver.groupOf, AT)
    expect(result.update.map((r) => [r.skillId, r.level])).toEqual([['sql', 2]])
    expect(result.remove).toEqual(['django'])
    expect(rows.get('esco:py')?.level).toBe(4)
  })
})

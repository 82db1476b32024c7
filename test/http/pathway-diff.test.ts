/**
 * The upstream diff of adapted pathways, pure: keys survive insertions and reorders, repeated titles
 * are told apart, a renamed step with the same text keeps its key, and the diff reports added,
 * removed and changed steps field by field; moveBase takes one decided entry to the current version.
 */
import { describe, expect, it } from 'vitest'
import { contentHash, diffUpstream, keyUpstream, moveBase, naturalKey, REMOVED_HASH, type StepContent } from '../../server/modules/educators/pathway-diff.js'

const step = (section: string, title: string, text = `${title} text`, extra: Partial<StepContent> = {}): StepContent => ({
  section, title, text, durationMin: null, durationMax: null, durationUnit: null, credentialId: null, ...extra,
})

describe('upstream keys', () => {
  it('are the section and the normalised title, numbered when a title repeats', () => {
    expect(naturalKey('gettingStarted', '  Café: Junior Clerk!  ')).toBe('gettingstarted.cafe-junior-clerk')
    expect(naturalKey('progression', '***')).toBe('progression.step')
    const keys = keyUpstream([step('progression', 'Clerk'), step('progression', 'Clerk', 'other'), step('advancement', 'Clerk')]).map((s) => s.key)
    expect(keys).toEqual(['progression.clerk', 'progression.clerk.2', 'advancement.clerk'])
  })

  it('survive an insertion and a reordering upstream', () => {
    const before = keyUpstream([step('progression', 'A'), step('progression', 'B')])
    const after = keyUpstream([step('progression', 'B'), step('progression', 'New'), step('progression', 'A')], before)
    expect(after.map((s) => s.key)).toEqual(['progression.b', 'progression.new', 'progression.a'])
    expect(diffUpstream(before, after).map((c) => [c.kind, c.key])).toEqual([['added', 'progression.new']])
  })

  it('keep the old key for a step renamed upstream with the same text', () => {
    const before = keyUpstream([step('progression', 'Junior clerk', 'Enters records.'), step('progression', 'Senior')])
    const after = keyUpstream([step('progression', 'Entry-level clerk', 'Enters records.'), step('progression', 'Senior')], before)
    expect(after[0]!.key).toBe('progression.junior-clerk')
    const changes = diffUpstream(before, after)
    expect(changes).toHaveLength(1)
    expect(changes[0]).toMatchObject({ kind: 'changed', key: 'progression.junior-clerk', fields: [{ field: 'title', before: 'Junior clerk', after: 'Entry-level clerk' }] })
    // A different title and text is a removal and an addition.
    const replaced = keyUpstream([step('progression', 'Something else', 'Else.'), step('progression', 'Senior')], before)
    expect(diffUpstream(before, replaced).map((c) => c.kind).sort()).toEqual(['added', 'removed'])
  })
})

describe('diffUpstream', () => {
  it('reports nothing for the same content, and each kind of change otherwise', () => {
    const base = keyUpstream([step('progression', 'A'), step('progression', 'B'), step('progression', 'C')])
    expect(diffUpstream(base, keyUpstream([step('progression', 'A'), step('progression', 'B'), step('progression', 'C')], base))).toEqual([])
    const current = keyUpstream([
      step('gettingStarted', 'Intro'),
      step('progression', 'A', 'A text', { durationMin: 1, durationMax: 2, durationUnit: 'years' }),
      step('progression', 'C', 'New C text', { credentialId: 'cred-1' }),
    ], base)
    const changes = diffUpstream(base, current)
    expect(changes.map((c) => [c.kind, c.key])).toEqual([
      ['added', 'gettingstarted.intro'], ['changed', 'progression.a'], ['changed', 'progression.c'], ['removed', 'progression.b'],
    ])
    expect(changes[1]!.fields).toEqual([
      { field: 'durationMin', before: null, after: 1 }, { field: 'durationMax', before: null, after: 2 }, { field: 'durationUnit', before: null, after: 'years' },
    ])
    expect(changes[2]!.fields.map((f) => f.field)).toEqual(['text', 'credentialId'])
    expect(changes[3]).toMatchObject({ hash: REMOVED_HASH, after: null, before: { title: 'B' } })
    expect(changes[1]!.hash).toBe(contentHash(current[1]!))
    expect(changes[1]!.hash).not.toBe(base[0]!.hash)
  })

  it('moveBase settles one key: the change is no longer reported, the others still are', () => {
    const base = keyUpstream([step('progression', 'A'), step('progression', 'B')])
    const current = keyUpstream([step('progression', 'A', 'changed'), step('progression', 'New')], base)
    let settled = moveBase(base, current, 'progression.new')
    expect(settled.map((s) => s.key)).toEqual(['progression.a', 'progression.new', 'progression.b'])
    settled = moveBase(settled, current, 'progression.b')
    expect(settled.map((s) => s.key)).toEqual(['progression.a', 'progression.new'])
    expect(diffUpstream(settled, current).map((c) => c.key)).toEqual(['progression.a'])
    settled = moveBase(settled, current, 'progression.a')
    expect(diffUpstream(settled, current)).toEqual([])
  })
})

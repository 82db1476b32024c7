/**
 * Upstream tracking of adapted pathways, pure: stable keys for the catalog's steps of a career, a
 * content hash per step, and the difference between the steps as last reconciled (`base`) and the
 * current upstream steps.
 *
 * A key is the step's section and its normalised title ("progression.senior-clerk"), with ".2",
 * ".3" for repeated titles in a section, so an upstream insertion or reordering keeps every other
 * key. A step renamed upstream keeps its old key when it can be matched to an otherwise unmatched
 * step of the base in the same section with the same text: the change is then shown as "changed"
 * (its title before and after) rather than removed plus added.
 */
import { createHash } from 'node:crypto'

export interface StepContent {
  section: string
  title: string
  text: string
  durationMin: number | null
  durationMax: number | null
  durationUnit: string | null
  /** The catalog credential the step leads to, if any. */
  credentialId: string | null
}

export interface UpstreamStep extends StepContent {
  key: string
  hash: string
}

export const CONTENT_FIELDS = ['section', 'title', 'text', 'durationMin', 'durationMax', 'durationUnit', 'credentialId'] as const
export type ContentField = (typeof CONTENT_FIELDS)[number]

/** The "hash" of an upstream removal: the upstream version is "gone". */
export const REMOVED_HASH = 'removed'

export interface FieldChange {
  field: ContentField
  before: string | number | null
  after: string | number | null
}

export type UpstreamChange =
  | { kind: 'added'; key: string; hash: string; before: null; after: StepContent; fields: FieldChange[] }
  | { kind: 'removed'; key: string; hash: typeof REMOVED_HASH; before: StepContent; after: null; fields: FieldChange[] }
  | { kind: 'changed'; key: string; hash: string; before: StepContent; after: StepContent; fields: FieldChange[] }

/** The content of a step, nothing else (no key, hash or extra properties). */
export const contentOf = (s: StepContent): StepContent => ({
  section: s.section, title: s.title, text: s.text, durationMin: s.durationMin, durationMax: s.durationMax,
  durationUnit: s.durationUnit, credentialId: s.credentialId,
})

/** 16 hex digits of SHA-256 over the content fields in a fixed order. */
export function contentHash(s: StepContent): string {
  const fields = CONTENT_FIELDS.map((f) => s[f])
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex').slice(0, 16)
}

const slug = (text: string, max: number): string =>
  text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, max).replace(/-+$/, '')

/** "progression" + "Senior clerk" → "progression.senior-clerk". */
export const naturalKey = (section: string, title: string): string => `${slug(section, 40) || 'section'}.${slug(title, 80) || 'step'}`

/**
 * Keys and hashes for the upstream steps (in upstream order). `base` lets a renamed step keep the
 * key it had when it was last reconciled.
 */
export function keyUpstream(steps: readonly StepContent[], base: readonly UpstreamStep[] = []): UpstreamStep[] {
  const seen = new Map<string, number>()
  const keys = steps.map((s) => {
    const natural = naturalKey(s.section, s.title)
    const n = (seen.get(natural) ?? 0) + 1
    seen.set(natural, n)
    return n === 1 ? natural : `${natural}.${n}`
  })
  const naturalSet = new Set(keys)
  const baseKeys = new Set(base.map((b) => b.key))
  // Base steps no current step claims, by section: candidates for a rename.
  const orphans = base.filter((b) => !naturalSet.has(b.key))
  const indexInSection = (list: readonly StepContent[], i: number): number => list.slice(0, i).filter((s) => s.section === list[i]!.section).length
  const baseIndex = new Map(base.map((b, i) => [b.key, indexInSection(base, i)]))
  const taken = new Set<string>()
  steps.forEach((s, i) => {
    if (baseKeys.has(keys[i]!)) return
    const candidates = orphans.filter((b) => !taken.has(b.key) && b.section === s.section)
    const match = candidates.find((b) => b.text === s.text && baseIndex.get(b.key) === indexInSection(steps, i)) ?? candidates.find((b) => b.text === s.text)
    if (match) {
      taken.add(match.key)
      keys[i] = match.key
    }
  })
  return steps.map((s, i) => ({ key: keys[i]!, hash: contentHash(s), ...contentOf(s) }))
}

function fieldChanges(before: StepContent, after: StepContent): FieldChange[] {
  return CONTENT_FIELDS.filter((f) => before[f] !== after[f]).map((f) => ({ field: f, before: before[f], after: after[f] }))
}

/**
 * What changed upstream since `base`: added and changed steps in the current upstream order, then
 * removed steps in their base order. A step whose content hash is unchanged is no change (moves
 * inside the upstream are not reported: the school's own order is what counts).
 */
export function diffUpstream(base: readonly UpstreamStep[], current: readonly UpstreamStep[]): UpstreamChange[] {
  const baseByKey = new Map(base.map((b) => [b.key, b]))
  const currentKeys = new Set(current.map((c) => c.key))
  const changes: UpstreamChange[] = []
  for (const c of current) {
    const before = baseByKey.get(c.key)
    if (!before) changes.push({ kind: 'added', key: c.key, hash: c.hash, before: null, after: contentOf(c), fields: [] })
    else if (before.hash !== c.hash) {
      changes.push({ kind: 'changed', key: c.key, hash: c.hash, before: contentOf(before), after: contentOf(c), fields: fieldChanges(before, c) })
    }
  }
  for (const b of base) {
    if (!currentKeys.has(b.key)) changes.push({ kind: 'removed', key: b.key, hash: REMOVED_HASH, before: contentOf(b), after: null, fields: [] })
  }
  return changes
}

/**
 * The base after deciding the change of `key`: the entry takes the current upstream version (or
 * leaves, for a removal), in the current upstream order.
 */
export function moveBase(base: readonly UpstreamStep[], current: readonly UpstreamStep[], key: string): UpstreamStep[] {
  const now = current.find((c) => c.key === key)
  const without = base.filter((b) => b.key !== key)
  if (!now) return without
  const had = base.some((b) => b.key === key)
  if (had) return base.map((b) => (b.key === key ? now : b))
  // An addition: after the base entry of its nearest preceding upstream step, else first.
  const at = current.findIndex((c) => c.key === key)
  for (let i = at - 1; i >= 0; i--) {
    const j = without.findIndex((b) => b.key === current[i]!.key)
    if (j >= 0) return [...without.slice(0, j + 1), now, ...without.slice(j + 1)]
  }
  return [now, ...without]
}

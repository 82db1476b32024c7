/**
 * The rules that turn passport entries and earned credentials into stored skill rows (pure, no I/O).
 *
 * A skill is stored once per group of equivalent ids (the catalog links python, the ESCO concept and
 * its O*NET technology entry): `groupOf` names the group, and a new entry for a skill already in
 * the passport under another id of its group updates that row. Several entries for one group in a
 * request keep the highest level (with that entry's source) and all their evidence.
 *
 * An earned credential brings its skills to the level it teaches, with source `credential`, unless
 * the passport already has them at that level or higher. When an earned credential goes, a skill
 * whose level came from credentials falls back to what the remaining credentials teach, or leaves
 * the passport when none does; levels the learner set themself are never touched.
 */
import type { EvidenceItem, SkillRow } from './passport.repository.js'

export const MAX_EVIDENCE = 20

export interface SkillEntry {
  skill: string
  level: number
  source?: SkillRow['source']
  evidence?: EvidenceItem[]
}

export interface SkillResolver {
  /** The catalog skill id an entry's text names, or undefined. */
  resolve(text: string): string | undefined
  /** The group an id belongs to (the same key for every equivalent id). */
  groupOf(skillId: string): string
}

export interface CredentialTeaching {
  skills: readonly string[]
  /** The level the credential brings its skills to. */
  reach: number
}

/** Stored rows by group. */
export type Rows = Map<string, SkillRow>

export const rowsByGroup = (rows: readonly SkillRow[], groupOf: SkillResolver['groupOf']): Rows => {
  const map: Rows = new Map()
  for (const row of rows) {
    const group = groupOf(row.skillId)
    const existing = map.get(group)
    // Two rows of one group (the catalog linked them after they were stored): the higher level reads.
    if (!existing || row.level > existing.level) map.set(group, row)
  }
  return map
}

function mergeEvidence(a: readonly EvidenceItem[], b: readonly EvidenceItem[]): EvidenceItem[] {
  const seen = new Set<string>()
  const out: EvidenceItem[] = []
  for (const item of [...a, ...b]) {
    const key = JSON.stringify([item.kind, item.title, item.url ?? null, item.date ?? null])
    if (!seen.has(key)) {
      seen.add(key)
      out.push(item)
    }
  }
  return out.slice(0, MAX_EVIDENCE)
}

/**
 * Entries (a whole passport, or one skill) as rows by group, plus the indexes of the entries that
 * name nothing in the catalog.
 */
export function rowsFromEntries(entries: readonly SkillEntry[], resolver: SkillResolver, at: string): { rows: Rows; unresolved: number[] } {
  const rows: Rows = new Map()
  const unresolved: number[] = []
  entries.forEach((entry, index) => {
    const skillId = resolver.resolve(entry.skill)
    if (skillId === undefined) {
      unresolved.push(index)
      return
    }
    const group = resolver.groupOf(skillId)
    const row: SkillRow = { skillId, level: entry.level, source: entry.source ?? 'self', evidence: entry.evidence ?? [], updatedAt: at }
    const existing = rows.get(group)
    if (!existing) rows.set(group, row)
    else {
      const winner = row.level > existing.level ? row : existing
      rows.set(group, { ...winner, skillId: existing.skillId, evidence: mergeEvidence(existing.evidence, row.evidence) })
    }
  })
  return { rows, unresolved }
}

/** Raises the rows to what a credential teaches; returns the rows it changed or added. */
export function applyCredential(rows: Rows, teaching: CredentialTeaching, groupOf: SkillResolver['groupOf'], at: string): SkillRow[] {
  const changed: SkillRow[] = []
  for (const skillId of teaching.skills) {
    const group = groupOf(skillId)
    const existing = rows.get(group)
    if (existing && existing.level >= teaching.reach) continue
    const row: SkillRow = existing
      ? { ...existing, level: teaching.reach, source: 'credential', updatedAt: at }
      : { skillId, level: teaching.reach, source: 'credential', evidence: [], updatedAt: at }
    rows.set(group, row)
    changed.push(row)
  }
  return changed
}

/**
 * After an earned credential is removed: the credential-sourced rows of its skills, lowered to what
 * the remaining credentials teach (`update`) or removed (`remove`, their stored skill ids).
 */
export function withdrawCredential(
  rows: Rows, removed: CredentialTeaching, remaining: readonly CredentialTeaching[], groupOf: SkillResolver['groupOf'], at: string,
): { update: SkillRow[]; remove: string[] } {
  const update: SkillRow[] = []
  const remove: string[] = []
  for (const group of new Set(removed.skills.map(groupOf))) {
    const row = rows.get(group)
    if (!row || row.source !== 'credential') continue
    const still = remaining.filter((c) => c.skills.some((s) => groupOf(s) === group)).reduce((max, c) => Math.max(max, c.reach), 0)
    if (still === 0) {
      rows.delete(group)
      remove.push(row.skillId)
    } else if (still !== row.level) {
      const next = { ...row, level: still, updatedAt: at }
      rows.set(group, next)
      update.push(next)
    }
  }
  return { update, remove }
}

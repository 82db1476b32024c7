/**
 * A JSON Resume document → a passport draft (pure, given the matcher). Skill inputs are each
 * `skills[].name` and each of its `keywords` (keywords take their entry's level); with our own
 * `x-pathways` fields an entry's name maps by taxonomy id and its 0–5 level is kept, so a CV we
 * exported comes back exactly. Otherwise the name maps by exact label, alternative label, or
 * fuzzy match (skill-matcher.ts), and the level comes from the entry's level word. Every mapping says
 * why and how sure, with up to three alternatives the learner can pick instead; what maps to nothing
 * is listed, never dropped silently.
 */
import type { MatchedSkill, SkillMatcher } from './skill-matcher.js'
import type { Resume } from './resume-check.js'

/** JSON Resume level words (and our own level names) on the passport's 0–5 scale. */
const LEVEL_WORDS: Record<string, number> = {
  none: 0, aware: 1, novice: 2, beginner: 2, basic: 2, elementary: 2, intermediate: 3, competent: 3, proficient: 4,
  advanced: 4, expert: 5, master: 5, mastery: 5, fluent: 5,
}
/** A skill named without a level: somebody listing it can do simple tasks with it. */
export const DEFAULT_LEVEL = 2
/** Names without an exact label matched approximately per import; the rest are left to the learner (bounds a public route's work). */
export const MAX_FUZZY_LOOKUPS = 100

export type MappingReason = 'exact label' | 'alternative label' | 'taxonomy id' | 'fuzzy match' | 'accepted'

export interface Mapping {
  input: string
  pointer: string
  skill: MatchedSkill
  level: number
  reason: MappingReason
  score: number
  alternatives: (MatchedSkill & { score: number })[]
}

export interface ImportDraft {
  passport: {
    skills: { skill: string; level: number; source: 'self' }[]
    credentials: { credential: string; earnedOn?: string }[]
  }
  mappings: Mapping[]
  unmapped: { input: string; pointer: string; reason: string }[]
  basics: unknown
  work: unknown[]
  education: unknown[]
}

/** An edited mapping: the input (as written in the file) and the skill it means — or null to leave it out. */
export interface Accepted { input: string; skill: string | null }

type Json = Record<string, unknown>
const obj = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {})
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

/** The 0–5 level of an entry: our extension's number, else the first level word recognised. */
export function levelOf(entry: Json): number {
  const ours = obj(entry['x-pathways']).level
  if (typeof ours === 'number' && Number.isInteger(ours) && ours >= 0 && ours <= 5) return ours
  const words = typeof entry.level === 'string' ? entry.level.toLowerCase().split(/[^a-z]+/) : []
  for (const word of words) if (word in LEVEL_WORDS) return LEVEL_WORDS[word] as number
  return DEFAULT_LEVEL
}

interface Input { input: string; pointer: string; level: number; ids?: Json }

function inputsOf(resume: Resume): Input[] {
  // Skills a CV hid travel in meta.x-pathways.hidden.skills; they are still the learner's.
  const hidden = list(obj(obj(obj(resume.meta)['x-pathways']).hidden).skills)
  const entries = [...list(resume.skills).map((s, i) => [s, `/skills/${i}`] as const), ...hidden.map((s, i) => [s, `/meta/x-pathways/hidden/skills/${i}`] as const)]
  return entries.flatMap(([raw, at]) => {
    const entry = obj(raw)
    const level = levelOf(entry)
    const name = typeof entry.name === 'string' ? entry.name.trim() : ''
    const ext = obj(entry['x-pathways'])
    const own: Input[] = name || Object.keys(ext).length ? [{ input: name, pointer: `${at}/name`, level, ids: ext }] : []
    const keywords = list(entry.keywords).flatMap((k, j) => (typeof k === 'string' && k.trim() ? [{ input: k.trim(), pointer: `${at}/keywords/${j}`, level }] : []))
    return [...own, ...keywords]
  })
}

/** Reads a checked resume into a draft, applying the learner's edited mappings when given. */
export function importResume(resume: Resume, matcher: SkillMatcher, credentialExists: (id: string) => boolean, accepted: readonly Accepted[] = []): ImportDraft {
  const edits = new Map(accepted.map((a) => [a.input.trim(), a.skill]))
  const mappings: Mapping[] = []
  const unmapped: ImportDraft['unmapped'] = []
  let fuzzyLeft = MAX_FUZZY_LOOKUPS
  for (const item of inputsOf(resume)) {
    if (edits.has(item.input)) {
      const key = edits.get(item.input)
      if (key === null || key === undefined) continue
      const skill = matcher.resolve(key)
      if (skill) mappings.push({ input: item.input, pointer: item.pointer, skill, level: item.level, reason: 'accepted', score: 1, alternatives: [] })
      else unmapped.push({ input: item.input, pointer: item.pointer, reason: 'The accepted skill names nothing in the catalog.' })
      continue
    }
    const byId = item.ids ? matcher.byTaxonomyId(item.ids) : undefined
    if (byId) {
      mappings.push({ input: item.input || byId.name, pointer: item.pointer, skill: byId, level: item.level, reason: 'taxonomy id', score: 1, alternatives: [] })
      continue
    }
    if (item.input && fuzzyLeft <= 0 && !matcher.exact(item.input)) {
      unmapped.push({ input: item.input, pointer: item.pointer, reason: `Only the first ${MAX_FUZZY_LOOKUPS} names without an exact label are matched approximately; map this one by hand.` })
      continue
    }
    const found = item.input ? matcher.match(item.input) : undefined
    if (item.input && found?.reason !== 'exact label' && found?.reason !== 'alternative label') fuzzyLeft--
    if (found) mappings.push({ input: item.input, pointer: item.pointer, level: item.level, ...found })
    else unmapped.push({ input: item.input, pointer: item.pointer, reason: item.input ? 'No catalog skill has this label or one close enough.' : 'The entry has no name.' })
  }
  const levels = new Map<string, number>()
  for (const m of mappings) levels.set(m.skill.id, Math.max(levels.get(m.skill.id) ?? 0, m.level))
  const credentials = new Map<string, { credential: string; earnedOn?: string }>()
  for (const raw of list(resume.certificates)) {
    const c = obj(raw)
    const id = obj(c['x-pathways']).credential
    if (typeof id !== 'string' || !credentialExists(id) || credentials.has(id)) continue
    const date = typeof c.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.date) ? c.date : undefined
    credentials.set(id, { credential: id, ...(date ? { earnedOn: date } : {}) })
  }
  return {
    passport: { skills: [...levels].map(([skill, level]) => ({ skill, level, source: 'self' as const })), credentials: [...credentials.values()] },
    mappings, unmapped,
    basics: resume.basics ?? null, work: list(resume.work), education: list(resume.education),
  }
}

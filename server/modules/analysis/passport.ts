/**
 * A passport as analysis reads it: skills (resolved to catalog skill ids) with a level on the scale of
 * levels.ts. A skill in a request may be a catalog skill id, an ESCO skill URI, an O*NET element id
 * or an exact label (name or alternative label; case, accents and punctuation ignored). Entries that
 * name the same skill — directly or through the links the data makes between taxonomies — count
 * once, at the highest level given. Whatever cannot be resolved is returned, never dropped.
 */
import { fromJson } from '../../platform/db/json.js'
import type { CatalogIndex } from '../careers/index.js'
import { careerSkillModel } from '../explore/career-skills.js'
import { compact } from '../search/search-text.js'
import { MAX_LEVEL } from './levels.js'

export interface PassportSkillInput {
  skill: string
  level: number
}

export interface ResolvedSkill {
  /** The catalog skill id this entry counts under. */
  id: string
  name: string
  level: number
  /** The request's own strings that resolved here. */
  inputs: string[]
  /** How the (first) input was recognised. */
  matchedBy: 'id' | 'esco-uri' | 'onet-element' | 'label'
}

export interface UnresolvedSkill {
  skill: string
  reason: string
}

export interface ResolvedPassport {
  skills: ResolvedSkill[]
  unresolved: UnresolvedSkill[]
  /** Level per skill id, spread over every id the data says is the same skill. */
  levels: ReadonlyMap<string, number>
}

interface SkillLookup {
  byId: Map<string, { id: string; name: string }>
  byEscoUri: Map<string, string>
  byOnetElement: Map<string, string>
  byLabel: Map<string, string>
}

/** Curated skills first, then ESCO, then O*NET, so a label shared by several resolves predictably. */
const ORIGIN_RANK: Record<string, number> = { catalog: 0, esco: 1, onet: 2 }

const skillLookup = (index: CatalogIndex): SkillLookup => index.derived('analysis-skill-lookup', (built) => {
  const sorted = [...built.rows.skills].sort((a, b) => (ORIGIN_RANK[a.origin] ?? 9) - (ORIGIN_RANK[b.origin] ?? 9))
  const lookup: SkillLookup = { byId: new Map(), byEscoUri: new Map(), byOnetElement: new Map(), byLabel: new Map() }
  for (const s of sorted) {
    lookup.byId.set(s.id, { id: s.id, name: s.name })
    if (s.esco_uri && !lookup.byEscoUri.has(s.esco_uri)) lookup.byEscoUri.set(s.esco_uri, s.id)
    // Technologies carry their UNSPSC commodity code, which several share (C++ and C#): not an id.
    if (s.onet_element && s.kind !== 'technology' && !lookup.byOnetElement.has(s.onet_element)) lookup.byOnetElement.set(s.onet_element, s.id)
    for (const label of [s.name, ...fromJson<string[]>(s.alt_labels, [])]) {
      const key = compact(label)
      if (key && !lookup.byLabel.has(key)) lookup.byLabel.set(key, s.id)
    }
  }
  return lookup
})

function resolveOne(lookup: SkillLookup, raw: string): { id: string; matchedBy: ResolvedSkill['matchedBy'] } | undefined {
  const text = raw.trim()
  if (lookup.byId.has(text)) return { id: text, matchedBy: 'id' }
  if (/^https?:\/\/data\.europa\.eu\/esco\/skill\//i.test(text)) {
    const id = lookup.byEscoUri.get(text.replace(/^https:/i, 'http:'))
    return id ? { id, matchedBy: 'esco-uri' } : undefined
  }
  const element = lookup.byOnetElement.get(text)
  if (element) return { id: element, matchedBy: 'onet-element' }
  const id = lookup.byLabel.get(compact(text))
  return id ? { id, matchedBy: 'label' } : undefined
}

export function resolvePassport(index: CatalogIndex, input: readonly PassportSkillInput[]): ResolvedPassport {
  const lookup = skillLookup(index)
  const model = careerSkillModel(index)
  const groups = new Map<string, ResolvedSkill>()
  const unresolved: UnresolvedSkill[] = []
  for (const entry of input) {
    const found = resolveOne(lookup, entry.skill)
    if (!found) {
      unresolved.push({ skill: entry.skill, reason: 'No skill in the catalog has this id, ESCO URI, O*NET element or label.' })
      continue
    }
    const level = Math.max(0, Math.min(MAX_LEVEL, entry.level))
    // One key per group of equivalent ids: the first id of the group in sort order.
    const key = [...model.sameAs(found.id)].sort()[0] ?? found.id
    const existing = groups.get(key)
    if (existing) {
      existing.level = Math.max(existing.level, level)
      existing.inputs.push(entry.skill)
    } else {
      groups.set(key, { id: found.id, name: lookup.byId.get(found.id)?.name ?? found.id, level, inputs: [entry.skill], matchedBy: found.matchedBy })
    }
  }
  const skills = [...groups.values()]
  const levels = new Map<string, number>()
  for (const s of skills) {
    for (const same of model.sameAs(s.id)) levels.set(same, Math.max(levels.get(same) ?? 0, s.level))
  }
  return { skills, unresolved, levels }
}

/** A passport already keyed by catalog skill ids (the stored passport, a plan's progress). */
export function levelsOf(index: CatalogIndex, skills: Iterable<{ id: string; level: number }>): Map<string, number> {
  const model = careerSkillModel(index)
  const levels = new Map<string, number>()
  for (const s of skills) {
    for (const same of model.sameAs(s.id)) levels.set(same, Math.max(levels.get(same) ?? 0, s.level))
  }
  return levels
}

/**
 * What the passport needs from the in-memory catalog of the current version: resolving skill names
 * to catalog ids and their groups of equivalents, a skill's taxonomy ids, what an earned credential
 * teaches, careers by slug or code and their pathway steps. Built once per catalog version.
 */
import type * as S from '../../../shared/schemas.js'
import type { CatalogIndex } from '../careers/index.js'
import { careerSkillModel } from '../explore/index.js'
import { learningCatalog, resolvePassport } from '../analysis/index.js'
import type { CredentialTeaching, SkillResolver } from './passport-rows.js'

export interface SkillInfo {
  name: string
  kind: string
  escoUri: string | null
  onetElement: string | null
}

export interface StepInfo {
  section: string
  position: number
  title: string
}

export interface CatalogView {
  resolver: SkillResolver
  skill(id: string): SkillInfo | undefined
  /** An earned credential's title and what it teaches; undefined for an id the catalog lacks. */
  credential(id: string): (CredentialTeaching & { title: string; type: string; summary: string | null; provider: string }) | undefined
  /** A learning item (credential or resource) of the catalog. */
  hasItem(id: string): boolean
  /** A career's slug from its slug or an official code; undefined when none matches. */
  careerSlug(key: string): string | undefined
  careerRef(slug: string): S.CareerRef | undefined
  steps(slug: string): readonly StepInfo[]
}

interface Tables {
  skills: Map<string, { name: string; kind: string; escoUri: string | null; onetElement: string | null }>
  careers: Map<string, S.CareerRef>
  steps: Map<string, StepInfo[]>
  providers: Map<string, string>
}

const tablesOf = (index: CatalogIndex): Tables => index.derived('passport-tables', (built) => {
  const slugById = new Map(built.rows.careers.map((c) => [c.id, c.slug]))
  const steps = new Map<string, StepInfo[]>()
  for (const s of built.rows.pathwaySteps) {
    const slug = slugById.get(s.career_id)
    if (slug === undefined) continue
    let list = steps.get(slug)
    if (!list) steps.set(slug, (list = []))
    list.push({ section: s.section, position: s.position, title: s.title })
  }
  return {
    skills: new Map(built.rows.skills.map((s) => [s.id, {
      // A technology's O*NET "element" is its UNSPSC commodity code, which several share: not an id.
      name: s.name, kind: s.kind, escoUri: s.esco_uri, onetElement: s.kind === 'technology' ? null : s.onet_element,
    }])),
    careers: new Map(built.careers.map((c) => [c.slug, { slug: c.slug, title: c.title, origin: c.origin, summary: c.summary }])),
    steps,
    providers: new Map(built.rows.providers.map((p) => [p.id, p.name])),
  }
})

export function catalogView(index: CatalogIndex): CatalogView {
  const tables = tablesOf(index)
  const model = careerSkillModel(index)
  const items = learningCatalog(index).items
  const groupOf = (id: string): string => [...model.sameAs(id)].sort()[0] ?? id
  const credentialRows = new Map(index.rows.credentials.map((c) => [c.id, c]))

  return {
    resolver: {
      resolve: (text) => resolvePassport(index, [{ skill: text, level: 0 }]).skills[0]?.id,
      groupOf,
    },

    skill(id) {
      const own = tables.skills.get(id)
      if (!own) return undefined
      if (own.escoUri !== null && own.onetElement !== null) return own
      // Taxonomy ids the skill lacks, from its equivalents (ESCO concept, O*NET element).
      const same = model.sameAs(id).map((s) => tables.skills.get(s)).filter((s) => s !== undefined)
      return {
        ...own,
        escoUri: own.escoUri ?? same.find((s) => s.escoUri !== null)?.escoUri ?? null,
        onetElement: own.onetElement ?? same.find((s) => s.onetElement !== null)?.onetElement ?? null,
      }
    },

    credential(id) {
      const item = items.get(id)
      const row = credentialRows.get(id)
      if (!item || item.type !== 'credential' || !row) return undefined
      return {
        skills: item.skills, reach: item.reach, title: item.title, type: item.kind, summary: row.summary,
        provider: tables.providers.get(row.provider_id) ?? row.provider_id,
      }
    },

    hasItem: (id) => items.has(id),

    careerSlug(key) {
      const trimmed = key.trim()
      if (tables.careers.has(trimmed)) return trimmed
      return index.byCode(trimmed)[0]?.careers[0]?.slug
    },

    careerRef: (slug) => tables.careers.get(slug),
    steps: (slug) => tables.steps.get(slug) ?? [],
  }
}

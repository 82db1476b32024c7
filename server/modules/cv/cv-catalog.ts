/**
 * What the CV needs from the in-memory catalog of the current version, built once per version:
 * skills with their taxonomy ids, a key per group of equivalent skills, credentials with their
 * provider, careers by slug or code with their weighted skills (the importance the gap analysis
 * uses), and a passport body read into the form the CV builder takes.
 */
import type { CatalogIndex } from '../careers/index.js'
import { careerSkillModel } from '../explore/index.js'
import { resolvePassport, type PassportBody } from '../analysis/index.js'
import { notFound } from '../../platform/http/errors.js'
import type { PassportView } from './cv-builder.js'
import type { CvSkill } from './cv.schema.js'
import type { CareerRequirements, SkillKnowledge } from './tailoring.js'

interface Tables {
  skills: Map<string, { name: string; esco: string | null; onet: string | null }>
  credentials: Map<string, { title: string; issuer: string | null; url: string | null }>
  careers: Map<string, { id: string; title: string }>
}

const tablesOf = (index: CatalogIndex): Tables => index.derived('cv-tables', (built) => {
  const providers = new Map(built.rows.providers.map((p) => [p.id, p.name]))
  return {
    skills: new Map(built.rows.skills.map((s) => [s.id, {
      // A technology's O*NET "element" is its UNSPSC commodity code, which several share: not an id.
      name: s.name, esco: s.esco_uri, onet: s.kind === 'technology' ? null : s.onet_element,
    }])),
    credentials: new Map(built.rows.credentials.map((c) => [c.id, { title: c.title, issuer: providers.get(c.provider_id) ?? null, url: c.url }])),
    careers: new Map(built.rows.careers.map((c) => [c.slug, { id: c.id, title: c.title }])),
  }
})

export interface CvCatalog {
  knowledge: SkillKnowledge
  /** A career by slug or official code with its skills by importance; 404 career.not_found otherwise. */
  career(key: string): CareerRequirements
  /** A stateless passport body as the builder reads it (skills the catalog lacks kept by name, without ids). */
  passportView(body: PassportBody): PassportView
  skill(id: string): { name: string; esco: string | null; onet: string | null } | undefined
  credential(id: string): { title: string; issuer: string | null; url: string | null } | undefined
}

export function cvCatalog(index: CatalogIndex): CvCatalog {
  const tables = tablesOf(index)
  const model = careerSkillModel(index)
  const groupOf = (id: string) => [...model.sameAs(id)].sort()[0] ?? id
  const resolveOne = (name: string): string | undefined => resolvePassport(index, [{ skill: name, level: 1 }]).skills[0]?.id

  const knowledge: SkillKnowledge = {
    resolve(skill: CvSkill) {
      const ids = skill.ids ?? {}
      if (ids.catalog && tables.skills.has(ids.catalog)) return ids.catalog
      for (const key of [ids.esco, ids.onet, skill.name]) {
        const id = key ? resolveOne(key) : undefined
        if (id) return id
      }
      return undefined
    },
    groupOf,
    name: (id) => tables.skills.get(id)?.name ?? id,
    esco: (id) => tables.skills.get(id)?.esco ?? undefined,
  }

  return {
    knowledge,
    skill: (id) => tables.skills.get(id),
    credential: (id) => tables.credentials.get(id),

    career(key) {
      const trimmed = key.trim()
      const slug = tables.careers.has(trimmed) ? trimmed : index.byCode(trimmed)[0]?.careers[0]?.slug
      const career = slug === undefined ? undefined : tables.careers.get(slug)
      if (slug === undefined || !career) throw notFound('career', trimmed)
      return { slug, title: career.title, skills: model.of(career.id) }
    },

    passportView(body) {
      const resolved = resolvePassport(index, body.skills.map((s) => ({ skill: s.skill, level: s.level })))
      const evidenceOf = new Map(body.skills.map((s) => [s.skill, s.evidence ?? []]))
      const levelOf = new Map(body.skills.map((s) => [s.skill, s.level]))
      return {
        skills: [
          ...resolved.skills.map((s) => {
            const info = tables.skills.get(s.id)
            return {
              id: s.id, name: s.name, level: s.level, escoUri: info?.esco ?? null, onetElement: info?.onet ?? null,
              evidence: s.inputs.flatMap((input) => evidenceOf.get(input) ?? []),
            }
          }),
          ...resolved.unresolved.map((u) => ({
            id: null, name: u.skill, level: levelOf.get(u.skill) ?? 0, escoUri: null, onetElement: null, evidence: evidenceOf.get(u.skill) ?? [],
          })),
        ],
        credentials: (body.credentials ?? []).flatMap((c) => {
          const info = tables.credentials.get(c.credential)
          return info ? [{ id: c.credential, title: info.title, issuer: info.issuer, earnedOn: c.earnedOn ?? null, url: info.url }] : []
        }),
      }
    },
  }
}

/**
 * Career reads over the in-memory index: no database query on any of these paths.
 */
import type * as S from '../../../shared/schemas.js'
import { invalidParam, notFound } from '../../platform/http/errors.js'
import { resolveCode } from './career-index.js'
import type { CatalogService } from '../catalog/index.js'
import type { Precompressed } from '../../platform/http/precompressed.js'
import type { CareerListQuery, CredentialListQuery, SkillListQuery } from './careers.schema.js'
import type { CursorCodec } from '../../platform/http/cursor.js'
import { paginate } from './pagination.js'

export const slugify = (text: string): string =>
  text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')

export function createCareerService({ catalog, cursors }: { catalog: CatalogService; cursors: CursorCodec }) {
  const index = () => catalog.index()
  const requireCareer = (slug: string) => {
    const profile = index().profile(slug)
    if (!profile) throw notFound('career', slug)
    return profile
  }
  return {
    list(query: CareerListQuery) {
      const field = query.field === undefined ? undefined : slugify(query.field)
      const careers = field === undefined ? index().careers : index().careers.filter((c) => c.fieldPath.some((f) => slugify(f) === field))
      return paginate(careers, query, cursors, 'careers')
    },

    profile: requireCareer,

    /** The profile's pre-serialised JSON (with compressed variants) and ETag. */
    profileJson(slug: string): Precompressed {
      const serialised = index().profileJson(slug)
      if (!serialised) throw notFound('career', slug)
      return serialised
    },

    /** Careers carrying a code; 404 code.not_found when the code matches nothing, 400 when it is no known code shape. */
    byCode(raw: string) {
      const code = safeDecode(raw)
      if (resolveCode(code).length === 0) throw invalidParam('code', 'is not an O*NET-SOC, SOC 2018, ISCO-08 code or ESCO occupation URI')
      const matches = index().byCode(code)
      if (matches.length === 0) throw notFound('code', code)
      return { code, matches }
    },

    facts(slug: string, kind?: string): { career: string; kind: string | null; items: S.Fact[] } {
      requireCareer(slug)
      const all = index().facts(slug) ?? []
      return { career: slug, kind: kind ?? null, items: kind === undefined ? all : all.filter((f) => f.kind === kind) }
    },

    skills(query: SkillListQuery) {
      if (query.career !== undefined) requireCareer(query.career)
      const skills = index().skills.filter(
        (s) => (query.kind === undefined || s.kind === query.kind) && (query.career === undefined || s.careers.includes(query.career)),
      )
      return paginate(skills, query, cursors, 'skills')
    },

    credentials(query: CredentialListQuery) {
      const career = query.career === undefined ? undefined : new Set(requireCareer(query.career).credentials.map((c) => c.id))
      const credentials = index().credentials.filter(
        (c) =>
          (query.level === undefined || c.level === query.level) &&
          (query.provider === undefined || c.provider.id === query.provider || slugify(c.provider.name) === slugify(query.provider)) &&
          (career === undefined || career.has(c.id)),
      )
      return paginate(credentials, query, cursors, 'credentials')
    },

    skill(id: string): S.Skill {
      const found = index().skills.find((s) => s.id === id)
      if (!found) throw notFound('skill', id)
      return found
    },

    credential(id: string): S.Credential {
      const found = index().credentials.find((c) => c.id === id)
      if (!found) throw notFound('credential', id)
      return found
    },

    resource(id: string): S.Resource {
      const found = index().resources.find((r) => r.id === id)
      if (!found) throw notFound('resource', id)
      return found
    },

    resources(query: { limit?: number; cursor?: string }) {
      return paginate(index().resources, query, cursors, 'resources')
    },

    sources(): S.Source[] {
      return index().sources
    },

    summaries(): S.CareerSummary[] {
      return index().careers
    },
  }
}
export type CareerService = ReturnType<typeof createCareerService>

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

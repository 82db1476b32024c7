/**
 * Career reads over the in-memory index: no database query on any of these paths.
 */
import type * as S from '../../../shared/schemas.js'
import { notFound } from '../../platform/http/errors.js'
import type { CatalogService } from '../catalog/index.js'
import type { Precompressed } from '../../platform/http/precompressed.js'
import type { CareerListQuery, CredentialListQuery, SkillListQuery } from './careers.schema.js'
import { paginate } from './pagination.js'

export const slugify = (text: string): string =>
  text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')

export function createCareerService({ catalog }: { catalog: CatalogService }) {
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
      return paginate(careers, query)
    },

    profile: requireCareer,

    /** The profile's pre-serialised JSON (with compressed variants) and ETag. */
    profileJson(slug: string): Precompressed {
      const serialised = index().profileJson(slug)
      if (!serialised) throw notFound('career', slug)
      return serialised
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
      return paginate(skills, query)
    },

    credentials(query: CredentialListQuery) {
      const career = query.career === undefined ? undefined : new Set(requireCareer(query.career).credentials.map((c) => c.id))
      const credentials = index().credentials.filter(
        (c) =>
          (query.level === undefined || c.level === query.level) &&
          (query.provider === undefined || c.provider.id === query.provider || slugify(c.provider.name) === slugify(query.provider)) &&
          (career === undefined || career.has(c.id)),
      )
      return paginate(credentials, query)
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

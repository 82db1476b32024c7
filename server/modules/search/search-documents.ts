/**
 * What search finds: one document per career, skill, credential and resource of a catalog version,
 * with the texts to match (title, alternative titles or labels, codes and providers), the names an exact
 * match is judged against, a summary for snippets and the facet values.
 */
import type { CatalogIndex } from '../careers/index.js'

export const SEARCH_TYPES = ['career', 'skill', 'credential', 'resource'] as const
export type SearchType = (typeof SEARCH_TYPES)[number]

export interface SearchFacets {
  type: SearchType
  /** Careers: the top of their field path (ISCO major group, SOC major group, curated field). */
  field: string | null
  /** Credentials and resources: beginner, intermediate, advanced. */
  level: string | null
  /** Credentials: the provider's name. */
  provider: string | null
  /** O*NET careers: job zone 1–5. */
  jobZone: number | null
  /** Skills: technology, knowledge, specialized, common; resources: course, book… */
  kind: string | null
  /** Where the item comes from: catalog (curated), onet, esco. */
  origin: string
}

export interface SearchDocument {
  /** Position in the document list: the library's id. */
  id: number
  type: SearchType
  /** Career slug, or the skill, credential or resource id. */
  key: string
  title: string
  /** Alternative titles (careers) or labels (skills). */
  aliases: string[]
  /** Codes, provider names: matched, shown only in snippets. */
  extra: string
  summary: string | null
  facets: SearchFacets
}

/** The fields the library indexes, with the boost of each. */
export const SEARCH_FIELDS = { title: 4, aliases: 2, extra: 1 } as const

export function buildSearchDocuments(index: CatalogIndex): SearchDocument[] {
  const docs: SearchDocument[] = []
  const add = (doc: Omit<SearchDocument, 'id'>) => {
    docs.push({ ...doc, id: docs.length })
  }
  const jobZone = new Map(index.rows.careers.map((c) => [c.slug, c.job_zone]))
  for (const c of index.careers) {
    add({
      type: 'career', key: c.slug, title: c.title, aliases: c.aliases,
      extra: c.codes.map((code) => code.code.startsWith('http') ? '' : code.code).filter(Boolean).join(' '),
      summary: c.summary,
      facets: {
        type: 'career', field: c.fieldPath[0] ?? null, level: null, provider: null,
        jobZone: jobZone.get(c.slug) ?? null, kind: null, origin: c.origin,
      },
    })
  }
  const skillOrigin = new Map(index.rows.skills.map((s) => [s.id, s.origin]))
  for (const s of index.skills) {
    add({
      type: 'skill', key: s.id, title: s.name, aliases: s.altLabels, extra: s.onetElement ?? '', summary: s.description,
      facets: { type: 'skill', field: null, level: null, provider: null, jobZone: null, kind: s.kind, origin: skillOrigin.get(s.id) ?? 'catalog' },
    })
  }
  const credentialOrigin = new Map(index.rows.credentials.map((c) => [c.id, c.origin]))
  for (const c of index.credentials) {
    add({
      type: 'credential', key: c.id, title: c.title, aliases: [],
      extra: [c.provider.name, c.offeredVia?.name ?? '', c.type, c.cipCode ?? ''].join(' '),
      summary: c.summary,
      facets: {
        type: 'credential', field: null, level: c.level, provider: c.provider.name, jobZone: null, kind: c.type,
        origin: credentialOrigin.get(c.id) ?? 'catalog',
      },
    })
  }
  const resourceOrigin = new Map(index.rows.resources.map((r) => [r.id, r.origin]))
  for (const r of index.resources) {
    add({
      type: 'resource', key: r.id, title: r.title, aliases: [], extra: r.kind, summary: r.description,
      facets: { type: 'resource', field: null, level: r.level, provider: null, jobZone: null, kind: r.kind, origin: resourceOrigin.get(r.id) ?? 'catalog' },
    })
  }
  return docs
}

/**
 * A title and the titles it abbreviates: "Back-End Developer / Engineer" also reads as "Back-End
 * Developer" and "Back-End Engineer"; "Cloud Engineer / Solutions Architect" as either half.
 */
export function titleVariants(title: string): string[] {
  const parts = title.split(/\s+\/\s+/)
  if (parts.length === 1) return [title]
  const [first = '', ...rest] = parts
  const head = first.split(/\s+/).slice(0, -1).join(' ')
  const variants = [title, first]
  for (const part of rest) {
    variants.push(part)
    if (head !== '' && !/\s/.test(part)) variants.push(`${head} ${part}`)
  }
  return variants
}

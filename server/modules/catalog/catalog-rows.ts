/**
 * Pure mapping from a validated catalog bundle to table rows. Specialisation salary ranges become
 * facts like any other figure, so every number is reachable through the facts API with provenance.
 */
import { toJson } from '../../platform/db/json.js'
import type * as T from '../../platform/db/types.js'
import type { CareerFile } from './catalog-files.schema.js'
import type { CatalogBundle } from './catalog-loader.js'

export interface CatalogRowSet {
  sources: T.SourcesTable[]
  places: T.PlacesTable[]
  exchangeRates: T.ExchangeRatesTable[]
  providers: T.ProvidersTable[]
  skills: T.SkillsTable[]
  credentials: T.CredentialsTable[]
  credentialSkills: T.CredentialSkillsTable[]
  resources: T.ResourcesTable[]
  careers: T.CareersTable[]
  careerAliases: T.CareerAliasesTable[]
  careerCodes: T.CareerCodesTable[]
  facts: T.FactsTable[]
  careerSkillSets: T.CareerSkillSetsTable[]
  careerSkills: T.CareerSkillsTable[]
  careerItems: T.CareerItemsTable[]
  careerCredentials: T.CareerCredentialsTable[]
  careerResources: T.CareerResourcesTable[]
  pathwaySteps: T.PathwayStepsTable[]
  careerRelations: T.CareerRelationsTable[]
  specialisations: T.SpecialisationsTable[]
  faqs: T.FaqsTable[]
}

/** Global id of a career's fact: facts are unique per career in the files. */
export const factKey = (career: string, fact: string): string => `${career}/${fact}`

export const ITEM_LISTS = [
  'highlights', 'responsibilities', 'personalityTraits', 'projects', 'selfGuidedProjects', 'growthOpportunities',
] as const

export function bundleToRows(b: CatalogBundle, origin: string): CatalogRowSet {
  const rows: CatalogRowSet = {
    sources: b.sources.map((s) => ({
      id: s.id, origin, publisher: s.publisher, title: s.title, kind: s.kind, version: s.version ?? null,
      url: s.url ?? null, licence: s.licence ?? null, attribution: s.attribution ?? null,
      published: s.published ?? null, retrieved: s.retrieved ?? null, seed_document: s.seedDocument ?? null,
      note: s.note ?? null,
    })),
    places: b.places.map((p) => ({ ...p })),
    exchangeRates: b.exchangeRates.map((r) => ({
      currency: r.currency, period: r.period, units_per_usd: r.unitsPerUsd, source_id: r.source,
    })),
    providers: b.providers.map((p) => ({ id: p.id, name: p.name, kind: p.kind, url: p.url ?? null })),
    skills: b.skills.map((s) => ({
      id: s.id, origin, name: s.name, kind: s.kind, alt_labels: toJson(s.altLabels ?? []),
      description: s.description ?? null, esco_uri: s.escoUri ?? null, onet_element: s.onetElement ?? null,
    })),
    credentials: b.credentials.map((c) => ({
      id: c.id, origin, title: c.title, title_is_descriptive: c.titleIsDescriptive ? 1 : 0, provider_id: c.provider,
      offered_via_id: c.offeredVia ?? null, type: c.type, level: c.level ?? null, course_count: c.courseCount ?? null,
      duration_min: c.duration?.min ?? null, duration_max: c.duration?.max ?? null,
      duration_unit: c.duration?.unit ?? null, summary: c.summary ?? null, cip_code: c.cipCode ?? null,
      url: c.url ?? null, sources: toJson(c.sources), note: c.note ?? null, ...effortColumns(c),
    })),
    credentialSkills: b.credentials.flatMap((c) =>
      unique(c.skills ?? []).map((skill, position) => ({ credential_id: c.id, skill_id: skill, position })),
    ),
    resources: b.resources.map((r) => ({
      id: r.id, origin, kind: r.kind, title: r.title, description: r.description ?? null, level: r.level ?? null,
      skills: toJson(r.skills ?? []), url: r.url ?? null, sources: toJson(r.sources), ...effortColumns(r),
    })),
    careers: [], careerAliases: [], careerCodes: [], facts: [], careerSkillSets: [], careerSkills: [],
    careerItems: [], careerCredentials: [], careerResources: [], pathwaySteps: [], careerRelations: [],
    specialisations: [], faqs: [],
  }
  b.careers.forEach((career, position) => addCareer(rows, career, origin, position))
  return rows
}

function effortColumns(item: { hours?: number; cost?: { amount: number; currency: string }; prerequisites?: string[] }) {
  return {
    hours: item.hours ?? null, cost_amount: item.cost?.amount ?? null, cost_currency: item.cost?.currency ?? null,
    prerequisites: item.prerequisites && item.prerequisites.length > 0 ? toJson(item.prerequisites) : null,
  }
}

function addCareer(rows: CatalogRowSet, c: CareerFile, origin: string, position: number): void {
  const id = c.slug
  rows.careers.push({
    id, origin, slug: c.slug, title: c.title, summary: c.summary, description: c.description ?? null,
    field_path: toJson(c.fieldPath), education: toJson(c.education), experience: toJson(c.experience), position,
    job_zone: null, attributes: null,
  })
  unique(c.aliases ?? []).forEach((alias, i) => rows.careerAliases.push({ career_id: id, alias, position: i }))
  c.codes.forEach((code, i) => rows.careerCodes.push({
    career_id: id, system: code.system, code: code.code, title: code.title, granularity: code.granularity,
    sources: toJson(code.sources), note: code.note ?? null, position: i,
  }))
  addFacts(rows, c)
  c.skillSets?.forEach((set, i) => {
    rows.careerSkillSets.push({
      career_id: id, source_id: set.source, scale_max: set.scaleMax ?? null,
      stated_specialized: set.statedCounts?.specialized ?? null, stated_common: set.statedCounts?.common ?? null,
      position: i,
    })
    set.skills.forEach((s, j) => rows.careerSkills.push({
      career_id: id, source_id: set.source, skill_id: s.skill, kind: s.kind ?? null, score: s.score ?? null,
      note: s.note ?? null, position: j, importance: null, level: null, relation: null, hot_technology: null, in_demand: null,
    }))
  })
  for (const list of ITEM_LISTS) {
    c[list]?.forEach((item, i) => rows.careerItems.push({
      career_id: id, list, position: i, title: item.title ?? null, text: item.text, sources: toJson(item.sources),
    }))
  }
  c.credentials?.forEach((cc, i) => rows.careerCredentials.push({
    career_id: id, credential_id: cc.credential, role: cc.role, sources: toJson(cc.sources), position: i,
  }))
  unique(c.resources ?? []).forEach((resource, i) => rows.careerResources.push({ career_id: id, resource_id: resource, position: i }))
  for (const [section, steps] of Object.entries(c.pathway ?? {})) {
    steps?.forEach((s, i) => rows.pathwaySteps.push({
      career_id: id, section, position: i, title: s.title, text: s.text, duration_min: s.duration?.min ?? null,
      duration_max: s.duration?.max ?? null, duration_unit: s.duration?.unit ?? null, level: s.level ?? null,
      group_label: s.group ?? null, skills: toJson(s.skills), credentials: toJson(s.credentials), sources: toJson(s.sources),
    }))
  }
  c.related?.forEach((r, i) => rows.careerRelations.push({
    career_id: id, related_id: r.career, sources: toJson(r.sources), note: r.note ?? null, position: i, relatedness: null,
  }))
  c.specialisations?.forEach((s, i) => rows.specialisations.push({
    career_id: id, id: s.id, title: s.title, focus: s.focus, text: s.text, skills: toJson(s.skills ?? []),
    sources: toJson(s.sources), position: i,
  }))
  c.faq?.forEach((q, i) => rows.faqs.push({ career_id: id, position: i, question: q.question, answer: q.answer, sources: toJson(q.sources) }))
}

function addFacts(rows: CatalogRowSet, c: CareerFile): void {
  const facts = c.facts ?? []
  facts.forEach((f, i) => rows.facts.push({
    id: factKey(c.slug, f.id), career_id: c.slug, subject: null, kind: f.kind, statistic: f.statistic,
    value: f.value ?? null, low: f.low ?? null, high: f.high ?? null, label: f.label ?? null, unit: f.unit,
    currency: f.currency ?? null, approximate: f.approximate ? 1 : 0, period: f.period ?? null, place_id: f.place,
    scope_label: f.scope.label, scope_relation: f.scope.relation, scope_system: f.scope.system ?? null,
    scope_code: f.scope.code ?? null, source_id: f.source, cited_in_id: f.citedIn ?? null, as_of: f.asOf ?? null,
    is_reference: f.reference ? 1 : 0, note: f.note ?? null, position: i,
  }))
  c.specialisations?.forEach((s, i) => {
    if (!s.salary) return
    rows.facts.push({
      id: factKey(c.slug, `specialisation-${s.id}-salary`), career_id: c.slug, subject: s.id, kind: 'salary',
      statistic: 'range', value: null, low: s.salary.low, high: s.salary.high, label: null, unit: 'per-year',
      currency: s.salary.currency, approximate: 0, period: s.salary.period ?? null, place_id: s.salary.place,
      scope_label: `${s.title} (specialisation track)`, scope_relation: 'specialisation', scope_system: null,
      scope_code: null, source_id: s.sources[0] as string, cited_in_id: null, as_of: null, is_reference: 0,
      note: `Salary range given for the ${s.title} specialisation track.`, position: facts.length + i,
    })
  })
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)]
}

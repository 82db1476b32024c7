/**
 * The in-memory read model, built once per catalog version from plain rows (pure, no I/O). Hot reads
 * — profiles, lists, facts — are served from here; profiles keep their serialised bytes and ETag.
 */
import { createHash } from 'node:crypto'
import { fromJson } from '../../platform/db/json.js'
import { precompressed, type Precompressed } from '../../platform/http/precompressed.js'
import type * as S from '../../../shared/schemas.js'
import type { CatalogRows } from '../catalog/catalog.repository.js'
import { annualAmount, displayFigure, parsePeriod, pickRate, toUsd, type Rate } from './figures.js'
import { buildProfile } from './career-profile.js'
import { groupBy } from './group-by.js'
import { createOccupationData, relationFor, socCodesOf, type OccupationData } from './occupation-data.js'

export { groupBy } from './group-by.js'


export interface CatalogIndex {
  version: number
  careers: S.CareerSummary[]
  /** Careers carrying an official code: O*NET-SOC, SOC 2018, ISCO-08 or an ESCO URI. */
  byCode(code: string): { system: string; code: string; careers: S.CareerSummary[] }[]
  profile(slug: string): S.CareerProfile | undefined
  profileJson(slug: string): Precompressed | undefined
  facts(slug: string): S.Fact[] | undefined
  skills: S.Skill[]
  credentials: S.Credential[]
  resources: S.Resource[]
  sources: S.Source[]
  /** The rows the index was built from, for read models derived from it (search, skill overlap). */
  rows: CatalogRows
  /**
   * A read model derived from this catalog version, built once on first use and dropped with the
   * index when a newer version replaces it.
   */
  derived<T>(key: string, build: (index: CatalogIndex) => T): T
}

/** Lookups shared by the profile builder. */
export interface Lookups {
  rows: CatalogRows
  source: (id: string) => S.Source
  sourceRef: (id: string) => S.SourceRef
  skill: (id: string) => { id: string; name: string; kind: string }
  credential: (id: string) => S.Credential
  resource: (id: string) => S.Resource
  summary: (careerId: string) => S.CareerSummary
  place: (id: string) => S.Place
  /** Child rows of one career, grouped once per index build. */
  childrenOf: (careerId: string) => CareerChildren
  occupations: OccupationData
  /** Career id → slug, for links between careers. */
  slugOf: (careerId: string) => string
}

export interface CareerChildren {
  skillSets: CatalogRows['careerSkillSets']
  skills: CatalogRows['careerSkills']
  items: CatalogRows['careerItems']
  credentials: CatalogRows['careerCredentials']
  resources: CatalogRows['careerResources']
  steps: CatalogRows['pathwaySteps']
  relations: CatalogRows['careerRelations']
  specialisations: CatalogRows['specialisations']
  faqs: CatalogRows['faqs']
  tasks: CatalogRows['careerTasks']
}

/**
 * Builds the index. Profiles (and their serialised bytes) are built on first request and kept for
 * the life of this catalog version: with thousands of imported careers, building all of them at start
 * would cost time and memory for pages nobody opens.
 */
export function buildCatalogIndex(rows: CatalogRows): CatalogIndex {
  const lookups = createLookups(rows)
  const rates: Rate[] = rows.exchangeRates.map((r) => ({ currency: r.currency, period: r.period, unitsPerUsd: r.units_per_usd }))
  const curatedFacts = groupBy(rows.facts.map((f) => toFact(f, rates, lookups)), (f) => f.career)
  const careersBySlug = new Map(rows.careers.map((c) => [c.slug, c]))
  const codesByCareer = groupBy(rows.careerCodes, (c) => c.career_id)
  const profiles = new Map<string, S.CareerProfile>()
  const serialised = new Map<string, Precompressed>()
  const factsOf = (career: CatalogRows['careers'][number]): S.Fact[] => [
    ...(curatedFacts.get(career.id) ?? []),
    ...socCodesOf(codesByCareer.get(career.id) ?? []).flatMap((soc) =>
      lookups.occupations.factsFor(soc.code).map((f) => occupationFact(f, career.slug, soc.granularity, lookups))),
  ]
  const profileOf = (slug: string): S.CareerProfile | undefined => {
    const cached = profiles.get(slug)
    if (cached) return cached
    const career = careersBySlug.get(slug)
    if (!career) return undefined
    const profile = buildProfile(career, factsOf(career), lookups)
    profiles.set(slug, profile)
    return profile
  }
  const careersBySkill = groupBy(rows.careerSkills, (cs) => cs.skill_id)
  const summaries = rows.careers.map((c) => lookups.summary(c.id))
  const summaryById = new Map(rows.careers.map((c, i) => [c.id, summaries[i] as S.CareerSummary]))
  const derivedModels = new Map<string, unknown>()
  const index: CatalogIndex = {
    version: rows.version,
    rows,
    derived<T>(key: string, build: (built: CatalogIndex) => T): T {
      if (!derivedModels.has(key)) derivedModels.set(key, build(index))
      return derivedModels.get(key) as T
    },
    careers: summaries,
    byCode: (code) => resolveCode(code).map(({ system, code: normalised }) => ({
      system, code: normalised,
      careers: lookups.occupations.careersWithCode(system, normalised).map((id) => summaryById.get(id)).filter((c): c is S.CareerSummary => c !== undefined),
    })).filter((match) => match.careers.length > 0),
    profile: profileOf,
    profileJson: (slug) => {
      const cached = serialised.get(slug)
      if (cached) return cached
      const profile = profileOf(slug)
      if (!profile) return undefined
      const body = JSON.stringify(profile)
      const bytes = precompressed(body, `"${createHash('sha1').update(body).digest('base64url')}"`)
      serialised.set(slug, bytes)
      return bytes
    },
    facts: (slug) => {
      const career = careersBySlug.get(slug)
      return career ? (profileOf(slug)?.facts ?? factsOf(career)) : undefined
    },
    skills: rows.skills.map((s) => ({
      id: s.id, name: s.name, kind: s.kind, altLabels: fromJson<string[]>(s.alt_labels, []),
      description: s.description, escoUri: s.esco_uri, onetElement: s.onet_element,
      careers: [...new Set((careersBySkill.get(s.id) ?? []).map((cs) => lookups.slugOf(cs.career_id)))],
    })),
    credentials: rows.credentials.map((c) => lookups.credential(c.id)),
    resources: rows.resources.map((r) => lookups.resource(r.id)),
    sources: rows.sources.map((s) => lookups.source(s.id)),
  }
  return index
}

/**
 * Which code systems a code may belong to, by its shape: `15-1252.00` O*NET-SOC, `15-1252` SOC 2018,
 * `2512` ISCO-08, an ESCO occupation URI. Unrecognised shapes resolve to nothing.
 */
export function resolveCode(raw: string): { system: string; code: string }[] {
  const code = raw.trim()
  if (/^\d{2}-\d{4}\.\d{2}$/.test(code)) return [{ system: 'onet-soc', code }]
  if (/^\d{2}-\d{4}$/.test(code)) return [{ system: 'soc-2018', code }, { system: 'onet-soc', code: `${code}.00` }]
  if (/^\d{4}$/.test(code)) return [{ system: 'isco-08', code }]
  if (/^https?:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]+$/i.test(code)) return [{ system: 'esco', code: code.replace(/^https:/, 'http:') }]
  return []
}

/** A code-keyed figure as a fact of one career, its scope saying how the code relates to the career. */
function occupationFact(f: CatalogRows['occupationFacts'][number], careerSlug: string, granularity: string, lookups: Lookups): S.Fact {
  const period = parsePeriod(f.period)
  return {
    id: f.id, career: careerSlug, subject: null, kind: f.kind, statistic: f.statistic, value: f.value, low: f.low,
    high: f.high, label: f.label, unit: f.unit, currency: f.currency, approximate: false,
    display: displayFigure({ ...f, approximate: false }), period, place: lookups.place(f.place_id),
    scope: { label: `${f.title} (SOC ${f.code})`, relation: relationFor(granularity), system: f.system, code: f.code },
    source: lookups.sourceRef(f.source_id), citedIn: null, asOf: f.as_of, reference: false, note: f.note, usd: null,
  }
}

function createLookups(rows: CatalogRows): Lookups {
  const sources = new Map(rows.sources.map((s) => [s.id, s]))
  const skills = new Map(rows.skills.map((s) => [s.id, s]))
  const providers = new Map(rows.providers.map((p) => [p.id, p]))
  const credentialSkills = groupBy(rows.credentialSkills, (cs) => cs.credential_id)
  const careers = new Map(rows.careers.map((c) => [c.id, c]))
  const aliases = groupBy(rows.careerAliases, (a) => a.career_id)
  const codes = groupBy(rows.careerCodes, (c) => c.career_id)
  const required = <T>(map: Map<string, T>, id: string, what: string): T => {
    const found = map.get(id)
    if (found === undefined) throw new Error(`catalog integrity: unknown ${what} ${id}`)
    return found
  }
  const skill = (id: string) => {
    const s = required(skills, id, 'skill')
    return { id: s.id, name: s.name, kind: s.kind }
  }
  const provider = (id: string) => {
    const p = required(providers, id, 'provider')
    return { id: p.id, name: p.name }
  }
  const places = new Map(rows.places.map((p) => [p.id, p]))
  const byCareer = <T extends { career_id: string }>(list: T[]) => groupBy(list, (row) => row.career_id)
  const children = {
    skillSets: byCareer(rows.careerSkillSets), skills: byCareer(rows.careerSkills), items: byCareer(rows.careerItems),
    credentials: byCareer(rows.careerCredentials), resources: byCareer(rows.careerResources),
    steps: byCareer(rows.pathwaySteps), relations: byCareer(rows.careerRelations),
    specialisations: byCareer(rows.specialisations), faqs: byCareer(rows.faqs), tasks: byCareer(rows.careerTasks),
  }
  const resourceRows = new Map(rows.resources.map((r) => [r.id, r]))
  const credentialCache = new Map<string, S.Credential>()
  const credentialRows = new Map(rows.credentials.map((c) => [c.id, c]))
  return {
    rows,
    place: (id) => places.get(id) ?? { id, name: id === 'united-states' ? 'United States' : id, kind: 'country', country: '', currency: '' },
    occupations: createOccupationData(rows),
    slugOf: (careerId) => careers.get(careerId)?.slug ?? careerId,
    childrenOf: (careerId) => {
      const pick = <T>(map: Map<string, T[]>) => map.get(careerId) ?? []
      return {
        skillSets: pick(children.skillSets), skills: pick(children.skills), items: pick(children.items),
        credentials: pick(children.credentials), resources: pick(children.resources), steps: pick(children.steps),
        relations: pick(children.relations), specialisations: pick(children.specialisations), faqs: pick(children.faqs),
        tasks: pick(children.tasks),
      }
    },
    source: (id) => {
      const s = required(sources, id, 'source')
      return {
        id: s.id, publisher: s.publisher, title: s.title, kind: s.kind, version: s.version, url: s.url,
        licence: s.licence, attribution: s.attribution, published: s.published, retrieved: s.retrieved,
        seedDocument: s.seed_document, note: s.note,
      }
    },
    sourceRef: (id) => {
      const s = required(sources, id, 'source')
      return { id: s.id, publisher: s.publisher, title: s.title, kind: s.kind, url: s.url }
    },
    skill,
    credential: (id) => {
      const cached = credentialCache.get(id)
      if (cached) return cached
      const c = required(credentialRows, id, 'credential')
      const built: S.Credential = {
        id: c.id, title: c.title, titleIsDescriptive: c.title_is_descriptive === 1, provider: provider(c.provider_id),
        offeredVia: c.offered_via_id ? provider(c.offered_via_id) : null, type: c.type, level: c.level,
        courseCount: c.course_count, duration: duration(c.duration_min, c.duration_max, c.duration_unit),
        summary: c.summary, skills: (credentialSkills.get(c.id) ?? []).map((cs) => skillRef(skill(cs.skill_id))),
        cipCode: c.cip_code, url: c.url, sources: fromJson<string[]>(c.sources, []), note: c.note,
      }
      credentialCache.set(id, built)
      return built
    },
    resource: (id) => {
      const r = required(resourceRows, id, 'resource')
      return {
        id: r.id, kind: r.kind, title: r.title, description: r.description, level: r.level,
        skills: fromJson<string[]>(r.skills, []).map((skillId) => skillRef(skill(skillId))), url: r.url,
        sources: fromJson<string[]>(r.sources, []),
      }
    },
    summary: (careerId) => {
      const c = required(careers, careerId, 'career')
      return {
        slug: c.slug, title: c.title, summary: c.summary, origin: c.origin, fieldPath: fromJson<string[]>(c.field_path, []),
        aliases: (aliases.get(c.id) ?? []).map((a) => a.alias),
        codes: (codes.get(c.id) ?? []).map((code) => ({
          system: code.system, code: code.code, title: code.title, granularity: code.granularity,
          sources: fromJson<string[]>(code.sources, []), note: code.note,
        })),
      }
    },
  }
}

const skillRef = (s: { id: string; name: string }) => ({ id: s.id, name: s.name })

/** `3–6 months`, `4 years`. */
export function duration(min: number | null, max: number | null, unit: string | null) {
  if (min === null || max === null || unit === null) return null
  const span = min === max ? `${min}` : `${min}–${max}`
  const singular = min === max && min === 1
  return { min, max, unit, label: `${span} ${singular ? unit.replace(/s$/, '') : unit}` }
}

function toFact(f: CatalogRows['facts'][number], rates: Rate[], lookups: Lookups): S.Fact {
  const rows = lookups.rows
  const place = lookups.place(f.place_id)
  const period = parsePeriod(f.period)
  const amount = f.value ?? (f.low !== null && f.high !== null ? (f.low + f.high) / 2 : null)
  const rate = f.currency && f.currency !== 'USD' ? pickRate(rates, f.currency, period) : undefined
  const rateRow = rate && rows.exchangeRates.find((r) => r.currency === rate.currency && r.period === rate.period)
  return {
    id: f.id, career: f.career_id, subject: f.subject, kind: f.kind, statistic: f.statistic, value: f.value,
    low: f.low, high: f.high, label: f.label, unit: f.unit, currency: f.currency, approximate: f.approximate === 1,
    display: displayFigure({ ...f, approximate: f.approximate === 1 }),
    period, place, asOf: f.as_of, reference: f.is_reference === 1, note: f.note,
    scope: { label: f.scope_label, relation: f.scope_relation, system: f.scope_system, code: f.scope_code },
    source: lookups.sourceRef(f.source_id),
    citedIn: f.cited_in_id ? lookups.sourceRef(f.cited_in_id) : null,
    usd: rate && rateRow && amount !== null
      ? { annualUsd: toUsd(annualAmount(amount, f.unit), rate), rate: rate.unitsPerUsd, ratePeriod: rate.period, rateSource: lookups.sourceRef(rateRow.source_id) }
      : null,
  }
}

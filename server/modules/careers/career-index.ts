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


export interface CatalogIndex {
  version: number
  careers: S.CareerSummary[]
  profile(slug: string): S.CareerProfile | undefined
  profileJson(slug: string): Precompressed | undefined
  facts(slug: string): S.Fact[] | undefined
  skills: S.Skill[]
  credentials: S.Credential[]
  sources: S.Source[]
}

/** Lookups shared by the profile builder. */
export interface Lookups {
  rows: CatalogRows
  source: (id: string) => S.Source
  sourceRef: (id: string) => S.SourceRef
  skill: (id: string) => { id: string; name: string; kind: string }
  credential: (id: string) => S.Credential
  summary: (careerId: string) => S.CareerSummary
  place: (id: string) => S.Place
  /** Child rows of one career, grouped once per index build. */
  childrenOf: (careerId: string) => CareerChildren
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
}

export function buildCatalogIndex(rows: CatalogRows): CatalogIndex {
  const lookups = createLookups(rows)
  const rates: Rate[] = rows.exchangeRates.map((r) => ({ currency: r.currency, period: r.period, unitsPerUsd: r.units_per_usd }))
  const facts = groupBy(rows.facts.map((f) => toFact(f, rates, lookups)), (f) => f.career)
  const profiles = new Map<string, S.CareerProfile>()
  const serialised = new Map<string, Precompressed>()
  for (const career of rows.careers) {
    const profile = buildProfile(career, facts.get(career.id) ?? [], lookups)
    const body = JSON.stringify(profile)
    profiles.set(career.slug, profile)
    serialised.set(career.slug, precompressed(body, `"${createHash('sha1').update(body).digest('base64url')}"`))
  }
  const careersBySkill = groupBy(rows.careerSkills, (cs) => cs.skill_id)
  return {
    version: rows.version,
    careers: rows.careers.map((c) => lookups.summary(c.id)),
    profile: (slug) => profiles.get(slug),
    profileJson: (slug) => serialised.get(slug),
    facts: (slug) => (profiles.has(slug) ? (facts.get(slug) ?? []) : undefined),
    skills: rows.skills.map((s) => ({
      id: s.id, name: s.name, kind: s.kind, altLabels: fromJson<string[]>(s.alt_labels, []),
      description: s.description, escoUri: s.esco_uri, onetElement: s.onet_element,
      careers: [...new Set((careersBySkill.get(s.id) ?? []).map((cs) => cs.career_id))],
    })),
    credentials: rows.credentials.map((c) => lookups.credential(c.id)),
    sources: rows.sources.map((s) => lookups.source(s.id)),
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
    specialisations: byCareer(rows.specialisations), faqs: byCareer(rows.faqs),
  }
  const credentialCache = new Map<string, S.Credential>()
  const credentialRows = new Map(rows.credentials.map((c) => [c.id, c]))
  return {
    rows,
    place: (id) => required(places, id, 'place'),
    childrenOf: (careerId) => {
      const pick = <T>(map: Map<string, T[]>) => map.get(careerId) ?? []
      return {
        skillSets: pick(children.skillSets), skills: pick(children.skills), items: pick(children.items),
        credentials: pick(children.credentials), resources: pick(children.resources), steps: pick(children.steps),
        relations: pick(children.relations), specialisations: pick(children.specialisations), faqs: pick(children.faqs),
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
    summary: (careerId) => {
      const c = required(careers, careerId, 'career')
      return {
        slug: c.slug, title: c.title, summary: c.summary, fieldPath: fromJson<string[]>(c.field_path, []),
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

export function groupBy<T, K>(list: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>()
  for (const item of list) {
    const k = key(item)
    const bucket = map.get(k)
    if (bucket) bucket.push(item)
    else map.set(k, [item])
  }
  return map
}

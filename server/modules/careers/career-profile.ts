/**
 * Assembles one career's whole profile from its rows (pure). Every source any part of the profile
 * cites is listed once in `sources`, so a page can show attribution for exactly what it displays.
 */
import { fromJson } from '../../platform/db/json.js'
import type * as S from '../../../shared/schemas.js'
import type { CatalogRows } from '../catalog/catalog.repository.js'
import { duration, type Lookups } from './career-index.js'
import { socCodesOf } from './occupation-data.js'
import { buildSalaryPanel } from './salary-panel.js'

type CareerRow = CatalogRows['careers'][number]
type StepRow = CatalogRows['pathwaySteps'][number]

const ids = (value: unknown): string[] => fromJson<string[] | null>(value, null) ?? []

export function buildProfile(career: CareerRow, facts: S.Fact[], lookups: Lookups): S.CareerProfile {
  const kids = lookups.childrenOf(career.id)
  const summary = lookups.summary(career.id)
  const cited = new Set<string>()
  const cite = (list: string[]) => {
    list.forEach((id) => cited.add(id))
    return list
  }
  const items = (list: string) =>
    kids.items.filter((i) => i.list === list).map((i) => ({ title: i.title, text: i.text, sources: cite(ids(i.sources)) }))
  const education = fromJson<{ typical: string; fields?: string[]; alternatives?: { title?: string; text: string; sources?: string[] }[]; sources: string[] } | null>(career.education, null)
  const experience = fromJson<{ min: number; max: number; unit: string; source: string } | null>(career.experience, null)
  if (experience) cite([experience.source])
  summary.codes.forEach((c) => cite(c.sources))
  facts.forEach((f) => cite([f.source.id, ...(f.citedIn ? [f.citedIn.id] : []), ...(f.usd ? [f.usd.rateSource.id] : [])]))

  const steps = (section: string) => kids.steps.filter((s) => s.section === section).map((s) => step(s, lookups, cite))
  const profile: S.CareerProfile = {
    ...summary,
    description: career.description,
    education: education && {
      typical: education.typical,
      fields: education.fields ?? [],
      alternatives: (education.alternatives ?? []).map((a) => ({ title: a.title ?? null, text: a.text, sources: cite(a.sources ?? []) })),
      sources: cite(education.sources),
    },
    experience,
    highlights: items('highlights'),
    responsibilities: items('responsibilities'),
    personalityTraits: items('personalityTraits'),
    projects: items('projects'),
    selfGuidedProjects: items('selfGuidedProjects'),
    growthOpportunities: items('growthOpportunities'),
    skills: skillsOf(kids, lookups, cite),
    facts,
    salaryPanel: buildSalaryPanel(facts.filter((f) => f.kind === 'salary')),
    credentials: kids.credentials.map((cc) => {
      const credential = lookups.credential(cc.credential_id)
      cite(credential.sources)
      return { ...credential, role: cc.role, careerSources: cite(ids(cc.sources)) }
    }),
    resources: kids.resources.map((cr) => resource(cr.resource_id, lookups, cite)),
    pathway: {
      gettingStarted: steps('gettingStarted'),
      traditionalPath: steps('traditionalPath'),
      progression: steps('progression'),
      advancement: steps('advancement'),
    },
    related: kids.relations.map((r) => {
      const other = lookups.summary(r.related_id)
      return { slug: other.slug, title: other.title, summary: other.summary, codes: other.codes, sources: cite(ids(r.sources)), note: r.note }
    }),
    specialisations: kids.specialisations.map((s) => ({
      id: s.id, title: s.title, focus: s.focus, text: s.text,
      skills: ids(s.skills).map((id) => skillRef(lookups, id)),
      salary: facts.find((f) => f.subject === s.id && f.kind === 'salary') ?? null,
      sources: cite(ids(s.sources)),
    })),
    faq: kids.faqs.map((q) => ({ question: q.question, answer: q.answer, sources: cite(ids(q.sources)) })),
    ...importedSections(career, summary, kids, lookups, cite),
    sources: [],
    catalogVersion: lookups.rows.version,
  }
  profile.sources = [...cited].sort().map((id) => lookups.source(id))
  return profile
}

type Imported = Pick<S.CareerProfile, 'origin' | 'tasks' | 'jobZone' | 'attributes' | 'requirements' | 'programmes' | 'equivalents'>

/** Sections that come from the imported datasets (and, through shared codes, reach curated careers too). */
function importedSections(career: CareerRow, summary: S.CareerSummary, kids: ReturnType<Lookups['childrenOf']>, lookups: Lookups, cite: (l: string[]) => string[]): Imported {
  const attributes = fromJson<Record<string, unknown> | null>(career.attributes, null) ?? {}
  const { jobZone, ...rest } = attributes as { jobZone?: S.CareerProfile['jobZone'] }
  const socCodes = socCodesOf(lookups.rows.careerCodes.filter((c) => c.career_id === career.id))
  const requirements = socCodes.flatMap((soc) => lookups.occupations.requirementsFor(soc.code))
  const programmes = socCodes.flatMap((soc) => lookups.occupations.programmesFor(soc.code))
  requirements.forEach((r) => cite([r.source]))
  programmes.forEach((p) => cite([p.source]))
  const equivalents = equivalentsOf(career.id, summary, lookups)
  equivalents.forEach((e) => e.source && cite([e.source]))
  return {
    origin: career.origin,
    tasks: kids.tasks.map((t) => ({ text: t.task, type: t.task_type })),
    jobZone: jobZone ?? null,
    attributes: rest,
    requirements,
    programmes,
    equivalents,
  }
}

/**
 * Occupations of the other taxonomy that match this career: direct crosswalk links first; the
 * group-level ISCO ↔ SOC link only when no direct one exists.
 */
function equivalentsOf(careerId: string, summary: S.CareerSummary, lookups: Lookups): S.CareerProfile['equivalents'] {
  const out: S.CareerProfile['equivalents'] = []
  const seen = new Set<string>([careerId])
  const add = (system: string, code: string, granularity: string | ((other: S.CareerSummary) => string | null), via: string, source: string | null) => {
    for (const id of lookups.occupations.careersWithCode(system, code)) {
      if (seen.has(id)) continue
      const other = lookups.summary(id)
      const relation = typeof granularity === 'string' ? granularity : granularity(other)
      if (relation === null) continue
      seen.add(id)
      out.push({ slug: other.slug, title: other.title, system, code, granularity: relation, via, source })
    }
  }
  const linksOf = (systems: string[], via: string) => summary.codes
    .filter((c) => systems.includes(c.system))
    .flatMap((c) => lookups.occupations.linksOf(c.system, c.code).filter((l) => l.via === via).map((l) => ({ l, mine: c })))
  // Careers imported for the very codes this career carries: its official occupations.
  for (const mine of summary.codes.filter((c) => c.system === 'onet-soc' || c.system === 'esco')) {
    add(mine.system, mine.code, (other) => sharedCodeRelation(mine.granularity, other.codes.find((c) => c.system === mine.system && c.code === mine.code)?.granularity), 'shared-code', mine.sources[0] ?? null)
  }
  for (const { l, mine } of linksOf(['esco', 'onet-soc'], 'nesta-crosswalk')) {
    const forward = l.from_system === mine.system && l.from_code === mine.code
    add(forward ? l.to_system : l.from_system, forward ? l.to_code : l.from_code, forward ? l.granularity : invert(l.granularity), l.via, l.source_id)
  }
  if (!out.some((e) => e.via === 'nesta-crosswalk')) {
    for (const { l, mine } of linksOf(['isco-08', 'soc-2018'], 'isco-soc')) {
      const forward = l.from_system === mine.system && l.from_code === mine.code
      add(forward ? l.to_system : l.from_system, forward ? l.to_code : l.from_code, 'related', l.via, l.source_id)
    }
  }
  return out
}

/**
 * How another career filed under the same code relates to this one, from how each maps to the code:
 * the occupation itself (exact) against a career the code is broader than means that career is
 * narrower, and so on. Two careers that both sit inside a broader code are not matches of each other.
 */
function sharedCodeRelation(mine: string, theirs: string | undefined): string | null {
  if (mine === 'exact' && theirs === 'exact') return 'exact'
  if (mine === 'exact' && theirs === 'broader') return 'narrower'
  if (mine === 'broader' && theirs === 'exact') return 'broader'
  return null
}

function invert(granularity: string): string {
  return granularity === 'broader' ? 'narrower' : granularity === 'narrower' ? 'broader' : granularity
}

function skillsOf(kids: ReturnType<Lookups['childrenOf']>, lookups: Lookups, cite: (l: string[]) => string[]): S.CareerProfile['skills'] {
  const combined = new Map<string, { id: string; name: string; kind: string; topScore: number | null; sources: string[] }>()
  const sets = kids.skillSets.map((set) => {
    cite([set.source_id])
    const skills = kids.skills.filter((s) => s.source_id === set.source_id).map((s) => {
      const skill = lookups.skill(s.skill_id)
      const kind = s.kind ?? skill.kind
      const entry = combined.get(skill.id) ?? { id: skill.id, name: skill.name, kind, topScore: null, sources: [] }
      if (s.score !== null) entry.topScore = Math.max(entry.topScore ?? 0, s.score)
      entry.sources.push(set.source_id)
      combined.set(skill.id, entry)
      return {
        id: skill.id, name: skill.name, kind, score: s.score, note: s.note, level: s.level, relation: s.relation,
        hotTechnology: s.hot_technology === null ? null : s.hot_technology === 1,
        inDemand: s.in_demand === null ? null : s.in_demand === 1,
      }
    })
    return {
      source: lookups.sourceRef(set.source_id),
      scaleMax: set.scale_max,
      statedCounts: { specialized: set.stated_specialized, common: set.stated_common },
      skills,
    }
  })
  // Scored skills first (highest score first), then the rest by how many sources name them.
  const ranked = [...combined.values()].sort(
    (a, b) => (b.topScore ?? -1) - (a.topScore ?? -1) || b.sources.length - a.sources.length || a.name.localeCompare(b.name),
  )
  return { sets, combined: ranked }
}

function step(s: StepRow, lookups: Lookups, cite: (l: string[]) => string[]): S.PathwayStep {
  return {
    title: s.title, text: s.text, duration: duration(s.duration_min, s.duration_max, s.duration_unit), level: s.level,
    group: s.group_label, skills: ids(s.skills).map((id) => skillRef(lookups, id)),
    credentials: ids(s.credentials).map((id) => ({ id, title: lookups.credential(id).title })),
    sources: cite(ids(s.sources)),
  }
}

function resource(id: string, lookups: Lookups, cite: (l: string[]) => string[]): S.Resource {
  const r = lookups.resource(id)
  return { ...r, sources: cite(r.sources) }
}

function skillRef(lookups: Lookups, id: string): { id: string; name: string } {
  const s = lookups.skill(id)
  return { id: s.id, name: s.name }
}

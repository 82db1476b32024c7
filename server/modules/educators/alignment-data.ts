/**
 * The national figures programme alignment reads, derived once per catalog version from the imported
 * rows (pure, no I/O): the CIP 2020 → SOC 2018 crosswalk, and per SOC occupation its title, the
 * Pathways careers carrying the code, the annual median wage (BLS OEWS, else the median BLS prints in
 * the Employment Projections — the rule career-outlook.ts uses), the projected employment change %,
 * annual openings and typical entry education (BLS Employment Projections). It also holds what the
 * thresholds compare against: every occupation's median wage, sorted, and the all-occupations
 * projected growth (employment-weighted over the projection's line items).
 */
import { EDUCATION_LADDER, EDUCATION_LEVELS, type EducationLevel } from '../analysis/career-outlook.js'
import type { CatalogIndex } from '../careers/index.js'
import { groupBy } from '../careers/career-index.js'

export interface SourceRef {
  id: string
  publisher: string
  title: string
  /** The reference period as published: `2024-05` (OEWS May 2024), `2024/2034` (projection decade). */
  period: string | null
}

export interface Figure {
  value: number
  source: SourceRef
  /** The importer's note, e.g. a top-coded wage ("at least"). */
  note: string | null
}

export interface OccupationFigures {
  soc: string
  title: string | null
  careers: { slug: string; title: string }[]
  medianWage: (Figure & { topCoded: boolean }) | null
  growthPercent: Figure | null
  openings: Figure | null
  education: { level: EducationLevel; label: string; rank: number; source: SourceRef } | null
}

export interface CrosswalkEntry {
  cip: string
  title: string
  socs: string[]
}

export interface AlignmentData {
  /** Whether any CIP–SOC pair is imported: without the crosswalk no programme can be aligned. */
  crosswalkLoaded: boolean
  crosswalkSource: SourceRef | null
  cip(code: string): CrosswalkEntry | undefined
  /** Six-digit codes of a CIP series (`11.02` → 11.0201, 11.0202, …), for suggestions. */
  series(prefix: string): CrosswalkEntry[]
  /** Every programme of the crosswalk, by code. */
  all(): CrosswalkEntry[]
  occupation(soc: string): OccupationFigures
  /** Every occupation's national annual median wage, ascending. */
  medians: readonly number[]
  /** All occupations' projected employment change, employment-weighted; null without projections. */
  allGrowth: { value: number; source: SourceRef } | null
  wagesLoaded: boolean
  projectionsLoaded: boolean
}

const TOP_CODED = /^At least /

export function alignmentData(index: CatalogIndex): AlignmentData {
  return index.derived('educators-programme-alignment', build)
}

function build(index: CatalogIndex): AlignmentData {
  const { rows } = index
  const sources = new Map(rows.sources.map((s) => [s.id, s]))
  const ref = (id: string, period: string | null): SourceRef => {
    const s = sources.get(id)
    return { id, publisher: s?.publisher ?? id, title: s?.title ?? id, period }
  }

  const crosswalk = new Map<string, CrosswalkEntry>()
  for (const pair of rows.occupationProgrammes) {
    let entry = crosswalk.get(pair.cip_code)
    if (!entry) crosswalk.set(pair.cip_code, (entry = { cip: pair.cip_code, title: pair.cip_title, socs: [] }))
    if (!entry.socs.includes(pair.soc_code)) entry.socs.push(pair.soc_code)
  }
  for (const entry of crosswalk.values()) entry.socs.sort()
  const sorted = [...crosswalk.values()].sort((a, b) => a.cip.localeCompare(b.cip))
  const firstPair = rows.occupationProgrammes[0]

  const national = rows.occupationFacts.filter((f) => f.system === 'soc-2018' && f.place_id === 'united-states' && f.value !== null)
  const facts = groupBy(national, (f) => f.code)
  const educations = groupBy(rows.occupationAttributes.filter((a) => a.system === 'soc-2018' && a.key === 'typical-entry-education'), (a) => a.code)

  const summaries = new Map(rows.careers.map((c) => [c.id, c]))
  const careersBySoc = new Map<string, { slug: string; title: string }[]>()
  for (const code of rows.careerCodes) {
    const soc = code.system === 'soc-2018' ? code.code : code.system === 'onet-soc' ? code.code.slice(0, 7) : null
    const career = soc ? summaries.get(code.career_id) : undefined
    if (!soc || !career) continue
    const list = careersBySoc.get(soc) ?? []
    if (!list.some((c) => c.slug === career.slug)) list.push({ slug: career.slug, title: career.title })
    careersBySoc.set(soc, list)
  }

  const figuresOf = (soc: string): OccupationFigures => {
    const list = facts.get(soc) ?? []
    const pays = list.filter((f) => f.kind === 'salary' && f.statistic === 'median' && f.unit === 'per-year')
    const pay = pays.find((f) => f.source_id.startsWith('bls-oews')) ?? pays[0]
    const growth = list.find((f) => f.kind === 'growth' && f.statistic === 'percent-change')
    const openings = list.find((f) => f.kind === 'openings' && f.statistic === 'count')
    const attribute = educations.get(soc)?.[0]
    const rank = attribute ? EDUCATION_LADDER.indexOf(attribute.value as (typeof EDUCATION_LADDER)[number]) : -1
    const titled = list.find((f) => f.source_id.startsWith('bls-oews')) ?? list[0]
    const careers = (careersBySoc.get(soc) ?? []).slice().sort((a, b) => a.title.localeCompare(b.title))
    return {
      soc,
      title: titled?.title ?? careers[0]?.title ?? null,
      careers,
      medianWage: pay ? { value: pay.value!, source: ref(pay.source_id, pay.period), note: pay.note, topCoded: TOP_CODED.test(pay.note ?? '') } : null,
      growthPercent: growth ? { value: growth.value!, source: ref(growth.source_id, growth.period), note: growth.note } : null,
      openings: openings ? { value: openings.value!, source: ref(openings.source_id, openings.period), note: openings.note } : null,
      education: attribute && rank >= 0 ? { level: EDUCATION_LEVELS[rank]!, label: attribute.value, rank, source: ref(attribute.source_id, null) } : null,
    }
  }
  const occupations = new Map<string, OccupationFigures>()
  const occupation = (soc: string): OccupationFigures => {
    let found = occupations.get(soc)
    if (!found) occupations.set(soc, (found = figuresOf(soc)))
    return found
  }

  const medians: number[] = []
  for (const soc of facts.keys()) {
    const wage = occupation(soc).medianWage
    if (wage) medians.push(wage.value)
  }
  medians.sort((a, b) => a - b)

  // All occupations' growth: Σ projected jobs ÷ Σ base-year jobs − 1 over the projection's line items.
  const employment = national.filter((f) => f.kind === 'employment' && f.statistic === 'count' && /^\d{4}$/.test(f.period ?? '') && !f.source_id.startsWith('bls-oews'))
  let allGrowth: AlignmentData['allGrowth'] = null
  const years = [...new Set(employment.map((f) => f.period!))].sort()
  if (years.length >= 2) {
    const [base, target] = [years[0]!, years[years.length - 1]!]
    const byCode = groupBy(employment, (f) => f.code)
    let before = 0
    let after = 0
    for (const list of byCode.values()) {
      const b = list.find((f) => f.period === base)
      const a = list.find((f) => f.period === target)
      if (b && a) {
        before += b.value!
        after += a.value!
      }
    }
    if (before > 0) allGrowth = { value: Math.round((after / before - 1) * 1000) / 10, source: ref(employment[0]!.source_id, `${base}/${target}`) }
  }

  return {
    crosswalkLoaded: crosswalk.size > 0,
    crosswalkSource: firstPair ? ref(firstPair.source_id, null) : null,
    cip: (code) => crosswalk.get(code),
    series: (prefix) => sorted.filter((e) => e.cip.startsWith(prefix)),
    all: () => sorted,
    occupation,
    medians,
    allGrowth,
    wagesLoaded: medians.length > 0,
    projectionsLoaded: national.some((f) => f.kind === 'growth'),
  }
}

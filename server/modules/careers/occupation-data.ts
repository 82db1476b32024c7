/**
 * Data keyed by official occupation codes (imported wages, projections, entry requirements,
 * programmes, crosswalk links), joined to careers through the codes each career carries. A career
 * sees the figures of its SOC codes whichever was imported first, curated or not.
 */
import type * as S from '../../../shared/schemas.js'
import type { CatalogRows } from '../catalog/catalog.repository.js'
import { groupBy } from './group-by.js'

type CodeRow = CatalogRows['careerCodes'][number]

/** How a figure for a code relates to a career that carries the code with this granularity. */
const RELATION_OF_GRANULARITY: Record<string, string> = {
  exact: 'same-role',
  broader: 'parent-occupation',
  narrower: 'specialisation',
  related: 'related-occupation',
}

export interface SocCode {
  code: string
  granularity: string
}

/** SOC 2018 codes of a career: its own soc-2018 codes, else derived from its O*NET-SOC codes. */
export function socCodesOf(codes: readonly CodeRow[]): SocCode[] {
  const explicit = codes.filter((c) => c.system === 'soc-2018').map((c) => ({ code: c.code, granularity: c.granularity }))
  const known = new Set(explicit.map((c) => c.code))
  const derived = codes
    .filter((c) => c.system === 'onet-soc' && !known.has(c.code.slice(0, 7)))
    .map((c) => ({ code: c.code.slice(0, 7), granularity: c.code.endsWith('.00') ? c.granularity : 'broader' }))
  const seen = new Set<string>()
  return [...explicit, ...derived].filter((c) => (seen.has(c.code) ? false : (seen.add(c.code), true)))
}

export function relationFor(granularity: string): string {
  return RELATION_OF_GRANULARITY[granularity] ?? 'related-occupation'
}

export interface OccupationData {
  factsFor(soc: string): CatalogRows['occupationFacts']
  requirementsFor(soc: string): S.CareerProfile['requirements']
  programmesFor(soc: string): S.CareerProfile['programmes']
  /** Careers carrying a code (system + code), in catalog order. */
  careersWithCode(system: string, code: string): string[]
  /** Links from or to a code, either direction. */
  linksOf(system: string, code: string): CatalogRows['codeLinks']
}

export function createOccupationData(rows: CatalogRows): OccupationData {
  const key = (system: string, code: string) => `${system}|${code}`
  const facts = groupBy(rows.occupationFacts.filter((f) => f.system === 'soc-2018'), (f) => f.code)
  const attributes = groupBy(rows.occupationAttributes.filter((a) => a.system === 'soc-2018'), (a) => a.code)
  const programmes = groupBy(rows.occupationProgrammes, (p) => p.soc_code)
  const byCode = groupBy(rows.careerCodes, (c) => key(c.system, c.code))
  const linksFrom = groupBy(rows.codeLinks, (l) => key(l.from_system, l.from_code))
  const linksTo = groupBy(rows.codeLinks, (l) => key(l.to_system, l.to_code))
  return {
    factsFor: (soc) => facts.get(soc) ?? [],
    requirementsFor: (soc) => (attributes.get(soc) ?? []).map((a) => ({ code: a.code, key: a.key, value: a.value, source: a.source_id })),
    programmesFor: (soc) => (programmes.get(soc) ?? []).map((p) => ({ cipCode: p.cip_code, title: p.cip_title, socCode: p.soc_code, source: p.source_id })),
    careersWithCode: (system, code) => [...new Set((byCode.get(key(system, code)) ?? []).map((c) => c.career_id))],
    linksOf: (system, code) => [...(linksFrom.get(key(system, code)) ?? []), ...(linksTo.get(key(system, code)) ?? [])],
  }
}

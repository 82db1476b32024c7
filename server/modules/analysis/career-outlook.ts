/**
 * The figures matching filters on, per career, from the national U.S. statistics its SOC code carries:
 * annual median pay (BLS OEWS, else the projections' wage), projected employment change in percent
 * (BLS Employment Projections) and typical entry education (BLS), with the education ranked on the
 * BLS ladder so "at most an associate's degree" can be asked. A career without a SOC code (an ESCO-only
 * occupation) has none of them, and a filter on a figure leaves it out — the answer says so.
 */
import type { CatalogIndex } from '../careers/index.js'
import { groupBy } from '../careers/career-index.js'

export const EDUCATION_LADDER = [
  'No formal educational credential',
  'High school diploma or equivalent',
  'Some college, no degree',
  'Postsecondary nondegree award',
  "Associate's degree",
  "Bachelor's degree",
  "Master's degree",
  'Doctoral or professional degree',
] as const

export type EducationLevel = 'none' | 'high-school' | 'some-college' | 'postsecondary-award' | 'associate' | 'bachelor' | 'master' | 'doctoral'
export const EDUCATION_LEVELS: readonly EducationLevel[] = ['none', 'high-school', 'some-college', 'postsecondary-award', 'associate', 'bachelor', 'master', 'doctoral']

export interface CareerOutlook {
  /** Annual median pay in USD, national. */
  pay: { value: number; source: string; period: string | null } | null
  growthPercent: { value: number; source: string; period: string | null } | null
  education: { level: EducationLevel; label: string; source: string } | null
}

const NONE: CareerOutlook = { pay: null, growthPercent: null, education: null }

export const careerOutlook = (index: CatalogIndex): ((careerId: string) => CareerOutlook) => {
  const map = index.derived('analysis-career-outlook', build)
  return (careerId) => map.get(careerId) ?? NONE
}

function socCodes(codes: readonly { system: string; code: string }[]): string[] {
  const out: string[] = []
  for (const c of codes) {
    const soc = c.system === 'soc-2018' ? c.code : c.system === 'onet-soc' ? c.code.slice(0, 7) : null
    if (soc && !out.includes(soc)) out.push(soc)
  }
  return out
}

function build(index: CatalogIndex): Map<string, CareerOutlook> {
  const { rows } = index
  const facts = groupBy(rows.occupationFacts.filter((f) => f.system === 'soc-2018' && f.place_id === 'united-states'), (f) => f.code)
  const attributes = groupBy(rows.occupationAttributes.filter((a) => a.system === 'soc-2018' && a.key === 'typical-entry-education'), (a) => a.code)
  const codes = groupBy(rows.careerCodes, (c) => c.career_id)
  const result = new Map<string, CareerOutlook>()
  for (const career of rows.careers) {
    const outlook: { -readonly [K in keyof CareerOutlook]: CareerOutlook[K] } = { pay: null, growthPercent: null, education: null }
    for (const soc of socCodes(codes.get(career.id) ?? [])) {
      const list = facts.get(soc) ?? []
      if (!outlook.pay) {
        const pays = list.filter((f) => f.kind === 'salary' && f.statistic === 'median' && f.unit === 'per-year' && f.value !== null)
        const pay = pays.find((f) => f.source_id.startsWith('bls-oews')) ?? pays[0]
        if (pay) outlook.pay = { value: pay.value!, source: pay.source_id, period: pay.period }
      }
      if (!outlook.growthPercent) {
        const growth = list.find((f) => f.kind === 'growth' && f.statistic === 'percent-change' && f.value !== null)
        if (growth) outlook.growthPercent = { value: growth.value!, source: growth.source_id, period: growth.period }
      }
      if (!outlook.education) {
        const attribute = attributes.get(soc)?.[0]
        const rank = attribute ? EDUCATION_LADDER.indexOf(attribute.value as (typeof EDUCATION_LADDER)[number]) : -1
        if (attribute && rank >= 0) outlook.education = { level: EDUCATION_LEVELS[rank]!, label: attribute.value, source: attribute.source_id }
      }
    }
    if (outlook.pay || outlook.growthPercent || outlook.education) result.set(career.id, outlook)
  }
  return result
}

/**
 * Typed, defensive reads of the imported parts of a profile, pure. `attributes` is an open record in
 * the API (each dataset brings its own), so every value is checked before a page shows it: a shape
 * the page does not know is left out rather than printed wrongly.
 */
import type { CareerProfile } from '../../shared/schemas.js'

export interface Category {
  category: number
  label: string
  percent: number
}

export interface Interest {
  code: string
  name: string
  score: number
}

export interface EscoDetails {
  iscoGroup: string | null
  code: string | null
  scopeNote: string | null
  /** True for a profession ESCO marks as regulated, false for unregulated, null when not stated. */
  regulated: boolean | null
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null)
const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

/** O*NET's education, experience and training distributions (`education`, `relatedExperience`…). */
export type DistributionKey = 'education' | 'relatedExperience' | 'onSiteTraining' | 'onTheJobTraining'

export function categories(attributes: CareerProfile['attributes'], key: DistributionKey): Category[] {
  const list = attributes[key]
  if (!Array.isArray(list)) return []
  return list.flatMap((entry: unknown) => {
    if (!isRecord(entry)) return []
    const category = finite(entry.category)
    const label = text(entry.label)
    const percent = finite(entry.percent)
    return category === null || label === null || percent === null ? [] : [{ category, label, percent }]
  })
}

/**
 * The categories most respondents chose, largest share first (ties in category order); empty
 * shares are left out. O*NET labels run to a paragraph, so each keeps only its name.
 */
export function topCategories(list: readonly Category[], limit: number): Category[] {
  return list
    .filter((c) => c.percent > 0)
    .sort((a, b) => b.percent - a.percent || a.category - b.category)
    .slice(0, limit)
    .map((c) => ({ ...c, label: shortCategoryLabel(c.label) }))
}

/** `Post-Secondary Certificate - awarded for training…` → `Post-Secondary Certificate`. */
export const shortCategoryLabel = (label: string): string => label.split(' - ')[0]!.trim()

/** RIASEC interests, strongest first. */
export function interests(attributes: CareerProfile['attributes']): Interest[] {
  const list = attributes.interests
  if (!Array.isArray(list)) return []
  return list
    .flatMap((entry: unknown) => {
      if (!isRecord(entry)) return []
      const code = text(entry.code)
      const name = text(entry.name)
      const score = finite(entry.score)
      return code === null || name === null || score === null ? [] : [{ code, name, score }]
    })
    .sort((a, b) => b.score - a.score)
}

/** ESCO's own details of an occupation; null for careers from elsewhere. */
export function escoDetails(profile: Pick<CareerProfile, 'origin' | 'attributes'>): EscoDetails | null {
  if (profile.origin !== 'esco') return null
  const a = profile.attributes
  const regulation = text(a.regulatedProfessionNote)
  return {
    iscoGroup: text(a.iscoGroup),
    code: text(a.code),
    scopeNote: text(a.scopeNote),
    // ESCO states it as a concept URI ending in /regulated or /unregulated.
    regulated: regulation === null ? null : regulation.endsWith('/regulated') ? true : regulation.endsWith('/unregulated') ? false : null,
  }
}

/**
 * Sources the career itself was imported from: the ones that give its own (exact) codes. Sections
 * built from the dataset's rows (tasks, job zone, interests) cite these.
 */
export function datasetSourceIds(profile: Pick<CareerProfile, 'origin' | 'codes'>): string[] {
  if (profile.origin === 'catalog') return []
  return [...new Set(profile.codes.filter((c) => c.granularity === 'exact').flatMap((c) => c.sources))]
}

/** Tasks as O*NET ranks them: core (critical to the job), then supplemental, then any without a type. */
export function tasksByType(tasks: CareerProfile['tasks']): { core: string[]; supplemental: string[]; untyped: string[] } {
  const of = (type: string | null) => tasks.filter((t) => (t.type?.toLowerCase() ?? null) === type).map((t) => t.text)
  return { core: of('core'), supplemental: of('supplemental'), untyped: tasks.filter((t) => !['core', 'supplemental'].includes(t.type?.toLowerCase() ?? '')).map((t) => t.text) }
}

/** `Artificial Intelligence.` → `Artificial Intelligence` (CIP titles end with a full stop). */
export const programmeTitle = (title: string): string => title.replace(/\.\s*$/, '')

const REQUIREMENTS: Record<string, string> = {
  'typical-entry-education': 'Typical education needed to start',
  'work-experience': 'Work experience in a related occupation',
  'on-the-job-training': 'Typical on-the-job training once hired',
}
export const REQUIREMENT_KEYS = Object.keys(REQUIREMENTS)
export const requirementWords = (key: string): string => REQUIREMENTS[key] ?? key

/** BLS requirements by occupation code, in the order of REQUIREMENT_KEYS, keys it does not know last. */
export function requirementsByCode(requirements: CareerProfile['requirements']): Map<string, CareerProfile['requirements']> {
  const rank = (key: string) => (REQUIREMENT_KEYS.includes(key) ? REQUIREMENT_KEYS.indexOf(key) : REQUIREMENT_KEYS.length)
  const byCode = new Map<string, CareerProfile['requirements']>()
  for (const r of requirements) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r])
  for (const [code, list] of byCode) byCode.set(code, [...list].sort((a, b) => rank(a.key) - rank(b.key)))
  return byCode
}

/** The SOC 2018 title the profile gives a code, else the code alone. */
export function occupationName(profile: Pick<CareerProfile, 'codes'>, socCode: string): string {
  const code = profile.codes.find((c) => c.system === 'soc-2018' && c.code === socCode)
  return code ? `${code.title} (SOC ${socCode})` : `SOC ${socCode}`
}

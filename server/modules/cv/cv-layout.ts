/**
 * What a rendered CV shows, shared by the HTML and PDF templates: the sections in the learner's
 * order (those left out of `layout.order` follow in the default order), without hidden or empty
 * ones, skills without hidden ones; headings; dates and levels as people read them.
 */
import { LEVEL_NAMES } from '../analysis/index.js'
import { SECTION_KINDS, type Cv, type SectionKind } from './cv.schema.js'

export const SECTION_TITLES: Record<SectionKind, string> = {
  work: 'Experience',
  education: 'Education',
  projects: 'Projects',
  skills: 'Skills',
  certificates: 'Certificates',
  languages: 'Languages',
}

/** The section kinds in the learner's order, hidden ones included. */
export function sectionOrder(cv: Cv): SectionKind[] {
  const chosen = cv.layout?.order ?? []
  return [...new Set([...chosen, ...SECTION_KINDS])]
}

/** The sections a rendering shows, in order: not hidden, not empty once hidden skills are left out. */
export function shownSections(cv: Cv): SectionKind[] {
  const hidden = new Set(cv.layout?.hidden ?? [])
  return sectionOrder(cv).filter((kind) => {
    if (hidden.has(kind)) return false
    return kind === 'skills' ? cv.skills.some((s) => !s.hidden) : cv[kind].length > 0
  })
}

export const shownSkills = (cv: Cv): Cv['skills'] => cv.skills.filter((s) => !s.hidden)

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** 2024-03-15 → Mar 2024; 2024 stays 2024. */
export function readableDate(date: string | undefined): string {
  if (!date) return ''
  const [year, month] = date.split('-')
  const name = month === undefined ? undefined : MONTHS[Number(month) - 1]
  return name ? `${name} ${year}` : (year ?? '')
}

/** "Mar 2023 – Present", "2019 – 2022", "Jun 2024"; empty without dates. */
export function period(item: { startDate?: string; endDate?: string }, ongoing = true): string {
  const start = readableDate(item.startDate)
  const end = readableDate(item.endDate)
  if (start && end) return `${start} – ${end}`
  if (start) return ongoing ? `${start} – Present` : start
  return end
}

/** The passport level as a word (intermediate), empty without one. */
export const levelName = (level: number | undefined): string => (level === undefined ? '' : (LEVEL_NAMES[level] ?? ''))

export const locationLine = (location: Cv['basics']['location']): string =>
  [location?.city, location?.region, location?.countryCode].filter((p) => p && p.trim()).join(', ')

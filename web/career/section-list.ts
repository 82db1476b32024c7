/**
 * The career page's sections in reading order: anchor id, heading and whether the profile has
 * anything to show. Both the sections and the table of contents read this list, so a contents link
 * never points at a section that was left out.
 */
import type { CareerProfile } from '../../shared/schemas.js'

export interface SectionInfo {
  id: string
  title: string
  has: (profile: CareerProfile) => boolean
}

const some = (...lists: readonly unknown[][]) => lists.some((l) => l.length > 0)

export const SECTIONS = {
  glance: { id: 'at-a-glance', title: 'At a glance', has: () => true },
  codes: { id: 'codes', title: 'How official statistics classify this job', has: (p) => some(p.codes) },
  pay: {
    id: 'pay', title: 'Pay',
    has: (p) => some(p.salaryPanel.rows, p.salaryPanel.cities, p.salaryPanel.ranges),
  },
  outlook: { id: 'outlook', title: 'Outlook', has: (p) => p.facts.some((f) => f.kind !== 'salary') },
  skills: { id: 'skills', title: 'Skills', has: (p) => some(p.skills.sets) },
  credentials: { id: 'credentials', title: 'Credentials', has: (p) => some(p.credentials) },
  gettingStarted: {
    id: 'getting-started', title: 'How to get started',
    has: (p) => some(p.pathway.gettingStarted, p.education?.alternatives ?? []),
  },
  careerPath: {
    id: 'career-path', title: 'Career path',
    has: (p) => some(p.pathway.traditionalPath, p.pathway.progression, p.pathway.advancement),
  },
  work: {
    id: 'the-work', title: 'What the work involves',
    has: (p) => some(p.responsibilities, p.projects, p.personalityTraits),
  },
  practise: { id: 'practise', title: 'Practise and grow', has: (p) => some(p.selfGuidedProjects, p.growthOpportunities) },
  resources: { id: 'resources', title: 'Courses and reading', has: (p) => some(p.resources) },
  specialisations: { id: 'specialisations', title: 'Specialisation tracks', has: (p) => some(p.specialisations) },
  related: { id: 'related', title: 'Related careers', has: (p) => some(p.related) },
  faq: { id: 'faq', title: 'Questions people ask', has: (p) => some(p.faq) },
  sources: { id: 'sources', title: 'Sources', has: (p) => some(p.sources) },
} satisfies Record<string, SectionInfo>

/** Sections the profile has content for, in page order. */
export const presentSections = (profile: CareerProfile): SectionInfo[] =>
  Object.values(SECTIONS).filter((s: SectionInfo) => s.has(profile))

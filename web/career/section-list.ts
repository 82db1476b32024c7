/**
 * The career page's sections: anchor id, heading and whether the profile has anything to show, and
 * the order they come in. Both the sections and the table of contents read this list, so a contents
 * link never points at a section that was left out. Curated pathways lead with pay and the way in;
 * imported occupations lead with what the work involves, which is most of what their datasets say.
 */
import type { CareerProfile } from '../../shared/schemas.js'
import { categories, interests } from './imported-data.js'

export interface SectionInfo {
  id: string
  title: string
  has: (profile: CareerProfile) => boolean
}

const some = (...lists: readonly unknown[][]) => lists.some((l) => l.length > 0)

export const SECTIONS = {
  glance: {
    id: 'at-a-glance', title: 'At a glance',
    // Mirrors the tiles at-a-glance.tsx draws: pay, growth, postings, education, experience, highlights.
    has: (p) =>
      p.salaryPanel.reference !== null || p.education !== null || p.experience !== null || some(p.highlights) ||
      p.facts.some((f) => f.subject === null && (f.kind === 'growth' || f.kind === 'job-postings')) ||
      p.requirements.some((r) => r.key === 'typical-entry-education'),
  },
  codes: { id: 'codes', title: 'How official statistics classify this job', has: (p) => some(p.codes) },
  pay: {
    id: 'pay', title: 'Pay',
    has: (p) => some(p.salaryPanel.rows, p.salaryPanel.cities, p.salaryPanel.ranges, p.salaryPanel.distributions),
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
    has: (p) => some(p.responsibilities, p.projects, p.personalityTraits, p.tasks),
  },
  education: {
    id: 'education', title: 'Education and entry',
    has: (p) => p.jobZone !== null || some(p.requirements, categories(p.attributes, 'education')),
  },
  interests: { id: 'interests', title: 'Interests', has: (p) => some(interests(p.attributes)) },
  programmes: { id: 'programmes', title: 'Programmes of study', has: (p) => some(p.programmes) },
  equivalents: { id: 'matching-occupations', title: 'Matching occupations', has: (p) => some(p.equivalents) },
  practise: { id: 'practise', title: 'Practise and grow', has: (p) => some(p.selfGuidedProjects, p.growthOpportunities) },
  resources: { id: 'resources', title: 'Courses and reading', has: (p) => some(p.resources) },
  specialisations: { id: 'specialisations', title: 'Specialisation tracks', has: (p) => some(p.specialisations) },
  related: { id: 'related', title: 'Related careers', has: (p) => some(p.related) },
  faq: { id: 'faq', title: 'Questions people ask', has: (p) => some(p.faq) },
  sources: { id: 'sources', title: 'Sources', has: (p) => some(p.sources) },
} satisfies Record<string, SectionInfo>

export type SectionKey = keyof typeof SECTIONS

const CURATED_ORDER: readonly SectionKey[] = [
  'glance', 'codes', 'pay', 'outlook', 'skills', 'credentials', 'gettingStarted', 'education', 'programmes', 'careerPath',
  'work', 'practise', 'resources', 'specialisations', 'related', 'equivalents', 'interests', 'faq', 'sources',
]
const IMPORTED_ORDER: readonly SectionKey[] = [
  'glance', 'work', 'codes', 'pay', 'outlook', 'education', 'skills', 'interests', 'programmes', 'credentials',
  'gettingStarted', 'careerPath', 'practise', 'resources', 'specialisations', 'related', 'equivalents', 'faq', 'sources',
]

/** Every section, in the order the profile's kind of career reads best. */
export const sectionOrder = (profile: Pick<CareerProfile, 'origin'>): readonly SectionKey[] =>
  profile.origin === 'catalog' ? CURATED_ORDER : IMPORTED_ORDER

/** Sections the profile has content for, in page order. */
export const presentSections = (profile: CareerProfile): (SectionInfo & { key: SectionKey })[] =>
  sectionOrder(profile).flatMap((key) => (SECTIONS[key].has(profile) ? [{ ...SECTIONS[key], key }] : []))


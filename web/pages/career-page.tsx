/**
 * The career page: the whole profile, organised for a learner — what the job is, pay from every
 * source side by side, outlook, education and entry, skills, credentials, how to start and progress,
 * matching occupations elsewhere — ending with the sources and their attribution. The order depends
 * on the kind of career (section-list.ts); each section renders only when it has something to show.
 */
import type { ReactNode } from 'react'
import type { CareerProfile } from '../../shared/schemas.js'
import { AtAGlance } from '../career/at-a-glance.js'
import { CareerIntro, CodesSection } from '../career/career-intro.js'
import { CredentialsSection } from '../career/credentials-section.js'
import { EducationSection } from '../career/education-section.js'
import { FaqSection, RelatedSection, ResourcesSection, SpecialisationsSection } from '../career/more-sections.js'
import { EquivalentsSection, InterestsSection, ProgrammesSection } from '../career/occupation-sections.js'
import { OutlookSection } from '../career/outlook-section.js'
import { CareerPathSection, GettingStartedSection } from '../career/pathway-sections.js'
import { SalarySection } from '../career/salary-section.js'
import { presentSections, type SectionKey } from '../career/section-list.js'
import { SkillsSection } from '../career/skills-section.js'
import { SourcesSection } from '../career/sources-section.js'
import { PractiseSection, WorkSection } from '../career/work-sections.js'
import { SourcesContext } from '../ui/sources.js'

const SECTION_VIEWS: Record<SectionKey, (props: { profile: CareerProfile }) => ReactNode> = {
  glance: AtAGlance,
  codes: CodesSection,
  pay: SalarySection,
  outlook: OutlookSection,
  skills: SkillsSection,
  credentials: CredentialsSection,
  gettingStarted: GettingStartedSection,
  careerPath: CareerPathSection,
  work: WorkSection,
  education: EducationSection,
  interests: InterestsSection,
  programmes: ProgrammesSection,
  equivalents: EquivalentsSection,
  practise: PractiseSection,
  resources: ResourcesSection,
  specialisations: SpecialisationsSection,
  related: RelatedSection,
  faq: FaqSection,
  sources: SourcesSection,
}

function TableOfContents({ sections }: { sections: readonly { id: string; title: string }[] }) {
  return (
    <nav aria-labelledby="toc-heading" className="toc">
      <h2 id="toc-heading">On this page</h2>
      <ol>
        {sections.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`}>{s.title}</a>
          </li>
        ))}
      </ol>
    </nav>
  )
}

export function CareerPage({ profile }: { profile: CareerProfile }) {
  const sources = new Map(profile.sources.map((s) => [s.id, s]))
  const sections = presentSections(profile)
  return (
    <SourcesContext.Provider value={sources}>
      <article className="career">
        <CareerIntro profile={profile} />
        <TableOfContents sections={sections} />
        {sections.map(({ key }) => {
          const View = SECTION_VIEWS[key]
          return <View key={key} profile={profile} />
        })}
      </article>
    </SourcesContext.Provider>
  )
}

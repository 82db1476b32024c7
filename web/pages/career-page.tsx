/**
 * The career page: the whole profile, organised for a learner — what the job is, pay from every
 * source side by side, outlook, skills, credentials, how to start and progress — ending with the
 * sources and their attribution.
 */
import type { CareerProfile } from '../../shared/schemas.js'
import { AtAGlance } from '../career/at-a-glance.js'
import { CareerIntro, CodesSection } from '../career/career-intro.js'
import { CredentialsSection } from '../career/credentials-section.js'
import { FaqSection, RelatedSection, ResourcesSection, SpecialisationsSection } from '../career/more-sections.js'
import { OutlookSection } from '../career/outlook-section.js'
import { CareerPathSection, GettingStartedSection } from '../career/pathway-sections.js'
import { SalarySection } from '../career/salary-section.js'
import { presentSections } from '../career/section-list.js'
import { SkillsSection } from '../career/skills-section.js'
import { SourcesSection } from '../career/sources-section.js'
import { PractiseSection, WorkSection } from '../career/work-sections.js'
import { SourcesContext } from '../ui/sources.js'

function TableOfContents({ profile }: { profile: CareerProfile }) {
  return (
    <nav aria-labelledby="toc-heading" className="toc">
      <h2 id="toc-heading">On this page</h2>
      <ol>
        {presentSections(profile).map((s) => (
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
  return (
    <SourcesContext.Provider value={sources}>
      <article className="career">
        <CareerIntro profile={profile} />
        <TableOfContents profile={profile} />
        <AtAGlance profile={profile} />
        <CodesSection profile={profile} />
        <SalarySection profile={profile} />
        <OutlookSection profile={profile} />
        <SkillsSection profile={profile} />
        <CredentialsSection profile={profile} />
        <GettingStartedSection profile={profile} />
        <CareerPathSection profile={profile} />
        <WorkSection profile={profile} />
        <PractiseSection profile={profile} />
        <ResourcesSection profile={profile} />
        <SpecialisationsSection profile={profile} />
        <RelatedSection profile={profile} />
        <FaqSection profile={profile} />
        <SourcesSection profile={profile} />
      </article>
    </SourcesContext.Provider>
  )
}

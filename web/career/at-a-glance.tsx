/**
 * "At a glance": one headline figure per topic, each with its source and period, and a pointer to
 * the section that shows the rest. Pay is the panel's reference figure, never a blend of sources.
 */
import type { ReactNode } from 'react'
import type { CareerProfile, Fact } from '../../shared/schemas.js'
import { formatNumber, scopeLabel } from '../format.js'
import { ItemList, Section } from '../ui/blocks.js'
import { FactSourceLine, SourceLinks } from '../ui/sources.js'
import { SECTIONS } from './section-list.js'

/**
 * The flagged reference of a kind, else the newest figure, preferring a statistic when given (growth
 * as a percentage reads better than as a count of jobs); `others` counts the rest.
 */
export function headlineFact(facts: readonly Fact[], kind: string, prefer?: string): { fact: Fact | null; others: number } {
  const ofKind = facts.filter((f) => f.kind === kind && f.subject === null)
  const newest = [...ofKind].sort((a, b) => (b.period?.endYear ?? 0) - (a.period?.endYear ?? 0))
  const fact = ofKind.find((f) => f.reference) ?? newest.find((f) => f.statistic === prefer) ?? newest[0] ?? null
  return { fact, others: Math.max(0, ofKind.length - 1) }
}

/** BLS's typical entry education, the same for every code (else the first code's, named). */
function blsEducation(profile: CareerProfile): { value: string; source: string } | null {
  const all = profile.requirements.filter((r) => r.key === 'typical-entry-education')
  const first = all[0]
  if (!first) return null
  return { value: all.every((r) => r.value === first.value) ? first.value : `${first.value} (SOC ${first.code})`, source: first.source }
}

function Tile({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="glance-item">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}

function FactTile({ term, fact, more }: { term: string; fact: Fact | null; more: ReactNode }) {
  if (!fact) return null
  return (
    <Tile term={term}>
      <p className="figure">{fact.display}</p>
      <p className="figure-scope">
        {scopeLabel(fact.scope)}, {fact.place.name}
      </p>
      <FactSourceLine fact={fact} />
      {more}
    </Tile>
  )
}

const moreLink = (count: number, href: string, what: string) =>
  count > 0 ? (
    <p className="more">
      <a href={href}>
        {count} more {what}
      </a>
    </p>
  ) : null

export function AtAGlance({ profile }: { profile: CareerProfile }) {
  const pay = profile.salaryPanel.reference
  const payCount = profile.salaryPanel.rows.length + profile.salaryPanel.cities.length
  const growth = headlineFact(profile.facts, 'growth', 'percent-change')
  const postings = headlineFact(profile.facts, 'job-postings')
  const { education, experience } = profile
  const entry = education ? null : blsEducation(profile)
  if (!SECTIONS.glance.has(profile)) return null
  return (
    <Section info={SECTIONS.glance}>
      <dl className="glance">
        <FactTile term="Typical pay" fact={pay} more={moreLink(payCount - 1, '#pay', `pay figure${payCount === 2 ? '' : 's'} compared below`)} />
        <FactTile term="Job growth" fact={growth.fact} more={moreLink(growth.others, '#outlook', 'in the outlook')} />
        {education ? (
          <Tile term="Typical education">
            <p className="figure">{education.typical}</p>
            {education.fields.length > 0 ? <p className="figure-scope">Usually in {education.fields.join(', ')}</p> : null}
            <SourceLinks ids={education.sources} />
          </Tile>
        ) : null}
        {entry ? (
          <Tile term="Typical entry education">
            <p className="figure">{entry.value}</p>
            <p className="figure-scope">What most people need to start in this occupation</p>
            <SourceLinks ids={[entry.source]} />
            <p className="more">
              <a href={`#${SECTIONS.education.id}`}>More on education and entry</a>
            </p>
          </Tile>
        ) : null}
        {experience ? (
          <Tile term="Experience asked for">
            <p className="figure">
              {experience.min === experience.max ? formatNumber(experience.min) : `${formatNumber(experience.min)}–${formatNumber(experience.max)}`} {experience.unit}
            </p>
            <SourceLinks ids={[experience.source]} />
          </Tile>
        ) : null}
        <FactTile term="Job postings" fact={postings.fact} more={moreLink(postings.others, '#outlook', 'in the outlook')} />
      </dl>
      {profile.highlights.length > 0 ? (
        <>
          <h3>Why people choose this work</h3>
          <ItemList items={profile.highlights} />
        </>
      ) : null}
    </Section>
  )
}

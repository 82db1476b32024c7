/**
 * Outlook: every non-pay figure — projected growth, job postings, employment, openings and
 * designations such as O*NET's Bright Outlook — grouped by kind, each with its scope and source.
 */
import type { CareerProfile, Fact } from '../../shared/schemas.js'
import { factKindWords, figureMeaning, scopeLabel, scopeRelationWords } from '../format.js'
import { Section } from '../ui/blocks.js'
import { FactSourceLine } from '../ui/sources.js'
import { SECTIONS } from './section-list.js'

const ORDER = ['growth', 'openings', 'employment', 'job-postings', 'outlook']

const KIND_NOTES: Record<string, string> = {
  growth: 'Projections compare the number of jobs at the start and end of a period. Official projections cover whole occupations, so they can include work other than this role.',
  openings: 'Openings come from new jobs and from people leaving the occupation, for example to retire or change careers, so there are usually many more openings than new jobs.',
  employment: 'How many jobs the occupation has. Figures differ by what they count: wage surveys leave out the self-employed, projections include them.',
  'job-postings': 'A count of job advertisements on one date or over a short window. Counts move quickly and depend on which sites the source watches.',
  outlook: 'A designation is a label an official database gives an occupation, rather than a number.',
}

/** Designations explained in our own words, keyed by a word in the label. */
function designationNote(fact: Fact): string | null {
  if (fact.statistic !== 'designation') return null
  if (/bright outlook/i.test(fact.display)) {
    return 'O*NET gives this label to occupations it expects to grow much faster than average or to have many job openings in the coming years.'
  }
  return null
}

function FactCard({ fact }: { fact: Fact }) {
  const note = designationNote(fact)
  return (
    <li className="fact-card">
      <p className="figure">{fact.display}</p>
      <p>
        {figureMeaning(fact)}, {fact.place.name}.
      </p>
      <p className="figure-scope">
        Covers {scopeLabel(fact.scope)}: {scopeRelationWords(fact.scope.relation)}.
      </p>
      {note ? <p>{note}</p> : null}
      {fact.note ? <p className="cell-note">{fact.note}</p> : null}
      <FactSourceLine fact={fact} />
    </li>
  )
}

export function outlookFacts(profile: CareerProfile): Map<string, Fact[]> {
  const groups = new Map<string, Fact[]>()
  const rank = (kind: string) => (ORDER.includes(kind) ? ORDER.indexOf(kind) : ORDER.length)
  const facts = profile.facts.filter((f) => f.kind !== 'salary').sort((a, b) => rank(a.kind) - rank(b.kind))
  for (const fact of facts) groups.set(fact.kind, [...(groups.get(fact.kind) ?? []), fact])
  return groups
}

export function OutlookSection({ profile }: { profile: CareerProfile }) {
  if (!SECTIONS.outlook.has(profile)) return null
  const groups = outlookFacts(profile)
  return (
    <Section info={SECTIONS.outlook}>
      {[...groups].map(([kind, facts]) => (
        <div key={kind} className="fact-group">
          <h3>{factKindWords(kind)}</h3>
          {KIND_NOTES[kind] ? <p>{KIND_NOTES[kind]}</p> : null}
          <ul className="fact-cards">
            {facts.map((fact) => (
              <FactCard key={fact.id} fact={fact} />
            ))}
          </ul>
        </div>
      ))}
    </Section>
  )
}

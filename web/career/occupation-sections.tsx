/**
 * Sections from the occupation datasets: work interests (O*NET's RIASEC scores), programmes of study
 * that lead to the occupation (NCES CIP ↔ SOC) and matching occupations in the other taxonomy
 * (ESCO ↔ O*NET), each saying how it was matched.
 */
import type { CareerProfile } from '../../shared/schemas.js'
import { codeSystemName, crosswalkWords, displayTitle, equivalentGranularityWords, formatNumber, taxonomyOf, taxonomyWords } from '../format.js'
import { interestHref } from '../links.js'
import { Section, TableRegion } from '../ui/blocks.js'
import { Fold } from '../ui/fold.js'
import { SourceLinks } from '../ui/sources.js'
import { datasetSourceIds, interests, occupationName, programmeTitle } from './imported-data.js'
import { SECTIONS } from './section-list.js'

/** Programmes and matching occupations shown per group before the rest fold away. */
export const PROGRAMMES_SHOWN = 10
export const EQUIVALENTS_SHOWN = 10

/** The six Holland (RIASEC) interest types, in our words. */
const INTEREST_MEANINGS: Record<string, string> = {
  R: 'Practical, hands-on work with tools, machines, materials, plants or animals.',
  I: 'Working with ideas: researching, analysing and solving problems.',
  A: 'Creating and designing, with room for self-expression and few set routines.',
  S: 'Helping, teaching, advising or caring for people.',
  E: 'Leading, persuading and selling; starting and running projects.',
  C: 'Following set procedures, keeping data and details in order.',
}

export function InterestsSection({ profile }: { profile: CareerProfile }) {
  const list = interests(profile.attributes)
  if (list.length === 0) return null
  const strongest = list.slice(0, 3).map((i) => i.name)
  return (
    <Section info={SECTIONS.interests}>
      <p>
        O*NET rates how well each of six kinds of work interest fits this occupation, from 1 (poorly) to 7 (very well).
        People tend to enjoy work that matches their interests. The strongest here: {strongest.join(', ')}.
      </p>
      <TableRegion label="Work interests">
        <table>
          <caption>Work interests (RIASEC), strongest first</caption>
          <thead>
            <tr>
              <th scope="col">Interest</th>
              <th scope="col">Score (1–7)</th>
              <th scope="col">What it means</th>
            </tr>
          </thead>
          <tbody>
            {list.map((interest) => (
              <tr key={interest.code}>
                <th scope="row">
                  <a href={interestHref(interest.code)}>{interest.name}</a>
                </th>
                <td className="figure-cell">{interest.score.toFixed(1)}</td>
                <td>{INTEREST_MEANINGS[interest.code] ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <SourceLinks ids={datasetSourceIds(profile)} />
    </Section>
  )
}

type Programme = CareerProfile['programmes'][number]

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
  return groups
}

function ProgrammeList({ programmes }: { programmes: readonly Programme[] }) {
  return (
    <Fold
      items={programmes}
      first={PROGRAMMES_SHOWN}
      noun="programmes"
      render={(items) => (
        <ul className="code-items">
          {items.map((p) => (
            <li key={p.cipCode}>
              <span className="code-cell">{p.cipCode}</span> {programmeTitle(p.title)}
            </li>
          ))}
        </ul>
      )}
    />
  )
}

export function ProgrammesSection({ profile }: { profile: CareerProfile }) {
  if (!SECTIONS.programmes.has(profile)) return null
  const bySoc = groupBy(profile.programmes, (p) => p.socCode)
  const sources = [...new Set(profile.programmes.map((p) => p.source))]
  return (
    <Section info={SECTIONS.programmes}>
      <p>
        College and university programmes that prepare people for this occupation, by their CIP 2020 code (the US
        Classification of Instructional Programs). Other routes in can work too.
      </p>
      {[...bySoc].map(([soc, programmes]) =>
        bySoc.size > 1 ? (
          <div key={soc}>
            <h3>For {occupationName(profile, soc)}</h3>
            <ProgrammeList programmes={programmes} />
          </div>
        ) : (
          <ProgrammeList key={soc} programmes={programmes} />
        ),
      )}
      <SourceLinks ids={sources} />
    </Section>
  )
}

type Equivalent = CareerProfile['equivalents'][number]

/** How each match was made, in a few words beside it; the group explains each crosswalk in full. */
const VIA_SHORT: Record<string, string> = {
  'nesta-crosswalk': '(Nesta crosswalk)',
  'isco-soc': '(group-level match, ISCO-08 ↔ SOC)',
  'shared-code': '(same code)',
}
const VIA_LABELS: Record<string, string> = {
  'nesta-crosswalk': 'Crosswalk matches: ',
  'isco-soc': 'Group-level matches: ',
  'shared-code': 'Same code: ',
}

/**
 * How the match relates to this career. A shared code says only that both are filed under one code
 * (two curated careers under one broad code are not "wider" than each other), so it is said as such.
 */
function matchWords(e: Equivalent): string {
  if (e.via !== 'shared-code') return equivalentGranularityWords(e.granularity)
  return e.system === 'esco' ? 'Filed under the same ESCO occupation.' : `Filed under the same ${codeSystemName(e.system)} code, ${e.code}.`
}

export function EquivalentsSection({ profile }: { profile: CareerProfile }) {
  if (!SECTIONS.equivalents.has(profile)) return null
  const byTaxonomy = groupBy(profile.equivalents, (e) => taxonomyOf(e.system))
  return (
    <Section info={SECTIONS.equivalents}>
      <p>
        The same kind of work as other classifications of occupations file it. A match can be the same occupation, a wider
        or narrower one, or only a related one; each entry says which.
      </p>
      {[...byTaxonomy].map(([taxonomy, list]) => (
        <EquivalentGroup key={taxonomy} taxonomy={taxonomy} list={list} />
      ))}
    </Section>
  )
}

function EquivalentGroup({ taxonomy, list }: { taxonomy: string; list: readonly Equivalent[] }) {
  const vias = [...new Set(list.map((e) => e.via))]
  const sources = [...new Set(list.flatMap((e) => (e.source ? [e.source] : [])))]
  return (
    <>
      <h3>
        In {taxonomyWords(taxonomy)} ({formatNumber(list.length)})
      </h3>
      <Fold
        items={list}
        first={EQUIVALENTS_SHOWN}
        noun="matching occupations"
        render={(items) => (
          <ul className="item-list compact">
            {items.map((e) => (
              <li key={`${e.slug}-${e.code}`}>
                <a className="item-title" href={`/careers/${encodeURIComponent(e.slug)}`}>
                  {displayTitle(e.title)}
                </a>
                <span className="item-text">
                  {matchWords(e)} <span className="item-meta-inline">{VIA_SHORT[e.via] ?? e.via}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      />
      {vias.map((via) => (
        <p key={via} className={via === 'isco-soc' ? 'notice' : 'source-line'}>
          {vias.length > 1 || via === 'isco-soc' ? <strong>{VIA_LABELS[via] ?? 'Other matches: '}</strong> : null}
          {crosswalkWords(via)}
        </p>
      ))}
      <SourceLinks ids={sources} />
    </>
  )
}

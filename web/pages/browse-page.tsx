/**
 * Browsing without a search word: the landing page (the three field hierarchies, the six RIASEC
 * interests with their career counts, a search restricted to skills) and one page per interest,
 * listing the careers whose three strongest interests include it.
 */
import type { Interest, InterestCareers, Source } from '../../shared/schemas.js'
import { formatNumber } from '../format.js'
import { BROWSE_HREF, fieldSystemHref, interestHref, withQuery } from '../links.js'
import { Breadcrumb } from '../ui/breadcrumb.js'
import { CareerRefList } from '../ui/career-refs.js'
import { DatasetNote } from '../ui/dataset-note.js'
import { Pager } from '../ui/pager.js'
import { SearchForm } from '../ui/search-form.js'

export interface FieldSystemInfo {
  system: string
  title: string
  description: string
  /** Top-level groups. */
  groups: number
}

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`

function FieldSystems({ systems }: { systems: readonly FieldSystemInfo[] }) {
  const present = systems.filter((s) => s.groups > 0)
  return (
    <section aria-labelledby="by-field-heading">
      <h2 id="by-field-heading">By field</h2>
      {present.length === 0 ? <p>No careers have been filed under a field yet.</p> : null}
      <ul className="cards">
        {present.map((s) => (
          <li key={s.system} className="card">
            <h3 className="card-title">
              <a href={fieldSystemHref(s.system)}>{s.title}</a>
            </h3>
            <p>{s.description}</p>
            <p className="item-meta">{plural(s.groups, 'top-level group', 'top-level groups')}</p>
          </li>
        ))}
      </ul>
    </section>
  )
}

function Interests({ interests }: { interests: readonly Interest[] }) {
  return (
    <section aria-labelledby="by-interest-heading">
      <h2 id="by-interest-heading">By interest</h2>
      <p>
        O*NET rates every US occupation on six kinds of work interest (the RIASEC or Holland types). People tend to enjoy
        work that matches their interests. Each list holds the careers for which the interest is among the three
        strongest.
      </p>
      <ul className="cards">
        {interests.map((interest) => (
          <li key={interest.code} className="card">
            <h3 className="card-title">
              <a href={interestHref(interest.code)}>{interest.name}</a>
            </h3>
            <p>{interest.description}</p>
            <p className="item-meta">{plural(interest.careerCount, 'career', 'careers')}</p>
          </li>
        ))}
      </ul>
    </section>
  )
}

export function BrowsePage({ systems, interests, datasets }: { systems: readonly FieldSystemInfo[]; interests: readonly Interest[]; datasets: readonly Source[] }) {
  return (
    <>
      <h1>Browse careers</h1>
      <p className="lead">
        Find careers by the field they belong to, by what you like doing, or by a skill you have or want to use.
      </p>
      <FieldSystems systems={systems} />
      <Interests interests={interests} />
      <section aria-labelledby="by-skill-heading">
        <h2 id="by-skill-heading">By skill</h2>
        <p>Find a skill, then open it to see the careers that need it, most important first.</p>
        <SearchForm id="skill-q" label="Find a skill" type="skill" button="Find skills" />
      </section>
      <DatasetNote sources={datasets} />
    </>
  )
}

/** `ICR`, with the names of the letters for screen readers and on hover-free devices alike. */
function HollandCode({ code, interests }: { code: string; interests: readonly Pick<Interest, 'code' | 'name'>[] }) {
  const names = [...code].map((letter) => interests.find((i) => i.code === letter)?.name ?? letter)
  return (
    <>
      Holland code <span className="holland-code">{code}</span> <span className="item-meta-inline">({names.join(', ')})</span>
    </>
  )
}

export interface InterestPageProps {
  result: InterestCareers
  /** All six, to name the letters of Holland codes and link the other interests. */
  interests: readonly Interest[]
  /** Set when this is a later page (reached with a cursor). */
  cursor: string | null
  datasets: readonly Source[]
}

export function InterestPage({ result, interests, cursor, datasets }: InterestPageProps) {
  const { interest, items, total, nextCursor } = result
  const here = interestHref(interest.code)
  return (
    <>
      <Breadcrumb trail={[{ text: 'Browse', href: BROWSE_HREF }, { text: 'Interests', href: `${BROWSE_HREF}#by-interest-heading` }, { text: interest.name }]} />
      <h1>{interest.name} careers</h1>
      <p className="lead">{interest.description}</p>
      <p>
        {plural(total, 'career has', 'careers have')} {interest.name} among their three strongest interests, strongest
        first. O*NET scores how well each interest fits an occupation from 1 (poorly) to 7 (very well); the Holland
        code is the occupation’s three strongest interests in order.
      </p>
      {items.length > 0 ? (
        <CareerRefList
          items={items}
          career={(item) => item.career}
          meta={(item) => (
            <>
              {interest.name} score {item.score.toFixed(1)} of 7 · <HollandCode code={item.code} interests={interests} />
            </>
          )}
        />
      ) : (
        <p>No career has this interest among its strongest yet: interest scores come with the O*NET dataset.</p>
      )}
      <Pager label={`More ${interest.name} careers`} next={nextCursor ? withQuery(here, { cursor: nextCursor }) : null} first={cursor ? here : null} />
      <nav aria-labelledby="other-interests-heading" className="other-links">
        <h2 id="other-interests-heading">Other interests</h2>
        <ul className="inline-links">
          {interests
            .filter((i) => i.code !== interest.code)
            .map((i) => (
              <li key={i.code}>
                <a href={interestHref(i.code)}>{i.name}</a>
              </li>
            ))}
        </ul>
      </nav>
      <DatasetNote sources={datasets} />
    </>
  )
}

/**
 * Error pages. 404: an unknown career, field group, skill, interest, credential or resource, or a page
 * of a list that does not exist. 400: an address whose query the page cannot use (a broken "next page"
 * link, a filter with an impossible value). Each says so plainly and offers a way on: search, browse,
 * the curated career pathways and the list of every career.
 */
import type { CareerSummary } from '../../shared/schemas.js'
import { formatNumber } from '../format.js'
import { BROWSE_HREF } from '../links.js'
import { SearchForm } from '../ui/search-form.js'
import { CareerList, isCurated } from './home-page.js'

export type Missing = 'career' | 'list-page' | 'field' | 'skill' | 'interest' | 'credential' | 'resource'

export const MISSING: Record<Missing, { title: string; text: string }> = {
  'career': { title: 'Career not found', text: 'There is no career at this address. It may have been renamed, or the link may have a typing mistake.' },
  'list-page': { title: 'Page not found', text: 'The list of careers has no page with this number.' },
  'field': { title: 'Field not found', text: 'There is no group of occupations at this address. The classification may not include it, or the link may have a typing mistake.' },
  'skill': { title: 'Skill not found', text: 'There is no skill at this address. It may have been renamed, or the link may have a typing mistake.' },
  'interest': { title: 'Interest not found', text: 'Careers are grouped by six interests, each a letter: R, I, A, S, E or C. This address names none of them.' },
  'credential': { title: 'Credential not found', text: 'There is no credential at this address. It may have been withdrawn, or the link may have a typing mistake.' },
  'resource': { title: 'Course or reading not found', text: 'There is no course or reading at this address. It may have been withdrawn, or the link may have a typing mistake.' },
}

/** Search and browse: the way on from any error page. */
function WaysOn({ careers }: { careers: readonly CareerSummary[] }) {
  const curated = careers.filter(isCurated)
  return (
    <>
      <SearchForm id="error-search" label="Search careers, skills and courses" />
      <ul className="ways-on">
        <li>
          <a href={BROWSE_HREF}>Browse careers by field, interest or skill</a>
        </li>
        <li>
          <a href="/careers">See all {formatNumber(careers.length)} careers, A to Z</a>
        </li>
      </ul>
      {curated.length > 0 ? (
        <>
          <h2>Career pathways you can explore</h2>
          <CareerList careers={curated} headingLevel={3} />
        </>
      ) : null}
    </>
  )
}

export function NotFoundPage({ careers, what = 'career' }: { careers: readonly CareerSummary[]; what?: Missing }) {
  const { title, text } = MISSING[what]
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{text}</p>
      <WaysOn careers={careers} />
    </>
  )
}

/** 400: the query of the address cannot be used; `problems` says which part and why, in words. */
export function BadRequestPage({ careers, problems }: { careers: readonly CareerSummary[]; problems: readonly string[] }) {
  return (
    <>
      <h1>This address cannot be shown</h1>
      <p className="lead">Part of the address is not something this page understands, so there is nothing to show for it.</p>
      <ul className="error-list">
        {problems.map((problem, i) => (
          <li key={i}>{problem}</li>
        ))}
      </ul>
      <WaysOn careers={careers} />
    </>
  )
}

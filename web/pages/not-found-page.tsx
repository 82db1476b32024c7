/**
 * 404 pages: an unknown career, or a page of the career list that does not exist. Each says so
 * plainly and offers a way on: the curated career pathways and the list of every career.
 */
import type { CareerSummary } from '../../shared/schemas.js'
import { formatNumber } from '../format.js'
import { CareerList, isCurated } from './home-page.js'

export function NotFoundPage({ careers, what = 'career' }: { careers: readonly CareerSummary[]; what?: 'career' | 'list-page' }) {
  const curated = careers.filter(isCurated)
  return (
    <>
      <h1>{what === 'career' ? 'Career not found' : 'Page not found'}</h1>
      <p className="lead">
        {what === 'career'
          ? 'There is no career at this address. It may have been renamed, or the link may have a typing mistake.'
          : 'The list of careers has no page with this number.'}
      </p>
      <p>
        <a href="/careers">See all {formatNumber(careers.length)} careers, A to Z</a>
      </p>
      {curated.length > 0 ? (
        <>
          <h2>Career pathways you can explore</h2>
          <CareerList careers={curated} headingLevel={3} />
        </>
      ) : null}
    </>
  )
}

/**
 * The 404 page for an unknown career: says so plainly and offers the careers that do exist.
 */
import type { CareerSummary } from '../../shared/schemas.js'
import { CareerList } from './home-page.js'

export function NotFoundPage({ careers }: { careers: readonly CareerSummary[] }) {
  return (
    <>
      <h1>Career not found</h1>
      <p className="lead">
        There is no career at this address. It may have been renamed, or the link may have a typing mistake.
      </p>
      <p>
        <a href="/">See all careers</a>
      </p>
      {careers.length > 0 ? (
        <>
          <h2>Careers you can explore</h2>
          <CareerList careers={careers} headingLevel={3} />
        </>
      ) : null}
    </>
  )
}

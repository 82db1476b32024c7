/**
 * The home page: every career in the catalog with its field, summary and a link to its page.
 */
import type { CareerSummary } from '../../shared/schemas.js'

export const careerHref = (slug: string): string => `/careers/${encodeURIComponent(slug)}`

export function CareerList({ careers, headingLevel }: { careers: readonly CareerSummary[]; headingLevel: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <ul className="career-list">
      {careers.map((career) => (
        <li key={career.slug} className="card">
          <Heading className="card-title">
            <a href={careerHref(career.slug)}>{career.title}</a>
          </Heading>
          <p className="field-path">{career.fieldPath.join(' › ')}</p>
          {career.aliases.length > 0 ? <p className="aliases">Also called {career.aliases.join(', ')}</p> : null}
          <p>{career.summary}</p>
        </li>
      ))}
    </ul>
  )
}

export function HomePage({ careers }: { careers: readonly CareerSummary[] }) {
  return (
    <>
      <h1>Explore careers</h1>
      <p className="lead">
        Find out what a job involves, what it pays according to each source, which skills and credentials lead to it,
        and how people progress. Every figure says where it comes from.
      </p>
      {careers.length === 0 ? (
        <p>No careers have been published yet.</p>
      ) : (
        <CareerList careers={careers} headingLevel={2} />
      )}
    </>
  )
}

/**
 * The home page: the curated career pathways as cards, then the way into the list of every career
 * (thousands, imported from O*NET and ESCO), which is paginated on its own page.
 */
import type { CareerSummary } from '../../shared/schemas.js'
import { countByOrigin } from '../career-index.js'
import { displayTitle, fieldsAbove, formatNumber, originLabel } from '../format.js'
import { careerHref } from '../links.js'

export const isCurated = (career: Pick<CareerSummary, 'origin'>): boolean => career.origin === 'catalog'

export function CareerList({ careers, headingLevel }: { careers: readonly CareerSummary[]; headingLevel: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <ul className="career-list">
      {careers.map((career) => (
        <li key={career.slug} className="card">
          <Heading className="card-title">
            <a href={careerHref(career.slug)}>{displayTitle(career.title)}</a>
          </Heading>
          <p className="field-path">{fieldsAbove(career.fieldPath, career.title).join(' › ')}</p>
          {career.aliases.length > 0 ? <p className="aliases">Also called {career.aliases.join(', ')}</p> : null}
          <p>{career.summary}</p>
        </li>
      ))}
    </ul>
  )
}

const ORIGIN_NOUNS: Record<string, [string, string]> = {
  catalog: ['career pathway', 'career pathways'],
  onet: ['O*NET occupation (US)', 'O*NET occupations (US)'],
  esco: ['ESCO occupation (EU)', 'ESCO occupations (EU)'],
}

/** `8 career pathways, 1,016 O*NET occupations (US) and 3,007 ESCO occupations (EU)`. */
export function originCounts(careers: readonly CareerSummary[]): string {
  const order = Object.keys(ORIGIN_NOUNS)
  const rank = (origin: string) => (order.includes(origin) ? order.indexOf(origin) : order.length)
  const parts = [...countByOrigin(careers)].sort(([a], [b]) => rank(a) - rank(b)).map(([origin, n]) => {
    const [one, many] = ORIGIN_NOUNS[origin] ?? [`${originLabel(origin)} career`, `${originLabel(origin)} careers`]
    return `${formatNumber(n)} ${n === 1 ? one : many}`
  })
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
}

export function BrowseAll({ careers }: { careers: readonly CareerSummary[] }) {
  return (
    <section className="browse-all" aria-labelledby="all-careers-heading">
      <h2 id="all-careers-heading">All careers</h2>
      <p>{originCounts(careers)}, in one list from A to Z.</p>
      <p>
        <a href="/careers">Browse all {formatNumber(careers.length)} careers</a>
      </p>
    </section>
  )
}

export function HomePage({ careers }: { careers: readonly CareerSummary[] }) {
  const curated = careers.filter(isCurated)
  return (
    <>
      <h1>Explore careers</h1>
      <p className="lead">
        Find out what a job involves, what it pays according to each source, which skills and credentials lead to it,
        and how people progress. Every figure says where it comes from.
      </p>
      {careers.length === 0 ? <p>No careers have been published yet.</p> : null}
      {curated.length > 0 && careers.length > curated.length ? (
        <p>
          Start with one of the career pathways below, or <a href="/careers">browse all {formatNumber(careers.length)} careers from A to Z</a>.
        </p>
      ) : null}
      {curated.length > 0 ? (
        <>
          <h2>Career pathways</h2>
          <p>Careers written up in depth: pay from every source side by side, skills, credentials and the steps in.</p>
          <CareerList careers={curated} headingLevel={3} />
        </>
      ) : null}
      {careers.length > curated.length ? <BrowseAll careers={careers} /> : null}
    </>
  )
}

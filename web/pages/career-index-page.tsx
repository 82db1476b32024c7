/**
 * Every career, A to Z, a hundred to a page: title, where it sits, and where it comes from (a
 * curated pathway or an imported O*NET / ESCO occupation). Letters jump to the page a letter starts
 * on; previous / next links carry rel="prev" / rel="next" and the current page aria-current.
 */
import type { CareerSummary } from '../../shared/schemas.js'
import { careersHref, initialOf, letterAnchor, pageWindow, type IndexPage } from '../career-index.js'
import { displayTitle, fieldsAbove, formatNumber, originLabel } from '../format.js'
import { careerHref } from '../links.js'

function Row({ career, anchor }: { career: CareerSummary; anchor: string | null }) {
  // The nearest two fields place a career well enough; ESCO's four levels would make each row a paragraph.
  const fields = fieldsAbove(career.fieldPath, career.title).slice(-2)
  return (
    <li {...(anchor ? { id: anchor } : {})}>
      <a className="career-name" href={careerHref(career.slug)}>
        {displayTitle(career.title)}
      </a>
      <span className={`origin-label origin-${career.origin}`}>{originLabel(career.origin)}</span>
      {fields.length > 0 ? <span className="field-path">{fields.join(' › ')}</span> : null}
    </li>
  )
}

function Letters({ letters }: { letters: readonly { letter: string; page: number }[] }) {
  if (letters.length < 2) return null
  return (
    <nav aria-label="Jump to a letter" className="letter-index">
      <ul>
        {letters.map(({ letter, page }) => (
          <li key={letter}>
            <a href={`${careersHref(page)}#${letterAnchor(letter)}`}>
              {letter === '#' ? '0–9' : letter}
              <span className="visually-hidden">{letter === '#' ? ', titles starting with a digit or symbol' : `, titles starting with ${letter}`}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  if (pageCount < 2) return null
  return (
    <nav aria-label="Pages of the career list" className="pagination">
      <ul>
        {page > 1 ? (
          <li>
            <a href={careersHref(page - 1)} rel="prev">
              Previous<span className="visually-hidden"> page</span>
            </a>
          </li>
        ) : null}
        {pageWindow(page, pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`}>
              <span className="gap">…</span>
            </li>
          ) : (
            <li key={p}>
              <a href={careersHref(p)} aria-label={`Page ${p}`} {...(p === page ? { 'aria-current': 'page' as const } : {})}>
                {p}
              </a>
            </li>
          ),
        )}
        {page < pageCount ? (
          <li>
            <a href={careersHref(page + 1)} rel="next">
              Next<span className="visually-hidden"> page</span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}

export function CareerIndexPage({ index, letters }: { index: IndexPage; letters: readonly { letter: string; page: number }[] }) {
  const { page, pageCount, total, offset, careers } = index
  const seen = new Set<string>()
  const anchorFor = (career: CareerSummary) => {
    const letter = initialOf(career.title)
    if (seen.has(letter)) return null
    seen.add(letter)
    return letterAnchor(letter)
  }
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <a href="/">Careers</a>
          </li>
          <li aria-current="page">All careers</li>
        </ol>
      </nav>
      <h1>All careers</h1>
      {total === 0 ? (
        <p className="lead">No careers have been published yet.</p>
      ) : (
        <p className="lead">
          {formatNumber(total)} careers from A to Z
          {pageCount > 1 ? `. Page ${formatNumber(page)} of ${formatNumber(pageCount)}: careers ${formatNumber(offset + 1)} to ${formatNumber(offset + careers.length)}` : ''}.
        </p>
      )}
      <p>
        A <strong>career pathway</strong> is written up in depth; <strong>O*NET (US)</strong> and <strong>ESCO (EU)</strong>{' '}
        careers are occupations as those official databases describe them.
      </p>
      <Letters letters={letters} />
      <ol className="career-index" start={offset + 1}>
        {careers.map((career) => (
          <Row key={career.slug} career={career} anchor={anchorFor(career)} />
        ))}
      </ol>
      <Pagination page={page} pageCount={pageCount} />
    </>
  )
}

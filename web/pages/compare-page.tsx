/**
 * Careers side by side: a table with one column per career (pay with a note on what each figure is,
 * growth, employment, entry education and experience, preparation, top skills with the shared ones
 * marked in words), the skills they share, and the form to choose the careers. Wide tables scroll
 * inside their own region, so a phone never scrolls the page sideways.
 */
import type { ReactNode } from 'react'
import type { Comparison, Fact, Source } from '../../shared/schemas.js'
import { boxLabel, type CompareRequest } from '../compare/compare-input.js'
import { displayTitle, scopeLabel } from '../format.js'
import { COMPARE_HREF, compareHref, skillHref } from '../links.js'
import { JOB_ZONES } from '../search/search-words.js'
import { TableRegion } from '../ui/blocks.js'
import { Breadcrumb } from '../ui/breadcrumb.js'
import { CareerName } from '../ui/career-refs.js'
import { DatasetNote } from '../ui/dataset-note.js'

type Compared = Comparison['careers'][number]

export interface ComparePageProps {
  request: CompareRequest
  /** Set when two or more careers resolved and nothing was wrong. */
  comparison: Comparison | null
  /** With one career chosen: it, and careers its sources relate it to, as one-click comparisons. */
  single: { slug: string; title: string; related: readonly { slug: string; title: string }[] } | null
  /** Every catalog source by id, to name where entry requirements come from. */
  sources: ReadonlyMap<string, Source>
  datasets: readonly Source[]
}

const boxId = (i: number) => `compare-career-${i + 1}`
const missing = <span className="muted-label">Not in the catalog</span>

function FactCell({ fact, note }: { fact: Fact | null; note?: string }) {
  if (!fact) return note ? <span className="cell-note">{note}</span> : missing
  return (
    <>
      <span className="figure-cell figure-wrap">{fact.display}</span>
      <span className="cell-note">
        {note ?? `${fact.period ? `${fact.period.label}, ` : ''}${scopeLabel(fact.scope)}.`} Source: {fact.source.publisher}.
      </span>
    </>
  )
}

function Requirement({ value, sources }: { value: { text: string; source: string } | null; sources: ReadonlyMap<string, Source> }) {
  if (!value) return missing
  const source = sources.get(value.source)
  return (
    <>
      {value.text}
      {source ? <span className="cell-note">Source: {source.publisher}.</span> : null}
    </>
  )
}

function TopSkills({ skills }: { skills: Compared['topSkills'] }) {
  if (skills.length === 0) return <span className="muted-label">No skills listed</span>
  return (
    <ul className="compare-skills">
      {skills.map((s) => (
        <li key={s.id} {...(s.shared ? { className: 'shared-skill' } : {})}>
          <a href={skillHref(s.id)}>{s.name}</a>
          {s.shared ? <span className="shared-mark">shared</span> : null}
        </li>
      ))}
    </ul>
  )
}

function Row({ heading, careers, cell }: { heading: string; careers: readonly Compared[]; cell: (c: Compared) => ReactNode }) {
  return (
    <tr>
      <th scope="row">{heading}</th>
      {careers.map((c) => (
        <td key={c.career.slug}>{cell(c)}</td>
      ))}
    </tr>
  )
}

const names = (careers: readonly { career: { title: string } }[]) => {
  const titles = careers.map((c) => displayTitle(c.career.title))
  return titles.length <= 1 ? (titles[0] ?? '') : `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}`
}

function CompareTable({ comparison, sources }: { comparison: Comparison; sources: ReadonlyMap<string, Source> }) {
  const { careers } = comparison
  return (
    <>
      <p className={comparison.sharedPay ? 'data-from' : 'notice'}>
        {comparison.sharedPay
          ? 'Every pay figure below is the same statistic, from the same source, period and place, so they compare directly.'
          : 'The pay figures below are not the same statistic, or not from the same source, period or place, so they do not compare directly. The note under each says what it is.'}
      </p>
      <TableRegion label="Careers compared">
        <table className={`compare-table compare-${careers.length}`}>
          <caption>Comparing {names(careers)}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">What is compared</span>
              </th>
              {careers.map((c) => (
                <th key={c.career.slug} scope="col">
                  <CareerName career={c.career} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <Row heading="Pay" careers={careers} cell={(c) => <FactCell fact={c.pay} note={c.payNote} />} />
            <Row heading="Projected growth in jobs" careers={careers} cell={(c) => <FactCell fact={c.outlook} />} />
            <Row heading="People employed" careers={careers} cell={(c) => <FactCell fact={c.employment} />} />
            <Row heading="Typical education to start" careers={careers} cell={(c) => <Requirement value={c.education} sources={sources} />} />
            <Row heading="Work experience needed" careers={careers} cell={(c) => <Requirement value={c.experience} sources={sources} />} />
            <Row
              heading="Preparation (O*NET job zone)"
              careers={careers}
              cell={(c) => (c.jobZone ? `Zone ${c.jobZone.zone}: ${JOB_ZONES[String(c.jobZone.zone)] ?? c.jobZone.name}` : missing)}
            />
            <Row heading="Top skills" careers={careers} cell={(c) => <TopSkills skills={c.topSkills} />} />
          </tbody>
        </table>
      </TableRegion>
      <p className="cell-note">Skills marked “shared” are also among the skills of another career in the table.</p>
    </>
  )
}

function SharedSkills({ comparison }: { comparison: Comparison }) {
  const titles = new Map(comparison.careers.map((c) => [c.career.slug, displayTitle(c.career.title)]))
  return (
    <section aria-labelledby="shared-skills-heading">
      <h2 id="shared-skills-heading">Skills these careers share</h2>
      {comparison.sharedSkills.length === 0 ? (
        <p>None of the skills the catalog lists for one of these careers is listed for another.</p>
      ) : (
        <ul className="item-list compact">
          {comparison.sharedSkills.map((s) => (
            <li key={s.id}>
              <a href={skillHref(s.id)}>{s.name}</a>
              <span className="item-meta-inline"> — needed by {names(s.careers.map((slug) => ({ career: { title: titles.get(slug) ?? slug } })))}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function ErrorSummary({ request }: { request: CompareRequest }) {
  const boxes = request.entries.flatMap((e, i) => (e.error ? [{ href: `#${boxId(i)}`, text: e.error }] : []))
  if (boxes.length === 0 && request.problems.length === 0) return null
  return (
    <div className="error-summary" aria-labelledby="error-summary-heading">
      <h2 id="error-summary-heading">There is a problem</h2>
      <ul>
        {request.problems.map((p, i) => (
          <li key={`p${i}`}>{p}</li>
        ))}
        {boxes.map((b) => (
          <li key={b.href}>
            <a href={b.href}>{b.text}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

function CompareForm({ request, heading }: { request: CompareRequest; heading: string }) {
  return (
    <form className="compare-form" action={COMPARE_HREF} method="get" aria-labelledby="compare-form-heading">
      <h2 id="compare-form-heading">{heading}</h2>
      <p id="compare-hint">
        Up to four careers. Type a title as its career page shows it (“Software Developers”), or the last part of the
        page’s address (software-developers).
      </p>
      <div className="compare-boxes">
        {request.entries.map((entry, i) => {
          const errorId = `${boxId(i)}-error`
          return (
            <div key={i} className={entry.error ? 'form-field has-error' : 'form-field'}>
              <label htmlFor={boxId(i)}>{boxLabel(i)}</label>
              {entry.error ? (
                <p id={errorId} className="field-error">
                  {entry.error}
                </p>
              ) : null}
              <div className="suggest">
                <input
                  id={boxId(i)}
                  name="career"
                  type="text"
                  maxLength={300}
                  defaultValue={entry.text}
                  aria-describedby={entry.error ? `${errorId} compare-hint` : 'compare-hint'}
                  {...(entry.error ? { 'aria-invalid': true } : {})}
                  data-suggest="fill"
                  data-type="career"
                />
              </div>
            </div>
          )
        })}
      </div>
      <button type="submit">Compare</button>
    </form>
  )
}

function SingleCareer({ single }: { single: NonNullable<ComparePageProps['single']> }) {
  return (
    <>
      <p>
        Add at least one more career to compare with <strong>{displayTitle(single.title)}</strong>.
      </p>
      {single.related.length > 0 ? (
        <>
          <p>Or compare it with a career its sources relate it to:</p>
          <ul className="inline-links">
            {single.related.map((r) => (
              <li key={r.slug}>
                <a href={compareHref([single.slug, r.slug])}>{displayTitle(r.title)}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  )
}

export function ComparePage({ request, comparison, single, sources, datasets }: ComparePageProps) {
  return (
    <>
      <Breadcrumb trail={[{ text: 'Careers', href: '/' }, { text: 'Compare careers' }]} />
      <h1>Compare careers</h1>
      <ErrorSummary request={request} />
      {comparison ? (
        <>
          <p className="lead">{names(comparison.careers)}, side by side.</p>
          <CompareTable comparison={comparison} sources={sources} />
          <SharedSkills comparison={comparison} />
          <CompareForm request={request} heading="Change the careers" />
        </>
      ) : (
        <>
          <p className="lead">Put two to four careers side by side: pay, outlook, what it takes to start, and the skills they share.</p>
          {single ? <SingleCareer single={single} /> : null}
          <CompareForm request={request} heading="Choose careers to compare" />
        </>
      )}
      <DatasetNote sources={datasets} />
    </>
  )
}

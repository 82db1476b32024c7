/**
 * Where a career leads: the related careers its sources name, beside the careers most alike by
 * skills (weighted overlap), then the careers it is easiest to move to — ranked by how much of what
 * the target needs this career already has, balanced by how alike the two are — with the skills to
 * add or build up, a page at a time.
 */
import type { CareerMoves, CareerRef, RelatedCareers, Source } from '../../shared/schemas.js'
import { displayTitle, formatNumber } from '../format.js'
import { careerHref, compareHref, relatedHref, skillHref, withQuery } from '../links.js'
import { Breadcrumb } from '../ui/breadcrumb.js'
import { CareerRefList } from '../ui/career-refs.js'
import { DatasetNote } from '../ui/dataset-note.js'
import { Pager } from '../ui/pager.js'

export const percent = (share: number): string => `${Math.round(share * 100)}%`

const skillsInCommon = (n: number) => `${formatNumber(n)} ${n === 1 ? 'skill' : 'skills'} in common`

function Official({ result, sources }: { result: RelatedCareers; sources: ReadonlyMap<string, Source> }) {
  const named = (ids: readonly string[]) => `Source${ids.length > 1 ? 's' : ''}: ${ids.map((id) => sources.get(id)?.publisher ?? id).join('; ')}`
  // O*NET names all of an occupation's related occupations: one line says so instead of one per career.
  const first = result.official[0]?.sources.join('|')
  const common = first !== undefined && first !== '' && result.official.every((r) => r.sources.join('|') === first) ? (result.official[0]?.sources ?? []) : null
  return (
    <section aria-labelledby="official-heading" className="related-column">
      <h2 id="official-heading">Named by the sources</h2>
      {result.official.length === 0 ? (
        <p>The sources name no related careers for {displayTitle(result.career.title)}.</p>
      ) : (
        <>
          {common ? <p className="source-line">{named(common)}</p> : null}
          <ul className="career-refs">
            {result.official.map((r) => (
              <li key={r.slug}>
                <a className="career-name" href={careerHref(r.slug)}>
                  {displayTitle(r.title)}
                </a>
                {r.note ? <span className="career-summary">{r.note}</span> : null}
                {!common && r.sources.length > 0 ? <span className="source-line">{named(r.sources)}</span> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

function BySkills({ result }: { result: RelatedCareers }) {
  return (
    <section aria-labelledby="by-skills-heading" className="related-column">
      <h2 id="by-skills-heading">Similar by skills</h2>
      <p className="item-meta">Similarity weighs the skills both careers need against all the skills either needs.</p>
      {result.bySkills.length === 0 ? (
        <p>No other career shares enough of its skills.</p>
      ) : (
        <CareerRefList items={result.bySkills} career={(o) => o.career} meta={(o) => `${percent(o.similarity)} similar · ${skillsInCommon(o.shared)}`} />
      )}
    </section>
  )
}

function SkillsToAdd({ skills }: { skills: CareerMoves['items'][number]['skillsToAdd'] }) {
  if (skills.length === 0) return null
  return (
    <div className="tags">
      <span className="tags-label">Skills to add or build up:</span>
      <ul>
        {skills.map((s) => (
          <li key={s.id}>
            <a href={skillHref(s.id)}>{s.name}</a>
            {s.have > 0 ? ' (build up)' : ''}
          </li>
        ))}
      </ul>
    </div>
  )
}

function Moves({ from, moves, cursor }: { from: CareerRef; moves: CareerMoves; cursor: string | null }) {
  const here = relatedHref(from.slug)
  return (
    <section aria-labelledby="moves-heading" id="moves">
      <h2 id="moves-heading">Where you could move from here</h2>
      <p>
        Careers a {displayTitle(from.title)} could move to with the least to learn: ranked by how much of what each needs
        (its skills, weighted by importance) a {displayTitle(from.title)} already has, balanced by how alike the two careers
        are overall. Each lists the skills with the largest gap, to add or to build up.
      </p>
      {moves.items.length === 0 ? (
        <p>No career shares at least three skills with this one.</p>
      ) : (
        <CareerRefList
          items={moves.items}
          career={(m) => m.career}
          meta={(m) => `You already have ${percent(m.coverage)} of what it needs · ${skillsInCommon(m.shared)}`}
          extra={(m) => (
            <>
              <SkillsToAdd skills={m.skillsToAdd} />
              <a className="compare-link" href={compareHref([from.slug, m.career.slug])}>
                Compare<span className="visually-hidden"> {displayTitle(from.title)} with {displayTitle(m.career.title)}</span>
              </a>
            </>
          )}
        />
      )}
      <Pager
        label="More careers to move to"
        next={moves.nextCursor ? `${withQuery(here, { cursor: moves.nextCursor })}#moves` : null}
        first={cursor ? `${here}#moves` : null}
      />
    </section>
  )
}

export interface RelatedPageProps {
  related: RelatedCareers
  moves: CareerMoves
  cursor: string | null
  /** The career's own sources by id, to name who lists each related career. */
  sources: ReadonlyMap<string, Source>
  datasets: readonly Source[]
}

export function RelatedPage({ related, moves, cursor, sources, datasets }: RelatedPageProps) {
  const { career } = related
  const title = displayTitle(career.title)
  return (
    <>
      <Breadcrumb trail={[{ text: 'Careers', href: '/' }, { text: title, href: careerHref(career.slug) }, { text: 'Related careers' }]} />
      <h1>Careers related to {title}</h1>
      <p className="lead">
        Related careers as the sources list them, careers that need much the same skills, and the careers you could move
        to with the fewest new skills.
      </p>
      <div className="related-columns">
        <Official result={related} sources={sources} />
        <BySkills result={related} />
      </div>
      <Moves from={career} moves={moves} cursor={cursor} />
      <DatasetNote sources={datasets} />
    </>
  )
}

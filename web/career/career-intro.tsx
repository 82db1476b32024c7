/**
 * The top of a career page: where the career sits (breadcrumb), its name and other names, what the
 * work is, which datasets an imported career comes from, and how official classifications file it.
 */
import type { CareerProfile } from '../../shared/schemas.js'
import { codeSystemName, displayTitle, fieldsAbove, granularityWords } from '../format.js'
import { compareHref, relatedHref } from '../links.js'
import { Section } from '../ui/blocks.js'
import { Fold } from '../ui/fold.js'
import { safeHref, sourceAnchor, SourceLinks } from '../ui/sources.js'
import { datasetSourceIds, escoDetails } from './imported-data.js'
import { SECTIONS } from './section-list.js'

/** Alternative titles shown before the rest fold away (O*NET lists over a hundred for some jobs). */
export const ALIASES_SHOWN = 12

export function Breadcrumb({ profile }: { profile: CareerProfile }) {
  const fields = fieldsAbove(profile.fieldPath, profile.title)
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        <li>
          <a href="/">Careers</a>
        </li>
        {fields.map((field, i) => (
          <li key={i}>{field}</li>
        ))}
        <li aria-current="page">{displayTitle(profile.title)}</li>
      </ol>
    </nav>
  )
}

function Aliases({ aliases }: { aliases: readonly string[] }) {
  if (aliases.length === 0) return null
  return (
    <div className="aliases">
      <span className="muted-label">Also called:</span>{' '}
      <Fold
        items={aliases}
        first={ALIASES_SHOWN}
        noun="alternative titles"
        render={(names, part) => (
          <ul className={part === 'first' ? 'inline-list' : 'inline-list inline-list-rest'}>
            {names.map((name, i) => (
              <li key={i}>{name}</li>
            ))}
          </ul>
        )}
      />
    </div>
  )
}

/** "Data from …": an imported career names its datasets up front; licences and attribution are in Sources. */
export function DataFrom({ profile }: { profile: CareerProfile }) {
  if (profile.origin === 'catalog' || profile.sources.length === 0) return null
  // The dataset the career comes from first, then the ones that add figures to it.
  const own = datasetSourceIds(profile)
  const sources = [...profile.sources].sort((a, b) => Number(own.includes(b.id)) - Number(own.includes(a.id)))
  return (
    <p className="data-from">
      Data from{' '}
      {sources.map((source, i) => (
        <span key={source.id}>
          {i === 0 ? '' : i === sources.length - 1 ? ' and ' : ', '}
          <a href={`#${sourceAnchor(source.id)}`}>{source.title}</a>
        </span>
      ))}
      . Licences and the attribution each publisher asks for are under <a href={`#${SECTIONS.sources.id}`}>Sources</a>.
    </p>
  )
}

function EscoNotes({ profile }: { profile: CareerProfile }) {
  const esco = escoDetails(profile)
  if (!esco || (esco.scopeNote === null && esco.regulated !== true)) return null
  return (
    <>
      {esco.scopeNote ? (
        <p>
          <span className="muted-label">Scope, as ESCO defines it:</span> {esco.scopeNote}
        </p>
      ) : null}
      {esco.regulated ? (
        <p>
          ESCO marks this as a <strong>regulated profession</strong>: in at least one European country you need a
          recognised qualification or registration to work in it.
        </p>
      ) : null}
    </>
  )
}

/** Ways on from a career: put it beside others, or see where it leads. */
function CareerActions({ slug }: { slug: string }) {
  return (
    <ul className="career-actions">
      <li>
        <a href={compareHref([slug])}>Compare with…</a>
      </li>
      <li>
        <a href={relatedHref(slug)}>Similar careers and where you can move</a>
      </li>
    </ul>
  )
}

export function CareerIntro({ profile }: { profile: CareerProfile }) {
  return (
    <div className="intro">
      <Breadcrumb profile={profile} />
      <h1>{displayTitle(profile.title)}</h1>
      <Aliases aliases={profile.aliases} />
      <p className="lead">{profile.summary}</p>
      {profile.description ? <p>{profile.description}</p> : null}
      <EscoNotes profile={profile} />
      <DataFrom profile={profile} />
      <CareerActions slug={profile.slug} />
    </div>
  )
}

export function CodesSection({ profile }: { profile: CareerProfile }) {
  if (!SECTIONS.codes.has(profile)) return null
  return (
    <Section info={SECTIONS.codes}>
      <p>
        Government statistics do not use job titles like this one. They file the work under occupation codes, and a
        code can be wider or narrower than the career. That matters when you read pay and growth figures: a figure for a
        wider code also counts other kinds of work.
      </p>
      <ul className="code-list">
        {profile.codes.map((code) => (
          <li key={`${code.system}-${code.code}`} className="card">
            <p className="code-title">
              <span className="code-system">{codeSystemName(code.system)}</span> <CodeText system={code.system} code={code.code} />
            </p>
            <p className="code-occupation">{displayTitle(code.title)}</p>
            <p>{granularityWords(code.granularity)}</p>
            {code.note ? <p className="cell-note">{code.note}</p> : null}
            <SourceLinks ids={code.sources} />
          </li>
        ))}
      </ul>
    </Section>
  )
}

/** ESCO codes are web addresses of the occupation's ESCO page, so they link there. */
function CodeText({ system, code }: { system: string; code: string }) {
  const href = system === 'esco' ? safeHref(code) : null
  return <span className="code-cell">{href ? <a href={href}>{code}</a> : code}</span>
}

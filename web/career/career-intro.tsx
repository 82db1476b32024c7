/**
 * The top of a career page: where the career sits (breadcrumb), its name and other names, what the
 * work is, and how official classifications file it.
 */
import type { CareerProfile } from '../../shared/schemas.js'
import { codeSystemName, granularityWords } from '../format.js'
import { Section } from '../ui/blocks.js'
import { SourceLinks } from '../ui/sources.js'
import { SECTIONS } from './section-list.js'

export function Breadcrumb({ profile }: { profile: CareerProfile }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        <li>
          <a href="/">Careers</a>
        </li>
        {profile.fieldPath.map((field, i) => (
          <li key={i}>{field}</li>
        ))}
        <li aria-current="page">{profile.title}</li>
      </ol>
    </nav>
  )
}

export function CareerIntro({ profile }: { profile: CareerProfile }) {
  return (
    <div className="intro">
      <Breadcrumb profile={profile} />
      <h1>{profile.title}</h1>
      {profile.aliases.length > 0 ? (
        <p className="aliases">
          <span className="muted-label">Also called:</span> {profile.aliases.join(', ')}
        </p>
      ) : null}
      <p className="lead">{profile.summary}</p>
      {profile.description ? <p>{profile.description}</p> : null}
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
              <span className="code-system">{codeSystemName(code.system)}</span> <span className="code-cell">{code.code}</span>
            </p>
            <p className="code-occupation">{code.title}</p>
            <p>{granularityWords(code.granularity)}</p>
            {code.note ? <p className="cell-note">{code.note}</p> : null}
            <SourceLinks ids={code.sources} />
          </li>
        ))}
      </ul>
    </Section>
  )
}

/**
 * Every source the page draws on, with version, licence and the attribution text the publisher
 * asks for. Figures and items elsewhere on the page link here by anchor.
 */
import type { CareerProfile, Source } from '../../shared/schemas.js'
import { Section } from '../ui/blocks.js'
import { safeHref, sourceAnchor } from '../ui/sources.js'
import { SECTIONS } from './section-list.js'

function Detail({ term, value, className }: { term: string; value: string | null; className?: string }) {
  if (value === null) return null
  return (
    <div>
      <dt>{term}</dt>
      <dd {...(className ? { className } : {})}>{value}</dd>
    </div>
  )
}

function SourceEntry({ source }: { source: Source }) {
  const href = safeHref(source.url)
  return (
    <li id={sourceAnchor(source.id)} className="source-entry">
      <p>
        <strong>{source.publisher}</strong>, <cite>{href ? <a href={href}>{source.title}</a> : source.title}</cite>
      </p>
      <dl className="details">
        <Detail term="Version" value={source.version} />
        <Detail term="Published" value={source.published} />
        <Detail term="Retrieved" value={source.retrieved} />
        <Detail term="Licence" value={source.licence ?? 'Not stated by the source'} />
        <Detail term="Attribution" value={source.attribution} className="attribution" />
      </dl>
      {source.note ? <p className="cell-note">{source.note}</p> : null}
    </li>
  )
}

export function SourcesSection({ profile }: { profile: CareerProfile }) {
  if (!SECTIONS.sources.has(profile)) return null
  return (
    <Section info={SECTIONS.sources}>
      <p>
        The facts on this page were gathered from the sources below. Where a publisher asks for a particular
        acknowledgement, it is reproduced as given.
      </p>
      <ol className="sources">
        {profile.sources.map((source) => (
          <SourceEntry key={source.id} source={source} />
        ))}
      </ol>
    </Section>
  )
}

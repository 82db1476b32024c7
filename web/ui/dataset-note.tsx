/**
 * The credit a page gives the public datasets it shows (O*NET, ESCO): each dataset by name, linked
 * to its publisher's page, with its licence and the attribution text the publisher asks for, word
 * for word.
 */
import type { Source } from '../../shared/schemas.js'
import { safeHref } from './sources.js'

export function DatasetNote({ sources }: { sources: readonly Source[] }) {
  if (sources.length === 0) return null
  return (
    <section className="dataset-note" aria-labelledby="dataset-note-heading">
      <h2 id="dataset-note-heading">Where this data comes from</h2>
      <ul>
        {sources.map((source) => {
          const href = safeHref(source.url)
          return (
            <li key={source.id}>
              <cite>{href ? <a href={href}>{source.title}</a> : source.title}</cite>, {source.publisher}
              {source.version ? `, version ${source.version}` : ''}. Licence: {source.licence ?? 'not stated by the source'}.
              {source.attribution ? <span className="attribution"> {source.attribution}</span> : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/**
 * Citations. Every figure and list item on a page says where it comes from: facts name their
 * producer (linked when the source has a web address); items point at the page's Sources section,
 * where licence and attribution text are shown.
 */
import { createContext, useContext, type ReactNode } from 'react'
import type { Fact, Source, SourceRef } from '../../shared/schemas.js'
import { whenWords } from '../format.js'

/** The profile's sources by id, provided once by the career page. */
export const SourcesContext = createContext<ReadonlyMap<string, Source>>(new Map())

/** Only http(s) addresses become links; anything else in the catalog is shown as text. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null
  } catch {
    return null
  }
}

export const sourceAnchor = (id: string): string => `source-${id}`

/** `Publisher, Title`, the title linked to the source's own page when it has one. */
export function SourceName({ source }: { source: SourceRef }) {
  const href = safeHref(source.url)
  return (
    <>
      {source.publisher}, <cite>{href ? <a href={href}>{source.title}</a> : source.title}</cite>
    </>
  )
}

/** "Source: X" for a list of source ids, each linking to its entry in the Sources section. */
export function SourceLinks({ ids, label = 'Source' }: { ids: readonly string[]; label?: string }) {
  const sources = useContext(SourcesContext)
  if (ids.length === 0) return null
  const links: ReactNode[] = ids.map((id, i) => (
    <span key={id}>
      {i > 0 ? '; ' : ''}
      <a href={`#${sourceAnchor(id)}`}>{sources.get(id)?.publisher ?? id}</a>
    </span>
  ))
  return (
    <p className="source-line">
      {ids.length > 1 ? `${label}s` : label}: {links}
    </p>
  )
}

/** Provenance of one figure: producer, where we read it, and when it applies. */
export function FactSourceLine({ fact }: { fact: Fact }) {
  return (
    <p className="source-line">
      Source: <SourceName source={fact.source} />
      {fact.citedIn ? <> (as quoted by {fact.citedIn.publisher})</> : null}. Period: {whenWords(fact)}.
    </p>
  )
}

/** Source cell of a figure table: producer, who quoted it, and (unless shown elsewhere) the catalog's note. */
export function FigureSource({ fact, withNote = true }: { fact: Fact; withNote?: boolean }) {
  return (
    <>
      <SourceName source={fact.source} />
      {fact.citedIn ? <span className="cell-note"> As quoted by {fact.citedIn.publisher}.</span> : null}
      {withNote && fact.note ? <span className="cell-note"> {fact.note}</span> : null}
    </>
  )
}

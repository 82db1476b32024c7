/**
 * Building blocks shared by the page sections: a titled section, a scrollable table region and a
 * list of sourced items.
 */
import type { ReactNode } from 'react'
import type { CareerProfile } from '../../shared/schemas.js'
import { SourceLinks } from './sources.js'

type Item = CareerProfile['highlights'][number]

/** A top-level page section: an <h2> the table of contents links to. */
export function Section({ info, children }: { info: { id: string; title: string }; children: ReactNode }) {
  const { id, title } = info
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="page-section">
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  )
}

/**
 * Wide tables scroll inside their own box so the page itself never scrolls sideways on a phone.
 * The box is focusable so keyboard users can scroll it too, and named so they know what it holds.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  )
}

/** Items with an optional title and their sources. */
export function ItemList({ items, className }: { items: readonly Item[]; className?: string }) {
  return (
    <ul className={className ?? 'item-list'}>
      {items.map((item, i) => (
        <li key={i}>
          {item.title ? <strong className="item-title">{item.title}</strong> : null}
          <span className="item-text">{item.text}</span>
          <SourceLinks ids={item.sources} />
        </li>
      ))}
    </ul>
  )
}

/** A compact list of names (skills gained, skills a step builds). */
export function TagList({ label, names }: { label: string; names: readonly string[] }) {
  if (names.length === 0) return null
  return (
    <div className="tags">
      <span className="tags-label">{label}:</span>
      <ul>
        {names.map((name, i) => (
          <li key={i}>{name}</li>
        ))}
      </ul>
    </div>
  )
}

/**
 * The catalog's notes on a table's figures, listed after the table rather than inside it: notes
 * run to several sentences and would stretch every row of a side-by-side comparison.
 */
import type { Fact } from '../../shared/schemas.js'

export interface FigureNotesProps {
  facts: readonly Fact[]
  title: string
  /** How each note names its figure, e.g. by source or by city. */
  name: (fact: Fact) => string
  /** Folded into <details> when the notes are many and alike. */
  collapsed?: boolean
}

export function FigureNotes({ facts, title, name, collapsed = false }: FigureNotesProps) {
  const noted = facts.filter((f) => f.note)
  if (noted.length === 0) return null
  const list = (
    <ul className="figure-notes">
      {noted.map((fact) => (
        <li key={fact.id}>
          <strong>
            {fact.display}, {name(fact)}:
          </strong>{' '}
          {fact.note}
        </li>
      ))}
    </ul>
  )
  if (collapsed) {
    return (
      <details className="notes-details">
        <summary>{title}</summary>
        {list}
      </details>
    )
  }
  return (
    <>
      <h4>{title}</h4>
      {list}
    </>
  )
}

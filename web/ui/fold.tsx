/**
 * Long lists (100+ alternative titles, 400 technologies, 50+ ESCO skills) fold after the first few:
 * the rest sits in a native <details>, which is keyboard accessible and needs no script. Nothing is
 * dropped: opening it shows every remaining item.
 */
import type { ReactNode } from 'react'
import { formatNumber } from '../format.js'

export interface FoldProps<T> {
  items: readonly T[]
  /** How many to show before folding. Lists at most a few longer than this are shown whole. */
  first: number
  /** What the items are, plural: "Show all 135 alternative titles". */
  noun: string
  /** Renders a run of items; called once for the first items and once for the rest. */
  render: (items: readonly T[], part: 'first' | 'rest') => ReactNode
}

/** How many items show before the fold; a fold that would hide only one or two items is not worth a click. */
export function foldPoint(total: number, first: number): number {
  return total <= first + 2 ? total : first
}

export function Fold<T>({ items, first, noun, render }: FoldProps<T>) {
  const cut = foldPoint(items.length, first)
  if (cut >= items.length) return <>{render(items, 'first')}</>
  return (
    <>
      {render(items.slice(0, cut), 'first')}
      <details className="fold">
        <summary>
          Show all {formatNumber(items.length)} {noun}
          <span className="fold-count"> ({formatNumber(items.length - cut)} more)</span>
        </summary>
        {render(items.slice(cut), 'rest')}
      </details>
    </>
  )
}

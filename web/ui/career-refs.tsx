/**
 * A list of careers as the browse, skill, interest and related pages show them: the title linked to
 * the career, where it comes from, the start of its summary, and whatever the list ranks it by.
 */
import type { ReactNode } from 'react'
import type { CareerRef } from '../../shared/schemas.js'
import { displayTitle, originLabel } from '../format.js'
import { careerHref } from '../links.js'

/** The summary's first sentence, cut at a word near `max` characters (O*NET summaries run to a paragraph). */
export function firstSentence(text: string, max = 200): string {
  const sentence = /^.+?[.!?](?=\s|$)/.exec(text.trim())?.[0] ?? text.trim()
  if (sentence.length <= max) return sentence
  const cut = sentence.slice(0, max)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[,;:\s]+$/, '')}…`
}

export function CareerName({ career }: { career: Pick<CareerRef, 'slug' | 'title' | 'origin'> }) {
  return (
    <>
      <a className="career-name" href={careerHref(career.slug)}>
        {displayTitle(career.title)}
      </a>{' '}
      <span className={`origin-label origin-${career.origin}`}>{originLabel(career.origin)}</span>
    </>
  )
}

export interface CareerRefListProps<T> {
  items: readonly T[]
  career: (item: T) => CareerRef
  /** What the list ranks by (score, importance), shown under the name. */
  meta?: (item: T) => ReactNode
  /** Further lines (skills to add). */
  extra?: (item: T) => ReactNode
}

export function CareerRefList<T>({ items, career, meta, extra }: CareerRefListProps<T>) {
  return (
    <ol className="career-refs">
      {items.map((item) => {
        const ref = career(item)
        return (
          <li key={ref.slug}>
            <CareerName career={ref} />
            {meta ? <span className="career-meta">{meta(item)}</span> : null}
            {ref.summary ? <span className="career-summary">{firstSentence(ref.summary)}</span> : null}
            {extra ? extra(item) : null}
          </li>
        )
      })}
    </ol>
  )
}

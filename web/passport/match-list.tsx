/**
 * Careers ranked by fit for a passport: each with its score and coverage in words and as a meter-like
 * figure, the heaviest skills it shares with the passport and those it lacks, the U.S. outlook the
 * filters act on (pay, growth, entry education) and links to the gap view and to plan for it.
 */
import type { MatchAnswer } from '../../server/modules/analysis/analysis.schema.js'
import { displayTitle, formatUsd, originLabel } from '../format.js'
import { careerHref, withQuery } from '../links.js'
import { TagList } from '../ui/blocks.js'

export type MatchItem = MatchAnswer['items'][number]

export const pct = (share: number): string => `${Math.round(share * 100)}%`

function outlookWords(outlook: MatchItem['outlook']): string[] {
  const words: string[] = []
  if (outlook.pay) words.push(`median pay ${formatUsd(outlook.pay.value)} a year${outlook.pay.period ? ` (${outlook.pay.period})` : ''}`)
  if (outlook.growthPercent) words.push(`jobs ${outlook.growthPercent.value >= 0 ? 'growing' : 'shrinking'} ${Math.abs(outlook.growthPercent.value)}%${outlook.growthPercent.period ? ` (${outlook.growthPercent.period})` : ''}`)
  if (outlook.education) words.push(`usually starts with: ${outlook.education.label}`)
  return words
}

export function MatchList({ items, start = 1 }: { items: readonly MatchItem[]; start?: number }) {
  if (items.length === 0) return <p>No career matches these filters. Try fewer filters.</p>
  return (
    <ol className="item-cards match-list" start={start}>
      {items.map((m, i) => {
        const outlook = outlookWords(m.outlook)
        return (
          <li key={m.career.slug} className="item-card">
            <h3 className="item-card-title">
              <span className="match-rank">{start + i}.</span> <a href={careerHref(m.career.slug)}>{displayTitle(m.career.title)}</a>{' '}
              <span className="origin-label">{originLabel(m.career.origin)}</span>
            </h3>
            <p className="match-scores">
              <strong>Fit {pct(m.score)}</strong> · you cover {pct(m.coverage)} of what it needs · it uses {pct(m.relevance)} of your skills
            </p>
            <TagList label="You have" names={m.matched.map((s) => s.name)} />
            <TagList label="You would need" names={m.missing.map((s) => s.name)} />
            {outlook.length > 0 ? <p className="item-meta">In the U.S.: {outlook.join('; ')}.</p> : null}
            <p className="inline-links">
              <a href={withQuery('/passport/gaps', { career: m.career.slug })}>
                See the gap<span className="visually-hidden"> to {displayTitle(m.career.title)}</span>
              </a>{' '}
              <a href={withQuery('/passport/plans', { career: m.career.slug })}>
                Plan for it<span className="visually-hidden">: {displayTitle(m.career.title)}</span>
              </a>
            </p>
          </li>
        )
      })}
    </ol>
  )
}

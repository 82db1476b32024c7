/**
 * A learning plan week by week: an ordered list in which weeks with the same work are merged
 * ("Weeks 2–4"), each naming the items studied and their hours that week; then one card per item
 * with why it is in the plan, the skills it moves and its time and price, and — for the learner's
 * own plan — a button marking it done. A list reads well on a phone and in a screen reader, so it is
 * the timeline itself rather than a drawing needing a text alternative.
 */
import type { PlanAnswer } from '../../server/modules/analysis/analysis.schema.js'
import { formatNumber } from '../format.js'
import { credentialHref, resourceHref } from '../links.js'
import { ButtonForm } from '../ui/form.js'
import { levelWords } from './gap-chart-svg.js'

export type PlanItem = PlanAnswer['items'][number]
export type PlanWeek = PlanAnswer['weeks'][number]

export interface WeekSpan {
  from: number
  to: number
  items: { id: string; hours: number }[]
}

const sameWork = (a: WeekSpan['items'], b: WeekSpan['items']): boolean =>
  a.length === b.length && a.every((x, i) => x.id === b[i]?.id && x.hours === b[i]?.hours)

/** Consecutive weeks with the same items and hours become one span. */
export function weekSpans(weeks: readonly PlanWeek[]): WeekSpan[] {
  const spans: WeekSpan[] = []
  for (const w of [...weeks].sort((a, b) => a.week - b.week)) {
    const last = spans.at(-1)
    if (last && last.to === w.week - 1 && sameWork(last.items, w.items)) last.to = w.week
    else spans.push({ from: w.week, to: w.week, items: w.items.map((i) => ({ id: i.id, hours: i.hours })) })
  }
  return spans
}

export const hoursWords = (hours: number): string => `${formatNumber(Math.round(hours * 10) / 10)} hour${hours === 1 ? '' : 's'}`

export const itemHref = (item: Pick<PlanItem, 'id' | 'type'>): string => (item.type === 'credential' ? credentialHref(item.id) : resourceHref(item.id))

export function costWords(cost: PlanItem['cost']): string {
  if (cost === null) return 'price not stated'
  if (cost.amount === 0) return 'free'
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: cost.currency, minimumFractionDigits: Number.isInteger(cost.amount) ? 0 : 2, maximumFractionDigits: 2 }).format(cost.amount)
}

const weekLabel = (span: Pick<WeekSpan, 'from' | 'to'>): string => (span.from === span.to ? `Week ${span.from}` : `Weeks ${span.from}–${span.to}`)

export function PlanTimeline({ items, weeks }: { items: readonly PlanItem[]; weeks: readonly PlanWeek[] }) {
  const byId = new Map(items.map((i) => [i.id, i]))
  const spans = weekSpans(weeks)
  if (spans.length === 0) return <p>Nothing is left to study in this plan.</p>
  return (
    <ol className="timeline">
      {spans.map((span) => (
        <li key={span.from}>
          <h3 className="timeline-when">{weekLabel(span)}</h3>
          <ul>
            {span.items.map((entry) => {
              const item = byId.get(entry.id)
              return (
                <li key={entry.id}>
                  <a href={item ? itemHref(item) : resourceHref(entry.id)}>{item?.title ?? entry.id}</a>
                  {` — ${hoursWords(entry.hours)} a week`}
                  {item?.status === 'done' ? <span className="badge badge-time"> done</span> : null}
                </li>
              )
            })}
          </ul>
        </li>
      ))}
    </ol>
  )
}

export interface PlanItemCardsProps {
  items: readonly PlanItem[]
  /** The form address marking an item done; absent for a plan that cannot be changed. */
  markDone?: (item: PlanItem) => string
  csrf?: string
}

export function PlanItemCards({ items, markDone, csrf }: PlanItemCardsProps) {
  return (
    <ol className="item-cards plan-items">
      {items.map((item) => (
        <li key={item.id} className="item-card" id={`item-${item.id}`}>
          <h3 className="item-card-title">
            <a href={itemHref(item)}>{item.title}</a> {item.status === 'done' ? <span className="badge badge-time">done</span> : null}
          </h3>
          <p className="item-meta">
            {[item.type === 'credential' ? 'Credential' : 'Course or reading', item.level, item.startWeek === null ? null : weekLabel({ from: item.startWeek, to: item.endWeek ?? item.startWeek })].filter(Boolean).join(' · ')}
          </p>
          <p>{item.reason}</p>
          {item.skills.length > 0 ? (
            <ul className="plain-list">
              {item.skills.map((s) => <li key={s.skill}>{s.name}: {levelWords(s.from)} → {levelWords(s.to)} (needed: {s.required})</li>)}
            </ul>
          ) : null}
          <p className="item-meta">{hoursWords(item.hours)}{item.hoursEstimated ? ' (estimated)' : ''} · {costWords(item.cost)}</p>
          {markDone && item.status !== 'done' ? <ButtonForm action={markDone(item)} csrf={csrf} label={`Mark “${item.title}” as done`} /> : null}
        </li>
      ))}
    </ol>
  )
}

/** The skills no item in the catalog brings to the level needed, with why. */
export function UncoveredSkills({ uncovered }: { uncovered: PlanAnswer['uncovered'] }) {
  if (uncovered.length === 0) return <p>Every skill the career needs is covered by the plan or by what you already have.</p>
  return (
    <ul className="plain-list">
      {uncovered.map((u) => (
        <li key={u.skill}>
          <strong>{u.name}</strong> (needed: {levelWords(u.required)}; the plan reaches {levelWords(u.reached)}): {u.reason}
        </li>
      ))}
    </ul>
  )
}

export function PlanTotals({ plan }: { plan: Pick<PlanAnswer, 'totals' | 'hoursPerWeek' | 'coverageBefore' | 'coverageAfter'> }) {
  const { totals } = plan
  const pct = (n: number | null) => (n === null ? 'unknown' : `${Math.round(n * 100)}%`)
  return (
    <dl className="facts">
      <div><dt>Time</dt><dd>{hoursWords(totals.hours)} over {totals.weeks} week{totals.weeks === 1 ? '' : 's'} at {hoursWords(plan.hoursPerWeek)} a week</dd></div>
      <div><dt>Cost</dt><dd>{totals.cost ? costWords(totals.cost) : 'not known'}{totals.itemsWithUnknownCost > 0 ? ` (${totals.itemsWithUnknownCost} item${totals.itemsWithUnknownCost === 1 ? '' : 's'} without a stated price left out)` : ''}</dd></div>
      <div><dt>Coverage</dt><dd>{pct(plan.coverageBefore)} now, {pct(plan.coverageAfter)} when the plan is done</dd></div>
    </dl>
  )
}

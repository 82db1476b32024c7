/**
 * The progress chart's data from the append-only progress events (pure): one point per UTC day with
 * at least one change, carrying the state after that day's last change — the coverage of each target
 * career then, and how many plan items and pathway steps were done.
 */
import type { EventRow } from './passport.repository.js'

export interface SeriesPoint {
  date: string
  coverage: EventRow['coverage']
  itemsDone: number
  stepsDone: number
  events: number
}

/** Events in the order they happened. */
export function progressSeries(events: readonly EventRow[]): SeriesPoint[] {
  const points: SeriesPoint[] = []
  for (const event of events) {
    const date = event.at.slice(0, 10)
    const last = points.at(-1)
    const point = { date, coverage: event.coverage, itemsDone: event.itemsDone, stepsDone: event.stepsDone }
    if (last && last.date === date) Object.assign(last, point, { events: last.events + 1 })
    else points.push({ ...point, events: 1 })
  }
  return points
}

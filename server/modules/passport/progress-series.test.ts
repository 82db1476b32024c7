import { describe, expect, it } from 'vitest'
import { progressSeries } from './progress-series.js'

const event = (at: string, coverage: number, itemsDone = 0, stepsDone = 0) => ({ at, kind: 'skill_set', coverage: [{ career: 'c', coverage }], itemsDone, stepsDone })

describe('progressSeries', () => {
  it('has one point per UTC day with a change, holding the state after the day\'s last change', () => {
    expect(progressSeries([
      event('2026-03-01T09:00:00.000Z', 0.1),
      event('2026-03-01T23:59:59.000Z', 0.2, 1),
      event('2026-03-04T00:00:00.000Z', 0.3, 1, 2),
    ])).toEqual([
      { date: '2026-03-01', coverage: [{ career: 'c', coverage: 0.2 }], itemsDone: 1, stepsDone: 0, events: 2 },
      { date: '2026-03-04', coverage: [{ career: 'c', coverage: 0.3 }], itemsDone: 1, stepsDone: 2, events: 1 },
    ])
    expect(progressSeries([])).toEqual([])
  })
})

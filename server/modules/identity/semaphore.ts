/**
 * A counting semaphore with a bounded wait queue. argon2 at the OWASP floor takes ~19 MiB and tens of
 * milliseconds of a core per hash, so at most about one hash per core runs at a time; a burst beyond
 * the queue is refused at once (503 with Retry-After) instead of piling up memory and latency.
 */
import { AppError } from '../../platform/http/errors.js'

export class BusyError extends AppError {
  constructor() {
    super('service.busy', 503, 'Too many sign-ins are being checked right now; retry shortly.', { retryAfter: 1 })
  }
}

export interface Semaphore {
  /** Runs work when a slot is free; throws BusyError when the queue is full. */
  run<T>(work: () => Promise<T>): Promise<T>
  /** Slots in use and callers waiting (for tests and metrics). */
  stats(): { active: number; waiting: number }
}

export function createSemaphore(slots: number, maxWaiting: number): Semaphore {
  let active = 0
  const waiting: (() => void)[] = []
  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else active -= 1
  }
  return {
    async run(work) {
      if (active < slots) {
        active += 1
      } else {
        if (waiting.length >= maxWaiting) throw new BusyError()
        await new Promise<void>((resolve) => waiting.push(resolve))
      }
      try {
        return await work()
      } finally {
        release()
      }
    },
    stats: () => ({ active, waiting: waiting.length }),
  }
}

/**
 * Time as the identity module sees it: injected, so tests move it forward instead of waiting
 * (session idle and absolute timeouts, token expiry, throttling backoff).
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

/** ISO-8601 UTC text, the timestamp format of every identity table. */
export const iso = (ms: number): string => new Date(ms).toISOString()

/**
 * Sign-in throttling (ASVS 6.3.1, SECURITY.md A3): per account (normalised email, whether or not it
 * exists) and per client IP, checked before any password hashing runs.
 *
 * Each key counts failures. The first `freeFailures` cost nothing; from then on every failure blocks
 * the key for `baseDelayMs` doubling per further failure, capped at `maxDelayMs` — never a permanent
 * lockout. A key with no failure for `quietMs` starts over, and a successful sign-in clears the
 * account's key (not the IP's: one good account must not buy an address more guesses at others).
 * Defaults: account 5 free failures, IP 50 (schools put many people behind one address), then 1 s,
 * 2 s, 4 s … up to 15 min; counters forgotten after 1 h without failures.
 */
import type { Clock } from './clock.js'

export interface ThrottleRecord {
  failures: number
  lastFailureAt: number
  blockedUntil: number
}

/** Where counters live: process memory now, Redis when several instances run (issue 9). */
export interface ThrottleStore {
  get(key: string): Promise<ThrottleRecord | undefined>
  set(key: string, record: ThrottleRecord, expiresAt: number): Promise<void>
  delete(key: string): Promise<void>
  /**
   * Optional: counts one failure atomically (read, count and block in one step), so failures from
   * several processes at once are all counted. Stores without it are read then written.
   */
  recordFailure?(key: string, now: number, policy: ThrottlePolicy): Promise<ThrottleRecord>
}

export interface ThrottlePolicy {
  freeFailures: number
  baseDelayMs: number
  maxDelayMs: number
  quietMs: number
}

/** account and ip count failed sign-ins; signup counts every sign-up attempt from an address. */
export type ThrottleKind = 'account' | 'ip' | 'signup'

export const DEFAULT_POLICIES: Readonly<Record<ThrottleKind, ThrottlePolicy>> = {
  account: { freeFailures: 5, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, quietMs: 60 * 60_000 },
  ip: { freeFailures: 50, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, quietMs: 60 * 60_000 },
  // A whole class may sign up from one school address within the hour; a script creating accounts
  // in bulk is slowed from the 101st attempt on.
  signup: { freeFailures: 100, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, quietMs: 60 * 60_000 },
}

export interface ThrottleKey {
  kind: ThrottleKind
  id: string
}

export interface Throttle {
  /** Milliseconds until the first of the keys may try again, or 0 when none is blocked. */
  retryAfterMs(keys: readonly ThrottleKey[]): Promise<number>
  /** Counts a failure against every key. */
  fail(keys: readonly ThrottleKey[]): Promise<void>
  /** Forgets a key's failures (a successful sign-in of the account). */
  clear(key: ThrottleKey): Promise<void>
}

/** The block a key earns with its `failures`-th failure. */
export function blockFor(policy: ThrottlePolicy, failures: number): number {
  if (failures < policy.freeFailures) return 0
  const doublings = Math.min(failures - policy.freeFailures, 40)
  return Math.min(policy.baseDelayMs * 2 ** doublings, policy.maxDelayMs)
}

export function createThrottle(deps: { store: ThrottleStore; clock: Clock; policies?: Partial<Record<ThrottleKind, ThrottlePolicy>> }): Throttle {
  const policies = { ...DEFAULT_POLICIES, ...deps.policies }
  const name = (key: ThrottleKey) => `${key.kind}:${key.id}`
  const current = async (key: ThrottleKey, now: number): Promise<ThrottleRecord | undefined> => {
    const record = await deps.store.get(name(key))
    if (!record || now - record.lastFailureAt >= policies[key.kind].quietMs) return undefined
    return record
  }
  return {
    async retryAfterMs(keys) {
      const now = deps.clock.now()
      let wait = 0
      for (const key of keys) {
        const record = await current(key, now)
        if (record && record.blockedUntil > now) wait = Math.max(wait, record.blockedUntil - now)
      }
      return wait
    },
    async fail(keys) {
      const now = deps.clock.now()
      for (const key of keys) {
        const policy = policies[key.kind]
        if (deps.store.recordFailure) {
          await deps.store.recordFailure(name(key), now, policy)
          continue
        }
        const failures = ((await current(key, now))?.failures ?? 0) + 1
        const record = { failures, lastFailureAt: now, blockedUntil: now + blockFor(policy, failures) }
        await deps.store.set(name(key), record, Math.max(record.blockedUntil, now + policy.quietMs))
      }
    },
    clear: (key) => deps.store.delete(name(key)),
  }
}

/**
 * Counters in process memory, at most `maxKeys` of them (a flood of made-up addresses must not grow
 * memory without bound): expired keys go first, then the oldest.
 */
export function createMemoryThrottleStore(deps: { clock: Clock; maxKeys?: number }): ThrottleStore {
  const maxKeys = deps.maxKeys ?? 100_000
  const entries = new Map<string, { record: ThrottleRecord; expiresAt: number }>()
  const evict = () => {
    const now = deps.clock.now()
    for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key)
    const target = Math.floor(maxKeys * 0.9) // room for a while, so a flood does not sweep on every write
    for (const key of entries.keys()) {
      if (entries.size <= target) break
      entries.delete(key)
    }
  }
  return {
    async get(key) {
      const entry = entries.get(key)
      if (!entry) return undefined
      if (entry.expiresAt <= deps.clock.now()) {
        entries.delete(key)
        return undefined
      }
      return { ...entry.record }
    },
    async set(key, record, expiresAt) {
      entries.delete(key) // re-inserted last: Map order is the eviction order
      if (entries.size >= maxKeys) evict()
      entries.set(key, { record: { ...record }, expiresAt })
    },
    async delete(key) {
      entries.delete(key)
    },
    async recordFailure(key, now, policy) {
      // No await between the read and the write: concurrent failures in this process all count.
      const entry = entries.get(key)
      const live = entry && entry.expiresAt > now && now - entry.record.lastFailureAt < policy.quietMs ? entry.record : undefined
      const record = nextFailure(live, now, policy)
      entries.delete(key)
      if (entries.size >= maxKeys) evict()
      entries.set(key, { record, expiresAt: Math.max(record.blockedUntil, now + policy.quietMs) })
      return { ...record }
    },
  }
}

/** The record after one more failure (`previous`: the key's live record, if any). */
export function nextFailure(previous: ThrottleRecord | undefined, now: number, policy: ThrottlePolicy): ThrottleRecord {
  const failures = (previous?.failures ?? 0) + 1
  return { failures, lastFailureAt: now, blockedUntil: now + blockFor(policy, failures) }
}

/**
 * Sign-in throttle counters (the identity module's ThrottleStore) on Redis, so every API process
 * counts against the same keys. A failure is counted by one Lua script (read, count, block and expire
 * in one atomic step). When Redis is gone the store falls back to this process's own in-memory
 * counters, with a warning: throttling still works, only per process, until Redis returns.
 */
import { createMemoryThrottleStore, type ThrottlePolicy, type ThrottleRecord, type ThrottleStore } from '../../modules/identity/throttle.js'
import type { Clock } from '../../modules/identity/clock.js'
import { onceEvery, type WarnLog } from './cache.js'
import type { RedisLink } from './redis.js'

// Times are the throttle's clock (a test's may be months from Redis's own): a key's lifetime is set
// relative (PEXPIRE), never as an absolute instant Redis would read against its own clock.
// KEYS[1] the counter; ARGV now, freeFailures, baseDelayMs, maxDelayMs, quietMs.
// Returns { failures, lastFailureAt, blockedUntil }.
const RECORD_FAILURE = `
local now = tonumber(ARGV[1])
local free = tonumber(ARGV[2])
local base = tonumber(ARGV[3])
local max = tonumber(ARGV[4])
local quiet = tonumber(ARGV[5])
local stored = redis.call('HMGET', KEYS[1], 'f', 'l')
local failures = 0
if stored[1] and stored[2] and now - tonumber(stored[2]) < quiet then failures = tonumber(stored[1]) end
failures = failures + 1
local block = 0
if failures >= free then
  local doublings = math.min(failures - free, 40)
  block = math.min(base * (2 ^ doublings), max)
end
local blocked = now + block
redis.call('HSET', KEYS[1], 'f', failures, 'l', now, 'b', blocked)
redis.call('PEXPIRE', KEYS[1], math.max(block, quiet))
return { failures, now, blocked }
`

export function createRedisThrottleStore(link: RedisLink): Required<ThrottleStore> {
  const name = (key: string) => `${link.prefix}throttle:${key}`
  return {
    async get(key) {
      const h = await link.run((r) => r.hgetall(name(key)))
      if (h.f === undefined || h.l === undefined || h.b === undefined) return undefined
      return { failures: Number(h.f), lastFailureAt: Number(h.l), blockedUntil: Number(h.b) }
    },
    async set(key, record, expiresAt) {
      await link.run((r) => r.multi()
        .hset(name(key), 'f', record.failures, 'l', record.lastFailureAt, 'b', record.blockedUntil)
        .pexpire(name(key), Math.max(1, Math.ceil(expiresAt - record.lastFailureAt)))
        .exec())
    },
    async delete(key) {
      await link.run((r) => r.del(name(key)))
    },
    async recordFailure(key, now, policy) {
      const [failures, lastFailureAt, blockedUntil] = await link.run((r) => r.eval(
        RECORD_FAILURE, 1, name(key), now, policy.freeFailures, policy.baseDelayMs, policy.maxDelayMs, policy.quietMs,
      )) as [number, number, number]
      return { failures: Number(failures), lastFailureAt: Number(lastFailureAt), blockedUntil: Number(blockedUntil) }
    },
  }
}

/** Redis first; this process's memory while Redis fails (one warning per 30 s of outage). */
export function withLocalFallback(primary: Required<ThrottleStore>, clock: Clock, log?: WarnLog): Required<ThrottleStore> {
  const local = createMemoryThrottleStore({ clock }) as Required<ThrottleStore>
  const warn = onceEvery(30_000, (error: unknown) => log?.warn({ err: error }, 'Redis unavailable: sign-in throttling counts in this process only'))
  const guarded = <A extends unknown[], R>(op: (s: Required<ThrottleStore>, ...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await op(primary, ...args)
      } catch (error) {
        warn(error)
        return op(local, ...args)
      }
    }
  return {
    get: guarded((s, key: string) => s.get(key)),
    set: guarded((s, key: string, record: ThrottleRecord, expiresAt: number) => s.set(key, record, expiresAt)),
    delete: guarded((s, key: string) => s.delete(key)),
    recordFailure: guarded((s, key: string, now: number, policy: ThrottlePolicy) => s.recordFailure(key, now, policy)),
  }
}

/**
 * A shared cache of strings with a time to live. In memory it is bounded by bytes (least recently
 * used entries go first); on Redis the keys carry the installation's prefix and expire on their own.
 * When Redis is gone a read is a miss and a write is dropped: the cache never makes a request fail.
 */
import type { RedisLink } from './redis.js'

export interface Cache {
  get(key: string): Promise<string | undefined>
  set(key: string, value: string, ttlMs: number): Promise<void>
  delete(key: string): Promise<void>
}

export interface WarnLog {
  warn(obj: object, msg: string): void
}

export function createMemoryCache(options: { maxBytes?: number; now?: () => number } = {}): Cache & { bytes(): number } {
  const maxBytes = options.maxBytes ?? 32 * 1024 * 1024
  const now = options.now ?? Date.now
  const entries = new Map<string, { value: string; expiresAt: number; size: number }>()
  let bytes = 0
  const sizeOf = (key: string, value: string) => 2 * (key.length + value.length) + 64
  const drop = (key: string) => {
    const entry = entries.get(key)
    if (!entry) return
    bytes -= entry.size
    entries.delete(key)
  }
  return {
    async get(key) {
      const entry = entries.get(key)
      if (!entry) return undefined
      if (entry.expiresAt <= now()) {
        drop(key)
        return undefined
      }
      entries.delete(key) // re-inserted last: Map order is the eviction order
      entries.set(key, entry)
      return entry.value
    },
    async set(key, value, ttlMs) {
      drop(key)
      const size = sizeOf(key, value)
      if (size > maxBytes || ttlMs <= 0) return
      for (const [old, entry] of entries) {
        if (bytes + size <= maxBytes) break
        bytes -= entry.size
        entries.delete(old)
      }
      entries.set(key, { value, expiresAt: now() + ttlMs, size })
      bytes += size
    },
    async delete(key) {
      drop(key)
    },
    bytes: () => bytes,
  }
}

export function createRedisCache(link: RedisLink, log?: WarnLog): Cache {
  const name = (key: string) => `${link.prefix}cache:${key}`
  const warn = onceEvery(30_000, (error: unknown) => log?.warn({ err: error }, 'Redis cache unavailable: serving misses'))
  return {
    async get(key) {
      try {
        return (await link.run((r) => r.get(name(key)))) ?? undefined
      } catch (error) {
        warn(error)
        return undefined
      }
    },
    async set(key, value, ttlMs) {
      if (ttlMs <= 0) return
      try {
        await link.run((r) => r.set(name(key), value, 'PX', Math.ceil(ttlMs)))
      } catch (error) {
        warn(error)
      }
    },
    async delete(key) {
      try {
        await link.run((r) => r.del(name(key)))
      } catch (error) {
        warn(error)
      }
    },
  }
}

/** Calls `fn` at most once per `ms` (a warning per outage, not per request). */
export function onceEvery<A extends unknown[]>(ms: number, fn: (...args: A) => void): (...args: A) => void {
  let last = -Infinity
  return (...args) => {
    const t = Date.now()
    if (t - last < ms) return
    last = t
    fn(...args)
  }
}

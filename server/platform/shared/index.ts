/**
 * What several processes of one installation share: a cache, sign-in throttle counters,
 * catalog-change notices and the job queue. With REDIS_URL they live in Redis; without it (embedded
 * mode) each has an in-memory twin in this process, and nothing else changes.
 *
 * Degradation when Redis goes away (nothing crashes, every command gives up within about 1 s):
 * - cache: reads miss, writes are dropped;
 * - throttle counters: counted in this process's memory, with a warning, until Redis returns;
 * - notices: publishes are dropped, other processes notice a new catalog at their next poll;
 * - jobs: enqueueing fails with JobsUnavailableError (HTTP 503 `jobs.unavailable`), workers wait
 *   and resume on their own; /readyz reports the `redis` check failing.
 */
import type { Clock } from '../../modules/identity/clock.js'
import type { ThrottleStore } from '../../modules/identity/throttle.js'
import { createMemoryThrottleStore } from '../../modules/identity/throttle.js'
import { createMemoryJobQueue, createRedisJobQueue, type JobQueue } from '../jobs/queue.js'
import { createMemoryCache, createRedisCache, type Cache, type WarnLog } from './cache.js'
import { createRedisThrottleStore, withLocalFallback } from './counters.js'
import { createMemoryNotices, createRedisNotices, type Notices } from './notices.js'
import { createRedisLink, type RedisLink } from './redis.js'

export { type Cache } from './cache.js'
export { type Notices, CATALOG_VERSION_CHANNEL } from './notices.js'
export { RedisUnavailableError } from './redis.js'

export interface Shared {
  readonly backend: 'memory' | 'redis'
  cache: Cache
  throttleStore: ThrottleStore
  notices: Notices
  jobs: JobQueue
  /** For /readyz: resolves when Redis answers PING (always, in memory). */
  ping(): Promise<void>
  close(): Promise<void>
}

export interface SharedOptions {
  redisUrl: string | undefined
  clock: Clock
  log?: WarnLog
  /** Key prefix on Redis (default `pathways:`); tests use one per run. */
  prefix?: string
}

export function createShared(options: SharedOptions): Shared {
  if (!options.redisUrl) {
    return {
      backend: 'memory',
      cache: createMemoryCache(),
      throttleStore: createMemoryThrottleStore({ clock: options.clock }),
      notices: createMemoryNotices(),
      jobs: createMemoryJobQueue(),
      ping: async () => undefined,
      close: async () => undefined,
    }
  }
  const { url, prefix } = splitRedisUrl(options.redisUrl)
  const link = createRedisLink(url, { prefix: options.prefix ?? prefix })
  return createRedisShared(link, options)
}

/**
 * REDIS_URL may name the installation's key prefix as `?prefix=<name>:` (default `pathways:`), so
 * installations (or test runs) can share one Redis without seeing each other's keys.
 */
export function splitRedisUrl(redisUrl: string): { url: string; prefix: string | undefined } {
  const parsed = new URL(redisUrl)
  const prefix = parsed.searchParams.get('prefix') ?? undefined
  parsed.searchParams.delete('prefix')
  if (prefix !== undefined && !/^[A-Za-z0-9._:-]{1,100}$/.test(prefix)) throw new Error('the REDIS_URL prefix may hold only letters, digits and . _ : - (at most 100)')
  return { url: parsed.toString(), prefix }
}

export function createRedisShared(link: RedisLink, options: Pick<SharedOptions, 'clock' | 'log'>): Shared {
  const notices = createRedisNotices(link, options.log)
  const jobs = createRedisJobQueue(link)
  return {
    backend: 'redis',
    cache: createRedisCache(link, options.log),
    throttleStore: withLocalFallback(createRedisThrottleStore(link), options.clock, options.log),
    notices,
    jobs,
    async ping() {
      await link.run((r) => r.ping())
    },
    async close() {
      await jobs.close()
      await notices.close()
      await link.close()
    },
  }
}

/**
 * The shared-adapter contract on the in-memory twins and on Redis (TEST_REDIS_URL; skipped with a
 * message without it). Redis keys use a prefix unique to this run, deleted afterwards.
 */
import { randomUUID } from 'node:crypto'
import { describe, it } from 'vitest'
import { createMemoryThrottleStore } from '../../server/modules/identity/throttle.js'
import { createMemoryJobQueue } from '../../server/platform/jobs/queue.js'
import { createMemoryCache } from '../../server/platform/shared/cache.js'
import { createMemoryNotices } from '../../server/platform/shared/notices.js'
import { createRedisShared, type Shared } from '../../server/platform/shared/index.js'
import { createRedisLink } from '../../server/platform/shared/redis.js'
import { deleteKeys } from './redis-keys.js'
import { sharedContract } from './shared-contract.js'

const clock = { now: () => Date.now() }

sharedContract('memory', async () => {
  const handles = new Map<string, Shared>()
  return {
    open(namespace) {
      let shared = handles.get(namespace)
      if (!shared) {
        shared = {
          backend: 'memory', cache: createMemoryCache(), throttleStore: createMemoryThrottleStore({ clock }),
          notices: createMemoryNotices(), jobs: createMemoryJobQueue(), ping: async () => undefined, close: async () => undefined,
        }
        handles.set(namespace, shared)
      }
      return shared
    },
    async cleanup() {
      for (const shared of handles.values()) await shared.close()
    },
  }
})

const redisUrl = process.env.TEST_REDIS_URL
if (!redisUrl) {
  describe('shared adapters contract: redis', () => {
    it.skip('needs TEST_REDIS_URL (e.g. redis://127.0.0.1:6379): the Redis side of the contract is not run', () => undefined)
  })
} else {
  sharedContract('redis', async () => {
    const run = `pathways-test:${process.pid}-${randomUUID().slice(0, 8)}:`
    const opened: Shared[] = []
    return {
      open(namespace) {
        const shared = createRedisShared(createRedisLink(redisUrl, { prefix: `${run}${namespace}:` }), { clock })
        opened.push(shared)
        return shared
      },
      async cleanup() {
        for (const shared of opened) await shared.close()
        await deleteKeys(redisUrl, `${run}*`)
      },
    }
  })
}

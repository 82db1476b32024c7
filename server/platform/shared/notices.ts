/**
 * Notices between processes: a process that publishes a new catalog version tells the others, which
 * refresh at once instead of waiting for their next poll. In memory the notices stay in the process;
 * on Redis they travel on a pub/sub channel under the installation's prefix. Delivery is best effort:
 * when Redis is gone a publish is dropped (with a warning) and the catalog poll remains the fallback.
 */
import { EventEmitter } from 'node:events'
import type { Redis } from 'ioredis'
import { onceEvery, type WarnLog } from './cache.js'
import type { RedisLink } from './redis.js'

export type NoticeHandler = (message: string) => void

export interface Notices {
  publish(channel: string, message: string): Promise<void>
  /** Resolves once the subscription is active; returns a function that ends it. */
  subscribe(channel: string, handler: NoticeHandler): Promise<() => Promise<void>>
  close(): Promise<void>
}

/** The channel a new catalog version is announced on; the message is the version number. */
export const CATALOG_VERSION_CHANNEL = 'catalog.version'

export function createMemoryNotices(): Notices {
  const bus = new EventEmitter()
  bus.setMaxListeners(0)
  return {
    async publish(channel, message) {
      bus.emit(channel, message)
    },
    async subscribe(channel, handler) {
      bus.on(channel, handler)
      return async () => {
        bus.off(channel, handler)
      }
    },
    async close() {
      bus.removeAllListeners()
    },
  }
}

export function createRedisNotices(link: RedisLink, log?: WarnLog): Notices {
  const name = (channel: string) => `${link.prefix}notice:${channel}`
  const handlers = new Map<string, Set<NoticeHandler>>()
  let subscriber: Redis | undefined
  const warn = onceEvery(30_000, (error: unknown) => log?.warn({ err: error }, 'Redis unavailable: catalog-change notices are not sent; other processes rely on polling'))
  const connect = () => {
    if (subscriber) return subscriber
    // The subscriber queues its SUBSCRIBE while connecting and resubscribes after a reconnect.
    subscriber = link.duplicate({ commandTimeout: undefined, maxRetriesPerRequest: null })
    subscriber.on('message', (channel: string, message: string) => {
      for (const handler of handlers.get(channel) ?? []) {
        try {
          handler(message)
        } catch (error) {
          log?.warn({ err: error }, 'notice handler failed')
        }
      }
    })
    return subscriber
  }
  return {
    async publish(channel, message) {
      try {
        await link.run((r) => r.publish(name(channel), message))
      } catch (error) {
        warn(error)
      }
    },
    async subscribe(channel, handler) {
      const full = name(channel)
      let set = handlers.get(full)
      if (!set) {
        set = new Set()
        handlers.set(full, set)
        await connect().subscribe(full)
      }
      set.add(handler)
      return async () => {
        const current = handlers.get(full)
        current?.delete(handler)
        if (current && current.size === 0) {
          handlers.delete(full)
          await subscriber?.unsubscribe(full).catch(() => undefined)
        }
      }
    },
    async close() {
      handlers.clear()
      if (subscriber && subscriber.status !== 'end') await subscriber.quit().catch(() => subscriber?.disconnect())
    },
  }
}

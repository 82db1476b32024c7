/**
 * Redis connections for the shared adapters. Commands must fail fast when Redis is gone, never hang:
 * a command waits at most `commandTimeoutMs` (default 1 s), and while the client is reconnecting a
 * command is refused at once instead of being queued.
 */
import { Redis, type RedisOptions } from 'ioredis'

export interface RedisLink {
  /** The client for commands (cache, counters, publishing). */
  client: Redis
  /** Every key this installation writes starts with this (`pathways:` unless a test picks its own). */
  prefix: string
  /** A new connection with the same settings (a subscriber, BullMQ). */
  duplicate(extra?: RedisOptions): Redis
  /** A duplicate whose socket does not keep the process alive (a producer's connection). */
  unrefDuplicate(extra?: RedisOptions): Redis
  /** Runs a command; rejects with RedisUnavailableError when Redis is not reachable. */
  run<T>(command: (client: Redis) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export class RedisUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`Redis is not reachable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
    this.name = 'RedisUnavailableError'
  }
}

export interface RedisLinkOptions {
  prefix?: string
  commandTimeoutMs?: number
}

export function redisOptions(commandTimeoutMs = 1000): RedisOptions {
  return {
    connectTimeout: 2000,
    commandTimeout: commandTimeoutMs,
    maxRetriesPerRequest: 1,
    // Reconnect for ever, at most every 2 s: Redis coming back heals every adapter without a restart.
    retryStrategy: (times) => Math.min(times * 200, 2000),
    lazyConnect: false,
  }
}

export function createRedisLink(url: string, options: RedisLinkOptions = {}): RedisLink {
  const base = redisOptions(options.commandTimeoutMs)
  const client = new Redis(url, { ...base, lazyConnect: true })
  client.on('error', () => undefined) // reported through failing commands and the readiness check
  unrefOnConnect(client) // commands alone never keep a process alive (a migrate run ends on its own)
  const duplicates: Redis[] = []
  return {
    client,
    prefix: options.prefix ?? 'pathways:',
    duplicate(extra = {}) {
      const copy = new Redis(url, { ...base, ...extra })
      copy.on('error', () => undefined)
      duplicates.push(copy)
      return copy
    },
    async run(command) {
      if (client.status === 'reconnecting' || client.status === 'end' || client.status === 'close') {
        throw new RedisUnavailableError(new Error(`connection ${client.status}`))
      }
      try {
        return await command(client)
      } catch (error) {
        throw new RedisUnavailableError(error)
      }
    },
    unrefDuplicate(extra = {}) {
      const copy = this.duplicate({ lazyConnect: true, ...extra })
      unrefOnConnect(copy)
      return copy
    },
    async close() {
      for (const c of [client, ...duplicates]) {
        if (c.status === 'end') continue
        await c.quit().catch(() => c.disconnect())
      }
    },
  }
}

/** ioredis has no unref(); its socket does, once connected. */
function unrefOnConnect(client: Redis): void {
  client.on('connect', () => {
    (client as unknown as { stream?: { unref?: () => void } }).stream?.unref?.()
  })
}

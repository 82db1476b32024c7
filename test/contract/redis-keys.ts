import { Redis } from 'ioredis'

/** Deletes the run's keys (SCAN, never FLUSHALL: the server is shared). */
export async function deleteKeys(url: string, pattern: string): Promise<number> {
  const redis = new Redis(url)
  let deleted = 0
  try {
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500)
      cursor = next
      if (keys.length > 0) deleted += await redis.del(...keys)
    } while (cursor !== '0')
  } finally {
    redis.disconnect()
  }
  return deleted
}

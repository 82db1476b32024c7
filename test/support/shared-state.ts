/**
 * The shared state of test apps: with TEST_REDIS_URL set (CI's PostgreSQL + Redis run), every test
 * app uses the Redis adapters under a prefix of its own — the HTTP suites then run on the same
 * adapters as a scaled-out installation — and its keys are deleted when it closes. Without it, the
 * in-memory twins, as in embedded mode.
 */
import { randomUUID } from 'node:crypto'
import { deleteKeys } from '../contract/redis-keys.js'

export interface TestSharedState {
  /** Environment for loadConfig: REDIS_URL with this app's prefix, or nothing. */
  env: Record<string, string>
  /** Deletes this app's keys (no-op without Redis). */
  cleanup(): Promise<void>
}

export function testSharedState(): TestSharedState {
  const base = process.env.TEST_REDIS_URL
  if (!base) return { env: {}, cleanup: async () => undefined }
  const prefix = `pathways-test:app-${process.pid}-${randomUUID().slice(0, 8)}:`
  const url = new URL(base)
  url.searchParams.set('prefix', prefix)
  return { env: { REDIS_URL: url.toString() }, cleanup: async () => void (await deleteKeys(base, `${prefix}*`)) }
}

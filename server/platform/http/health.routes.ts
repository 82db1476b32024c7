/**
 * /livez: the process answers. /readyz: the database answers, no migration is pending, the catalog
 * index is built, and every readiness check an adapter added (`deps.ops.readiness`) passes — one
 * marked degradable (Redis) is reported as `degraded` without failing;
 * otherwise — or while the process is draining for shutdown — 503 problem+json `service.unavailable`
 * with Retry-After and each check named with its state.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../db/client.js'
import { pendingMigrations } from '../db/migrate.js'
import { problem, sendProblem } from './problem.js'

const Status = Type.Object({ status: Type.String(), checks: Type.Optional(Type.Record(Type.String(), Type.String())) })

/** Seconds a balancer is asked to wait before asking again. */
export const READY_RETRY_AFTER_SECONDS = 5
/** A check that has not answered in this long counts as failed (a hung dependency must not hang /readyz). */
const CHECK_TIMEOUT_MS = 3000

export interface HealthOptions {
  db: Db
  catalog: { index(): { version: number } }
  /**
   * Named checks added by adapters; each throws (or times out) when its dependency is not usable. A
   * `degradable` one (Redis: every adapter has a local fallback) is then reported as `degraded` and
   * does not fail readiness — taking every API process out of rotation would turn a degradation into
   * an outage.
   */
  readiness?: readonly { name: string; check(): Promise<void>; degradable?: boolean }[]
  /** True once shutdown has begun: /readyz then fails so balancers stop sending new work. */
  draining?: () => boolean
}

async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}

export const healthRoutes: FastifyPluginAsyncTypebox<HealthOptions> = async (app, { db, catalog, readiness = [], draining = () => false }) => {
  app.get('/livez', { config: { operation: 'public' }, schema: { tags: ['health'], summary: 'Liveness', response: { 200: Status } } }, async () => ({ status: 'ok' }))

  app.get('/readyz', { config: { operation: 'public' }, schema: { tags: ['health'], summary: 'Readiness: database, migrations, catalog, Redis and other adapters; 503 while draining', response: { 200: Status } } }, async (req, reply) => {
    const checks: Record<string, string> = {}
    const failing: string[] = []
    if (draining()) {
      checks.shutdown = 'draining'
      failing.push('shutdown')
    }
    try {
      await within(db.ping(), CHECK_TIMEOUT_MS)
      checks.database = 'ok'
      const pending = await within(pendingMigrations(db), CHECK_TIMEOUT_MS)
      checks.migrations = pending.length === 0 ? 'ok' : `pending: ${pending.join(', ')}`
      if (pending.length > 0) failing.push('migrations')
    } catch (error) {
      req.log.warn({ err: error }, 'readiness: database unavailable')
      checks.database = 'unavailable'
      failing.push('database')
    }
    try {
      checks.catalog = `version ${catalog.index().version}`
    } catch {
      checks.catalog = 'not loaded'
      failing.push('catalog')
    }
    const results = await Promise.allSettled(readiness.map((r) => within(r.check(), CHECK_TIMEOUT_MS)))
    readiness.forEach((r, i) => {
      const result = results[i]
      if (result?.status === 'fulfilled') {
        checks[r.name] = 'ok'
      } else {
        req.log.warn({ err: result?.reason, check: r.name }, 'readiness: check failed')
        checks[r.name] = r.degradable ? 'degraded' : 'unavailable'
        if (!r.degradable) failing.push(r.name)
      }
    })
    if (failing.length > 0) {
      return sendProblem(reply.header('retry-after', String(READY_RETRY_AFTER_SECONDS)), problem(503, 'service.unavailable', `Not ready: ${failing.join(', ')}.`, { checks, failing }))
    }
    return { status: 'ok', checks }
  })
}

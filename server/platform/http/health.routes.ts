/**
 * /livez: the process answers. /readyz: the database answers, no migration is pending and the catalog
 * index is built — 503 problem+json naming what is not ready otherwise.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../db/client.js'
import { pendingMigrations } from '../db/migrate.js'
import { problem, sendProblem } from './problem.js'

const Status = Type.Object({ status: Type.String(), checks: Type.Optional(Type.Record(Type.String(), Type.String())) })

export const healthRoutes: FastifyPluginAsyncTypebox<{ db: Db; catalog: { index(): { version: number } } }> = async (app, { db, catalog }) => {
  app.get('/livez', { config: { operation: 'public' }, schema: { tags: ['health'], summary: 'Liveness', response: { 200: Status } } }, async () => ({ status: 'ok' }))

  app.get('/readyz', { config: { operation: 'public' }, schema: { tags: ['health'], summary: 'Readiness: database, migrations, catalog', response: { 200: Status } } }, async (req, reply) => {
    const checks: Record<string, string> = {}
    try {
      await db.ping()
      checks.database = 'ok'
      const pending = await pendingMigrations(db)
      checks.migrations = pending.length === 0 ? 'ok' : `pending: ${pending.join(', ')}`
    } catch (error) {
      req.log.warn({ err: error }, 'readiness: database unavailable')
      checks.database = 'unavailable'
    }
    try {
      checks.catalog = `version ${catalog.index().version}`
    } catch {
      checks.catalog = 'not loaded'
    }
    const ready = checks.database === 'ok' && checks.migrations === 'ok' && checks.catalog.startsWith('version')
    if (!ready) return sendProblem(reply.header('retry-after', '5'), problem(503, 'service.unavailable', 'Not ready.', { checks }))
    return { status: 'ok', checks }
  })
}

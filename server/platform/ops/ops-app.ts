/**
 * The worker role's small HTTP listener: /livez, /readyz and /metrics only, so an orchestrator can
 * probe and scrape a worker the same way as an API process. No API, no pages, no sessions.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.js'
import { healthRoutes } from '../http/health.routes.js'
import { installProblemHandlers } from '../http/problem.js'
import { installOps, OPS_SERVER_OPTIONS } from './index.js'
import type { Lifecycle } from './lifecycle.js'

export async function buildOpsApp(deps: Deps, options: { logger?: FastifyBaseLogger; lifecycle?: Lifecycle } = {}): Promise<FastifyInstance> {
  const app = Fastify({ ...(options.logger ? { loggerInstance: options.logger } : { logger: false }), ...OPS_SERVER_OPTIONS })
  installProblemHandlers(app)
  await installOps(app, deps)
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id)
    return payload
  })
  const lifecycle = options.lifecycle
  await app.register(healthRoutes, { db: deps.db, catalog: deps.catalog, readiness: deps.ops.readiness, draining: () => lifecycle?.draining === true })
  return app
}

/**
 * Operations wiring for an app: request ids, load shedding, metrics. buildApp installs it first,
 * before authentication, so an overloaded process refuses work before doing any and the /metrics
 * token is checked before the API-key hook sees the Authorization header.
 */
import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.js'
import { installMetrics } from './metrics.js'
import { requestIdFor } from './request-id.js'
import { installLoadShedding } from './shedding.js'

export { createLifecycle, type Lifecycle } from './lifecycle.js'
export { createLogger } from './logger.js'

/** Fastify constructor options owned by operations. */
export const OPS_SERVER_OPTIONS = {
  genReqId: requestIdFor,
  requestIdHeader: false,
  requestIdLogLabel: 'reqId',
  // While closing, a request arriving on an open keep-alive connection is still served (with
  // `Connection: close`) rather than refused: the balancer has been told by /readyz already.
  return503OnClosing: false,
} as const

export async function installOps(app: FastifyInstance, deps: Pick<Deps, 'config' | 'db' | 'ops'>): Promise<void> {
  await installLoadShedding(app, deps.config.ops.shed)
  installMetrics(app, { db: deps.db, gauges: deps.ops.gauges, token: deps.config.ops.metricsToken })
}

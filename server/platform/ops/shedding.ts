/**
 * Load shedding with @fastify/under-pressure: when the sampled event-loop delay, heap in use or
 * event-loop utilisation passes its configured limit, requests are answered at once with 503
 * problem+json `service.overloaded` and Retry-After instead of queueing behind work the process
 * cannot finish. /livez (the process is alive, only busy) and /metrics (the overload must stay
 * visible) are never shed.
 */
import underPressure from '@fastify/under-pressure'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { OpsConfig } from '../../config.js'
import { problem } from '../http/problem.js'

export const SHED_RETRY_AFTER_SECONDS = 2
const NEVER_SHED = new Set(['/livez', '/metrics'])

export async function installLoadShedding(app: FastifyInstance, shed: OpsConfig['shed']): Promise<void> {
  if (shed.eventLoopDelayMs <= 0 && shed.heapUsedBytes <= 0 && shed.eventLoopUtilization <= 0) return
  await app.register(underPressure, {
    sampleInterval: 500,
    eventLoopUtilizationMode: 'interval',
    ...(shed.eventLoopDelayMs > 0 ? { maxEventLoopDelay: shed.eventLoopDelayMs } : {}),
    ...(shed.heapUsedBytes > 0 ? { maxHeapUsedBytes: shed.heapUsedBytes } : {}),
    ...(shed.eventLoopUtilization > 0 ? { maxEventLoopUtilization: shed.eventLoopUtilization } : {}),
    retryAfter: SHED_RETRY_AFTER_SECONDS,
    // The plugin's types say void, but at run time it lets the request through on undefined and sends
    // any other value as the body (index.js, handlePressure); sending here and then letting the hook
    // chain go on would run the route anyway.
    pressureHandler: shedRequest as unknown as (request: FastifyRequest, reply: FastifyReply, type: string) => void,
  })
}

function shedRequest(request: FastifyRequest, reply: FastifyReply, type: string): string | undefined {
  if (request.routeOptions.url !== undefined && NEVER_SHED.has(request.routeOptions.url)) return undefined
  request.log.warn({ pressure: type }, 'overloaded: request shed')
  reply.code(503).header('retry-after', String(SHED_RETRY_AFTER_SECONDS)).type('application/problem+json; charset=utf-8')
  return JSON.stringify(problem(503, 'service.overloaded', 'The server is overloaded; retry after `Retry-After` seconds.'))
}

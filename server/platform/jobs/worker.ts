/**
 * The worker role: takes jobs from the queue (BullMQ on Redis in server mode, the in-process twin in
 * embedded mode) and runs them with the handlers in kinds.ts. `close` lets running jobs finish.
 */
import type { FastifyBaseLogger } from 'fastify'
import type { Deps } from '../../deps.js'
import { jobHandlers } from './kinds.js'
import type { JobHandler } from './queue.js'

export interface Worker {
  close(): Promise<void>
}

export async function startWorker(deps: Deps, log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>, options: { concurrency?: number } = {}): Promise<Worker> {
  const handlers = jobHandlers(deps)
  const logged: Record<string, JobHandler> = {}
  for (const [kind, handler] of Object.entries(handlers)) {
    logged[kind] = async (data, ctx) => {
      log.info({ job: ctx.id, kind, attempt: ctx.attempt }, 'job started')
      try {
        const result = await handler(data, ctx)
        log.info({ job: ctx.id, kind }, 'job done')
        return result
      } catch (error) {
        log.warn({ job: ctx.id, kind, attempt: ctx.attempt, err: error }, 'job attempt failed')
        throw error
      }
    }
  }
  const running = await deps.shared.jobs.work(logged, { concurrency: options.concurrency ?? 1 })
  log.info({ queue: deps.shared.jobs.kind }, 'worker started')
  return { close: () => running.close() }
}

/** Placeholder: the worker role's job processors (issue 9). */
import type { FastifyBaseLogger } from 'fastify'
import type { Deps } from '../../deps.js'

export interface Worker {
  close(): Promise<void>
}

export async function startWorker(deps: Deps, log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>): Promise<Worker> {
  void deps
  void log
  return { close: async () => undefined }
}

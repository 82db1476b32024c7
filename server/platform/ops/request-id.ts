/**
 * Request ids: a caller's (or proxy's) `x-request-id` is kept when it is a short, plain token, so one
 * id follows a request across services; anything else (too long, spaces, control characters, markup)
 * is replaced by a fresh UUID so a client cannot forge log lines or inject text into them.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/

export function isSafeRequestId(value: unknown): value is string {
  return typeof value === 'string' && SAFE_ID.test(value)
}

/** Fastify `genReqId`: the incoming x-request-id when safe, else a new UUID. */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id']
  return isSafeRequestId(given) ? given : randomUUID()
}

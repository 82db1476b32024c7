/**
 * RFC 9457 problem+json for every error: validation failures list each field with a JSON pointer,
 * AppErrors keep their code, a database that cannot be reached is a 503 service.unavailable with
 * Retry-After (never a 500), anything else is a bare 500 logged with the request id.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isDatabaseUnavailable } from '../db/client.js'
import { AppError } from './errors.js'

/** Seconds a client is asked to wait when the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable', 413: 'Payload Too Large',
  409: 'Conflict', 415: 'Unsupported Media Type', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
}

export interface ProblemBody {
  type: string
  title: string
  status: number
  code: string
  detail?: string
  instance?: string
  [extension: string]: unknown
}

export function problem(status: number, code: string, detail?: string, extensions: Record<string, unknown> = {}): ProblemBody {
  return {
    type: `https://pathways.dev/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    ...(detail ? { detail } : {}),
    ...extensions,
  }
}

export function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.code(body.status).type('application/problem+json; charset=utf-8').send(JSON.stringify(body))
}

type ValidationItem = { instancePath?: string; message?: string; params?: Record<string, unknown> }

function validationErrors(error: FastifyError): { pointer: string; message: string }[] {
  const context = error.validationContext ?? 'body'
  return ((error.validation ?? []) as ValidationItem[]).map((v) => {
    const missing = v.params?.missingProperty ?? v.params?.requiredProperties
    const extra = v.params?.additionalProperty
    const leaf = typeof missing === 'string' ? `/${missing}` : typeof extra === 'string' ? `/${extra}` : ''
    return { pointer: `/${context}${v.instancePath ?? ''}${leaf}`, message: v.message ?? 'is invalid' }
  })
}

/** Installs the error and not-found handlers on an instance. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, problem(error.status, error.code, error.message, { ...error.extensions, instance: request.url }))
    }
    if (error.validation) {
      const errors = validationErrors(error)
      const fields = errors.map((e) => e.pointer.split('/').slice(2).join('.') || e.pointer).join(', ')
      return sendProblem(reply, problem(400, 'request.invalid', `Invalid ${fields}: ${errors[0]?.message ?? 'invalid'}`, { errors, instance: request.url }))
    }
    const status = error.statusCode ?? 500
    if (status >= 400 && status < 500) {
      const code = error.code?.startsWith('FST_') ? 'request.invalid' : (error.code ?? 'request.invalid')
      return sendProblem(reply, problem(status, code, error.message, { instance: request.url }))
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable')
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
      return sendProblem(reply, problem(503, 'service.unavailable', 'The database cannot be reached right now; retry shortly.', { instance: request.url, traceId: request.id }))
    }
    request.log.error({ err: error }, 'unhandled error')
    return sendProblem(reply, problem(500, 'internal', 'Something went wrong on our side.', { traceId: request.id }))
  })
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(404, 'route.not_found', `No route for ${request.method} ${request.url.split('?')[0]}.`, { instance: request.url })),
  )
}

/**
 * The authentication hook (onRequest, every route): resolves `request.actor` from an API key in the
 * Authorization header or the session cookie, refuses keys in the query string, enforces CSRF on
 * cookie-authenticated writes (csrf.ts), and marks answers under /api/v1/auth and /api/v1/me
 * `Cache-Control: no-store`. It decides only who is asking; what they may do is for the routes'
 * guards (actor.ts) and, later, the policy layer.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../../platform/http/errors.js'
import { problem, sendProblem } from '../../platform/http/problem.js'
import { ANONYMOUS, type Actor } from './actor.js'
import { readSessionCookie } from './cookies.js'
import { crossSiteBrowserRequest, CSRF_HEADER, csrfTokenValid, sameOrigin } from './csrf.js'
import type { Identity } from './identity.js'
import { securityLogFor } from './security-log.js'
import type { ResolvedSession } from './sessions.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking; set by the authentication hook before anything else runs. */
    actor: Actor
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const KEY_PARAMETERS = new Set(['api_key', 'apikey', 'api-key', 'access_token', 'key'])
const PRIVATE_PREFIXES = ['/api/v1/auth', '/api/v1/me']

interface PresentedSession {
  token: string
  session: ResolvedSession | undefined
}
const presented = new WeakMap<FastifyRequest, PresentedSession>()

/** The session cookie's value as sent (live or not), for sign-in (to end it) and sign-out. */
export const presentedSessionToken = (request: FastifyRequest): string | undefined => presented.get(request)?.token

/** The live session behind a cookie-authenticated request. */
export const currentSession = (request: FastifyRequest): ResolvedSession | undefined => presented.get(request)?.session

/** A key-shaped value in the query string, or a parameter whose name says it is a key. */
function keyInQuery(url: string): boolean {
  const q = url.indexOf('?')
  if (q < 0) return false
  const query = url.slice(q + 1)
  if (/pw_live_/i.test(query)) return true
  for (const [name, value] of new URLSearchParams(query)) {
    if (KEY_PARAMETERS.has(name.toLowerCase()) && (name.toLowerCase() !== 'key' || value.length >= 20)) return true
  }
  return false
}

export function installAuthentication(app: FastifyInstance, identity: Identity): void {
  app.decorateRequest('actor')

  app.addHook('onRequest', async (request, reply) => {
    request.actor = ANONYMOUS
    const audit = securityLogFor(request.log)
    if (keyInQuery(request.url)) {
      const path = request.url.split('?')[0] ?? '/'
      audit('auth.api_key.in_query', { path })
      // Answered here rather than thrown: the problem handler would echo the URL, key included, as `instance`.
      return sendProblem(reply, problem(401, 'auth.key_in_query', 'API keys are accepted only in the Authorization header (Bearer), never in the URL.', { instance: path }))
    }
    const authorization = request.headers.authorization
    if (authorization !== undefined) {
      const bearer = /^Bearer +(\S+) *$/i.exec(authorization)?.[1]
      const actor = bearer === undefined ? undefined : await identity.apiKeys.authenticate(bearer)
      if (!actor) {
        audit('auth.api_key.rejected', {})
        reply.header('www-authenticate', 'Bearer error="invalid_token"')
        throw new AppError('auth.invalid_key', 401, 'The API key is not valid: unknown, revoked or expired, or not sent as "Authorization: Bearer pw_live_…".')
      }
      request.actor = actor
      return // a browser never adds Authorization on its own: no CSRF check for keys
    }
    const token = readSessionCookie(request.headers.cookie)
    if (token !== undefined) {
      const session = await identity.sessions.resolve(token)
      presented.set(request, { token, session })
      if (session) request.actor = { kind: 'user', userId: session.userId, platformRole: session.platformRole, sessionId: session.publicId }
    }
    if (SAFE_METHODS.has(request.method)) return
    const session = presented.get(request)?.session
    const refused = session
      ? !sameOrigin(request.headers, identity.publicOrigin) || !csrfTokenValid(identity.secretKey, session.idHash, request.headers[CSRF_HEADER])
      : crossSiteBrowserRequest(request.headers)
    if (refused) {
      audit('auth.csrf.rejected', { actorId: session?.userId, site: String(request.headers['sec-fetch-site'] ?? 'absent') })
      throw new AppError('csrf.invalid', 403, 'This request was refused as possibly forged: send it from the Pathways site with the x-csrf-token header.')
    }
  })

  app.addHook('onSend', async (request, reply, payload) => {
    if (PRIVATE_PREFIXES.some((prefix) => request.url === prefix || request.url.startsWith(`${prefix}/`) || request.url.startsWith(`${prefix}?`))) {
      reply.header('cache-control', 'no-store')
    }
    if ((reply.statusCode === 429 || reply.statusCode === 503) && typeof payload === 'string' && !reply.hasHeader('retry-after')) {
      const retryAfter = retryAfterOf(payload)
      if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter))
    }
    return payload
  })
}

function retryAfterOf(payload: string): number | undefined {
  try {
    const value = (JSON.parse(payload) as { retryAfter?: unknown }).retryAfter
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.ceil(value) : undefined
  } catch {
    return undefined
  }
}

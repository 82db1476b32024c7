/**
 * Who is making a request, as resolved by the authentication hook: nobody, a signed-in person (cookie
 * session) or an API key. Authorisation — what an actor may do — is the policy layer's job; here
 * there is only "authenticated or not" and the guards below.
 */
import { AppError } from '../../platform/http/errors.js'
import type { ApiKeyActor } from './api-keys.js'

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; platformRole: 'user' | 'platform_admin'; sessionId: string }
  | ApiKeyActor

export type UserActor = Extract<Actor, { kind: 'user' }>

export const ANONYMOUS: Actor = Object.freeze({ kind: 'anonymous' })

export const authRequired = (): AppError => new AppError('auth.required', 401, 'Sign in, or send an API key in the Authorization header.')

/** The signed-in person (cookie session); 401 for anonymous requests, 403 for API keys. */
export function requireUser(actor: Actor): UserActor {
  if (actor.kind === 'user') return actor
  if (actor.kind === 'api-key') throw new AppError('auth.session_required', 403, 'This operation needs a signed-in session, not an API key.')
  throw authRequired()
}

/** A person or an API key; 401 for anonymous requests. */
export function requireAuthenticated(actor: Actor): Exclude<Actor, { kind: 'anonymous' }> {
  if (actor.kind === 'anonymous') throw authRequired()
  return actor
}

/** The user id behind an actor, for logs; undefined when anonymous. */
export const actorId = (actor: Actor): string | undefined => (actor.kind === 'anonymous' ? undefined : actor.userId)

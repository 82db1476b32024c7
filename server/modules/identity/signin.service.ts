/**
 * Sign-in (ASVS 6.3, SECURITY.md A3). In order: the throttle for the account and the client IP is
 * consulted before any hashing; the password is verified against the account, or against a dummy
 * hash when there is no account, so unknown addresses and wrong passwords cost the same and answer
 * byte for byte the same; a disabled account fails the same way. On success the account's failure
 * count is cleared, a hash with outdated parameters is replaced, any session the browser presented is
 * ended and a new one is made (session ids are never reused across sign-in).
 */
import { iso, type Clock } from './clock.js'
import { normaliseEmail } from './email.js'
import { invalidCredentials, throttled } from './identity.errors.js'
import type { IdentityRepository } from './identity.repository.js'
import type { PasswordHasher } from './passwords.js'
import type { RequestContext } from './accounts.service.js'
import type { NewSession, SessionService } from './sessions.js'
import type { Throttle, ThrottleKey } from './throttle.js'

export interface SigninDeps {
  repo: IdentityRepository
  hasher: PasswordHasher
  sessions: SessionService
  throttle: Throttle
  clock: Clock
  pseudonym: (email: string) => string
}

export interface SigninInput {
  email: string
  password: string
  ip: string
  /** The session cookie the browser sent, if any: it is ended, never upgraded. */
  presentedSession: string | undefined
}

export function createSigninService(deps: SigninDeps) {
  return {
    async signin(input: SigninInput, ctx: RequestContext): Promise<{ userId: string; session: NewSession }> {
      const email = normaliseEmail(input.email)
      const keys: ThrottleKey[] = [{ kind: 'account', id: email }, { kind: 'ip', id: input.ip }]
      const wait = await deps.throttle.retryAfterMs(keys)
      if (wait > 0) {
        ctx.audit('auth.signin.throttled', { email: deps.pseudonym(email), ip: input.ip, retryAfterMs: wait })
        throw throttled(Math.ceil(wait / 1000))
      }
      const user = await deps.repo.userByEmail(email)
      const matches = user ? await deps.hasher.verify(user.password_hash, input.password) : await deps.hasher.dummyVerify(input.password)
      if (!user || !matches || user.status !== 'active') {
        await deps.throttle.fail(keys)
        ctx.audit('auth.signin.failure', { email: deps.pseudonym(email), ip: input.ip, ...(user ? { actorId: user.id } : {}) })
        throw invalidCredentials()
      }
      await deps.throttle.clear(keys[0]!)
      if (deps.hasher.needsRehash(user.password_hash)) {
        await deps.repo.updatePassword(user.id, await deps.hasher.hash(input.password), iso(deps.clock.now()), false)
        ctx.audit('auth.password.rehashed', { actorId: user.id })
      }
      if (input.presentedSession !== undefined) await deps.sessions.end(input.presentedSession)
      const session = await deps.sessions.create(user.id, ctx.userAgent)
      ctx.audit('auth.signin.success', { actorId: user.id, sessionId: session.publicId })
      return { userId: user.id, session }
    },
  }
}

export type SigninService = ReturnType<typeof createSigninService>

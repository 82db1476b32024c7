/**
 * Builds the identity module's services once (called from deps.ts): repository, password hasher,
 * throttle, tokens, mailer, sessions, API keys, accounts and sign-in, all on one injected clock.
 */
import type { Config } from '../../config.js'
import type { Db } from '../../platform/db/client.js'
import { createAccountsService } from './accounts.service.js'
import { createApiKeyService } from './api-keys.js'
import { systemClock, type Clock } from './clock.js'
import { emailPseudonym } from './email.js'
import { createIdentityRepository } from './identity.repository.js'
import { createOutboxMailer, type Mailer } from './mailer.js'
import { createPasswordHasher, type PasswordHasher } from './passwords.js'
import { randomSecret } from './secrets.js'
import { createSessionService } from './sessions.js'
import { createSigninService } from './signin.service.js'
import { createMemoryThrottleStore, createThrottle, type ThrottlePolicy, type ThrottleKind, type ThrottleStore } from './throttle.js'
import { createTokenService } from './tokens.js'
import { createConsentService } from './consent.js'

export interface IdentityOptions {
  clock?: Clock
  /** The server key; see secret-key.ts. Omitted: a random one for this process (tests, benchmarks). */
  secretKey?: string
  hasher?: PasswordHasher
  throttleStore?: ThrottleStore
  throttlePolicies?: Partial<Record<ThrottleKind, ThrottlePolicy>>
  mailer?: Mailer
}

export function createIdentity(config: Config, db: Db, log: { info(fields: object, message: string): void }, options: IdentityOptions = {}) {
  const clock = options.clock ?? systemClock
  const secretKey = options.secretKey ?? config.auth.secretKey ?? randomSecret()
  const pseudonym = (email: string) => emailPseudonym(secretKey, email)
  const repo = createIdentityRepository(db.kysely)
  const hasher = options.hasher ?? createPasswordHasher({ params: config.auth.argon2 })
  const throttle = createThrottle({ store: options.throttleStore ?? createMemoryThrottleStore({ clock }), clock, policies: options.throttlePolicies })
  const tokens = createTokenService({ repo, clock })
  const mailer = options.mailer ?? createOutboxMailer({ repo, clock, log, pseudonym })
  const sessions = createSessionService({ repo, clock, idleMs: config.auth.sessionIdleMs, absoluteMs: config.auth.sessionAbsoluteMs })
  const apiKeys = createApiKeyService({ repo, clock })
  const linkOrigin = config.auth.publicOrigin ?? `http://localhost:${config.port}`
  const consent = createConsentService({ db: db.kysely, clock, mailer, linkOrigin })
  const accounts = createAccountsService({ repo, hasher, tokens, mailer, sessions, throttle, consent, clock, linkOrigin, pseudonym })
  const signin = createSigninService({ repo, hasher, sessions, throttle, clock, pseudonym })
  return { clock, secretKey, publicOrigin: config.auth.publicOrigin, pseudonym, repo, hasher, throttle, tokens, mailer, sessions, apiKeys, consent, accounts, signin }
}

export type Identity = ReturnType<typeof createIdentity>

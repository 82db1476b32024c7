/**
 * Single-use tokens for email verification, password reset and first-run setup (ASVS 6.4.1, 11.5.1):
 * 256 random bits (base64url), only the SHA-256 stored, bound to one purpose, consumed atomically
 * (a second use fails), and short-lived. Lifetimes: password reset 30 minutes, setup 60 minutes,
 * email verification 24 hours — verification only proves that the address receives mail, grants no
 * access, and people often open it the next day; ASVS's 60-minute bound is kept for the tokens that
 * can take over an account.
 */
import { iso, type Clock } from './clock.js'
import type { IdentityRepository, TokenPurpose } from './identity.repository.js'
import { isSecretShaped, randomSecret, sha256 } from './secrets.js'

export const TOKEN_LIFETIME_MS: Readonly<Record<TokenPurpose, number>> = {
  verify_email: 24 * 3_600_000,
  reset_password: 30 * 60_000,
  setup: 60 * 60_000,
}

export interface ConsumedToken {
  userId: string | null
  createdAt: string
}

export interface TokenService {
  /** Stores a new token's hash and returns the token itself (shown or mailed once, never stored). */
  issue(purpose: TokenPurpose, userId: string | null): Promise<string>
  /** Spends the token; undefined when it is unknown, of another purpose, used or expired. */
  consume(purpose: TokenPurpose, token: string): Promise<ConsumedToken | undefined>
  /** Spends every unused token of a purpose for a user (null: tokens without a user, e.g. setup). */
  spendAll(purpose: TokenPurpose, userId: string | null): Promise<void>
}

export function createTokenService(deps: { repo: IdentityRepository; clock: Clock }): TokenService {
  return {
    async issue(purpose, userId) {
      const token = randomSecret()
      const now = deps.clock.now()
      await deps.repo.insertToken({
        hash: sha256(token), purpose, user_id: userId, created_at: iso(now), expires_at: iso(now + TOKEN_LIFETIME_MS[purpose]), used_at: null,
      })
      return token
    },
    async consume(purpose, token) {
      if (!isSecretShaped(token)) return undefined
      const now = deps.clock.now()
      const row = await deps.repo.consumeToken(sha256(token), purpose, iso(now))
      if (!row || Date.parse(row.expires_at) <= now) return undefined
      return { userId: row.user_id, createdAt: row.created_at }
    },
    spendAll: (purpose, userId) => deps.repo.spendTokens(purpose, userId, iso(deps.clock.now())),
  }
}

/**
 * Accounts: sign-up, email verification, password reset and change, first-run setup and "me".
 * Answers never tell whether an address has an account: sign-up and reset requests answer the same
 * either way (the mail says what happened), and sign-in (signin.service.ts) fails the same way.
 */
import { randomUUID } from 'node:crypto'
import { iso, type Clock } from './clock.js'
import { isPlausibleEmail, normaliseEmail } from './email.js'
import { AppError } from '../../platform/http/errors.js'
import { invalidCredentials, invalidDisplayName, invalidEmail, invalidToken, passwordRefused, setupDone, signupThrottled, throttled } from './identity.errors.js'
import type { IdentityQueries, IdentityRepository, MembershipView, UserRow } from './identity.repository.js'
import type { Mailer } from './mailer.js'
import { isSecretShaped, sha256 } from './secrets.js'
import { passwordProblem, type PasswordHasher } from './passwords.js'
import type { SecurityLog } from './security-log.js'
import type { NewSession, ResolvedSession, SessionService } from './sessions.js'
import type { Throttle } from './throttle.js'
import type { TokenService } from './tokens.js'
import { consentNeeded, type ConsentService, type ConsentState } from './consent.js'

/** Reset (and verification) mails per account and hour; further requests answer the same but send nothing. */
const RESETS_PER_HOUR = 3

export interface Me {
  id: string
  email: string
  displayName: string
  emailVerified: boolean
  platformRole: 'user' | 'platform_admin'
  memberships: MembershipView[]
  /** Under 13: whether a parent has agreed yet (not_required otherwise). */
  parentalConsent: ConsentState
}

export interface AccountsDeps {
  repo: IdentityRepository
  hasher: PasswordHasher
  tokens: TokenService
  mailer: Mailer
  sessions: SessionService
  throttle: Throttle
  consent: ConsentService
  clock: Clock
  /** Origin for links in mails. */
  linkOrigin: string
  /** Keyed pseudonym of an address for logs. */
  pseudonym: (email: string) => string
}

export interface RequestContext {
  audit: SecurityLog
  userAgent: string | undefined
  /** The client's address (the peer, or what a trusted proxy reports); counts sign-up attempts. */
  ip?: string
}

export interface NewAccount {
  email: string
  password: string
  displayName: string
  /** YYYY-MM-DD; used on the day to decide whether a parent must consent, never stored. */
  birthDate?: string
  /** Required when the birth date makes the person younger than 13. */
  parentEmail?: string
}

export function createAccountsService(deps: AccountsDeps) {
  const { repo, clock } = deps

  function checkNewAccount(input: NewAccount): { email: string; displayName: string } {
    const email = normaliseEmail(input.email)
    if (!isPlausibleEmail(email)) throw invalidEmail()
    const displayName = input.displayName.normalize('NFC').trim()
    // eslint-disable-next-line no-control-regex
    if (displayName.length === 0 || [...displayName].length > 100 || /[\u0000-\u001f\u007f\u2028\u2029]/u.test(displayName)) throw invalidDisplayName()
    const problem = passwordProblem(input.password, { email, displayName })
    if (problem) throw passwordRefused(problem, 'password')
    return { email, displayName }
  }

  async function createUser(email: string, displayName: string, passwordHash: string, platformRole: UserRow['platform_role'], r: IdentityQueries = repo): Promise<UserRow> {
    const now = iso(clock.now())
    const user: UserRow = {
      id: randomUUID(), email, display_name: displayName, password_hash: passwordHash, email_verified_at: null, platform_role: platformRole,
      status: 'active', created_at: now, updated_at: now, password_changed_at: now,
    }
    await r.insertUser(user)
    return user
  }

  async function sendVerification(user: Pick<UserRow, 'id' | 'email'>): Promise<void> {
    const token = await deps.tokens.issue('verify_email', user.id)
    await deps.mailer.send({
      to: user.email,
      subject: 'Confirm your email address for Pathways',
      body: `Confirm that this address is yours by opening this link within 24 hours:\n\n${deps.linkOrigin}/verify-email?token=${token}\n\nIf you did not create a Pathways account, ignore this message.\n`,
    })
  }

  /** Sets a new password, spends outstanding reset tokens; the caller decides about sessions. */
  async function setPassword(userId: string, password: string): Promise<void> {
    const hash = await deps.hasher.hash(password)
    await repo.updatePassword(userId, hash, iso(clock.now()), true)
    await deps.tokens.spendAll('reset_password', userId)
  }

  return {
    async signup(input: NewAccount, ctx: RequestContext): Promise<{ email: string }> {
      const attempts = ctx.ip === undefined ? [] : [{ kind: 'signup' as const, id: ctx.ip }]
      const wait = await deps.throttle.retryAfterMs(attempts)
      if (wait > 0) {
        ctx.audit('auth.signup.throttled', { ip: ctx.ip, retryAfterMs: wait })
        throw signupThrottled(Math.ceil(wait / 1000))
      }
      await deps.throttle.fail(attempts) // every attempt counts, before any hashing
      const { email, displayName } = checkNewAccount(input)
      const parentEmail = consentNeeded(input, email, clock.now())
      const hash = await deps.hasher.hash(input.password) // also for an existing address: same cost, same answer
      const existing = await repo.userByEmail(email)
      if (existing) {
        await deps.mailer.send({
          to: email,
          subject: 'Your Pathways account',
          body: `Someone — perhaps you — tried to create a Pathways account with this address, which already has one.\n\nTo sign in without your password, reset it at ${deps.linkOrigin}/forgot-password\n\nIf it was not you, ignore this message; nothing has changed.\n`,
        })
        ctx.audit('auth.signup.existing', { actorId: existing.id, email: deps.pseudonym(email) })
        return { email }
      }
      const user = await createUser(email, displayName, hash, 'user')
      if (parentEmail !== undefined) await deps.consent.request(user.id, parentEmail, displayName)
      await sendVerification(user)
      ctx.audit('auth.signup', { actorId: user.id, email: deps.pseudonym(email), ...(parentEmail !== undefined ? { parentalConsent: 'pending' } : {}) })
      return { email }
    },

    async verifyEmail(token: string, ctx: RequestContext): Promise<void> {
      const spent = await deps.tokens.consume('verify_email', token)
      if (!spent?.userId) {
        ctx.audit('auth.token.rejected', { purpose: 'verify_email' })
        throw invalidToken()
      }
      await repo.setEmailVerified(spent.userId, iso(clock.now()))
      ctx.audit('auth.email.verified', { actorId: spent.userId })
    },

    /** Mails a new verification link to an unverified account; answers the same whatever the address. */
    async resendVerification(rawEmail: string, ctx: RequestContext): Promise<void> {
      const email = normaliseEmail(rawEmail)
      const user = isPlausibleEmail(email) ? await repo.userByEmail(email) : undefined
      if (!user || user.status !== 'active' || user.email_verified_at !== null) return
      const hourAgo = clock.now() - 3_600_000
      const recent = (await repo.unusedTokenTimes('verify_email', user.id)).filter((t) => Date.parse(t) > hourAgo)
      if (recent.length >= RESETS_PER_HOUR) return
      await sendVerification(user)
      ctx.audit('auth.verification.resent', { actorId: user.id })
    },

    async requestPasswordReset(rawEmail: string, ctx: RequestContext): Promise<void> {
      const email = normaliseEmail(rawEmail)
      ctx.audit('auth.password.reset_requested', { email: deps.pseudonym(email) })
      const user = isPlausibleEmail(email) ? await repo.userByEmail(email) : undefined
      if (!user || user.status !== 'active') return
      const hourAgo = clock.now() - 3_600_000
      const recent = (await repo.unusedTokenTimes('reset_password', user.id)).filter((t) => Date.parse(t) > hourAgo)
      if (recent.length >= RESETS_PER_HOUR) return
      const token = await deps.tokens.issue('reset_password', user.id)
      await deps.mailer.send({
        to: user.email,
        subject: 'Reset your Pathways password',
        body: `To choose a new password, open this link within 30 minutes:\n\n${deps.linkOrigin}/reset-password?token=${token}\n\nThe link works once. If you did not ask for it, ignore this message; your password has not changed.\n`,
      })
    },

    async confirmPasswordReset(token: string, password: string, ctx: RequestContext): Promise<void> {
      // The policy is checked against the account before the token is spent, so a refused password
      // does not burn the link; the token is then consumed atomically.
      const problem = passwordProblem(password)
      if (problem) throw passwordRefused(problem, 'password')
      const spent = await deps.tokens.consume('reset_password', token)
      const user = spent?.userId ? await repo.userById(spent.userId) : undefined
      // A token made before the last password change is void even if it was somehow not spent.
      if (!spent || !user || user.status !== 'active' || Date.parse(spent.createdAt) < Date.parse(user.password_changed_at)) {
        ctx.audit('auth.token.rejected', { purpose: 'reset_password' })
        throw invalidToken()
      }
      const contextual = passwordProblem(password, { email: user.email, displayName: user.display_name })
      if (contextual) throw passwordRefused(contextual, 'password')
      await setPassword(user.id, password)
      await repo.setEmailVerified(user.id, iso(clock.now())) // the reset link reached this address
      await deps.sessions.endAll(user.id)
      await deps.throttle.clear({ kind: 'account', id: user.email })
      ctx.audit('auth.password.reset', { actorId: user.id })
    },

    /** Needs the current password; rotates the caller's session and may end the others. */
    async changePassword(
      session: ResolvedSession,
      input: { currentPassword: string; newPassword: string; signOutOtherSessions?: boolean },
      ctx: RequestContext,
    ): Promise<NewSession> {
      const user = await repo.userById(session.userId)
      if (!user) throw invalidCredentials()
      const account = { kind: 'account', id: user.email } as const
      const wait = await deps.throttle.retryAfterMs([account])
      if (wait > 0) throw throttled(Math.ceil(wait / 1000))
      if (!(await deps.hasher.verify(user.password_hash, input.currentPassword))) {
        await deps.throttle.fail([account])
        ctx.audit('auth.password.change_failed', { actorId: user.id })
        throw invalidCredentials()
      }
      const problem = passwordProblem(input.newPassword, { email: user.email, displayName: user.display_name })
      if (problem) throw passwordRefused(problem, 'newPassword')
      await setPassword(user.id, input.newPassword)
      if (input.signOutOtherSessions) await deps.sessions.endAll(user.id, session.idHash)
      const rotated = await deps.sessions.rotate(session, ctx.userAgent)
      ctx.audit('auth.password.changed', { actorId: user.id, signedOutOthers: input.signOutOtherSessions === true })
      return rotated
    },

    async me(userId: string): Promise<Me | undefined> {
      const user = await repo.userById(userId)
      if (!user) return undefined
      return {
        id: user.id, email: user.email, displayName: user.display_name, emailVerified: user.email_verified_at !== null,
        platformRole: user.platform_role, memberships: await repo.membershipsOf(user.id), parentalConsent: await deps.consent.state(user.id),
      }
    },

    /** First run: creates the first platform admin with the one-time setup token. */
    async setup(input: NewAccount & { token: string }, ctx: RequestContext): Promise<{ id: string; email: string }> {
      if (await repo.anyPlatformAdmin()) {
        ctx.audit('auth.setup.rejected', { reason: 'admin_exists' })
        throw setupDone()
      }
      const { email, displayName } = checkNewAccount(input)
      const hash = await deps.hasher.hash(input.password)
      const user = await repo.transaction(async (trx) => {
        if (await trx.anyPlatformAdmin()) throw setupDone()
        const spent = isSecretShaped(input.token) ? await trx.consumeToken(sha256(input.token), 'setup', iso(clock.now())) : undefined
        if (!spent || Date.parse(spent.expires_at) <= clock.now()) throw invalidToken()
        if (await trx.userByEmail(email)) throw new AppError('request.invalid', 400, 'An account already uses this address; choose another for the administrator.')
        return createUser(email, displayName, hash, 'platform_admin', trx)
      }).catch((error: unknown) => {
        ctx.audit('auth.setup.rejected', { reason: error instanceof Error && 'code' in error ? String(error.code) : 'error' })
        throw error
      })
      await sendVerification(user)
      ctx.audit('auth.setup.completed', { actorId: user.id, email: deps.pseudonym(email) })
      return { id: user.id, email }
    },

  }
}

export type AccountsService = ReturnType<typeof createAccountsService>

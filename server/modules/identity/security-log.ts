/**
 * Security events as structured log lines (ASVS 16.2, SECURITY.md L1/L2) through the request
 * logger, so each carries the request id. A line names the event, the actor's user id and, where an
 * address matters, a keyed pseudonym of it — never a password, token, cookie, key or address in clear.
 */
export type SecurityEventName =
  | 'auth.signup' | 'auth.signup.existing' | 'auth.signin.success' | 'auth.signin.failure' | 'auth.signin.throttled'
  | 'auth.signout' | 'auth.signout_everywhere' | 'auth.session.ended' | 'auth.password.changed' | 'auth.password.change_failed'
  | 'auth.password.reset_requested' | 'auth.password.reset' | 'auth.email.verified' | 'auth.token.rejected'
  | 'auth.api_key.created' | 'auth.api_key.revoked' | 'auth.api_key.rejected' | 'auth.api_key.in_query'
  | 'auth.csrf.rejected' | 'auth.setup.completed' | 'auth.setup.rejected' | 'auth.password.rehashed'
  | 'auth.signup.throttled' | 'auth.verification.resent' | 'consent.granted' | 'consent.refused' | 'consent.resent'

export interface SecurityEventFields {
  actorId?: string
  /** A pseudonym from emailPseudonym, never the address. */
  email?: string
  [field: string]: string | number | boolean | undefined
}

const WARN: ReadonlySet<SecurityEventName> = new Set([
  'auth.signin.failure', 'auth.signin.throttled', 'auth.password.change_failed', 'auth.token.rejected', 'auth.api_key.rejected',
  'auth.api_key.in_query', 'auth.csrf.rejected', 'auth.setup.rejected', 'auth.signup.throttled',
])

export type SecurityLog = (event: SecurityEventName, fields?: SecurityEventFields) => void

/** A SecurityLog writing through a (request) logger. */
export function securityLogFor(log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void }): SecurityLog {
  return (event, fields = {}) => {
    const line = { security: true, event, ...fields }
    if (WARN.has(event)) log.warn(line, `security: ${event}`)
    else log.info(line, `security: ${event}`)
  }
}

/**
 * The identity module: accounts, sign-in, sessions, CSRF, API keys, single-use tokens and the mail
 * outbox. Other modules import only from here: `Actor` and the guards to know who is asking,
 * `createIdentity` (deps.ts), `installAuthentication` and the routes (app.ts).
 */
export { ANONYMOUS, actorId, requireAuthenticated, requireUser, type Actor, type UserActor } from './actor.js'
export { installAuthentication, currentSession } from './authentication.js'
export { authRoutes } from './auth.routes.js'
export { meRoutes } from './me.routes.js'
export { createIdentity, type Identity, type IdentityOptions } from './identity.js'
export { systemClock, type Clock } from './clock.js'
export { resolveSecretKey, SECRET_KEY_FILE } from './secret-key.js'
export type { Mailer, MailMessage } from './mailer.js'
export { issueSetupToken } from './setup.js'
export { redactUrl, serializeRequest } from './log-redaction.js'
export { readOutbox, OUTBOX_PAGE_SIZE, type OutboxMessage, type OutboxPage } from './outbox.js'
export { csrfTokenFor, sameOrigin, crossSiteBrowserRequest, CSRF_HEADER } from './csrf.js'
export { presentedSessionToken } from './authentication.js'
export { requestContext, setSessionCookie, clearSessionCookie } from './auth.routes.js'
export type { ApiKeyScope, ApiKeyView } from './api-keys.js'
export type { SessionView } from './sessions.js'
export type { Me } from './accounts.service.js'

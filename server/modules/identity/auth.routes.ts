/**
 * /api/v1/auth: sign-up, sign-in and -out, CSRF token, email verification, password reset and
 * first-run setup. Thin handlers; the rules live in the services.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import * as S from '../../../shared/schemas.js'
import type { RequestContext } from './accounts.service.js'
import { requireUser } from './actor.js'
import { currentSession, presentedSessionToken } from './authentication.js'
import { clearedSessionCookie, sessionCookie } from './cookies.js'
import { csrfTokenFor } from './csrf.js'
import type { Identity } from './identity.js'
import * as I from './identity.schema.js'
import { securityLogFor } from './security-log.js'
import { strictValidatorCompiler } from './strict-validator.js'

const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, S.Problem]))
const Empty = Type.Null({ description: 'No content' })

export const requestContext = (request: FastifyRequest): RequestContext => ({
  audit: securityLogFor(request.log),
  userAgent: request.headers['user-agent'],
  ip: request.ip,
})

export const setSessionCookie = (reply: FastifyReply, token: string): FastifyReply => reply.header('set-cookie', sessionCookie(token))
export const clearSessionCookie = (reply: FastifyReply): FastifyReply => reply.header('set-cookie', clearedSessionCookie())

export const authRoutes: FastifyPluginAsyncTypebox<{ identity: Identity }> = async (app, { identity }) => {
  app.setValidatorCompiler(strictValidatorCompiler)
  const { accounts, signin, sessions } = identity

  app.post('/auth/signup', {
    config: { operation: 'public' },
    schema: {
      tags: ['auth'], summary: 'Create an account',
      description: 'Answers the same whether or not the address already has an account; a mail tells the owner which. The new account must verify its address from the mailed link.',
      body: I.SignupBody, response: { 201: I.SignupAnswer, ...problems(400, 403, 503) },
    },
  }, async (req, reply) => {
    const { email } = await accounts.signup(req.body, requestContext(req))
    return reply.code(201).send({ email, message: 'Check your inbox: we sent a message to this address.' })
  })

  app.post('/auth/signin', {
    config: { operation: 'public' },
    schema: {
      tags: ['auth'], summary: 'Sign in with email and password',
      description: 'Sets the `__Host-sid` session cookie and returns the CSRF token to send as `x-csrf-token` on writes. Unknown address and wrong password answer identically (401 auth.invalid_credentials); repeated failures are throttled per account and per IP (429 auth.throttled with Retry-After).',
      body: I.SigninBody, response: { 200: I.SigninAnswer, ...problems(400, 401, 403, 429, 503) },
    },
  }, async (req, reply) => {
    const ctx = requestContext(req)
    const { userId, session } = await signin.signin({ ...req.body, ip: req.ip, presentedSession: presentedSessionToken(req) }, ctx)
    const user = await accounts.me(userId)
    setSessionCookie(reply, session.token)
    return { user: user!, csrfToken: csrfTokenFor(identity.secretKey, session.idHash) }
  })

  app.post('/auth/signout', {
    config: { operation: 'public' },
    schema: { tags: ['auth'], summary: 'Sign out (end this session)', response: { 204: Empty, ...problems(403) } },
  }, async (req, reply) => {
    const token = presentedSessionToken(req)
    if (token !== undefined) await sessions.end(token)
    if (req.actor.kind === 'user') requestContext(req).audit('auth.signout', { actorId: req.actor.userId, sessionId: req.actor.sessionId })
    return clearSessionCookie(reply).code(204).send(null)
  })

  app.post('/auth/signout-everywhere', {
    config: { operation: 'public' },
    schema: { tags: ['auth'], summary: 'End every session of this account, this one included', response: { 204: Empty, ...problems(401, 403) } },
  }, async (req, reply) => {
    const actor = requireUser(req.actor)
    await sessions.endAll(actor.userId)
    requestContext(req).audit('auth.signout_everywhere', { actorId: actor.userId })
    return clearSessionCookie(reply).code(204).send(null)
  })

  app.get('/auth/csrf', {
    config: { operation: 'public' },
    schema: { tags: ['auth'], summary: 'The CSRF token of this session', description: 'Send it as `x-csrf-token` on every cookie-authenticated write.', response: { 200: I.CsrfAnswer, ...problems(401, 403) } },
  }, async (req) => {
    requireUser(req.actor)
    return { csrfToken: csrfTokenFor(identity.secretKey, currentSession(req)!.idHash) }
  })

  app.post('/auth/verify-email', {
    config: { operation: 'public' },
    schema: { tags: ['auth'], summary: 'Confirm an email address with the mailed token', body: I.TokenBody, response: { 204: Empty, ...problems(400, 403) } },
  }, async (req, reply) => {
    await accounts.verifyEmail(req.body.token, requestContext(req))
    return reply.code(204).send(null)
  })

  app.post('/auth/verify-email/resend', {
    config: { operation: 'public' },
    schema: {
      tags: ['auth'], summary: 'Mail a new email-verification link',
      description: 'Answers 202 the same whether or not the address has an unverified account; at most 3 links an hour per account.',
      body: I.ResetRequestBody, response: { 202: I.Accepted, ...problems(400, 403) },
    },
  }, async (req, reply) => {
    await accounts.resendVerification(req.body.email, requestContext(req))
    return reply.code(202).send({ message: 'If this address has an account waiting for confirmation, we sent it a new link.' })
  })

  app.post('/auth/password-reset/request', {
    config: { operation: 'public' },
    schema: {
      tags: ['auth'], summary: 'Mail a password-reset link',
      description: 'Answers 202 the same whether or not the address has an account. The link works once, for 30 minutes.',
      body: I.ResetRequestBody, response: { 202: I.Accepted, ...problems(400, 403) },
    },
  }, async (req, reply) => {
    await accounts.requestPasswordReset(req.body.email, requestContext(req))
    return reply.code(202).send({ message: 'If this address has an account, we sent it a link to reset the password.' })
  })

  app.post('/auth/password-reset/confirm', {
    config: { operation: 'public' },
    schema: {
      tags: ['auth'], summary: 'Set a new password with the mailed token',
      description: 'Ends every session of the account and spends all its reset links.',
      body: I.ResetConfirmBody, response: { 204: Empty, ...problems(400, 403, 503) },
    },
  }, async (req, reply) => {
    await accounts.confirmPasswordReset(req.body.token, req.body.password, requestContext(req))
    return reply.code(204).send(null)
  })

  app.post('/auth/setup', {
    config: { operation: 'public' },
    schema: {
      tags: ['auth'], summary: 'First run: create the first platform administrator',
      description: 'Needs the one-time token printed by `npx pathways setup`. Once an administrator exists this answers 409 setup.done.',
      body: I.SetupBody, response: { 201: I.SetupAnswer, ...problems(400, 403, 409, 503) },
    },
  }, async (req, reply) => reply.code(201).send(await accounts.setup(req.body, requestContext(req))))
}

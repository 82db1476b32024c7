/**
 * /api/v1/me: the signed-in person's account, password, API keys and sessions. Managing keys and
 * sessions and changing the password need a cookie session; an API key may read /me.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import * as S from '../../../shared/schemas.js'
import { notFound } from '../../platform/http/errors.js'
import { authRequired, requireAuthenticated, requireUser } from './actor.js'
import { currentSession } from './authentication.js'
import { clearSessionCookie, requestContext, setSessionCookie } from './auth.routes.js'
import { csrfTokenFor } from './csrf.js'
import type { Identity } from './identity.js'
import * as I from './identity.schema.js'
import { strictValidatorCompiler } from './strict-validator.js'

const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, S.Problem]))
const Empty = Type.Null({ description: 'No content' })

export const meRoutes: FastifyPluginAsyncTypebox<{ identity: Identity }> = async (app, { identity }) => {
  app.setValidatorCompiler(strictValidatorCompiler)
  const { accounts, apiKeys, sessions } = identity

  app.get('/me', {
    config: { operation: 'me.read' },
    schema: { tags: ['me'], summary: 'The signed-in account', response: { 200: I.Me, ...problems(401) } },
  }, async (req) => {
    const me = await accounts.me(requireAuthenticated(req.actor).userId)
    if (!me) throw authRequired()
    return me
  })

  app.post('/me/password', {
    config: { operation: 'me.manage' },
    schema: {
      tags: ['me'], summary: 'Change the password',
      description: 'Needs the current password. The session gets a new id (a new cookie and CSRF token); `signOutOtherSessions` ends all the others.',
      body: I.ChangePasswordBody, response: { 200: I.CsrfAnswer, ...problems(400, 401, 403, 429, 503) },
    },
  }, async (req, reply) => {
    requireUser(req.actor)
    const rotated = await accounts.changePassword(currentSession(req)!, req.body, requestContext(req))
    setSessionCookie(reply, rotated.token)
    return { csrfToken: csrfTokenFor(identity.secretKey, rotated.idHash) }
  })

  app.get('/me/api-keys', {
    config: { operation: 'me.manage' },
    schema: { tags: ['me'], summary: 'My API keys (never the keys themselves)', response: { 200: Type.Object({ items: Type.Array(I.ApiKeyView) }), ...problems(401, 403) } },
  }, async (req) => ({ items: await apiKeys.list(requireUser(req.actor).userId) }))

  app.post('/me/api-keys', {
    config: { operation: 'me.api_keys.create' },
    schema: {
      tags: ['me'], summary: 'Create an API key',
      description: 'The answer holds the full key, once; only its hash is stored. Send it as `Authorization: Bearer pw_live_…` — never in a URL.',
      body: I.NewApiKeyBody, response: { 201: I.NewApiKeyAnswer, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req.actor)
    const created = await apiKeys.create(actor.userId, req.body)
    requestContext(req).audit('auth.api_key.created', { actorId: actor.userId, keyId: created.apiKey.id, scopes: created.apiKey.scopes.join(',') })
    return reply.code(201).send(created)
  })

  app.delete('/me/api-keys/:id', {
    config: { operation: 'me.manage' },
    schema: { tags: ['me'], summary: 'Revoke an API key', params: I.IdParams, response: { 204: Empty, ...problems(400, 401, 403, 404) } },
  }, async (req, reply) => {
    const actor = requireUser(req.actor)
    await apiKeys.revoke(actor.userId, req.params.id)
    requestContext(req).audit('auth.api_key.revoked', { actorId: actor.userId, keyId: req.params.id })
    return reply.code(204).send(null)
  })

  app.post('/me/parental-consent/resend', {
    config: { operation: 'me.consent.resend' },
    schema: {
      tags: ['me'], summary: 'Mail my parent or guardian the consent link again',
      description: 'For an account under 13 waiting for consent: a new link (the previous one stops working), at most 3 a day. Otherwise nothing is sent.',
      response: { 202: I.Accepted, ...problems(401, 403) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req.actor)
    if (await identity.consent.resend(actor.userId)) requestContext(req).audit('consent.resent', { actorId: actor.userId })
    return reply.code(202).send({ message: 'If a parent or guardian still has to agree, we mailed them the link again.' })
  })

  app.get('/me/sessions', {
    config: { operation: 'me.manage' },
    schema: { tags: ['me'], summary: 'My signed-in sessions', response: { 200: Type.Object({ items: Type.Array(I.SessionView) }), ...problems(401, 403) } },
  }, async (req) => ({ items: await sessions.list(requireUser(req.actor).userId, currentSession(req)?.idHash) }))

  app.delete('/me/sessions/:id', {
    config: { operation: 'me.manage' },
    schema: { tags: ['me'], summary: 'End one of my sessions', params: I.IdParams, response: { 204: Empty, ...problems(400, 401, 403, 404) } },
  }, async (req, reply) => {
    const actor = requireUser(req.actor)
    if (!(await sessions.endByPublicId(actor.userId, req.params.id))) {
      throw notFound('session', req.params.id)
    }
    requestContext(req).audit('auth.session.ended', { actorId: actor.userId, sessionId: req.params.id })
    if (req.params.id === actor.sessionId) clearSessionCookie(reply)
    return reply.code(204).send(null)
  })
}

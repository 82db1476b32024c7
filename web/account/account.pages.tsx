/**
 * The signed-in person's pages under /account. The policy hook has already required a signed-in
 * person (operations `me.manage`, `me.delete`, `me.access_log.read`; an anonymous GET is sent to
 * the sign-in page by the pages' error handler); handlers call the services the /api/v1/me routes
 * call and pick the page.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { deleteAccountWithPassword } from '../../server/modules/access/index.js'
import { clearSessionCookie, currentSession, requestContext, requireUser, setSessionCookie, type ApiKeyScope } from '../../server/modules/identity/index.js'
import { AppError } from '../../server/platform/http/errors.js'
import { formOf, text, values as all } from '../forms/form-body.js'
import { errorsFromAppError, fieldError, formError, hasErrors, mergeErrors, NO_ERRORS, required, type FormErrors } from '../forms/form-errors.js'
import { AccessLogPage, ApiKeysView, DeleteView, NewKeyView, PasswordView, ProfileView, SessionsView, type KeyFormValues } from './account-views.js'
import { csrfOf, seeOther, sendPage, type AccountPagesOptions } from './page-kit.js'

type Operation = 'me.manage' | 'me.delete' | 'me.access_log.read' | 'me.api_keys.create' | 'me.consent.resend'
const page = (operation: Operation) => ({ schema: { hide: true }, config: { operation } })
const form = (operation: Operation) => ({ schema: { hide: true }, config: { operation, form: true as const } })

type Done = { Querystring: { done?: string } }
type IdParam = { Params: { id: string } }

const SCOPE_VALUES: readonly string[] = ['read', 'write', 'school']

export const accountPages: FastifyPluginAsync<AccountPagesOptions> = async (app, options) => {
  const { identity, schools, db } = options
  const { accounts, apiKeys, sessions } = identity
  const csrf = (req: FastifyRequest) => csrfOf(req, identity)
  const me = async (req: FastifyRequest) => {
    const found = await accounts.me(requireUser(req.actor).userId)
    if (!found) throw new AppError('auth.required', 401, 'Sign in again.')
    return found
  }

  app.get<Done>('/account', page('me.manage'), async (req, reply) =>
    sendPage(req, reply, options, { title: 'Your account', body: <ProfileView me={await me(req)} done={req.query.done} csrf={csrf(req)} /> }))

  app.post('/account/parental-consent/resend', form('me.consent.resend'), async (req, reply) => {
    const userId = requireUser(req.actor).userId
    if (await identity.consent.resend(userId)) requestContext(req).audit('consent.resent', { actorId: userId })
    return seeOther(reply, '/account?done=consent-resent')
  })

  // --- password ---
  const passwordPage = (req: FastifyRequest, reply: FastifyReply, errors: FormErrors, status = 400, done?: string) =>
    sendPage(req, reply, options, { title: 'Change your password', status: hasErrors(errors) ? status : 200, body: <PasswordView errors={errors} csrf={csrf(req)} done={done} /> })

  app.get<Done>('/account/password', page('me.manage'), async (req, reply) => passwordPage(req, reply, NO_ERRORS, 200, req.query.done))

  app.post('/account/password', form('me.manage'), async (req, reply) => {
    requireUser(req.actor)
    const body = formOf(req)
    const input = { currentPassword: text(body, 'currentPassword'), newPassword: text(body, 'newPassword'), signOutOtherSessions: text(body, 'signOutOtherSessions') === 'yes' }
    const errors = required(input as unknown as Record<string, string>, [
      { name: 'currentPassword', label: 'your current password', max: 4096 },
      { name: 'newPassword', label: 'a new password', max: 4096 },
    ])
    if (hasErrors(errors)) return passwordPage(req, reply, errors)
    try {
      const rotated = await accounts.changePassword(currentSession(req)!, input, requestContext(req))
      setSessionCookie(reply, rotated.token)
      return seeOther(reply, '/account/password?done=password')
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      if (error.code === 'auth.invalid_credentials') return passwordPage(req, reply, fieldError('currentPassword', 'Your current password is not correct.'))
      if (error.status === 400) return passwordPage(req, reply, errorsFromAppError(error, ['newPassword']))
      throw error
    }
  })

  // --- sessions ---
  app.get<Done>('/account/sessions', page('me.manage'), async (req, reply) => {
    const list = await sessions.list(requireUser(req.actor).userId, currentSession(req)?.idHash)
    return sendPage(req, reply, options, { title: 'Where you are signed in', body: <SessionsView sessions={list} csrf={csrf(req)} done={req.query.done} /> })
  })

  app.post<IdParam>('/account/sessions/:id/end', form('me.manage'), async (req, reply) => {
    const actor = requireUser(req.actor)
    if (!(await sessions.endByPublicId(actor.userId, req.params.id))) throw new AppError('session.not_found', 404, 'No such session.')
    requestContext(req).audit('auth.session.ended', { actorId: actor.userId, sessionId: req.params.id })
    if (req.params.id !== actor.sessionId) return seeOther(reply, '/account/sessions?done=session-ended')
    clearSessionCookie(reply)
    return seeOther(reply, '/sign-in?done=signed-out')
  })

  app.post('/account/sessions/end-all', form('me.manage'), async (req, reply) => {
    const actor = requireUser(req.actor)
    await sessions.endAll(actor.userId)
    requestContext(req).audit('auth.signout_everywhere', { actorId: actor.userId })
    clearSessionCookie(reply)
    return seeOther(reply, '/sign-in?done=signed-out-everywhere')
  })

  // --- API keys ---
  const keysPage = async (req: FastifyRequest, reply: FastifyReply, values: KeyFormValues, errors: FormErrors, status = 400, done?: string) => {
    const [list, mine] = await Promise.all([apiKeys.list(requireUser(req.actor).userId), me(req)])
    return sendPage(req, reply, options, {
      title: 'API keys', status: hasErrors(errors) ? status : 200,
      body: <ApiKeysView keys={list} schools={mine.memberships} values={values} errors={errors} csrf={csrf(req)} done={done} now={identity.clock.now()} />,
    })
  }

  app.get<Done>('/account/api-keys', page('me.manage'), async (req, reply) => keysPage(req, reply, {}, NO_ERRORS, 200, req.query.done))

  app.post('/account/api-keys', form('me.api_keys.create'), async (req, reply) => {
    const actor = requireUser(req.actor)
    const body = formOf(req)
    const values: KeyFormValues = { name: text(body, 'name'), scopes: all(body, 'scopes'), schoolId: text(body, 'schoolId'), expiresInDays: text(body, 'expiresInDays') }
    const days = Number(values.expiresInDays || '90')
    const scopes = values.scopes ?? []
    const errors = mergeErrors(
      required({ name: values.name ?? '' }, [{ name: 'name', label: 'a name', max: 100 }]),
      scopes.length === 0 || scopes.some((s) => !SCOPE_VALUES.includes(s)) ? fieldError('scopes', 'Choose at least one scope.') : NO_ERRORS,
      Number.isInteger(days) && days >= 1 && days <= 365 ? NO_ERRORS : fieldError('expiresInDays', 'Choose how long the key lasts.'),
    )
    if (hasErrors(errors)) return keysPage(req, reply, values, errors)
    try {
      const created = await apiKeys.create(actor.userId, {
        name: values.name!, scopes: scopes as ApiKeyScope[], expiresInDays: days, ...(values.schoolId ? { schoolId: values.schoolId } : {}),
      })
      requestContext(req).audit('auth.api_key.created', { actorId: actor.userId, keyId: created.apiKey.id, scopes: created.apiKey.scopes.join(',') })
      // The key exists only in this answer: shown here, not after a redirect, and never stored.
      return sendPage(req, reply, options, { title: 'Your new API key', status: 201, body: <NewKeyView secret={created.key} apiKey={created.apiKey} /> })
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      if (error.code === 'school.not_found') return keysPage(req, reply, values, fieldError('schoolId', 'You are not a member of that school.'))
      if (error.status === 400) return keysPage(req, reply, values, errorsFromAppError(error, ['schoolId', 'scopes', 'name']))
      if (error.code === 'api_key.limit') return keysPage(req, reply, values, formError(error.message), 409)
      throw error
    }
  })

  app.post<IdParam>('/account/api-keys/:id/revoke', form('me.manage'), async (req, reply) => {
    const actor = requireUser(req.actor)
    await apiKeys.revoke(actor.userId, req.params.id)
    requestContext(req).audit('auth.api_key.revoked', { actorId: actor.userId, keyId: req.params.id })
    return seeOther(reply, '/account/api-keys?done=key-revoked')
  })

  // --- who read my record ---
  app.get('/account/access-log', page('me.access_log.read'), async (req, reply) => {
    const mine = await me(req)
    const entries = await schools.accessLogOfLearner(mine.id)
    return sendPage(req, reply, options, { title: 'Who read my record', body: <AccessLogPage entries={entries} schools={mine.memberships} /> })
  })

  // --- delete ---
  const deletePage = (req: FastifyRequest, reply: FastifyReply, errors: FormErrors, status = 400) =>
    sendPage(req, reply, options, { title: 'Delete your account', status: hasErrors(errors) ? status : 200, body: <DeleteView errors={errors} csrf={csrf(req)} /> })

  app.get('/account/delete', page('me.delete'), async (req, reply) => deletePage(req, reply, NO_ERRORS))

  app.post('/account/delete', form('me.delete'), async (req, reply) => {
    const actor = requireUser(req.actor)
    const password = text(formOf(req), 'password')
    if (password === '') return deletePage(req, reply, fieldError('password', 'Enter your password.'))
    try {
      await deleteAccountWithPassword(identity, db, actor.userId, password)
    } catch (error) {
      if (error instanceof AppError && error.code === 'auth.invalid_credentials') return deletePage(req, reply, fieldError('password', 'The password is not correct.'))
      throw error
    }
    req.log.info({ event: 'account.deleted', actorId: actor.userId }, 'security event')
    clearSessionCookie(reply)
    return seeOther(reply, '/account/deleted')
  })
}

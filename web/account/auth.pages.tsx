/**
 * Sign-up, sign-in, sign-out, forgotten password, reset and email confirmation as HTML forms. Each
 * handler calls the service the API route calls (identity accounts and sign-in) and only decides
 * which page to show: the same page with messages when the service refuses, a 303 otherwise.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { clearSessionCookie, presentedSessionToken, requestContext, setSessionCookie } from '../../server/modules/identity/index.js'
import { AppError } from '../../server/platform/http/errors.js'
import { formOf, text } from '../forms/form-body.js'
import { errorsFromAppError, fieldError, formError, hasErrors, NO_ERRORS, required, waitWords, type FormErrors } from '../forms/form-errors.js'
import { safeNext } from '../forms/next-path.js'
import { DeletedView, ForgotSentView, ForgotView, ResetView, SignInView, SignUpSentView, SignUpView, VerifyView } from './auth-views.js'
import { csrfOf, seeOther, sendPage, type AccountPagesOptions } from './page-kit.js'

const PAGE = { schema: { hide: true }, config: { operation: 'public' } } as const
const FORM = { schema: { hide: true }, config: { operation: 'public', form: true } } as const

type Query = { Querystring: Record<string, string | undefined> }

/** `next` as given, if it is one we would follow (else nothing, so links do not carry junk). */
const nextParam = (value: string | undefined): string | undefined => (value && safeNext(value) === value ? value : undefined)

/** A query value of bounded length (tokens are 43 characters). */
const tokenParam = (value: string | undefined): string => (typeof value === 'string' && value.length <= 100 ? value : '')

/** A service refusal as form messages, or rethrown when it is not about the form. */
function refusal(error: unknown, fields: readonly string[]): FormErrors {
  if (error instanceof AppError && error.status === 400) return errorsFromAppError(error, fields)
  throw error
}

export const authPages: FastifyPluginAsync<AccountPagesOptions> = async (app, options) => {
  const { accounts, signin, sessions } = options.identity
  const csrf = (request: FastifyRequest) => csrfOf(request, options.identity)

  const signUpPage = (req: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FormErrors, next?: string, status = 400) =>
    sendPage(req, reply, options, { title: 'Create an account', status: hasErrors(errors) ? status : 200, body: <SignUpView values={values} errors={errors} csrf={csrf(req)} next={next} /> })

  app.get<Query>('/sign-up', PAGE, async (req, reply) => signUpPage(req, reply, {}, NO_ERRORS, nextParam(req.query.next)))

  app.post('/sign-up', FORM, async (req, reply) => {
    const form = formOf(req)
    const values = { email: text(form, 'email'), displayName: text(form, 'displayName'), password: text(form, 'password'), birthDate: text(form, 'birthDate').trim(), parentEmail: text(form, 'parentEmail').trim() }
    const next = nextParam(text(form, 'next'))
    const errors = required(values, [
      { name: 'email', label: 'your email address', max: 254 },
      { name: 'displayName', label: 'your name', max: 100 },
      { name: 'password', label: 'a password', max: 4096 },
    ])
    if (hasErrors(errors)) return signUpPage(req, reply, values, errors, next)
    if (values.birthDate.length > 10) return signUpPage(req, reply, values, fieldError('birthDate', 'Write the date as YYYY-MM-DD.'), next)
    try {
      await accounts.signup({
        email: values.email, password: values.password, displayName: values.displayName,
        ...(values.birthDate ? { birthDate: values.birthDate } : {}), ...(values.parentEmail ? { parentEmail: values.parentEmail } : {}),
      }, requestContext(req))
    } catch (error) {
      if (error instanceof AppError && error.status === 429) {
        const seconds = Number(error.extensions.retryAfter ?? 60)
        reply.header('retry-after', String(seconds))
        return signUpPage(req, reply, values, formError(`${error.message} Try again in ${waitWords(seconds)}.`), next, 429)
      }
      return signUpPage(req, reply, values, refusal(error, ['email', 'displayName', 'password', 'birthDate', 'parentEmail']), next)
    }
    return seeOther(reply, next ? `/sign-up/sent?next=${encodeURIComponent(next)}` : '/sign-up/sent')
  })

  app.get<Query>('/sign-up/sent', PAGE, async (req, reply) =>
    sendPage(req, reply, options, { title: 'Check your inbox', body: <SignUpSentView next={nextParam(req.query.next)} /> }))

  const signInPage = (req: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FormErrors, next?: string, status = 400, done?: string) =>
    sendPage(req, reply, options, { title: 'Sign in', status: hasErrors(errors) ? status : 200, body: <SignInView values={values} errors={errors} csrf={csrf(req)} next={next} done={done} /> })

  app.get<Query>('/sign-in', PAGE, async (req, reply) => signInPage(req, reply, {}, NO_ERRORS, nextParam(req.query.next), 200, req.query.done))

  app.post('/sign-in', FORM, async (req, reply) => {
    const form = formOf(req)
    const values = { email: text(form, 'email'), password: text(form, 'password') }
    const next = nextParam(text(form, 'next'))
    const errors = required(values, [{ name: 'email', label: 'your email address', max: 254 }, { name: 'password', label: 'your password', max: 4096 }])
    if (hasErrors(errors)) return signInPage(req, reply, values, errors, next)
    try {
      const { session } = await signin.signin({ ...values, ip: req.ip, presentedSession: presentedSessionToken(req) }, requestContext(req))
      setSessionCookie(reply, session.token)
      return seeOther(reply, safeNext(next))
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      if (error.code === 'auth.throttled') {
        const seconds = Number(error.extensions.retryAfter ?? 60)
        reply.header('retry-after', String(seconds))
        return signInPage(req, reply, values, formError(`Too many failed attempts. Try again in ${waitWords(seconds)}.`), next, 429)
      }
      // The service answers an unknown address and a wrong password alike; so does this page.
      if (error.code === 'auth.invalid_credentials') return signInPage(req, reply, values, formError('That email address and password do not match an account.'), next)
      throw error
    }
  })

  app.post('/sign-out', FORM, async (req, reply) => {
    const token = presentedSessionToken(req)
    if (token !== undefined) await sessions.end(token)
    if (req.actor.kind === 'user') requestContext(req).audit('auth.signout', { actorId: req.actor.userId, sessionId: req.actor.sessionId })
    clearSessionCookie(reply)
    return seeOther(reply, '/sign-in?done=signed-out')
  })

  const forgotPage = (req: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FormErrors) =>
    sendPage(req, reply, options, { title: 'Forgotten your password?', status: hasErrors(errors) ? 400 : 200, body: <ForgotView values={values} errors={errors} csrf={csrf(req)} /> })

  app.get('/forgot-password', PAGE, async (req, reply) => forgotPage(req, reply, {}, NO_ERRORS))

  app.post('/forgot-password', FORM, async (req, reply) => {
    const values = { email: text(formOf(req), 'email') }
    const errors = required(values, [{ name: 'email', label: 'your email address', max: 254 }])
    if (hasErrors(errors)) return forgotPage(req, reply, values, errors)
    await accounts.requestPasswordReset(values.email, requestContext(req))
    return seeOther(reply, '/forgot-password/sent')
  })

  app.get('/forgot-password/sent', PAGE, async (req, reply) => sendPage(req, reply, options, { title: 'Check your inbox', body: <ForgotSentView /> }))

  const resetPage = (req: FastifyRequest, reply: FastifyReply, token: string, errors: FormErrors) =>
    sendPage(req, reply, options, { title: 'Choose a new password', status: hasErrors(errors) ? 400 : 200, body: <ResetView token={token} errors={errors} csrf={csrf(req)} /> })

  // The mailed link: /reset-password?token=… (the token is redacted from request logs).
  app.get<Query>('/reset-password', PAGE, async (req, reply) => resetPage(req, reply, tokenParam(req.query.token), NO_ERRORS))

  app.post('/reset-password', FORM, async (req, reply) => {
    const form = formOf(req)
    const token = text(form, 'token').trim()
    const password = text(form, 'password')
    const errors = required({ token, password }, [{ name: 'token', label: 'the code from the link', max: 100 }, { name: 'password', label: 'a new password', max: 4096 }])
    if (hasErrors(errors)) return resetPage(req, reply, token, errors)
    try {
      await accounts.confirmPasswordReset(token, password, requestContext(req))
    } catch (error) {
      return resetPage(req, reply, token, refusal(error, ['password']))
    }
    clearSessionCookie(reply) // every session of the account has ended
    return seeOther(reply, '/sign-in?done=reset')
  })

  const verifyPage = (req: FastifyRequest, reply: FastifyReply, token: string, errors: FormErrors) =>
    sendPage(req, reply, options, { title: 'Confirm your email address', status: hasErrors(errors) ? 400 : 200, body: <VerifyView token={token} errors={errors} csrf={csrf(req)} /> })

  // The mailed link: /verify-email?token=…. GET only shows the button; confirming is the POST.
  app.get<Query>('/verify-email', PAGE, async (req, reply) => verifyPage(req, reply, tokenParam(req.query.token), NO_ERRORS))

  app.post('/verify-email', FORM, async (req, reply) => {
    const token = text(formOf(req), 'token').trim()
    const errors = required({ token }, [{ name: 'token', label: 'the code from the link', max: 100 }])
    if (hasErrors(errors)) return verifyPage(req, reply, token, errors)
    try {
      await accounts.verifyEmail(token, requestContext(req))
    } catch (error) {
      return verifyPage(req, reply, token, refusal(error, []))
    }
    return seeOther(reply, req.actor.kind === 'user' ? '/account?done=verified' : '/sign-in?done=verified')
  })

  app.get('/account/deleted', PAGE, async (req, reply) => sendPage(req, reply, options, { title: 'Your account is deleted', body: <DeletedView /> }))
}

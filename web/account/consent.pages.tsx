/**
 * The parent's page for a child under 13 (the consent mail links to /parental-consent?token=…):
 * GET shows who asked and two buttons; the POST records the decision with identity's consent
 * service, and a refusal deletes the child's account through the account-deletion code — what
 * POST /api/v1/auth/parental-consent does. Also "mail a new confirmation link" for an address.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { decideParentalConsent } from '../../server/modules/access/index.js'
import { requestContext } from '../../server/modules/identity/index.js'
import { formOf, text } from '../forms/form-body.js'
import { formError, hasErrors, NO_ERRORS, required, type FormErrors } from '../forms/form-errors.js'
import { CsrfField, ErrorSummary, Field, Notice } from '../ui/form.js'
import { csrfOf, seeOther, sendPage, type AccountPagesOptions } from './page-kit.js'

const PAGE = { schema: { hide: true }, config: { operation: 'public' } } as const
const FORM = { schema: { hide: true }, config: { operation: 'public', form: true } } as const
const BAD_LINK = 'This link is not valid: it may have been used already or have expired.'

function ConsentView({ token, child, errors, csrf }: { token: string; child?: { childName: string; childEmail: string }; errors: FormErrors; csrf?: string }) {
  return (
    <>
      <h1>A child asked to use Pathways</h1>
      <ErrorSummary form="consent" errors={errors} labels={{}} />
      {child ? (
        <>
          <p>
            <strong>{child.childName}</strong> ({child.childEmail}) created a Pathways account and gave your address as their parent or guardian.
            Until you agree, they cannot join a school, create API keys or download their data.
          </p>
          <p>If you refuse, their account and everything in it is deleted at once.</p>
          <form method="post" action="/parental-consent" className="inline-form">
            <CsrfField token={csrf} />
            <input type="hidden" name="token" value={token} />
            <button type="submit" name="decision" value="grant">I agree</button>
            <button type="submit" name="decision" value="refuse" className="danger">I refuse: delete the account</button>
          </form>
        </>
      ) : null}
    </>
  )
}

const DONE: Record<string, string> = {
  grant: 'Thank you: the account can now be used fully.',
  refuse: 'The account and its data have been deleted.',
}

function ResendView({ values, errors, csrf }: { values: Record<string, string>; errors: FormErrors; csrf?: string }) {
  return (
    <>
      <h1>Get a new confirmation link</h1>
      <ErrorSummary form="resend" errors={errors} labels={{ email: 'Email address' }} />
      <form method="post" action="/verify-email/resend" className="stack-form" noValidate>
        <CsrfField token={csrf} />
        <Field form="resend" name="email" type="email" label="Email address" errors={errors} value={values.email} autoComplete="email" maxLength={254} />
        <button type="submit">Send a new link</button>
      </form>
    </>
  )
}

export const consentPages: FastifyPluginAsync<AccountPagesOptions> = async (app, options) => {
  const { consent, accounts } = options.identity
  const csrf = (req: FastifyRequest) => csrfOf(req, options.identity)
  const consentPage = async (req: FastifyRequest, reply: FastifyReply, token: string) => {
    const child = token.length <= 100 ? await consent.lookup(token) : undefined
    return sendPage(req, reply, options, {
      title: 'A child asked to use Pathways', status: child ? 200 : 400,
      body: <ConsentView token={token} {...(child ? { child } : {})} errors={child ? NO_ERRORS : formError(BAD_LINK)} csrf={csrf(req)} />,
    })
  }

  app.get<{ Querystring: { token?: string } }>('/parental-consent', PAGE, async (req, reply) => consentPage(req, reply, req.query.token ?? ''))

  app.post('/parental-consent', FORM, async (req, reply) => {
    const body = formOf(req)
    const token = text(body, 'token')
    const decision = text(body, 'decision')
    if (decision !== 'grant' && decision !== 'refuse') return consentPage(req, reply, token)
    if (!(await decideParentalConsent({ identity: options.identity, db: options.db }, token, decision, requestContext(req)))) return consentPage(req, reply, token)
    return seeOther(reply, `/parental-consent/done?decision=${decision}`)
  })

  app.get<{ Querystring: { decision?: string } }>('/parental-consent/done', PAGE, async (req, reply) =>
    sendPage(req, reply, options, { title: 'Thank you', body: <><h1>Thank you</h1><Notice>{DONE[req.query.decision ?? ''] ?? 'Your answer has been recorded.'}</Notice></> }))

  const resendPage = (req: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FormErrors) =>
    sendPage(req, reply, options, { title: 'Get a new confirmation link', status: hasErrors(errors) ? 400 : 200, body: <ResendView values={values} errors={errors} csrf={csrf(req)} /> })

  app.get('/verify-email/resend', PAGE, async (req, reply) => resendPage(req, reply, {}, NO_ERRORS))

  app.post('/verify-email/resend', FORM, async (req, reply) => {
    const values = { email: text(formOf(req), 'email') }
    const errors = required(values, [{ name: 'email', label: 'your email address', max: 254 }])
    if (hasErrors(errors)) return resendPage(req, reply, values, errors)
    await accounts.resendVerification(values.email, requestContext(req))
    return seeOther(reply, '/sign-up/sent')
  })
}

/**
 * What every account, school and operator page shares: the services it may call, rendering a
 * personal page (header naming who is signed in; `Cache-Control: no-store`; never in the page
 * cache), 303 redirects, and the scope's error handler, which turns the refusals of the hooks and
 * services into pages: anonymous → the sign-in page (GET), a forged form → 403, another school →
 * 404, throttled → 429 with Retry-After, anything unexpected → 500 (logged).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import type { SchoolsService } from '../../server/modules/access/index.js'
import { csrfTokenFor, currentSession, type Identity } from '../../server/modules/identity/index.js'
import type { Database } from '../../server/platform/db/types.js'
import { isDatabaseUnavailable } from '../../server/platform/db/client.js'
import { AppError } from '../../server/platform/http/errors.js'
import { waitWords } from '../forms/form-errors.js'
import { Document, type HeaderAccount, type PageAssets } from '../ui/document.js'

export interface AccountPagesOptions {
  identity: Identity
  schools: SchoolsService
  db: Kysely<Database>
  assets: Exclude<PageAssets, string>
}

export const SITE = 'Pathways'

/** The session's CSRF token for the hidden field, when a live session came with the request. */
export function csrfOf(request: FastifyRequest, identity: Identity): string | undefined {
  const session = currentSession(request)
  return session ? csrfTokenFor(identity.secretKey, session.idHash) : undefined
}

export function headerFor(request: FastifyRequest, identity: Identity, next?: string): HeaderAccount {
  const { actor } = request
  if (actor.kind === 'user') return { kind: 'user', csrfToken: csrfOf(request, identity) ?? '', platformAdmin: actor.platformRole === 'platform_admin' }
  return next ? { kind: 'anonymous', next } : { kind: 'anonymous' }
}

export interface PageSpec {
  title: string
  body: ReactNode
  status?: number
}

/** Renders and sends a personal page: never stored by the browser or a shared cache. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, options: AccountPagesOptions, spec: PageSpec): FastifyReply {
  const html = renderToStaticMarkup(
    <Document
      title={`${spec.title} | ${SITE}`}
      description={spec.title}
      assets={options.assets}
      account={headerFor(request, options.identity)}
    >
      {spec.body}
    </Document>,
  )
  return reply.code(spec.status ?? 200).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(`<!doctype html>${html}`)
}

/** Post/Redirect/Get: 303 so the browser follows with a GET. */
export const seeOther = (reply: FastifyReply, location: string): FastifyReply =>
  reply.code(303).header('location', location).header('cache-control', 'no-store').send()

/** The sign-in page, coming back to this address afterwards. */
export const signInFirst = (request: FastifyRequest, reply: FastifyReply): FastifyReply =>
  seeOther(reply, `/sign-in?next=${encodeURIComponent(request.url)}`)

function MessagePage({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <>
      <h1>{heading}</h1>
      {children}
    </>
  )
}

const ERROR_PAGES: Record<number, { heading: string; text: string }> = {
  400: { heading: 'This request cannot be used', text: 'Part of what was sent is not something this page understands.' },
  401: { heading: 'Please sign in', text: 'Your session has ended, or you are not signed in. Sign in, then try again.' },
  403: { heading: 'You may not do this', text: 'Your account does not allow this action.' },
  404: { heading: 'Page not found', text: 'There is nothing at this address that you can see. The link may be wrong, or it may belong to a school you are not part of.' },
  405: { heading: 'This cannot be done', text: 'This page does not accept that kind of request.' },
  409: { heading: 'This cannot be done now', text: 'The change conflicts with the current state of things.' },
  413: { heading: 'Too much was sent', text: 'The form was larger than this site accepts.' },
  415: { heading: 'This request cannot be used', text: 'Send the form from its page on this site.' },
  429: { heading: 'Too many attempts', text: 'Please wait before trying again.' },
  503: { heading: 'Back in a moment', text: 'Part of the service is not reachable just now. Nothing was lost; please try again in a few seconds.' },
}

const CSRF_PAGE = {
  heading: 'This form could not be accepted',
  text: 'For your safety, a form is accepted only when it is sent from its own page on this site during your current session. Go back to the page, reload it, and send the form again.',
}

/** An error page for a refusal; `detail` replaces the standard sentence. */
export function sendErrorPage(request: FastifyRequest, reply: FastifyReply, options: AccountPagesOptions, status: number, detail?: string): FastifyReply {
  const page = ERROR_PAGES[status] ?? { heading: 'Something went wrong', text: 'Something went wrong on our side. Please try again later.' }
  return sendPage(request, reply, options, {
    title: page.heading,
    status,
    body: (
      <MessagePage heading={page.heading}>
        <p className="lead">{detail ?? page.text}</p>
        <p>
          <a href={status === 401 ? '/sign-in' : '/account'}>{status === 401 ? 'Sign in' : 'Go to your account'}</a>
        </p>
      </MessagePage>
    ),
  })
}

/** The pages' error handler (installed on their encapsulated scope only). */
export function installPageErrors(scope: FastifyInstance, options: AccountPagesOptions): void {
  scope.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const status = error instanceof AppError ? error.status : (error.statusCode ?? 500)
    if (status === 401 && (request.method === 'GET' || request.method === 'HEAD')) return signInFirst(request, reply)
    if (error instanceof AppError && error.code === 'csrf.invalid') {
      return sendPage(request, reply, options, { title: CSRF_PAGE.heading, status: 403, body: <MessagePage heading={CSRF_PAGE.heading}><p className="lead">{CSRF_PAGE.text}</p></MessagePage> })
    }
    if (status === 429) {
      const seconds = error instanceof AppError && typeof error.extensions.retryAfter === 'number' ? error.extensions.retryAfter : 60
      reply.header('retry-after', String(seconds))
      return sendErrorPage(request, reply, options, 429, `Too many attempts. Try again in ${waitWords(seconds)}.`)
    }
    if (isDatabaseUnavailable(error) || status === 503) {
      // The database is unreachable or the process is overloaded: a retryable refusal, not a fault of the page.
      request.log.warn({ err: error }, 'page refused: dependency unavailable')
      reply.header('retry-after', '5')
      return sendErrorPage(request, reply, options, 503)
    }
    if (status >= 500) {
      request.log.error({ err: error }, 'unhandled error on a page')
      return sendErrorPage(request, reply, options, 500)
    }
    const detail = error instanceof AppError && (status === 409 || (status === 403 && error.code !== 'access.denied')) ? error.message : undefined
    return sendErrorPage(request, reply, options, ERROR_PAGES[status] ? status : 400, detail)
  })
}

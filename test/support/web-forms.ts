/**
 * Speaking to the account and school pages as a browser without JavaScript would: form-encoded posts
 * with same-origin fetch metadata, the session cookie, and the hidden `_csrf` field read from the page.
 */
import type { LightMyRequestResponse } from 'fastify'
import { setCookie, type AuthTestApp, type Session } from './auth.js'

export const FORM = 'application/x-www-form-urlencoded'

export const encode = (fields: Record<string, string | readonly string[]>): string => {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) params.append(name, v)
  return params.toString()
}

export interface PostOptions {
  session?: Session
  /** The hidden field; defaults to the session's token. Pass null to leave it out. */
  csrf?: string | null
  site?: string
  headers?: Record<string, string>
}

export function postForm(t: AuthTestApp, url: string, fields: Record<string, string | readonly string[]>, options: PostOptions = {}): Promise<LightMyRequestResponse> {
  const csrf = options.csrf === undefined ? options.session?.csrf : options.csrf
  return t.app.inject({
    method: 'POST', url,
    headers: { 'content-type': FORM, 'sec-fetch-site': options.site ?? 'same-origin', ...(options.session ? { cookie: options.session.cookie } : {}), ...options.headers },
    payload: encode({ ...fields, ...(csrf ? { _csrf: csrf } : {}) }),
  })
}

export const getPage = (t: AuthTestApp, url: string, session?: Session): Promise<LightMyRequestResponse> =>
  t.app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} })

/** Signs in through the sign-in page; the CSRF token is read from the next page's hidden field. */
export async function pageSignin(t: AuthTestApp, email: string, password: string): Promise<Session> {
  const res = await postForm(t, '/sign-in', { email, password })
  if (res.statusCode !== 303) throw new Error(`page sign-in failed: ${res.statusCode}`)
  const token = setCookie(res)!.value
  const cookie = `__Host-sid=${token}`
  const page = await getPage(t, '/account', { cookie, csrf: '', token })
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1]
  if (!csrf) throw new Error('no CSRF field on the account page')
  return { cookie, csrf, token }
}

/** The text of <main>, tags removed, for assertions on what a person reads. */
export const mainText = (html: string): string =>
  (/<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, '\'').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim()

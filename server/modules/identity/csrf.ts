/**
 * CSRF defence for cookie-authenticated writes (ASVS 3.5, SECURITY.md S3), two independent checks:
 *
 * 1. Where the request comes from: `Sec-Fetch-Site: same-origin`, or — from browsers that send no
 *    fetch metadata — an `Origin` equal to PUBLIC_ORIGIN (or, when that is unset, to the Host).
 * 2. A synchronizer token in `x-csrf-token`: HMAC(SECRET_KEY, session id hash), handed out by
 *    `GET /api/v1/auth/csrf` and at sign-in. It is bound to the session, so it changes when the session
 *    rotates, and cannot be computed without the server key.
 *
 * Requests authenticated by an API key in the Authorization header are exempt: a browser never adds
 * that header to a cross-site request on its own. Anonymous writes (sign-in, sign-up) carry no
 * session to ride on, but a cross-site browser request is still refused by its fetch metadata, which
 * stops login CSRF.
 */
import type { IncomingHttpHeaders } from 'node:http'
import { hmac, safeEqual } from './secrets.js'

export const CSRF_HEADER = 'x-csrf-token'

export const csrfTokenFor = (secretKey: string, sessionIdHash: string): string => hmac(secretKey, 'csrf', sessionIdHash)

export function csrfTokenValid(secretKey: string, sessionIdHash: string, presented: string | string[] | undefined): boolean {
  return typeof presented === 'string' && safeEqual(presented, csrfTokenFor(secretKey, sessionIdHash))
}

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value)

/** Check 1 for a cookie-authenticated write. */
export function sameOrigin(headers: IncomingHttpHeaders, publicOrigin: string | undefined): boolean {
  const site = first(headers['sec-fetch-site'])
  if (site !== undefined) return site === 'same-origin'
  const origin = first(headers.origin)
  if (!origin || origin === 'null') return false
  if (publicOrigin !== undefined) return origin === publicOrigin
  try {
    return new URL(origin).host === first(headers.host)
  } catch {
    return false
  }
}

/** For anonymous writes: refuse what a browser itself marks as coming from another site. */
export function crossSiteBrowserRequest(headers: IncomingHttpHeaders): boolean {
  const site = first(headers['sec-fetch-site'])
  return site === 'cross-site' || site === 'same-site'
}

/**
 * The `next` address after signing in: only a path on this site. Anything that could leave it — an
 * absolute URL, a scheme, `//host`, a backslash (browsers read `/\host` as `//host`), control
 * characters — or that would loop back to the sign-in pages gives the account page instead.
 */
const BASE = 'http://pathways.invalid'
const LOOPS = ['/sign-in', '/sign-out', '/sign-up']
export const DEFAULT_NEXT = '/account'
const MAX_LENGTH = 2000

export function safeNext(value: string | undefined): string {
  if (value === undefined || value === '' || value.length > MAX_LENGTH) return DEFAULT_NEXT
  // eslint-disable-next-line no-control-regex
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value)) return DEFAULT_NEXT
  let url: URL
  try {
    url = new URL(value, BASE)
  } catch {
    return DEFAULT_NEXT
  }
  if (url.origin !== BASE) return DEFAULT_NEXT
  if (LOOPS.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`))) return DEFAULT_NEXT
  return `${url.pathname}${url.search}${url.hash}`
}

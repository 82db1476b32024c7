/**
 * The session cookie: `__Host-sid`, Secure, HttpOnly, SameSite=Lax, Path=/ and no Domain (the
 * `__Host-` prefix makes browsers insist on exactly that). Secure even on http://localhost, which
 * Chromium and Firefox treat as a secure context. No Max-Age: the cookie ends with the browser; the
 * server's idle and absolute timeouts bound it either way.
 */
export const SESSION_COOKIE = '__Host-sid'

const ATTRIBUTES = 'Path=/; Secure; HttpOnly; SameSite=Lax'

export const sessionCookie = (value: string): string => `${SESSION_COOKIE}=${value}; ${ATTRIBUTES}`

export const clearedSessionCookie = (): string => `${SESSION_COOKIE}=; ${ATTRIBUTES}; Max-Age=0`

/** The first `__Host-sid` value of a Cookie header, if any. */
export function readSessionCookie(header: string | undefined): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim()
      return value.length > 0 ? value : undefined
    }
  }
  return undefined
}

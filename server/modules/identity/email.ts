/**
 * Email addresses: one normal form for storage and lookup (NFC, lower case, trimmed), a plausibility
 * check, and a pseudonym for logs so that no address is written there in clear.
 */
import { hmac } from './secrets.js'

export const EMAIL_MAX_LENGTH = 254

/** NFC, trimmed and lower-cased (locale-independent), then NFC again (lower-casing can denormalise). */
export function normaliseEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase().normalize('NFC')
}

/** One @, something on each side, a dot in the domain, no whitespace or control characters. */
export function isPlausibleEmail(normalised: string): boolean {
  if (normalised.length > EMAIL_MAX_LENGTH) return false
  // eslint-disable-next-line no-control-regex
  return /^[^\s@\u0000-\u001f\u007f]{1,64}@[^\s@\u0000-\u001f\u007f]+\.[^\s@\u0000-\u001f\u007f]+$/u.test(normalised)
}

/** A stable, keyed pseudonym of an address for log lines (16 characters; not reversible without the key). */
export function emailPseudonym(key: string, normalised: string): string {
  return `e_${hmac(key, 'email', normalised).slice(0, 16)}`
}

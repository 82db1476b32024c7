/**
 * Random secrets and their hashes. Secrets leave the server once (in a cookie, a mail or an API
 * response) and are stored only as SHA-256: they carry ≥ 128 bits of CSPRNG entropy, so a fast hash
 * is enough (no salt or slow hash needed, unlike passwords).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** 256 random bits as base64url (43 characters). */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url')
}

/** The shape of randomSecret's output; requests carrying one are validated against it. */
export const SECRET_PATTERN = '^[A-Za-z0-9_-]{43}$'
const SECRET_RE = new RegExp(SECRET_PATTERN)

export const isSecretShaped = (value: string): boolean => SECRET_RE.test(value)

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** `length` base62 characters, unbiased (rejection sampling); 43 characters carry 256 bits. */
export function randomBase62(length: number): string {
  let out = ''
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62]
    }
  }
  return out
}

/** SHA-256 as lower-case hex. */
export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex')
}

/** HMAC-SHA-256 of the parts (joined unambiguously) as base64url. */
export function hmac(key: string, ...parts: string[]): string {
  const mac = createHmac('sha256', key)
  for (const part of parts) mac.update(`${part.length}:${part}|`, 'utf8')
  return mac.digest('base64url')
}

/** Compares two strings in time independent of where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8')
  const y = Buffer.from(b, 'utf8')
  return x.length === y.length && timingSafeEqual(x, y)
}

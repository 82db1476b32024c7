/**
 * Private keys at rest: AES-256-GCM under a key derived from the server key (SECRET_KEY) with HKDF,
 * bound to the key's id and public key as associated data, so a wrapped key copied to another row
 * does not unwrap. Format: `v1.<iv>.<ciphertext>.<tag>`, base64url. Instances sharing a database
 * share SECRET_KEY already (CSRF tokens); with another SECRET_KEY a key does not unwrap, and the
 * instance needs a new signing key (rotation), while verification — public keys only — goes on.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

const VERSION = 'v1'

function wrappingKey(secretKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secretKey, 'utf8'), 'pathways issuer keys', 'aes-256-gcm key wrap v1', 32))
}

/** Encrypts `plaintext` (a PKCS#8 private key) for storage; `binding` must be given again to unwrap. */
export function wrapKey(secretKey: string, plaintext: Buffer, binding: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(secretKey), iv)
  cipher.setAAD(Buffer.from(binding, 'utf8'))
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()])
  return [VERSION, iv, ciphertext, cipher.getAuthTag()].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.')
}

/** Decrypts a wrapped key; undefined when the server key or the binding differs or the text is damaged. */
export function unwrapKey(secretKey: string, wrapped: string, binding: string): Buffer | undefined {
  const [version, iv, ciphertext, tag, ...rest] = wrapped.split('.')
  if (version !== VERSION || iv === undefined || ciphertext === undefined || tag === undefined || rest.length > 0) return undefined
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey(secretKey), Buffer.from(iv, 'base64url'), { authTagLength: 16 })
    decipher.setAAD(Buffer.from(binding, 'utf8'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()])
  } catch {
    return undefined
  }
}

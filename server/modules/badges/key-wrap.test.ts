import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { unwrapKey, wrapKey } from './key-wrap.js'

const SECRET = 'a-server-key-of-at-least-32-bytes-0123456789'

describe('private key wrapping', () => {
  it('unwraps with the same server key and binding only', () => {
    const key = randomBytes(48)
    const wrapped = wrapKey(SECRET, key, 'issuer-key:1:z6Mk')
    expect(wrapped).not.toContain(key.toString('base64url'))
    expect(unwrapKey(SECRET, wrapped, 'issuer-key:1:z6Mk')?.equals(key)).toBe(true)
    expect(unwrapKey(`${SECRET}x`, wrapped, 'issuer-key:1:z6Mk')).toBeUndefined()
    expect(unwrapKey(SECRET, wrapped, 'issuer-key:2:z6Mk')).toBeUndefined()
  })

  it('refuses damaged or truncated text, including a shortened authentication tag', () => {
    const wrapped = wrapKey(SECRET, randomBytes(48), 'b')
    const [version, iv, ciphertext, tag] = wrapped.split('.') as [string, string, string, string]
    const flipped = `${ciphertext.slice(0, -2)}${ciphertext.endsWith('A') ? 'B' : 'A'}${ciphertext.slice(-1)}`
    for (const bad of [`${version}.${iv}.${flipped}.${tag}`, `${version}.${iv}.${ciphertext}.${tag.slice(0, 6)}`, `v2.${iv}.${ciphertext}.${tag}`, `${wrapped}.x`, 'nonsense']) {
      expect(unwrapKey(SECRET, bad, 'b')).toBeUndefined()
    }
  })
})

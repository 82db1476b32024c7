import { generateKeyPairSync, randomBytes } from 'node:crypto'
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey'
import { describe, expect, it } from 'vitest'
import { base58Decode, base58Encode, didKeyDocument, ed25519FromMultikey, ed25519Multikey, parseDidKeyMethod } from './multikey.js'

describe('base58btc', () => {
  it('matches known encodings, including leading zero bytes', () => {
    expect(base58Encode(Buffer.from('Hello World!'))).toBe('2NEpo7TZRRrLZSi2U')
    expect(base58Encode(Buffer.from([0, 0, 1]))).toBe('112')
    expect(base58Encode(Buffer.alloc(0))).toBe('')
    expect(base58Decode('2NEpo7TZRRrLZSi2U')?.toString()).toBe('Hello World!')
    expect(base58Decode('0OIl')).toBeUndefined()
  })

  it('round-trips random bytes', () => {
    for (let i = 0; i < 200; i++) {
      const bytes = Buffer.concat([Buffer.alloc(i % 3), randomBytes(i % 70)])
      expect(base58Decode(base58Encode(bytes))?.equals(bytes)).toBe(true)
    }
  })
})

describe('Ed25519 Multikey and did:key', () => {
  it('encodes a public key as z6Mk… exactly as Digital Bazaar\'s ed25519-multikey does', async () => {
    for (let i = 0; i < 5; i++) {
      const reference = await Ed25519Multikey.generate()
      const raw = ed25519FromMultikey(reference.publicKeyMultibase)
      expect(raw).toHaveLength(32)
      expect(ed25519Multikey(raw!)).toBe(reference.publicKeyMultibase)
    }
    const raw = Buffer.from(generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!, 'base64url')
    const ours = ed25519Multikey(raw)
    expect(ours).toMatch(/^z6Mk/)
    expect((await Ed25519Multikey.from({ publicKeyMultibase: ours })).publicKeyMultibase).toBe(ours)
  })

  it('parses only did:key verification methods whose fragment repeats the Ed25519 key', () => {
    const key = ed25519Multikey(randomBytes(32))
    expect(parseDidKeyMethod(`did:key:${key}#${key}`)).toMatchObject({ did: `did:key:${key}`, multikey: key })
    const other = ed25519Multikey(randomBytes(32))
    for (const bad of [`did:key:${key}#${other}`, `did:key:${key}`, `did:web:example.org#${key}`, `did:key:zQ3s${key.slice(4)}#zQ3s${key.slice(4)}`]) {
      expect(parseDidKeyMethod(bad)).toBeUndefined()
    }
  })

  it('describes the did:key document with the key as assertion method', () => {
    const key = ed25519Multikey(randomBytes(32))
    const doc = didKeyDocument(key)
    expect(doc.verificationMethod).toEqual([{ id: `did:key:${key}#${key}`, type: 'Multikey', controller: `did:key:${key}`, publicKeyMultibase: key }])
    expect(doc.assertionMethod).toEqual([`did:key:${key}#${key}`])
  })
})

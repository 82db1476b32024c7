/**
 * Multibase (base58btc, the `z` prefix), Ed25519 Multikeys (multicodec 0xed01 + 32 bytes → z6Mk…)
 * and did:key identifiers. Pure functions; the encodings follow the Multibase draft, the Multikey
 * section of the Controlled Identifiers spec and the did:key method.
 */
import { createPublicKey, type KeyObject } from 'node:crypto'

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]))
const ED25519_PUB_PREFIX = Buffer.from([0xed, 0x01])

/** Bytes → base58 (Bitcoin alphabet); leading zero bytes become leading '1's. */
export function base58Encode(bytes: Uint8Array): string {
  let zeros = 0
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++
  const digits: number[] = [] // little-endian base-58 digits
  for (const byte of bytes.subarray(zeros)) {
    let carry = byte
    for (let i = 0; i < digits.length; i++) {
      carry += digits[i]! * 256
      digits[i] = carry % 58
      carry = Math.floor(carry / 58)
    }
    while (carry > 0) {
      digits.push(carry % 58)
      carry = Math.floor(carry / 58)
    }
  }
  return '1'.repeat(zeros) + digits.reverse().map((d) => ALPHABET[d]).join('')
}

/** base58 → bytes; undefined for a character outside the alphabet. */
export function base58Decode(text: string): Buffer | undefined {
  let zeros = 0
  while (zeros < text.length && text[zeros] === '1') zeros++
  const bytes: number[] = [] // little-endian
  for (const char of text.slice(zeros)) {
    const value = INDEX.get(char)
    if (value === undefined) return undefined
    let carry = value
    for (let i = 0; i < bytes.length; i++) {
      carry += bytes[i]! * 58
      bytes[i] = carry & 0xff
      carry >>= 8
    }
    while (carry > 0) {
      bytes.push(carry & 0xff)
      carry >>= 8
    }
  }
  return Buffer.from([...new Array<number>(zeros).fill(0), ...bytes.reverse()])
}

/** Multibase base58btc: 'z' + base58. */
export const multibaseEncode = (bytes: Uint8Array): string => `z${base58Encode(bytes)}`

/** Multibase base58btc → bytes; undefined for another base or bad characters. */
export const multibaseDecode = (text: string): Buffer | undefined => (text.startsWith('z') ? base58Decode(text.slice(1)) : undefined)

/** A raw 32-byte Ed25519 public key as a Multikey (publicKeyMultibase, z6Mk…). */
export function ed25519Multikey(rawPublicKey: Uint8Array): string {
  if (rawPublicKey.length !== 32) throw new Error('an Ed25519 public key has 32 bytes')
  return multibaseEncode(Buffer.concat([ED25519_PUB_PREFIX, rawPublicKey]))
}

/** The raw 32-byte public key of an Ed25519 Multikey; undefined for anything else. */
export function ed25519FromMultikey(multikey: string): Buffer | undefined {
  const bytes = multibaseDecode(multikey)
  if (!bytes || bytes.length !== 34 || !bytes.subarray(0, 2).equals(ED25519_PUB_PREFIX)) return undefined
  return bytes.subarray(2)
}

/** A node:crypto public key object from a raw Ed25519 public key. */
export function ed25519PublicKeyObject(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' })
}

/** did:key for a Multikey, and the id of its one verification method (did#multikey). */
export function didKeyOf(multikey: string): { did: string; verificationMethod: string } {
  const did = `did:key:${multikey}`
  return { did, verificationMethod: `${did}#${multikey}` }
}

/**
 * Parses a did:key verification method URL (`did:key:z6Mk…#z6Mk…`, the fragment repeating the key);
 * undefined unless it names an Ed25519 key that way.
 */
export function parseDidKeyMethod(url: string): { did: string; multikey: string; publicKey: Buffer } | undefined {
  const match = /^did:key:(z[1-9A-HJ-NP-Za-km-z]+)#(z[1-9A-HJ-NP-Za-km-z]+)$/.exec(url)
  if (!match || match[1] !== match[2]) return undefined
  const multikey = match[1]!
  const publicKey = ed25519FromMultikey(multikey)
  return publicKey ? { did: `did:key:${multikey}`, multikey, publicKey } : undefined
}

/** The DID document a did:key resolves to (Ed25519, Multikey representation). */
export function didKeyDocument(multikey: string): DidDocument {
  const { did, verificationMethod } = didKeyOf(multikey)
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: [{ id: verificationMethod, type: 'Multikey', controller: did, publicKeyMultibase: multikey }],
    authentication: [verificationMethod],
    assertionMethod: [verificationMethod],
    capabilityDelegation: [verificationMethod],
    capabilityInvocation: [verificationMethod],
  }
}

export interface DidDocument {
  '@context': string[]
  id: string
  verificationMethod: { id: string; type: 'Multikey'; controller: string; publicKeyMultibase: string }[]
  authentication: string[]
  assertionMethod: string[]
  capabilityDelegation: string[]
  capabilityInvocation: string[]
}

import { describe, expect, it } from 'vitest'
import { ARGON2_FLOOR } from '../../config.js'
import { createPasswordHasher, parsePhc, passwordLength, passwordProblem } from './passwords.js'

const hasher = createPasswordHasher({ concurrency: 2 })

describe('argon2id hashing', () => {
  it('stores a PHC string whose parameters are at least the OWASP floor', async () => {
    const hash = await hasher.hash('a perfectly fine passphrase')
    const phc = parsePhc(hash)
    expect(phc?.type).toBe('argon2id')
    expect(phc?.version).toBe(19)
    expect(phc!.memoryCost).toBeGreaterThanOrEqual(19456)
    expect(phc!.timeCost).toBeGreaterThanOrEqual(2)
    expect(phc!.parallelism).toBeGreaterThanOrEqual(1)
    expect(hash).not.toContain('a perfectly fine passphrase')
  })

  it('verifies the right password and refuses a wrong one or an unreadable hash', async () => {
    const hash = await hasher.hash('a perfectly fine passphrase')
    expect(await hasher.verify(hash, 'a perfectly fine passphrase')).toBe(true)
    expect(await hasher.verify(hash, 'a perfectly fine passphrasE')).toBe(false)
    expect(await hasher.verify('not a hash', 'a perfectly fine passphrase')).toBe(false)
  })

  it('asks for a rehash only when the configured parameters rise above the stored ones', async () => {
    const hash = await hasher.hash('a perfectly fine passphrase')
    expect(hasher.needsRehash(hash)).toBe(false)
    const stronger = createPasswordHasher({ params: { ...ARGON2_FLOOR, memoryCost: 32768 } })
    expect(stronger.needsRehash(hash)).toBe(true)
    expect(createPasswordHasher({ params: { ...ARGON2_FLOOR, timeCost: 3 } }).needsRehash(hash)).toBe(true)
    expect(hasher.needsRehash(await stronger.hash('x'.repeat(10)))).toBe(false) // stronger than needed is fine
    expect(hasher.needsRehash('$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g')).toBe(true)
  })

  it('refuses to be configured below the floor', () => {
    expect(() => createPasswordHasher({ params: { memoryCost: 4096, timeCost: 2, parallelism: 1 } })).toThrow(/floor/)
    expect(() => createPasswordHasher({ params: { memoryCost: 19456, timeCost: 1, parallelism: 1 } })).toThrow(/floor/)
  })

  it('treats NFC and NFD spellings of a password as the same password', async () => {
    const nfc = 'Café crème brûlée'.normalize('NFC')
    const nfd = nfc.normalize('NFD')
    expect(nfd).not.toBe(nfc)
    expect(await hasher.verify(await hasher.hash(nfc), nfd)).toBe(true)
    expect(await hasher.verify(await hasher.hash(nfd), nfc)).toBe(true)
  })

  it('hashes the whole of a long password: no truncation at 72 bytes or anywhere else', async () => {
    const long = `${'🦊'.repeat(100)}a`
    const hash = await hasher.hash(long)
    expect(await hasher.verify(hash, long)).toBe(true)
    expect(await hasher.verify(hash, `${'🦊'.repeat(100)}b`)).toBe(false)
  })

  it('runs at most `concurrency` hashes at once and refuses callers beyond the queue', async () => {
    const tight = createPasswordHasher({ concurrency: 1, maxWaiting: 1 })
    const results = await Promise.allSettled([tight.hash('one one one'), tight.hash('two two two'), tight.hash('three three')])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected'])
    const error = (results[2] as PromiseRejectedResult).reason as { code: string; status: number }
    expect(error).toMatchObject({ code: 'service.busy', status: 503 })
  })
})

describe('password policy', () => {
  const combining = 'e\u0301'.repeat(8) // 8 × (e + combining acute): 16 code points in NFD, 8 in NFC
  it.each([
    ['seven c', 'too_short'],
    ['1234567', 'too_short'],
    ['password', 'common'],
    ['PassWord1', 'common'],
    ['qwertyuiop', 'common'],
    ['iloveyou', 'common'],
    ['a'.repeat(1025), 'too_long'],
    ['🦊'.repeat(1025), 'too_long'],
    ['😀😀😀😀😀😀😀', 'too_short'],
    ['eight ch', undefined],
    ['correct horse battery staple', undefined],
    ['Tr0ub4dour&3xyz', undefined],
    ['😀😀😀😀😀😀😀😀', undefined],
    [combining, undefined],
    ['a'.repeat(1024), undefined],
    ['Ж'.repeat(64), undefined],
    ['ñ'.normalize('NFD').repeat(64), undefined],
    [`${'👩‍👩‍👧‍👦'.repeat(16)}`, undefined],
    ['日本語のパスワードです', undefined],
  ])('%j → %s', (password, expected) => {
    expect(passwordProblem(password)).toBe(expected)
  })

  it('counts code points after NFC: e + combining accent is one character', () => {
    expect(passwordLength('é'.normalize('NFD'))).toBe(1)
    expect(passwordLength('😀')).toBe(1)
    expect(passwordLength('e\u0301'.repeat(7))).toBe(7)
    expect(passwordProblem('e\u0301'.repeat(7))).toBe('too_short') // 14 code points as sent, 7 characters
  })

  it('accepts 64- and 128-character Unicode passwords with emoji and combining marks', () => {
    const p64 = `${'🦊'.repeat(20)}${'é'.normalize('NFD').repeat(20)}${'Ω'.repeat(24)}`
    const p128 = p64.repeat(2)
    expect(passwordLength(p64)).toBe(64)
    expect(passwordLength(p128)).toBe(128)
    expect(passwordProblem(p64)).toBeUndefined()
    expect(passwordProblem(p128)).toBeUndefined()
  })

  it('refuses the account’s own address, its local part and its display name', () => {
    expect(passwordProblem('maria.lopez@example.org', { email: 'maria.lopez@example.org' })).toBe('common')
    expect(passwordProblem('Maria.Lopez', { email: 'maria.lopez@example.org' })).toBe('common')
    expect(passwordProblem('María López', { displayName: 'María López' })).toBe('common')
    expect(passwordProblem('maria lopez is here', { email: 'maria.lopez@example.org', displayName: 'María López' })).toBeUndefined()
  })
})

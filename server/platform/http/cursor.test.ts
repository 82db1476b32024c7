import { describe, expect, it } from 'vitest'
import { AppError } from './errors.js'
import { createCursorCodec } from './cursor.js'

const codec = createCursorCodec('unit-test-key-0123456789abcdefghijklmnop')

const refusal = (open: () => unknown): string | undefined => {
  try {
    open()
    return undefined
  } catch (error) {
    return error instanceof AppError ? `${error.status} ${error.code}` : String(error)
  }
}

describe('page cursors', () => {
  it('open to the position they were sealed with, for the same list', () => {
    for (const position of [0, 1, 20, 99_999, 0xffff_ffff]) expect(codec.open('careers', codec.seal('careers', position))).toBe(position)
  })

  it('are 28 URL-safe characters, not the readable JSON offsets of before', () => {
    const cursor = codec.seal('careers', 20)
    expect(cursor).toMatch(/^[A-Za-z0-9_-]{28}$/)
    expect(() => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown).toThrow()
  })

  it('refuse every single-bit change with 400 query.invalid_cursor', () => {
    const bytes = Buffer.from(codec.seal('skills', 40), 'base64url')
    for (let bit = 0; bit < bytes.length * 8; bit++) {
      const flipped = Buffer.from(bytes)
      flipped[bit >> 3]! ^= 1 << (bit & 7)
      expect(refusal(() => codec.open('skills', flipped.toString('base64url'))), `bit ${bit}`).toBe('400 query.invalid_cursor')
    }
  })

  it('refuse a cursor of another list, of another server key, and made-up or re-spelt values', () => {
    const cursor = codec.seal('fields/isco/25/careers', 2)
    expect(refusal(() => codec.open('fields/isco/2/careers', cursor))).toBe('400 query.invalid_cursor')
    expect(refusal(() => createCursorCodec('another-key-0123456789abcdefghijklmnopq').open('fields/isco/25/careers', cursor))).toBe('400 query.invalid_cursor')
    for (const forged of ['', 'x', 'eyJvIjoyMH0', `${cursor}=`, cursor.slice(1), `${cursor}A`, cursor.replace(/./, '+'), Buffer.from(JSON.stringify({ o: 2 })).toString('base64url')]) {
      expect(refusal(() => codec.open('fields/isco/25/careers', forged)), forged).toBe('400 query.invalid_cursor')
    }
  })

  it('name the cursor field in the refusal', () => {
    try {
      codec.open('careers', 'nope')
      expect.unreachable()
    } catch (error) {
      expect((error as AppError).extensions).toMatchObject({ errors: [{ pointer: '/querystring/cursor' }] })
    }
  })

  it('will not seal a position that does not fit', () => {
    expect(() => codec.seal('careers', -1)).toThrow(RangeError)
    expect(() => codec.seal('careers', 2 ** 32)).toThrow(RangeError)
    expect(() => codec.seal('careers', 1.5)).toThrow(RangeError)
  })
})

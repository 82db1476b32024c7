/**
 * Page cursors that clients cannot read or forge (SECURITY.md Z5). A cursor is 21 bytes in
 * base64url: a version byte, the position in the list (uint32) and a 128-bit HMAC-SHA256 tag over
 * both and the list's scope (the route and its path parameters, e.g. `fields/isco/25`). A changed
 * bit, a made-up value or a cursor of another list answers 400 `query.invalid_cursor`.
 *
 * The MAC key is derived from the server key with its own label, so a cursor tag can never stand
 * in for any other HMAC the server computes with that key (CSRF tokens, pseudonyms).
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { AppError } from './errors.js'

const VERSION = 1
const TAG_BYTES = 16
const BODY_BYTES = 5
const ENCODED_LENGTH = Math.ceil(((BODY_BYTES + TAG_BYTES) * 8) / 6)
const MAX_POSITION = 0xffff_ffff

export interface CursorCodec {
  /** The cursor standing for `position` in the list named `scope`. */
  seal(scope: string, position: number): string
  /** The position a cursor of list `scope` stands for; throws 400 query.invalid_cursor otherwise. */
  open(scope: string, cursor: string): number
}

/** 400 for a cursor this server did not issue for this list. */
export const invalidCursor = (): AppError =>
  new AppError('query.invalid_cursor', 400, 'The cursor is not one this API issued for this list; start again from the first page.', {
    errors: [{ pointer: '/querystring/cursor', message: 'is not a cursor this API issued for this list' }],
  })

/** A codec keyed by the server's secret key (the same key on every instance, so cursors survive a hop). */
export function createCursorCodec(secretKey: string): CursorCodec {
  const key = createHmac('sha256', secretKey).update('pathways/page-cursor/v1').digest()
  const tag = (scope: string, body: Buffer) => createHmac('sha256', key).update(body).update(scope, 'utf8').digest().subarray(0, TAG_BYTES)

  return {
    seal(scope, position) {
      if (!Number.isInteger(position) || position < 0 || position > MAX_POSITION) throw new RangeError(`cursor position out of range: ${position}`)
      const body = Buffer.alloc(BODY_BYTES)
      body.writeUInt8(VERSION, 0)
      body.writeUInt32BE(position, 1)
      return Buffer.concat([body, tag(scope, body)]).toString('base64url')
    },
    open(scope, cursor) {
      if (cursor.length !== ENCODED_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor()
      const bytes = Buffer.from(cursor, 'base64url')
      // 21 bytes fill 28 characters exactly, so there are no spare bits; the round trip rules out any other spelling.
      if (bytes.length !== BODY_BYTES + TAG_BYTES || bytes.toString('base64url') !== cursor) throw invalidCursor()
      const body = bytes.subarray(0, BODY_BYTES)
      if (body.readUInt8(0) !== VERSION || !timingSafeEqual(bytes.subarray(BODY_BYTES), tag(scope, body))) throw invalidCursor()
      return body.readUInt32BE(1)
    },
  }
}

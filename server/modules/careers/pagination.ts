/**
 * Opaque cursors over an ordered in-memory list. The cursor encodes the offset; a cursor that does
 * not decode is a 400 naming the `cursor` field.
 */
import { invalidQuery } from '../../platform/http/errors.js'

export interface PageQuery {
  limit?: number
  cursor?: string
}

export const DEFAULT_LIMIT = 20

export function paginate<T>(items: readonly T[], query: PageQuery): { items: T[]; total: number; nextCursor: string | null } {
  const offset = query.cursor === undefined ? 0 : decodeCursor(query.cursor)
  const limit = query.limit ?? DEFAULT_LIMIT
  const page = items.slice(offset, offset + limit)
  const next = offset + limit < items.length ? encodeCursor(offset + limit) : null
  return { items: page, total: items.length, nextCursor: next }
}

export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url')
}

function decodeCursor(cursor: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown }
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o
  } catch {
    // fall through to the error below
  }
  throw invalidQuery('cursor', 'is not a cursor this API returned')
}

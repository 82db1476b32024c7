/**
 * Pages over an ordered in-memory list. Cursors are sealed by the server (platform/http/cursor.ts):
 * opaque, tamper-evident and bound to the list they came from (`scope`: the route and its path
 * parameters), so a cursor that does not open is a 400 query.invalid_cursor naming `cursor`.
 */
import type { CursorCodec } from '../../platform/http/cursor.js'

export interface PageQuery {
  limit?: number
  cursor?: string
}

export const DEFAULT_LIMIT = 20

export function paginate<T>(items: readonly T[], query: PageQuery, cursors: CursorCodec, scope: string): { items: T[]; total: number; nextCursor: string | null } {
  const offset = query.cursor === undefined ? 0 : cursors.open(scope, query.cursor)
  const limit = query.limit ?? DEFAULT_LIMIT
  const page = items.slice(offset, offset + limit)
  const next = offset + limit < items.length ? cursors.seal(scope, offset + limit) : null
  return { items: page, total: items.length, nextCursor: next }
}

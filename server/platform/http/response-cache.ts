/**
 * Response bodies kept as bytes with an ETag, per key and catalog version, least recently used
 * dropped first: hot reads (pages, search answers) are rendered once per catalog version and then
 * served as bytes (serialisation dominates a hot read; see ARCHITECTURE.md "The read model").
 */
import { createHash } from 'node:crypto'
import { cachedBody, type CachedBody } from './cached-response.js'
import type { Effort } from './precompressed.js'

export const toCachedBody = (body: string, effort: Effort = 'max'): CachedBody =>
  cachedBody(body, `"${createHash('sha1').update(body).digest('base64url')}"`, effort)

/**
 * A career page is about 40 kB (with its brotli copy, 45 kB); with 4,000 imported careers a crawler
 * would otherwise pin some 180 MB. The most recently used pages stay; an evicted one is rendered
 * again on its next visit, with the same ETag, so browsers' copies stay valid.
 */
export const MAX_CACHED_PAGES = 500

/**
 * Pages keyed by name and catalog version, at most `maxEntries` of them (least recently used go
 * first). A newer version empties the cache, so careers removed from the catalog do not linger.
 */
export function createVersionedCache({ maxEntries = MAX_CACHED_PAGES, effort = 'max' }: { maxEntries?: number; effort?: Effort } = {}) {
  // A Map iterates in insertion order; re-inserting on every hit keeps the least recently used first.
  const pages = new Map<string, { version: number; page: CachedBody }>()
  let latest = Number.NEGATIVE_INFINITY
  let renders = 0
  return {
    get(key: string, version: number, render: () => string): CachedBody {
      if (version > latest) {
        pages.clear()
        latest = version
      }
      const hit = pages.get(key)
      if (hit?.version === version) {
        pages.delete(key)
        pages.set(key, hit)
        return hit.page
      }
      const page = toCachedBody(render(), effort)
      renders += 1
      pages.set(key, { version, page })
      for (const oldest of pages.keys()) {
        if (pages.size <= maxEntries) break
        pages.delete(oldest)
      }
      return page
    },
    /** Pages held now. */
    size: () => pages.size,
    /** How many times a page was rendered; tests use it to prove the cache is hit. */
    renders: () => renders,
  }
}


/**
 * Rendered pages, kept as strings with an ETag so a page is rendered once per catalog version and
 * then served as bytes (serialisation dominates a hot read; see ARCHITECTURE.md "The read model").
 */
import { createHash } from 'node:crypto'
import { cachedBody, type CachedBody } from '../server/platform/http/cached-response.js'

export type CachedPage = CachedBody

export const toCachedPage = (html: string): CachedPage => cachedBody(html, `"${createHash('sha1').update(html).digest('base64url')}"`)

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
export function createVersionedCache({ maxEntries = MAX_CACHED_PAGES }: { maxEntries?: number } = {}) {
  // A Map iterates in insertion order; re-inserting on every hit keeps the least recently used first.
  const pages = new Map<string, { version: number; page: CachedPage }>()
  let latest = Number.NEGATIVE_INFINITY
  let renders = 0
  return {
    get(key: string, version: number, render: () => string): CachedPage {
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
      const page = toCachedPage(render())
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

/**
 * Pages built from an immutable catalog object (the career list). The catalog index is replaced
 * whole on a version change, so the object's identity stands for the version and the entry is
 * dropped with the old index.
 */
export function createIdentityCache<K extends object>() {
  const pages = new WeakMap<K, Map<string, CachedPage>>()
  let renders = 0
  return {
    get(source: K, key: string, render: () => string): CachedPage {
      const forSource = pages.get(source) ?? new Map<string, CachedPage>()
      pages.set(source, forSource)
      const hit = forSource.get(key)
      if (hit) return hit
      const page = toCachedPage(render())
      renders += 1
      forSource.set(key, page)
      return page
    },
    renders: () => renders,
  }
}

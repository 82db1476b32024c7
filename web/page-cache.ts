/**
 * Rendered pages, kept as strings with an ETag so a page is rendered once per catalog version and
 * then served as bytes (serialisation dominates a hot read; see ARCHITECTURE.md "The read model").
 */
import type { CachedBody } from '../server/platform/http/cached-response.js'
import { toCachedBody } from '../server/platform/http/response-cache.js'

export { createVersionedCache, MAX_CACHED_PAGES } from '../server/platform/http/response-cache.js'

export type CachedPage = CachedBody

export const toCachedPage = toCachedBody

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

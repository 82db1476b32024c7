import { describe, expect, it } from 'vitest'
import { createIdentityCache, createVersionedCache } from './page-cache.js'

describe('createVersionedCache', () => {
  it('renders a page once per version and serves the same string after', () => {
    const cache = createVersionedCache()
    const first = cache.get('a', 1, () => '<p>a</p>')
    const again = cache.get('a', 1, () => '<p>changed</p>')
    expect(again).toBe(first)
    expect(cache.renders()).toBe(1)
    expect(first.etag).toMatch(/^"[\w-]+"$/)
  })

  it('renders again for a newer catalog version and forgets older pages', () => {
    const cache = createVersionedCache()
    cache.get('a', 1, () => 'a1')
    cache.get('b', 1, () => 'b1')
    expect(cache.get('a', 2, () => 'a2').bytes('identity').toString()).toBe('a2')
    expect(cache.get('b', 2, () => 'b2').bytes('identity').toString()).toBe('b2')
    expect(cache.renders()).toBe(4)
  })

  it('keeps at most maxEntries pages, dropping the least recently used, and renders a dropped one again', () => {
    const cache = createVersionedCache({ maxEntries: 2 })
    cache.get('a', 1, () => 'a')
    cache.get('b', 1, () => 'b')
    cache.get('a', 1, () => 'a again') // a is now the most recently used
    cache.get('c', 1, () => 'c') // evicts b
    expect(cache.size()).toBe(2)
    expect(cache.renders()).toBe(3)
    expect(cache.get('a', 1, () => 'a later').bytes('identity').toString()).toBe('a')
    const b = cache.get('b', 1, () => 'b')
    expect(cache.renders()).toBe(4)
    expect(b.bytes('identity').toString()).toBe('b')
  })
})

describe('createIdentityCache', () => {
  it('keys pages by the catalog object they were built from', () => {
    const cache = createIdentityCache<object>()
    const v1 = {}
    const v2 = {}
    cache.get(v1, 'home', () => 'one')
    expect(cache.get(v1, 'home', () => 'other').bytes('identity').toString()).toBe('one')
    expect(cache.get(v2, 'home', () => 'two').bytes('identity').toString()).toBe('two')
    expect(cache.renders()).toBe(2)
  })
})

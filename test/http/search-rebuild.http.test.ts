/**
 * The search index belongs to a catalog version: an import publishes a new version, the index of that
 * version is built before it is swapped in, and cached answers of the old version are not served.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SearchResults } from '../../shared/schemas.js'
import { importFixtures } from '../support/imported-app.js'
import { createTestApp, type TestApp } from '../support/test-app.js'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t?.close()
})

const search = async (q: string) => (await t.app.inject(`/api/v1/search?q=${encodeURIComponent(q)}&type=career`)).json() as SearchResults

describe('search across catalog versions', () => {
  it('finds imported careers once their catalog version is published, and not before', async () => {
    const before = await search('chief executives')
    expect(before.items.map((i) => i.slug)).not.toContain('chief-executives')
    const version = before.catalogVersion
    await importFixtures(t, [['onet', 'onet']])
    const after = await search('chief executives')
    expect(after.catalogVersion).toBeGreaterThan(version)
    expect(after.items[0]?.slug).toBe('chief-executives')
  })

  it('has the new version’s index in place before the version is served (built by the catalog refresh)', async () => {
    const index = t.deps.catalog.index()
    let built = false
    index.derived('search', () => {
      built = true
      return undefined
    })
    expect(built).toBe(false)
  })
})

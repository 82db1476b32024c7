/**
 * A test app with the fixture copies of every dataset imported (test/fixtures/import) on top of the
 * real curated catalog, and its index refreshed: the catalog a real installation has, in miniature.
 */
import path from 'node:path'
import { createImportRepository, createImportService, IMPORTERS, openInput } from '../../server/modules/importers/index.js'
import { createTestApp, ROOT, type TestApp } from './test-app.js'

/** Importer and the fixture folder it reads. */
export const FIXTURE_IMPORTS = [
  ['onet', 'onet'], ['bls-oews', 'bls-oews'], ['bls-projections', 'bls-projections'], ['cip-soc', 'cip-soc'],
  ['esco', 'esco/unpacked'], ['esco-onet-crosswalk', 'esco-onet-crosswalk'],
] as const

export async function importFixtures(t: TestApp, imports: readonly (readonly [string, string])[] = FIXTURE_IMPORTS): Promise<void> {
  const service = createImportService({ repo: createImportRepository(t.deps.db) })
  for (const [source, folder] of imports) {
    const input = await openInput(path.join(ROOT, 'test/fixtures/import', folder))
    try {
      await service.run(IMPORTERS[source]!, input)
    } finally {
      await input.close()
    }
  }
  await t.deps.catalog.refresh()
}

export async function createImportedTestApp(): Promise<TestApp> {
  const t = await createTestApp()
  await importFixtures(t)
  return t
}

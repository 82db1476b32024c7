/**
 * The whole app on a fresh test database with a catalog folder (the real one by default), ready for
 * app.inject or listen. Each test file builds its own; nothing is shared.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app.js'
import { loadConfig } from '../../server/config.js'
import { createDeps, type Deps } from '../../server/deps.js'
import { migrateToLatest } from '../../server/platform/db/migrate.js'
import { testSharedState } from './shared-state.js'
import { openTestDb, type TestDb } from './test-db.js'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const REAL_CATALOG = path.join(ROOT, 'catalog')

export interface TestApp {
  app: FastifyInstance
  deps: Deps
  testDb: TestDb
  close(): Promise<void>
}

const quietLog = { info: () => undefined }

export async function createTestApp(options: { catalogDir?: string } = {}): Promise<TestApp> {
  const testDb = await openTestDb()
  const shared = testSharedState()
  const config = loadConfig({ CATALOG_DIR: options.catalogDir ?? REAL_CATALOG, NODE_ENV: 'test', ...shared.env }, ROOT)
  const deps = createDeps(config, testDb.db, quietLog)
  await migrateToLatest(testDb.db)
  await deps.catalog.sync()
  await deps.catalog.refresh()
  const app = await buildApp(deps)
  await app.ready()
  return {
    app,
    deps,
    testDb,
    async close() {
      await app.close()
      await deps.close()
      await shared.cleanup()
      await testDb.cleanup()
    },
  }
}

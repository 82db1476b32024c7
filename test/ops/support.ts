/**
 * An app for the operations tests: like test/support/test-app.ts, with environment overrides
 * (METRICS_TOKEN, SHED_*), a lifecycle the test can flip, and optionally a pino logger writing to
 * an array the test reads.
 */
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app.js'
import { loadConfig } from '../../server/config.js'
import { createDeps, type Deps } from '../../server/deps.js'
import { migrateToLatest } from '../../server/platform/db/migrate.js'
import { createLifecycle, createLogger, type Lifecycle } from '../../server/platform/ops/index.js'
import { openTestDb, type TestDb } from '../support/test-db.js'
import { REAL_CATALOG, ROOT } from '../support/test-app.js'

export interface OpsTestApp {
  app: FastifyInstance
  deps: Deps
  lifecycle: Lifecycle
  /** Parsed JSON log lines (only when `log: true`). */
  lines: Record<string, unknown>[]
  close(): Promise<void>
}

export async function createOpsTestApp(options: { env?: Record<string, string>; log?: boolean; prepare?: (deps: Deps) => void } = {}): Promise<OpsTestApp> {
  const testDb: TestDb = await openTestDb()
  const config = loadConfig({ CATALOG_DIR: REAL_CATALOG, NODE_ENV: 'test', ...options.env }, ROOT)
  const lines: Record<string, unknown>[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>)
      done()
    },
  })
  const logger = options.log ? createLogger('info', sink) : undefined
  const deps = createDeps(config, testDb.db, { info: () => undefined })
  options.prepare?.(deps)
  await migrateToLatest(testDb.db)
  await deps.catalog.sync()
  await deps.catalog.refresh()
  const lifecycle = createLifecycle()
  const app = await buildApp(deps, { lifecycle, ...(logger ? { logger } : {}) })
  await app.ready()
  return {
    app,
    deps,
    lifecycle,
    lines,
    async close() {
      await app.close()
      await testDb.cleanup()
    },
  }
}

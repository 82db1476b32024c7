/**
 * The job kinds end to end on a real database: an "API" installation and a "worker" installation
 * share one database and one set of shared adapters (in memory: the same objects; on Redis: two
 * connections under one prefix, as two processes would). The worker imports a dataset, exports a
 * learner's data and recomputes plans; the API's catalog follows a new version through the notice,
 * not the poll (its poll is set to an hour).
 */
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config.js'
import { createDeps, type Deps } from '../../server/deps.js'
import { migrateToLatest } from '../../server/platform/db/migrate.js'
import type { JobView } from '../../server/platform/jobs/queue.js'
import { startWorker, type Worker } from '../../server/platform/jobs/worker.js'
import { createShared, type Shared } from '../../server/platform/shared/index.js'
import { TEST_SECRET_KEY } from '../support/auth.js'
import { openTestDb, type TestDb } from '../support/test-db.js'
import { ROOT } from '../support/test-app.js'
import { deleteKeys } from './redis-keys.js'
import { eventually } from './shared-contract.js'

const CATALOG = path.join(ROOT, 'test/fixtures/catalog-min')
const ONET = path.join(ROOT, 'test/fixtures/import/onet')
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }
const clock = { now: () => Date.now() }

function jobSuite(name: string, makeShared: () => { api: Shared; worker: Shared; cleanup(): Promise<void> }) {
  describe(`jobs on ${name}`, () => {
    let testDb: TestDb
    let api: Deps
    let workerDeps: Deps
    let worker: Worker
    let shared: ReturnType<typeof makeShared>
    let stopWatching: () => void = () => undefined

    beforeAll(async () => {
      testDb = await openTestDb()
      shared = makeShared()
      const config = loadConfig({ CATALOG_DIR: CATALOG, NODE_ENV: 'test' }, ROOT)
      api = createDeps(config, testDb.db, quiet, { shared: shared.api, secretKey: TEST_SECRET_KEY })
      workerDeps = createDeps(config, testDb.db, quiet, { shared: shared.worker, secretKey: TEST_SECRET_KEY })
      await migrateToLatest(testDb.db)
      await api.catalog.sync()
      await api.catalog.refresh()
      await workerDeps.catalog.refresh()
      stopWatching = api.catalog.watch(3_600_000) // notices only: the poll would take an hour
      worker = await startWorker(workerDeps, quiet)
    })
    afterAll(async () => {
      stopWatching()
      await worker?.close()
      await shared?.cleanup()
      await testDb?.cleanup()
    })

    const finished = (id: string) => eventually(() => api.shared.jobs.get(id), (v) => v?.state === 'completed' || v?.state === 'failed', 45_000)

    it('imports a dataset on the worker; the API reloads the new catalog version on the notice', async () => {
      const before = api.catalog.index().version
      const job = await api.shared.jobs.enqueue('import', { source: 'onet', path: ONET })
      const done = await finished(job.id)
      expect(done).toMatchObject({ state: 'completed', progress: 100, result: { origin: expect.any(String), status: 'published' } })
      const result = done?.result as { rows: number; catalogVersion: number }
      expect(result.rows).toBeGreaterThan(0)
      expect(result.catalogVersion).toBeGreaterThan(before)
      const version = await eventually(async () => api.catalog.index().version, (v) => v === result.catalogVersion, 20_000)
      expect(version).toBe(result.catalogVersion)
    }, 60_000)

    it('fails an import of a missing path after its retries, keeping the reason', async () => {
      const missing = path.join(ROOT, 'test/fixtures/import/no-such-folder')
      const job = await api.shared.jobs.enqueue('import', { source: 'onet', path: missing }, { attempts: 2, backoffMs: 100 })
      const failed: JobView | undefined = await finished(job.id)
      expect(failed).toMatchObject({ state: 'failed', attempts: 2 })
      expect(failed?.failedReason).toContain('no-such-folder')
    }, 60_000)

    it('recomputes stored plans and exports a learner\'s data into the shared cache', async () => {
      const userId = randomUUID()
      const now = new Date().toISOString()
      await testDb.db.kysely.insertInto('users').values({
        id: userId, email: `jobs-${userId}@example.org`, display_name: 'Job Tester', password_hash: 'not-a-real-hash', email_verified_at: now,
        platform_role: 'user', status: 'active', created_at: now, updated_at: now, password_changed_at: now,
      }).execute()
      const plan = await api.learner.plans.create(userId, { career: 'data-clerk', hoursPerWeek: 5 })

      const recompute = await finished((await api.shared.jobs.enqueue('plans.recompute', {})).id)
      expect(recompute).toMatchObject({ state: 'completed', result: { plans: 1, recomputed: 1, unresolved: [] } })

      const exported = await finished((await api.shared.jobs.enqueue('export', { userId })).id)
      expect(exported?.state).toBe('completed')
      const { cacheKey, bytes } = exported?.result as { cacheKey: string; bytes: number }
      const body = await api.shared.cache.get(cacheKey)
      expect(body && Buffer.byteLength(body)).toBe(bytes)
      expect(JSON.parse(body!)).toMatchObject({ userId, plans: [{ id: plan.id, career: { slug: 'data-clerk' } }] })

      const unknown = await finished((await api.shared.jobs.enqueue('export', { userId: 'nobody' }, { attempts: 1 })).id)
      expect(unknown).toMatchObject({ state: 'failed', failedReason: 'no account "nobody"' })
    }, 60_000)
  })
}

jobSuite('the in-process twin', () => {
  const shared = createShared({ redisUrl: undefined, clock })
  return { api: shared, worker: shared, cleanup: () => shared.close() }
})

const redisUrl = process.env.TEST_REDIS_URL
if (redisUrl) {
  jobSuite('BullMQ (Redis)', () => {
    const prefix = `pathways-test:${process.pid}-${randomUUID().slice(0, 8)}:`
    const api = createShared({ redisUrl, prefix, clock })
    const worker = createShared({ redisUrl, prefix, clock })
    return {
      api, worker,
      async cleanup() {
        await worker.close()
        await api.close()
        await deleteKeys(redisUrl, `${prefix}*`)
      },
    }
  })
} else {
  describe('jobs on BullMQ (Redis)', () => {
    it.skip('needs TEST_REDIS_URL (e.g. redis://127.0.0.1:6379): the Redis job runs are not run', () => undefined)
  })
}

/**
 * The server under the search benchmark: the real app on the DATA_DIR given (the imported catalog),
 * started like bench/serve.ts, with the search index built before it listens (the catalog's warmer),
 * plus a trivial JSON route as the reference and a counter of searches actually run (answers not
 * served from the answer cache) and its memory after gc. Prints `listening <port> <ms to build catalog and search index>`.
 */
import { buildApp } from '../../server/app.js'
import { loadConfig } from '../../server/config.js'
import { createDeps } from '../../server/deps.js'
import { catalogSearchOf } from '../../server/modules/search/index.js'
import { openDb } from '../../server/platform/db/client.js'
import { migrateToLatest } from '../../server/platform/db/migrate.js'

const dataDir = process.env.DATA_DIR
if (!dataDir) throw new Error('DATA_DIR must name the imported catalog')
const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'production' })
const db = openDb(config.database)
const deps = createDeps(config, db, { info: () => undefined })
await migrateToLatest(db)
await deps.catalog.sync()
const started = performance.now()
await deps.catalog.refresh()
const readyMs = performance.now() - started

// Count the index searches: the service calls this object's search only when an answer is not cached.
const engine = catalogSearchOf(deps.catalog.index())
const search = engine.search.bind(engine)
let searches = 0
engine.search = (query, filters) => {
  searches += 1
  return search(query, filters)
}

const app = await buildApp(deps)
app.get('/bench/trivial', { config: { operation: 'public' } }, async () => ({ hello: 'world' }))
app.get('/bench/searches', { config: { operation: 'public' } }, async () => ({ searches }))
// Memory after a full collection (the process runs with --expose-gc); asked only between measurements.
app.get('/bench/memory', { config: { operation: 'public' } }, async () => {
  ;(globalThis as { gc?: () => void }).gc?.()
  return process.memoryUsage()
})
await app.listen({ port: 0, host: '127.0.0.1' })
const address = app.server.address()
process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0} ${Math.round(readyMs)}\n`)
process.on('SIGTERM', () => {
  void app.close().then(() => db.close()).then(() => process.exit(0))
})

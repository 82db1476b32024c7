/**
 * The server under benchmark: the real app on a fresh SQLite file with the real catalog, plus one
 * trivial JSON route as the reference. Prints `listening <port>` when ready.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildApp } from '../server/app.js'
import { loadConfig } from '../server/config.js'
import { createDeps } from '../server/deps.js'
import { openDb } from '../server/platform/db/client.js'
import { migrateToLatest } from '../server/platform/db/migrate.js'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pathways-bench-'))
const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'production' })
const db = openDb(config.database)
const deps = createDeps(config, db, { info: () => undefined })
await migrateToLatest(db)
await deps.catalog.sync()
await deps.catalog.refresh()
const app = await buildApp(deps)
app.get('/bench/trivial', { config: { operation: 'public' } }, async () => ({ hello: 'world' }))
await app.listen({ port: 0, host: '127.0.0.1' })
const address = app.server.address()
process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`)
process.on('SIGTERM', () => {
  void app.close().then(() => db.close()).then(() => {
    fs.rmSync(dataDir, { recursive: true, force: true })
    process.exit(0)
  })
})

/**
 * The process: read config, pick the role, prepare the database, build the catalog index, listen,
 * and close gracefully on SIGTERM/SIGINT. Errors a person can fix are printed plainly, exit code 1.
 */
import { pino } from 'pino'
import { buildApp } from './app.js'
import { ConfigError, loadConfig, parseRole, type Config, type Role } from './config.js'
import { createDeps } from './deps.js'
import { CatalogError } from './modules/catalog/index.js'
import { resolveSecretKey, serializeRequest } from './modules/identity/index.js'
import { openDb } from './platform/db/client.js'
import { migrateToLatest, pendingMigrations } from './platform/db/migrate.js'

const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]']

async function main(): Promise<void> {
  const config = loadConfig()
  const role = parseRole(process.argv.slice(2))
  // The request serializer keeps keys and tokens sent in a URL out of the log.
  const log = pino({ level: config.logLevel, redact: REDACT, serializers: { req: serializeRequest } })
  const embedded = config.database.kind === 'sqlite'
  if (embedded && role === 'api') {
    throw new ConfigError('--role', 'api needs a shared database: set DATABASE_URL, or use --role=all')
  }
  // The server key is needed to serve (CSRF tokens, log pseudonyms), not to migrate.
  const secretKey = role === 'migrate' ? undefined : resolveSecretKey(config)
  const db = openDb(config.database)
  const deps = createDeps(config, db, log, { secretKey })
  try {
    if (embedded || role === 'migrate') {
      const applied = await migrateToLatest(db)
      if (applied.length > 0) log.info({ applied }, 'migrations applied')
      await deps.catalog.sync()
    }
    if (role === 'migrate') {
      await db.close()
      return
    }
    const pending = await pendingMigrations(db)
    if (pending.length > 0) throw new StartupError(`the database needs migrations (${pending.join(', ')}): run \`npm start -- --role=migrate\` first`)
    await deps.catalog.refresh()
  } catch (error) {
    await db.close()
    throw error
  }
  await serve(config, role, deps, log)
}

async function serve(config: Config, role: Role, deps: ReturnType<typeof createDeps>, log: pino.Logger): Promise<void> {
  const app = await buildApp(deps, { logger: log })
  const stopWatching = config.catalogPollMs > 0 ? deps.catalog.watch(config.catalogPollMs) : () => undefined
  let closing = false
  const close = async (signal: string) => {
    if (closing) return
    closing = true
    log.info({ signal }, 'shutting down')
    stopWatching()
    await app.close()
    await deps.db.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void close('SIGTERM'))
  process.on('SIGINT', () => void close('SIGINT'))
  await app.listen({ port: config.port, host: config.host })
  log.info({ role, database: config.database.kind, catalogVersion: deps.catalog.index().version }, `Pathways is ready at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`)
}

class StartupError extends Error {}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof CatalogError || error instanceof StartupError) {
    process.stderr.write(`pathways: ${error.message}\n`)
  } else {
    process.stderr.write(`pathways: start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  }
  process.exit(1)
})

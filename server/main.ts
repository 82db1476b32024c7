/**
 * The process: read config, pick the role, prepare the database, build the catalog index, listen,
 * and shut down gracefully on SIGTERM/SIGINT. Errors a person can fix are printed plainly, exit 1.
 *
 * Roles (`--role=…`, default all):
 * - all: migrate (under the advisory lock) and sync the catalog, then serve HTTP and run the job
 *   workers in this one process. The only role of the embedded mode (SQLite).
 * - api: HTTP only; refuses to start while a migration is pending. Needs DATABASE_URL.
 * - worker: the job processors, plus /livez /readyz /metrics on WORKER_PORT. Needs DATABASE_URL.
 * - migrate: apply migrations and sync the catalog, then exit 0.
 */
import type { FastifyInstance } from 'fastify'
import type { pino } from 'pino'
import { buildApp } from './app.js'
import { ConfigError, loadConfig, parseRole, type Config, type Role } from './config.js'
import { createDeps, type Deps } from './deps.js'
import { CatalogError } from './modules/catalog/index.js'
import { resolveSecretKey } from './modules/identity/index.js'
import { openDb } from './platform/db/client.js'
import { migrateToLatest, pendingMigrations } from './platform/db/migrate.js'
import { startWorker, type Worker } from './platform/jobs/worker.js'
import { createLifecycle, createLogger, type Lifecycle } from './platform/ops/index.js'
import { buildOpsApp } from './platform/ops/ops-app.js'

const USAGE = `Usage: node dist/server/main.js [--role=all|api|worker|migrate]

Roles:
  all      migrate and sync the catalog, then serve HTTP and run the job workers (default;
           the only role in embedded mode, without DATABASE_URL)
  api      serve HTTP only; refuses to start while migrations are pending (needs DATABASE_URL)
  worker   run the job workers, with /livez, /readyz and /metrics on WORKER_PORT (needs DATABASE_URL)
  migrate  apply migrations and sync the catalog under a PostgreSQL advisory lock, then exit

Settings come from the environment (see server/config.ts): PORT, WORKER_PORT, DATABASE_URL,
REDIS_URL, METRICS_TOKEN, SHUTDOWN_GRACE_SECONDS, SHUTDOWN_DRAIN_SECONDS, SHED_EVENT_LOOP_DELAY_MS,
SHED_HEAP_USED_MB, SHED_EVENT_LOOP_UTILIZATION, LOG_LEVEL…
`

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE)
    return
  }
  const role = parseRole(argv)
  const config = loadConfig()
  const log = createLogger(config.logLevel)
  const embedded = config.database.kind === 'sqlite'
  if (embedded && (role === 'api' || role === 'worker')) {
    throw new ConfigError('--role', `${role} needs a database shared by every process: set DATABASE_URL (PostgreSQL), or use --role=all for the embedded mode`)
  }
  // The server key is needed to serve (CSRF tokens, log pseudonyms), not to migrate.
  const secretKey = role === 'migrate' ? undefined : resolveSecretKey(config)
  const db = openDb(config.database)
  const deps = createDeps(config, db, log, { secretKey })
  try {
    if (role === 'all' || role === 'migrate') {
      // The catalog sync runs under the same lock: several processes starting at once do it in turn.
      const applied = await migrateToLatest(db, { whileLocked: () => deps.catalog.sync() })
      if (applied.length > 0) log.info({ applied }, 'migrations applied')
      else log.info('migrations: none pending')
    }
    if (role === 'migrate') {
      await closeDeps(deps)
      return
    }
    const pending = await pendingMigrations(db)
    if (pending.length > 0) throw new StartupError(`the database needs migrations (${pending.join(', ')}): run \`npm start -- --role=migrate\` first`)
    await deps.catalog.refresh()
  } catch (error) {
    await closeDeps(deps).catch(() => undefined)
    throw error
  }
  await serve(config, role, deps, log)
}

async function serve(config: Config, role: Exclude<Role, 'migrate'>, deps: Deps, log: pino.Logger): Promise<void> {
  const lifecycle = createLifecycle()
  const app = role === 'worker' ? await buildOpsApp(deps, { logger: log, lifecycle }) : await buildApp(deps, { logger: log, lifecycle })
  const stopWatching = config.catalogPollMs > 0 ? deps.catalog.watch(config.catalogPollMs) : () => undefined
  const worker = role === 'api' ? undefined : await startWorker(deps, log)
  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    void gracefulShutdown({ signal, config, lifecycle, app, worker, deps, log, stopWatching })
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
  const port = role === 'worker' ? config.ops.workerPort : config.port
  await app.listen({ port, host: config.host })
  log.info({ role, database: config.database.kind, catalogVersion: deps.catalog.index().version }, `Pathways is ready at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`)
}

interface ShutdownContext {
  signal: string
  config: Config
  lifecycle: Lifecycle
  app: FastifyInstance
  worker: Worker | undefined
  deps: Deps
  log: pino.Logger
  stopWatching: () => void
}

/**
 * SIGTERM: /readyz fails at once; after SHUTDOWN_DRAIN_SECONDS the listener stops accepting
 * connections and requests in flight finish (up to SHUTDOWN_GRACE_SECONDS); then the workers, the
 * database and the adapters close and the process exits 0. Past the grace time it exits 1.
 */
async function gracefulShutdown(c: ShutdownContext): Promise<void> {
  const { config, log } = c
  c.lifecycle.draining = true
  log.info({ signal: c.signal, drainMs: config.ops.shutdownDrainMs, graceMs: config.ops.shutdownGraceMs }, 'shutting down: draining')
  c.stopWatching()
  try {
    if (config.ops.shutdownDrainMs > 0) await new Promise((resolve) => setTimeout(resolve, config.ops.shutdownDrainMs))
    const deadline = setTimeout(() => {
      log.error({ graceMs: config.ops.shutdownGraceMs }, 'shutdown: grace time over with work still in flight; exiting')
      process.exit(1)
    }, config.ops.shutdownGraceMs)
    deadline.unref()
    await c.app.close()
    await c.worker?.close()
    await closeDeps(c.deps)
    clearTimeout(deadline)
    log.info('shut down cleanly')
    process.exit(0)
  } catch (error) {
    log.error({ err: error }, 'shutdown failed')
    process.exit(1)
  }
}

/** Closes what the dependencies hold: the shared adapters (Redis connections), then the database. */
async function closeDeps(deps: Deps): Promise<void> {
  try {
    await deps.close()
  } finally {
    await deps.db.close()
  }
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

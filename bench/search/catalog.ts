/**
 * The catalog both search benchmarks run on: `pathways import all ../shared/data` into a fresh temporary
 * DATA_DIR (about 15–45 s), the same way bench/import.ts builds it, plus the curated catalog synced on top
 * as the server does at start. Set SEARCH_BENCH_DATA_DIR to a folder holding an already imported
 * pathways.sqlite to skip the import: the file is copied, never written to.
 */
import { execFileSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadConfig } from '../../server/config.js'
import type { CatalogIndex } from '../../server/modules/careers/index.js'
import { createCatalogRepository, createCatalogService, type CatalogService } from '../../server/modules/catalog/index.js'
import { openDb } from '../../server/platform/db/client.js'
import { migrateToLatest } from '../../server/platform/db/migrate.js'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const sharedData = path.resolve(root, '../shared/data')

export interface ImportedCatalog {
  dataDir: string
  /** How the catalog was made, for the report. */
  origin: string
  remove(): void
}

/** A temporary DATA_DIR holding the whole imported catalog. Exits with a clear message without the datasets. */
export function importedCatalog(): ImportedCatalog {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pathways-bench-search-'))
  const remove = () => fs.rmSync(dataDir, { recursive: true, force: true })
  const reuse = process.env.SEARCH_BENCH_DATA_DIR
  if (reuse !== undefined && reuse !== '') {
    const file = path.join(reuse, 'pathways.sqlite')
    if (!fs.existsSync(file)) throw new Error(`SEARCH_BENCH_DATA_DIR=${reuse} holds no pathways.sqlite`)
    fs.copyFileSync(file, path.join(dataDir, 'pathways.sqlite'))
    return { dataDir, origin: `a copy of ${file}`, remove }
  }
  if (!fs.existsSync(sharedData)) {
    remove()
    console.error(`${sharedData} not found: the search benchmarks need the real datasets (the full catalog of ~4,000 careers and ~23,000 skills), imported with \`pathways import all\`. Put them there, or set SEARCH_BENCH_DATA_DIR to a folder with an imported pathways.sqlite.`)
    process.exit(1)
  }
  const started = performance.now()
  process.stderr.write(`importing ${sharedData} into ${dataDir} …\n`)
  execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'server/cli/main.ts'), 'import', 'all', sharedData], {
    cwd: root, env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'],
  })
  const seconds = (performance.now() - started) / 1000
  process.stderr.write(`imported in ${seconds.toFixed(1)} s\n`)
  return { dataDir, origin: `\`pathways import all ${path.relative(root, sharedData)}\``, remove }
}

/** The catalog index a server would hold for this DATA_DIR (migrated, curated catalog synced), without the server. */
export async function loadCatalogIndex(dataDir: string): Promise<{ index: CatalogIndex; catalog: CatalogService; close: () => Promise<void> }> {
  const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'production' })
  const db = openDb(config.database)
  await migrateToLatest(db)
  // No search warmer registered: each library builds its own index from the same documents.
  const catalog = createCatalogService({ repo: createCatalogRepository(db), catalogDir: config.catalogDir, log: { info: () => undefined } })
  await catalog.sync()
  const index = await catalog.refresh()
  return { index, catalog, close: () => db.close() }
}

export interface BenchRun {
  catalog: ImportedCatalog
  /** A temporary folder for the run's files (wrk scripts, request lists). */
  work: string
  /** The server under test, once started: killed when the process exits, however it exits. */
  running: { server?: ChildProcess }
}

/** The imported catalog and a work folder for an HTTP benchmark, both removed when the process exits. */
export function benchRun(prefix: string): BenchRun {
  const catalog = importedCatalog()
  const work = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  const running: { server?: ChildProcess } = {}
  process.on('exit', () => {
    if (running.server?.exitCode === null) running.server.kill('SIGKILL')
    fs.rmSync(work, { recursive: true, force: true })
    catalog.remove()
  })
  return { catalog, work, running }
}

#!/usr/bin/env node
/**
 * `pathways` command line: import public datasets into the catalog.
 *
 *   pathways import <source> <path>     one source (onet, esco, bls-oews, bls-projections, cip-soc, esco-onet-crosswalk, bea-rpp)
 *   pathways import all <folder>        every source it recognises in a folder laid out like shared/data
 *   pathways setup                      first run: print a one-time token to create the first platform admin
 *
 * Exit codes: 0 done, 1 failure, 2 bad input (the message names file, line and column).
 */
import fs from 'node:fs'
import path from 'node:path'
import { Command, InvalidArgumentError } from 'commander'
import { ConfigError, loadConfig } from '../config.js'
import { CatalogError, createCatalogRepository, createCatalogService } from '../modules/catalog/index.js'
import { issueSetupToken } from '../modules/identity/index.js'
import { createImportRepository, createImportService, IMPORTERS, ImportInputError, openInput, SOURCE_NAMES, type Importer } from '../modules/importers/index.js'
import { openDb, type Db } from '../platform/db/client.js'
import { migrateToLatest, pendingMigrations } from '../platform/db/migrate.js'
import { registerBackupCommands } from './backup.js'
import { registerJobCommands } from './jobs.js'
import { createProgress } from './progress.js'
import { printResult } from './report.js'

const program = new Command('pathways').description('Pathways command line').showHelpAfterError()

program
  .command('import')
  .description(`Import a public dataset into the catalog. <source> is one of: ${SOURCE_NAMES.join(', ')}, or "all" with a folder laid out like shared/data.`)
  .argument('<source>', `${SOURCE_NAMES.join(' | ')} | all`, (value) => {
    if (value !== 'all' && !SOURCE_NAMES.includes(value)) throw new InvalidArgumentError(`must be one of ${[...SOURCE_NAMES, 'all'].join(', ')}`)
    return value
  })
  .argument('<path>', 'the source’s folder, file or zip (for "all": the folder holding one sub-folder per source)')
  .option('--batch-size <rows>', 'rows per committed staging batch', (v) => positiveInt(v), 5000)
  .addHelpText('after', '\nRe-importing the same files changes nothing; an interrupted import resumes where it stopped when run again.')
  .action(async (source: string, target: string, options: { batchSize: number }) => {
    await withDatabase(async (db, crashAfterBatch) => {
      const service = createImportService({ repo: createImportRepository(db) })
      const jobs = source === 'all' ? await discover(target) : [{ importer: IMPORTERS[source] as Importer, path: target }]
      if (jobs.length === 0) throw new ImportInputError(target, 'no dataset this command recognises was found here')
      for (const job of jobs) {
        const input = await openInput(job.path)
        try {
          const progress = createProgress(job.importer.origin)
          const result = await service.run(job.importer, input, {
            batchSize: options.batchSize,
            progress: (rows) => progress.update(rows),
            afterBatch: (batch) => {
              if (crashAfterBatch !== undefined && batch >= crashAfterBatch) process.kill(process.pid, 'SIGKILL')
            },
          })
          progress.done(Object.values(result.summary.rows).reduce((a, b) => a + (b ?? 0), 0))
          printResult(result, job.path)
        } finally {
          await input.close()
        }
      }
    })
  })

program
  .command('setup')
  .description('First run: print a one-time token (valid 60 minutes) to create the first platform administrator with POST /api/v1/auth/setup. Refuses, exit code 1, once an administrator exists.')
  .action(async () => {
    const config = loadConfig()
    const db = openDb(config.database)
    try {
      if (config.database.kind === 'sqlite') await migrateToLatest(db)
      else {
        const pending = await pendingMigrations(db)
        if (pending.length > 0) throw new ConfigError('database', `migrations are pending (${pending.join(', ')}): run \`npm start -- --role=migrate\` first`)
      }
      const token = await issueSetupToken(db)
      if (token === undefined) {
        process.stderr.write('pathways setup: a platform administrator already exists; setup is over. Sign in as that administrator instead.\n')
        process.exitCode = 1
        return
      }
      const origin = config.auth.publicOrigin ?? `http://localhost:${config.port}`
      process.stdout.write(`One-time setup token (valid for 60 minutes, works once; running setup again replaces it):\n\n  ${token}\n\n` +
        `Create the first platform administrator with it, for example:\n\n` +
        `  curl -X POST ${origin}/api/v1/auth/setup -H 'content-type: application/json' \\\n` +
        `    -d '{"token":"${token}","email":"you@example.org","password":"a long passphrase","displayName":"Your Name"}'\n`)
    } finally {
      await db.close()
    }
  })

/** Finds, for each importer in order, the first of the folder and its sub-folders it recognises. */
async function discover(folder: string): Promise<{ importer: Importer; path: string }[]> {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new ImportInputError(folder, 'is not a folder')
  const candidates = [folder, ...fs.readdirSync(folder, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(folder, d.name)).sort()]
  const jobs: { importer: Importer; path: string }[] = []
  for (const importer of Object.values(IMPORTERS)) {
    for (const candidate of candidates) {
      const input = await openInput(candidate)
      const found = importer.recognises(input)
      await input.close()
      if (found) {
        jobs.push({ importer, path: candidate })
        break
      }
    }
  }
  return jobs
}

async function withDatabase(work: (db: Db, crashAfterBatch: number | undefined) => Promise<void>): Promise<void> {
  const config = loadConfig()
  const db = openDb(config.database)
  try {
    if (config.database.kind === 'sqlite') {
      await migrateToLatest(db)
      // Curated careers reserve their slugs, so the catalog is loaded before anything is imported.
      await createCatalogService({ repo: createCatalogRepository(db), catalogDir: config.catalogDir, log: { info: () => undefined } }).sync()
    } else {
      const pending = await pendingMigrations(db)
      if (pending.length > 0) throw new ConfigError('database', `migrations are pending (${pending.join(', ')}): run \`npm start -- --role=migrate\` first`)
    }
    await work(db, config.testCrashAfterBatch)
  } finally {
    await db.close()
  }
}

function positiveInt(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number above 0')
  return n
}

registerJobCommands(program)
registerBackupCommands(program)

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ImportInputError) {
    process.stderr.write(`pathways import: bad input: ${error.message}\nNothing was changed.\n`)
    process.exit(2)
  }
  if (error instanceof ConfigError || error instanceof CatalogError) {
    process.stderr.write(`pathways: ${error.message}\n`)
    process.exit(1)
  }
  process.stderr.write(`pathways: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})

/**
 * The job kinds and what each one does. Handlers call the same services as the CLI and the API;
 * they hold no rules of their own.
 *
 * - `import` { source, path }: imports one public dataset from a path on the worker's machine, as
 *   `pathways import <source> <path>` does, then announces the new catalog version.
 * - `export` { userId }: a learner's data (stored passport and learning plans) as JSON, kept in the
 *   shared cache (Redis in server mode) for 24 hours under `export:<job id>`; the result names the key.
 * - `plans.recompute` {}: recomputes every stored learning plan against the current catalog (after a
 *   catalog change) and reports how many still resolve and which do not.
 */
import type { Deps } from '../../deps.js'
import { createImportRepository, createImportService, IMPORTERS, openInput, SOURCE_NAMES, type Importer } from '../../modules/importers/index.js'
import { CATALOG_VERSION_CHANNEL } from '../shared/index.js'
import { JOB_KINDS, type JobHandler, type JobKind } from './queue.js'

export const EXPORT_TTL_MS = 24 * 3600_000

export class JobInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'JobInputError'
  }
}

/** Checks a job's kind and data before it is enqueued; throws JobInputError naming the problem. */
export function validateJob(kind: string, data: Record<string, unknown>): { kind: JobKind; data: Record<string, unknown> } {
  if (!(JOB_KINDS as readonly string[]).includes(kind)) throw new JobInputError(`unknown job kind ${JSON.stringify(kind)}: use one of ${JOB_KINDS.join(', ')}`)
  const text = (field: string, max = 4096) => {
    const value = data[field]
    if (typeof value !== 'string' || value.length === 0 || value.length > max) throw new JobInputError(`${kind} needs ${field} (a non-empty string of at most ${max} characters)`)
    return value
  }
  switch (kind as JobKind) {
    case 'import': {
      const source = text('source', 64)
      if (!SOURCE_NAMES.includes(source)) throw new JobInputError(`unknown import source ${JSON.stringify(source)}: use one of ${SOURCE_NAMES.join(', ')}`)
      return { kind: 'import', data: { source, path: text('path') } }
    }
    case 'export':
      return { kind: 'export', data: { userId: text('userId', 200) } }
    case 'plans.recompute':
      return { kind: 'plans.recompute', data: {} }
  }
}

export function jobHandlers(deps: Deps): Record<JobKind, JobHandler> {
  return {
    async import(data, ctx) {
      const { source, path } = validateJob('import', data).data as { source: string; path: string }
      const service = createImportService({ repo: createImportRepository(deps.db) })
      await ctx.progress(5)
      const input = await openInput(path)
      try {
        let last = 5
        const result = await service.run(IMPORTERS[source] as Importer, input, {
          progress: (rows) => {
            // Rows read, with no total known in advance: an estimate that approaches 90 %.
            const estimate = Math.floor(5 + 85 * (1 - Math.exp(-rows / 50_000)))
            if (estimate > last) {
              last = estimate
              void ctx.progress(estimate)
            }
          },
        })
        if (result.catalogVersion !== undefined) await deps.shared.notices.publish(CATALOG_VERSION_CHANNEL, String(result.catalogVersion))
        const rows = Object.values(result.summary.rows).reduce((a, b) => a + (b ?? 0), 0)
        return { origin: result.origin, status: result.status, rows, catalogVersion: result.catalogVersion ?? null }
      } finally {
        await input.close()
      }
    },

    async export(data, ctx) {
      const { userId } = validateJob('export', data).data as { userId: string }
      const user = await deps.db.kysely.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst()
      if (!user) throw new Error(`no account ${JSON.stringify(userId)}`)
      await ctx.progress(10)
      const passport = await deps.learner.passport.body(userId)
      await ctx.progress(50)
      const plans = await deps.learner.plans.list(userId)
      const body = JSON.stringify({ exportedAt: new Date().toISOString(), userId, passport, plans })
      const key = `export:${ctx.id}`
      await deps.shared.cache.set(key, body, EXPORT_TTL_MS)
      // A cache that dropped the write (Redis gone) must not report success: the job retries.
      if ((await deps.shared.cache.get(key)) === undefined) throw new Error('the export could not be stored (cache unavailable)')
      return { cacheKey: key, bytes: Buffer.byteLength(body), expiresAt: new Date(Date.now() + EXPORT_TTL_MS).toISOString() }
    },

    async 'plans.recompute'(_data, ctx) {
      await deps.catalog.catchUp()
      const rows = await deps.db.kysely.selectFrom('learning_plans').select(['id', 'user_id']).orderBy('user_id').orderBy('id').execute()
      const unresolved: { plan: string; reason: string }[] = []
      let done = 0
      for (const row of rows) {
        try {
          await deps.learner.plans.get(row.user_id, row.id)
        } catch (error) {
          if (unresolved.length < 50) unresolved.push({ plan: row.id, reason: error instanceof Error ? error.message : String(error) })
        }
        done += 1
        if (done % 50 === 0) await ctx.progress(Math.floor((done / rows.length) * 100))
      }
      return { catalogVersion: deps.catalog.index().version, plans: rows.length, recomputed: rows.length - unresolved.length, unresolved }
    },
  }
}

/**
 * Runs one importer over one input: stage rows in committed batches with a checkpoint, then publish
 * them in one transaction. Re-running the same input after a crash resumes after the checkpoint;
 * re-running it after success changes nothing. Readers never see a half-imported source.
 */
import type { ImportContext, Importer, ImportInput, ImportSink, ImportSummary, StagedRows, StagedTable } from './import-types.js'
import type { ImportRepository } from './import.repository.js'

export interface ImportOptions {
  /** Rows per committed staging batch. */
  batchSize?: number
  progress?: (rowsRead: number) => void
  /** Called after each committed batch with its number (1-based); tests use it to crash at a known point. */
  afterBatch?: (batch: number) => void
  /** Clock for run timestamps. */
  now?: () => string
}

export interface ImportResult {
  origin: string
  runId: string
  status: 'published' | 'unchanged'
  resumedAfterRows: number
  rowsStaged: number
  summary: ImportSummary
  catalogVersion?: number
}

export function createImportService({ repo }: { repo: ImportRepository }) {
  return {
    async run(importer: Importer, input: ImportInput, options: ImportOptions = {}): Promise<ImportResult> {
      const now = options.now ?? (() => new Date().toISOString())
      const inputHash = await input.hash(importer.files(input))
      const runId = `${importer.origin}:${inputHash.slice(0, 32)}`
      if ((await repo.publishedRunOf(importer.origin)) === runId) {
        return { origin: importer.origin, runId, status: 'unchanged', resumedAfterRows: 0, rowsStaged: 0, summary: { rows: {}, notes: ['This exact input is already imported; nothing changed.'] } }
      }
      const existing = await repo.findRun(runId)
      if (!existing || existing.state === 'published') await repo.startRun(runId, importer.origin, inputHash, now())
      const resumeAfter = existing?.state === 'staging' ? existing.checkpoint : 0
      const sink = createStagingSink(repo, runId, resumeAfter, await repo.nextSeq(runId), options)
      const context: ImportContext = { reservedSlugs: await repo.reservedSlugs(), ...(options.progress ? { progress: options.progress } : {}) }
      const summary = await importer.run(input, sink, context)
      const rowsStaged = await sink.flush()
      const catalogVersion = await repo.publish(runId, importer.origin, summary, now())
      return { origin: importer.origin, runId, status: 'published', resumedAfterRows: resumeAfter, rowsStaged, summary, catalogVersion }
    },
  }
}
export type ImportService = ReturnType<typeof createImportService>

interface StagingSink extends ImportSink {
  /** Commits what is buffered; returns the total rows staged for the run. */
  flush(): Promise<number>
}

/**
 * Buffers rows and commits them in batches. Rows up to `skip` were staged by an earlier attempt of
 * the same input: importers are deterministic, so the first `skip` rows handed over are those rows.
 */
function createStagingSink(repo: ImportRepository, runId: string, skip: number, firstSeq: number, options: ImportOptions): StagingSink {
  const batchSize = options.batchSize ?? 5000
  let seen = 0
  let staged = skip
  let seq = firstSeq
  let batches = 0
  let buffer: { table: StagedTable; rows: unknown[] }[] = []
  let buffered = 0
  const flush = async () => {
    if (buffered === 0) return staged
    staged += buffered
    await repo.stageBatch(runId, seq, buffer, staged)
    seq += buffer.length
    buffer = []
    buffered = 0
    batches += 1
    options.afterBatch?.(batches)
    return staged
  }
  return {
    async add<K extends StagedTable>(table: K, row: StagedRows[K]) {
      seen += 1
      if (seen <= skip) return
      const last = buffer[buffer.length - 1]
      if (last && last.table === table) last.rows.push(row)
      else buffer.push({ table, rows: [row] })
      buffered += 1
      if (buffered >= batchSize) await flush()
    },
    flush,
  }
}

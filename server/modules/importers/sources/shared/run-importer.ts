/**
 * Runs a mapper over a path into a collecting sink: what the tests (and anyone trying a mapper on a small
 * input) need, without the staging engine or a database.
 */
import type { Importer, ImportSummary } from '../../import-types.js'
import { openInput } from '../../input/index.js'
import { createCollectingSink, type CollectingSink } from './collecting-sink.js'

export interface ImporterRun { sink: CollectingSink; summary: ImportSummary; progress: number[] }

export async function runImporter(importer: Importer, path: string, reservedSlugs: ReadonlySet<string> = new Set()): Promise<ImporterRun> {
  const input = await openInput(path)
  try {
    const sink = createCollectingSink()
    const progress: number[] = []
    const summary = await importer.run(input, sink, { reservedSlugs, progress: (n) => progress.push(n) })
    return { sink, summary, progress }
  } finally {
    await input.close()
  }
}

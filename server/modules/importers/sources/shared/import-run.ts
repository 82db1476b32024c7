/**
 * Book-keeping every mapper needs: rows handed to the sink counted per table (the summary), rows read
 * reported to the progress callback every 10,000, and notes for the person running the import.
 */
import type {
  ImportContext, ImportInput, ImportSink, ImportSummary, InputRow, ReadOptions, StagedRows, StagedTable,
} from '../../import-types.js'
import { unwrapQuoted } from './fields.js'

const PROGRESS_EVERY = 10_000

export interface ImportRun {
  add<K extends StagedTable>(table: K, row: StagedRows[K]): Promise<void>
  rows(name: string, options: ReadOptions): AsyncIterable<InputRow>
  note(text: string): void
  summary(): ImportSummary
}

export function createImportRun(input: ImportInput, sink: ImportSink, context: ImportContext): ImportRun {
  const counts: Partial<Record<StagedTable, number>> = {}
  const notes: string[] = []
  let read = 0
  return {
    async add(table, row) {
      counts[table] = (counts[table] ?? 0) + 1
      await sink.add(table, row)
    },
    async *rows(name, options) {
      const unwrap = options.delimiter === '\t'
      for await (const row of input.rows(name, options)) {
        read++
        if (unwrap) unwrapValues(row.values)
        if (read % PROGRESS_EVERY === 0) context.progress?.(read)
        yield row
      }
    },
    note(text) {
      notes.push(text)
    },
    summary() {
      context.progress?.(read)
      return { rows: { ...counts }, notes: [...notes] }
    },
  }
}

/** See unwrapQuoted: tab-delimited cells may still carry CSV quoting. */
function unwrapValues(values: Record<string, string>): void {
  for (const key in values) {
    const value = values[key]
    if (value !== undefined && value.charCodeAt(0) === 0x22) values[key] = unwrapQuoted(value)
  }
}

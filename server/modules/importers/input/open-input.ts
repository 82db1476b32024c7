/**
 * `openInput` reads a folder, a zip or a single file the same way (see ImportInput in import-types.ts).
 * Nothing is extracted to disk and no file is read whole, except a workbook, which exceljs needs in memory.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { extname } from 'node:path'
import { ImportInputError, type ImportInput, type InputRow, type ReadOptions } from '../import-types.js'
import { readDelimitedBatches } from './delimited-reader.js'
import { flattenBatches } from './flatten-batches.js'
import { catalogPath, DATA_EXTENSIONS, type Catalog, type Source } from './input-catalog.js'
import { resolveLimits, type InputLimits } from './input-limits.js'
import { quoteList } from './row-shape.js'
import { readWorksheetBatches, type WorksheetOptions } from './xlsx-reader.js'
import { errorText } from './zip-entry-guard.js'

const READ_CHUNK_BYTES = 256 * 1024
const NAMES_IN_MESSAGES = 30

/** Opens `path` (a folder, a .zip, or a .csv/.tsv/.txt/.xlsx file); call `close()` when done. */
export async function openInput(path: string, limits?: Partial<InputLimits>): Promise<ImportInput> {
  const resolved = resolveLimits(limits)
  return new OpenedInput(path, await catalogPath(path, resolved), resolved)
}

class OpenedInput implements ImportInput {
  private closed = false

  constructor(
    readonly path: string,
    private readonly catalog: Catalog,
    private readonly limits: InputLimits,
  ) {}

  names(): string[] {
    return [...this.catalog.sources.keys()].sort()
  }

  has(name: string): boolean {
    return this.catalog.sources.has(name)
  }

  rows(name: string, options: ReadOptions): AsyncIterable<InputRow> {
    return flattenBatches(() => this.rowBatches(name, options))
  }

  async hash(names: readonly string[]): Promise<string> {
    const digest = createHash('sha256')
    for (const name of names) {
      for await (const chunk of this.bytes(name)) digest.update(chunk)
    }
    return digest.digest('hex')
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    for (const archive of this.catalog.archives) archive.close()
  }

  /** Throws for a missing name or a file that holds no rows: flattenBatches defers that to `for await`. */
  private rowBatches(name: string, options: ReadOptions): AsyncIterable<InputRow[]> {
    const extension = extname(name).toLowerCase()
    this.source(name)
    if (!DATA_EXTENSIONS.includes(extension)) {
      throw new ImportInputError(name, `rows are read only from ${DATA_EXTENSIONS.join(', ')} files`)
    }
    const headerRow = options.headerRow ?? 1
    if (!Number.isInteger(headerRow) || headerRow < 1) throw new RangeError('headerRow must be a positive integer')
    const { columns, sheet } = options
    if (extension === '.xlsx') return this.worksheetBatches(name, { columns, sheet, headerRow })
    return readDelimitedBatches(name, this.bytes(name), {
      columns,
      delimiter: options.delimiter ?? (extension === '.csv' ? ',' : '\t'),
      headerRow,
      maxRowChars: this.limits.maxRowChars,
    })
  }

  private async *worksheetBatches(name: string, options: WorksheetOptions): AsyncGenerator<InputRow[]> {
    const bytes = await this.readWhole(name, this.limits.maxWorkbookBytes)
    yield* readWorksheetBatches(name, bytes, options, this.limits)
  }

  private bytes(name: string): AsyncIterable<Buffer> {
    const source = this.source(name)
    if (source.kind === 'entry') return source.archive.read(source.entry)
    return readFileChunks(source.path, name)
  }

  private async readWhole(name: string, maxBytes: number): Promise<Buffer> {
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of this.bytes(name)) {
      size += chunk.length
      if (size > maxBytes) throw new ImportInputError(name, `is larger than ${maxBytes} bytes (workbook size limit)`)
      chunks.push(chunk)
    }
    return Buffer.concat(chunks)
  }

  /** The one place providing `name`; a missing or ambiguous name is an input error. */
  private source(name: string): Source {
    if (this.closed) throw new Error(`input ${this.path} is closed`)
    const found = this.catalog.sources.get(name)
    if (!found) throw new ImportInputError(name, `is not in ${this.path}; it holds ${this.describeNames()}`)
    const [only, ...others] = found
    if (!only || others.length > 0) {
      throw new ImportInputError(
        name,
        `is provided more than once in ${this.path}: ${quoteList(found.map((s) => s.where))}`,
      )
    }
    return only
  }

  private describeNames(): string {
    const names = this.names()
    if (names.length === 0) return 'no files'
    const shown = quoteList(names.slice(0, NAMES_IN_MESSAGES))
    return names.length > NAMES_IN_MESSAGES ? `${shown} and ${names.length - NAMES_IN_MESSAGES} more` : shown
  }
}

async function* readFileChunks(path: string, name: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK_BYTES })) yield chunk as Buffer
  } catch (error) {
    throw new ImportInputError(name, `cannot be read (${errorText(error)})`)
  }
}

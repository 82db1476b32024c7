/**
 * Rows of a CSV/TSV stream: strict UTF-8, a header with the required columns, and every row exactly as
 * wide as the header. One concession to published files: a block of one-field lines at the very end
 * (BEA's "Note: …" / "Last updated: …" footer) is dropped; a short row followed by data is still an error.
 */
import { ImportInputError, type InputRow } from '../import-types.js'
import { DelimitedParser, type RawRecord } from './delimited-parser.js'
import { checkHeader, raggedRow, toValues, type HeaderShape } from './row-shape.js'
import { decodeUtf8 } from './utf8-decode.js'

export interface DelimitedOptions {
  columns: readonly string[]
  delimiter: '\t' | ',' | ';'
  /** 1-based line of the header; lines above it (titles) are skipped. */
  headerRow: number
  maxRowChars: number
}

/** More one-field lines than this at the end are not a footer but a broken file. */
const MAX_FOOTER_LINES = 20

/** Yields the rows in batches, one per chunk of text (see flatten-batches.ts for why). */
export async function* readDelimitedBatches(
  file: string,
  bytes: AsyncIterable<Uint8Array>,
  options: DelimitedOptions,
): AsyncGenerator<InputRow[]> {
  // Tab-delimited O*NET files are not quoted: a `"` in a title is literal text there.
  const parser = new DelimitedParser(file, options.delimiter, options.delimiter !== '\t', options.maxRowChars)
  const shaper = new RowShaper(file, options)
  for await (const text of decodeUtf8(file, bytes)) {
    const rows = shaper.acceptAll(parser.push(text))
    if (rows.length > 0) yield rows
  }
  const rows = shaper.acceptAll(parser.end())
  if (rows.length > 0) yield rows
  shaper.finish()
}

class RowShaper {
  private shape: HeaderShape | undefined
  /** One-field lines held back until we know whether data follows them. */
  private footer: RawRecord[] = []

  constructor(
    private readonly file: string,
    private readonly options: DelimitedOptions,
  ) {}

  acceptAll(records: readonly RawRecord[]): InputRow[] {
    const rows: InputRow[] = []
    for (const record of records) {
      const row = this.accept(record)
      if (row) rows.push(row)
    }
    return rows
  }

  private accept(record: RawRecord): InputRow | undefined {
    if (!this.shape) {
      const { headerRow, columns } = this.options
      if (record.line >= headerRow) this.shape = checkHeader(this.file, record.line, record.fields, columns)
      return undefined
    }
    const { fields, line } = record
    if (fields.length === this.shape.width) {
      const held = this.footer[0]
      if (held) throw raggedRow(this.file, held.line, held.fields.length, this.shape)
      return { file: this.file, line, values: toValues(this.shape, fields) }
    }
    if (fields.length === 1 && this.footer.length < MAX_FOOTER_LINES) {
      this.footer.push(record)
      return undefined
    }
    const first = this.footer[0] ?? record
    throw raggedRow(this.file, first.line, first.fields.length, this.shape)
  }

  finish(): void {
    if (this.shape) return
    const { headerRow } = this.options
    const where = headerRow > 1 ? ` at or after line ${headerRow}` : ' (the file is empty)'
    throw new ImportInputError(this.file, `has no header line${where}`)
  }
}

/**
 * Incremental parser for delimited text (RFC 4180 when quoting is on). It is fed decoded text in chunks and
 * hands back complete records with the line each starts on; memory holds at most one unfinished record.
 * Lines without a quote take a fast path (indexOf + split), which is what keeps O*NET and ESCO files fast.
 */
import { ImportInputError } from '../import-types.js'

export interface RawRecord {
  /** 1-based line where the record starts (a quoted newline makes a record span lines). */
  line: number
  fields: string[]
}

interface Parsed {
  fields: string[]
  /** Index just past the record's line break. */
  next: number
  /** Lines the record spans. */
  lines: number
}

const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d

export class DelimitedParser {
  /** Unparsed text; it always begins at the start of a record, hence at the start of a line. */
  private buffer = ''
  /** Line number of the record being parsed (during `drain`, the record at `recordStart`). */
  private line = 1
  private recordStart = 0
  private readonly delimiterCode: number

  /** `quoting` off means `"` is an ordinary character (O*NET's tab-delimited files are not quoted). */
  constructor(
    private readonly file: string,
    private readonly delimiter: string,
    private readonly quoting: boolean,
    private readonly maxRowChars: number,
  ) {
    this.delimiterCode = delimiter.charCodeAt(0)
  }

  /** Adds text and returns the records it completes. */
  push(text: string): RawRecord[] {
    this.buffer = this.buffer.length === 0 ? text : this.buffer + text
    const records = this.drain(false)
    if (this.buffer.length > this.maxRowChars) {
      const hint = this.quoting && this.buffer.includes('"') ? ' (is a quote left open?)' : ''
      throw new ImportInputError(this.file, `row is longer than ${this.maxRowChars} characters${hint}`, this.line, 1)
    }
    return records
  }

  /** Call at the end of the input: returns the last records; an open quote is an error here. */
  end(): RawRecord[] {
    return this.drain(true)
  }

  private drain(final: boolean): RawRecord[] {
    const buf = this.buffer
    const records: RawRecord[] = []
    let at = 0
    // Position of the next quote at or after `at` (-1: none). One scan serves many lines.
    let quoteAt = this.quoting ? buf.indexOf('"') : -1
    while (at < buf.length) {
      const lineEnd = buf.indexOf('\n', at)
      if (lineEnd < 0 && !final) break
      const stop = lineEnd < 0 ? buf.length : lineEnd
      if (quoteAt >= 0 && quoteAt < at) quoteAt = buf.indexOf('"', at)
      if (quoteAt >= 0 && quoteAt < stop) {
        this.recordStart = at
        const parsed = this.parseQuoted(buf, at, final)
        if (!parsed) break
        records.push({ line: this.line, fields: parsed.fields })
        this.line += parsed.lines
        at = parsed.next
        continue
      }
      const end = stop > at && buf.charCodeAt(stop - 1) === CR ? stop - 1 : stop
      if (end > at) records.push({ line: this.line, fields: buf.slice(at, end).split(this.delimiter) })
      this.line++
      at = stop + 1
    }
    this.buffer = at >= buf.length ? '' : buf.slice(at)
    return records
  }

  /** Parses one record that contains a quote, field by field. Undefined: the record is not complete yet. */
  private parseQuoted(buf: string, start: number, final: boolean): Parsed | undefined {
    const fields: string[] = []
    let breaks = 0
    let step: Step = { next: start, recordEnd: false }
    let lineEnd = -1 // cached end of the current line, recomputed once a quoted newline moves past it
    while (!step.recordEnd) {
      const at = step.next
      if (buf.charCodeAt(at) === QUOTE) {
        const field = this.readQuotedField(buf, at, final)
        if (!field) return undefined
        fields.push(field.value)
        breaks += field.breaks
        step = this.afterClosingQuote(buf, field.end)
      } else {
        if (lineEnd < at) lineEnd = buf.indexOf('\n', at)
        if (lineEnd < 0 && !final) return undefined
        step = this.readUnquotedField(buf, at, lineEnd < 0 ? buf.length : lineEnd, fields)
      }
    }
    return { fields, next: step.next, lines: breaks + 1 }
  }

  /** A field that does not start with a quote runs to the next delimiter or the end of its line. */
  private readUnquotedField(buf: string, from: number, stop: number, fields: string[]): Step {
    const delimiterAt = buf.indexOf(this.delimiter, from)
    if (delimiterAt >= 0 && delimiterAt < stop) {
      fields.push(buf.slice(from, delimiterAt))
      return { next: delimiterAt + 1, recordEnd: false }
    }
    const end = stop > from && buf.charCodeAt(stop - 1) === CR ? stop - 1 : stop
    fields.push(buf.slice(from, end))
    return { next: stop + 1, recordEnd: true }
  }

  /**
   * Reads `"…"` with `""` as an escaped quote; newlines inside are part of the value. A quote followed by
   * anything but a delimiter or a line break is kept as text: NCES's CIPCode2020.csv writes
   * `"… titled "Security and Protective Services" in …"`, and this reads it as its authors meant.
   */
  private readQuotedField(buf: string, open: number, final: boolean): QuotedField | undefined {
    let value = ''
    let from = open + 1
    for (let close = buf.indexOf('"', from); ; close = buf.indexOf('"', from)) {
      if (close < 0) {
        if (final) throw this.errorAt(buf, open, 'unterminated quote: the quoted field that starts here never ends')
        return undefined
      }
      if (buf.charCodeAt(close + 1) === QUOTE) {
        value += buf.slice(from, close + 1)
        from = close + 2
        continue
      }
      const ends = this.endsField(buf, close + 1, final)
      if (ends === undefined) return undefined
      if (ends) return { value: value + buf.slice(from, close), end: close + 1, breaks: countBreaks(buf, open, close) }
      value += buf.slice(from, close + 1)
      from = close + 1
    }
  }

  /** Whether a field ends at `at`; undefined when the text so far cannot tell. */
  private endsField(buf: string, at: number, final: boolean): boolean | undefined {
    if (at >= buf.length) return final ? true : undefined
    const next = buf.charCodeAt(at)
    if (next === this.delimiterCode || next === LF) return true
    if (next !== CR) return false
    if (at + 1 >= buf.length) return final ? true : undefined
    return buf.charCodeAt(at + 1) === LF
  }

  /** After a closing quote (see endsField) comes a delimiter, a line break or the end of the text. */
  private afterClosingQuote(buf: string, at: number): Step {
    if (at >= buf.length) return { next: at, recordEnd: true }
    const next = buf.charCodeAt(at)
    if (next === this.delimiterCode) return { next: at + 1, recordEnd: false }
    return { next: at + (next === CR ? 2 : 1), recordEnd: true }
  }

  /** Error at a buffer index: the line counts the breaks before it, the column counts characters. */
  private errorAt(buf: string, index: number, message: string): ImportInputError {
    const lineStart = buf.lastIndexOf('\n', index - 1) + 1
    const line = this.line + countBreaks(buf, this.recordStart, index)
    const column = Array.from(buf.slice(lineStart, index)).length + 1
    return new ImportInputError(this.file, message, line, column)
  }
}

interface Step {
  next: number
  recordEnd: boolean
}

interface QuotedField {
  value: string
  /** Index just past the closing quote. */
  end: number
  breaks: number
}

function countBreaks(text: string, from: number, to: number): number {
  let count = 0
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) count++
  return count
}

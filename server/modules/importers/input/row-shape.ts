/**
 * Header checks and the header → value mapping shared by delimited files and worksheets, so both report
 * missing columns the same way and hand mappers the same `values` shape.
 */
import { ImportInputError } from '../import-types.js'

export interface HeaderShape {
  /** Number of columns in the header; every row must have exactly this many fields. */
  width: number
  /** Distinct column names in header order, and the field index each one takes its value from. */
  keys: string[]
  indices: number[]
}

/** Header names are trimmed: a stray space in a title cell must not hide a required column. */
export function checkHeader(
  file: string,
  line: number,
  names: readonly string[],
  required: readonly string[],
): HeaderShape {
  const trimmed = names.map((name) => name.trim())
  if (trimmed.includes('__proto__')) throw new ImportInputError(file, 'a column may not be named "__proto__"', line)
  const keys: string[] = []
  const indices: number[] = []
  const duplicates = new Set<string>()
  trimmed.forEach((name, index) => {
    if (keys.includes(name)) {
      duplicates.add(name)
      return
    }
    keys.push(name)
    indices.push(index)
  })
  const missing = required.filter((column) => !keys.includes(column))
  if (missing.length > 0) {
    throw new ImportInputError(file, `missing column(s) ${quoteList(missing)}; the header has ${quoteList(keys)}`, line)
  }
  const ambiguous = required.filter((column) => duplicates.has(column))
  if (ambiguous.length > 0) {
    throw new ImportInputError(file, `column(s) ${quoteList(ambiguous)} appear more than once`, line)
  }
  return { width: trimmed.length, keys, indices }
}

/** Builds the row's values; the caller has checked that `fields` has the header's width. */
export function toValues(shape: HeaderShape, fields: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {}
  const { keys, indices } = shape
  for (let i = 0; i < keys.length; i++) values[keys[i] as string] = fields[indices[i] as number] as string
  return values
}

export function raggedRow(file: string, line: number, found: number, shape: HeaderShape): ImportInputError {
  return new ImportInputError(file, `row has ${found} field(s) but the header has ${shape.width} columns`, line)
}

export function quoteList(items: readonly string[]): string {
  return items.map((item) => JSON.stringify(item)).join(', ')
}

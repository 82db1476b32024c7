/**
 * Reading typed values out of input rows. Errors name the file, the line and the column so that a person
 * can open the file at the right place.
 */
import { ImportInputError, type InputRow } from '../../import-types.js'

/** The cell's text, trimmed; '' when the column is absent from this row. */
export function text(row: InputRow, column: string): string {
  return (row.values[column] ?? '').trim()
}

/** The cell's text, or null when blank. */
export function optionalText(row: InputRow, column: string): string | null {
  const value = text(row, column)
  return value === '' ? null : value
}

/** A finite number; blank or malformed cells are input errors. */
export function numberField(row: InputRow, column: string): number {
  const raw = text(row, column)
  const value = Number(raw)
  if (raw === '' || !Number.isFinite(value)) {
    throw new ImportInputError(row.file, `column "${column}": expected a number, found "${raw}"`, row.line)
  }
  return value
}

/** A whole number (job zones, categories, ranks), written either `3` or `3.0`. */
export function integerField(row: InputRow, column: string): number {
  const value = numberField(row, column)
  if (!Number.isInteger(value)) {
    throw new ImportInputError(row.file, `column "${column}": expected a whole number, found "${text(row, column)}"`, row.line)
  }
  return value
}

/** A Y/N flag as 1/0. */
export function flagField(row: InputRow, column: string): number {
  const raw = text(row, column)
  if (raw === 'Y') return 1
  if (raw === 'N') return 0
  throw new ImportInputError(row.file, `column "${column}": expected Y or N, found "${raw}"`, row.line)
}

/**
 * O*NET's text release writes a cell that contains `"` the CSV way — `"Conduct ""head counts"" …"` (six
 * task statements, two content-model descriptions) — although the files are otherwise unquoted, so a
 * tab reader that treats `"` as text hands the cell over still wrapped. This undoes exactly that form:
 * wrapped in quotes, with every inner quote doubled. Cells a quote-aware reader already decoded never
 * have that form, so reading them twice changes nothing.
 */
export function unwrapQuoted(value: string): string {
  if (value.length < 2 || !value.startsWith('"') || !value.endsWith('"')) return value
  const inner = value.slice(1, -1)
  return inner.replace(/""/g, '').includes('"') ? value : inner.replace(/""/g, '"')
}

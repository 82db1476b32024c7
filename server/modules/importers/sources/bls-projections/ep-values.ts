/**
 * Cells of Table 1.2. `—` means not available (the figure is skipped). Employment and openings are
 * published in thousands with one decimal; they are turned into jobs with integer arithmetic on the
 * digits, so 1,693.8 becomes exactly 1693800 (no 1693799.9999).
 */
import { ImportInputError, type InputRow } from '../../import-types.js'

const NUMBER = /^-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/
/** How Table 1.2 prints a top-coded wage: `>=$239,200`. */
const AT_LEAST = /^>=\s*\$?(\d+|\d{1,3}(?:,\d{3})+)$/

export const NOT_AVAILABLE = '—'

export const cell = (row: InputRow, column: string): string => (row.values[column] ?? '').trim()

function checked(row: InputRow, column: string, text: string): string {
  if (!NUMBER.test(text)) throw new ImportInputError(row.file, `column ${column}: "${text}" is not a number`, row.line)
  return text.replaceAll(',', '')
}

/** A number, or null for `—`. */
export function readNumber(row: InputRow, column: string): number | null {
  const text = cell(row, column)
  return text === NOT_AVAILABLE ? null : Number(checked(row, column, text))
}

/** Digits after the point beyond the third are spreadsheet float noise (1.1000000000000001): rounded half up. */
export function thousandsToJobs(plain: string): number {
  const negative = plain.startsWith('-')
  const [whole = '0', fraction = ''] = (negative ? plain.slice(1) : plain).split('.')
  const padded = fraction.padEnd(3, '0')
  const roundUp = Number(padded[3] ?? '0') >= 5 ? 1 : 0
  const jobs = Number(whole) * 1000 + Number(padded.slice(0, 3)) + roundUp
  return negative && jobs !== 0 ? -jobs : jobs
}

/** A count in thousands as jobs, or null for `—`. */
export function readJobs(row: InputRow, column: string): number | null {
  const text = cell(row, column)
  return text === NOT_AVAILABLE ? null : thousandsToJobs(checked(row, column, text))
}

/** The median wage: a number, `>=$239,200` (top-coded), or `—`. */
export function readWage(row: InputRow, column: string): { value: number; topCoded: boolean } | null {
  const text = cell(row, column)
  if (text === NOT_AVAILABLE) return null
  const atLeast = AT_LEAST.exec(text)
  if (atLeast) return { value: Number((atLeast[1] ?? '').replaceAll(',', '')), topCoded: true }
  return { value: Number(checked(row, column, text)), topCoded: false }
}

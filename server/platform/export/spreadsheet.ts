/**
 * Tabular exports (reports, programme alignment) as CSV (RFC 4180) and XLSX, safe to open in a
 * spreadsheet (SECURITY.md F4, CWE-1236): a text cell that a spreadsheet could read as a formula —
 * starting with `= + - @`, a tab or a carriage return, or the full-width `＝ ＋ － ＠` — gets a `'`
 * prefix before quoting. Numbers are written as numbers and are never formulas. Every export of
 * Pathways goes through this file.
 */
import ExcelJS from 'exceljs'
import { asciiStem, encodeExtValue, unicodeStem } from '../../modules/cv/file-name.js'

export type Cell = string | number | null

export interface Sheet {
  /** The worksheet's name (XLSX) — at most 31 characters, none of `[]:*?/\`. */
  name: string
  header: readonly string[]
  rows: readonly (readonly Cell[])[]
}

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/

/** A text cell as it may be written: a leading formula character is made literal with `'`. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** Whether a written cell could still start a formula (for tests and assertions). */
export const couldBeFormula = (text: string): boolean => FORMULA_START.test(text)

function csvField(cell: Cell): string {
  if (cell === null) return ''
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : ''
  const text = neutralise(cell)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** RFC 4180 CSV with CRLF line ends and a UTF-8 byte-order mark (so spreadsheets read accents right). */
export function toCsv(sheet: Pick<Sheet, 'header' | 'rows'>): string {
  const lines = [sheet.header, ...sheet.rows].map((row) => row.map(csvField).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet'

/** An XLSX workbook, one worksheet per sheet; text cells are neutralised like CSV fields. */
export async function toXlsx(sheets: readonly Sheet[], meta: { title?: string; creator?: string } = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = meta.creator ?? 'Pathways'
  if (meta.title !== undefined) book.title = meta.title
  const fixed = new Date(0) // no wall-clock time in the file: the same report gives the same bytes
  book.created = fixed
  book.modified = fixed
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheetName(sheet.name))
    ws.addRow(sheet.header.map(neutralise)).font = { bold: true }
    for (const row of sheet.rows) {
      ws.addRow(row.map((cell) => (typeof cell === 'string' ? neutralise(cell) : typeof cell === 'number' && !Number.isFinite(cell) ? null : cell)))
    }
    ws.views = [{ state: 'frozen', ySplit: 1 }]
    ws.columns.forEach((column, i) => {
      const widest = Math.max(sheet.header[i]?.length ?? 0, ...sheet.rows.slice(0, 200).map((r) => String(r[i] ?? '').length))
      column.width = Math.min(60, Math.max(8, widest + 2))
    })
  }
  return Buffer.from(await book.xlsx.writeBuffer())
}

export const CSV_TYPE = 'text/csv; charset=utf-8; header=present'
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** A safe `Content-Disposition` for a download named from `name` (e.g. a cohort's): see cv/file-name.ts. */
export function attachment(name: string, extension: 'csv' | 'xlsx'): string {
  return `attachment; filename="${asciiStem(name, 'export')}.${extension}"; filename*=UTF-8''${encodeExtValue(unicodeStem(name, 'export'))}.${extension}`
}

/**
 * Rows of one worksheet of an .xlsx workbook. An .xlsx is a zip, so it is first walked with the same
 * entry and size checks as any zip before exceljs (which has no such limits) parses it in memory.
 */
import ExcelJS from 'exceljs'
import { ImportInputError, type InputRow } from '../import-types.js'
import { cellText } from './cell-text.js'
import type { InputLimits } from './input-limits.js'
import { checkHeader, quoteList, raggedRow, toValues } from './row-shape.js'
import { openZipBuffer } from './zip-archive.js'
import { errorText } from './zip-entry-guard.js'

const BATCH_ROWS = 1000

export interface WorksheetOptions {
  columns: readonly string[]
  /** Worksheet name; the first worksheet when absent. */
  sheet?: string
  /** 1-based row of the header; rows above it (titles) are skipped. */
  headerRow: number
}

/** Yields the worksheet's rows in batches of up to BATCH_ROWS. */
export async function* readWorksheetBatches(
  file: string,
  bytes: Buffer,
  options: WorksheetOptions,
  limits: InputLimits,
): AsyncGenerator<InputRow[]> {
  await vetWorkbook(file, bytes, limits)
  const worksheet = await loadWorksheet(file, bytes, options.sheet)
  const header = rowTexts(worksheet.getRow(options.headerRow), worksheet.columnCount)
  while (header.length > 0 && header[header.length - 1] === '') header.pop()
  const shape = checkHeader(file, options.headerRow, header, options.columns)
  let batch: InputRow[] = []
  for (let number = options.headerRow + 1; number <= worksheet.rowCount; number++) {
    const cells = rowTexts(worksheet.getRow(number), worksheet.columnCount)
    if (cells.every((cell) => cell === '')) continue
    // A value to the right of the header is a ragged row; empty cells there are only formatting.
    const lastFilled = cells.findLastIndex((cell) => cell !== '')
    if (lastFilled >= shape.width) throw raggedRow(file, number, lastFilled + 1, shape)
    while (cells.length < shape.width) cells.push('')
    batch.push({ file, line: number, values: toValues(shape, cells) })
    if (batch.length >= BATCH_ROWS) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}

/** Decompresses every part once under the zip limits, so a workbook bomb fails before exceljs sees it. */
async function vetWorkbook(file: string, bytes: Buffer, limits: InputLimits): Promise<void> {
  const archive = await openZipBuffer(bytes, file, limits)
  try {
    for (const entry of archive.entries) {
      for await (const chunk of archive.read(entry)) void chunk
    }
  } finally {
    archive.close()
  }
}

async function loadWorksheet(file: string, bytes: Buffer, sheet: string | undefined): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook()
  try {
    // exceljs types its input as an ArrayBuffer (its own `Buffer` declaration); JSZip reads either.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer)
  } catch (error) {
    throw new ImportInputError(file, `is not a readable .xlsx workbook (${errorText(error)})`)
  }
  const worksheet = sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheet)
  if (!worksheet) {
    const names = quoteList(workbook.worksheets.map((each) => each.name))
    throw new ImportInputError(file, `has no worksheet ${JSON.stringify(sheet ?? '')}; it has ${names}`)
  }
  return worksheet
}

function rowTexts(row: ExcelJS.Row, width: number): string[] {
  const texts: string[] = []
  for (let column = 1; column <= width; column++) texts.push(cellText(row.getCell(column).value))
  return texts
}

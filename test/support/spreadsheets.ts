/** Reading exports back in tests: CSV fields, XLSX cells, and the formula payloads of SECURITY.md F4. */
import ExcelJS from 'exceljs'

/** SECURITY.md F4's payloads, plus the full-width forms and a CR start. */
export const FORMULA_PAYLOADS = [
  '=HYPERLINK("http://evil.example","click")', '@SUM(1+1)*cmd|\' /C calc\'!A0', '-2+3', '+1', '\t=1', '\r=1',
  '＝1+1', '＋1', '－1', '＠SUM(1)', '=cmd|\' /C calc\'!A0',
]

/** Splits RFC 4180 CSV into fields (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const body = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') { field += '"'; i++ } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') { row.push(field); field = '' } else if (c === '\r' && body[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++ } else field += c
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row) }
  return rows
}

/** Every cell of every worksheet of an XLSX file, as the spreadsheet holds it (formulas as `=…`). */
export async function xlsxCells(bytes: Buffer): Promise<{ text: string[]; formulas: number; numbers: number[] }> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as unknown as ArrayBuffer)
  const text: string[] = []
  const numbers: number[] = []
  let formulas = 0
  book.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => {
    if (cell.type === ExcelJS.ValueType.Formula) formulas++
    else if (typeof cell.value === 'number') numbers.push(cell.value)
    else text.push(String(cell.value))
  })))
  return { text, formulas, numbers }
}

import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  collect,
  inputError,
  makeTempDir,
  reason,
  type TempDir,
} from '../../../../test/fixtures/import-input/helpers.js'
import { buildZip } from '../../../../test/fixtures/import-input/raw-zip.js'
import { cellText } from './cell-text.js'
import { openInput } from './open-input.js'

let tmp: TempDir
let workbookPath: string
const COLUMNS = ['2024 National Employment Matrix title', '2024 National Employment Matrix code', 'Employment, 2024']

/** Shaped like BLS occupation.xlsx: an index sheet, then a table with a title row above its header. */
async function writeProjections(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.addWorksheet('Index').addRow(['Table 1.2 Occupational projections'])
  const sheet = workbook.addWorksheet('Table 1.2')
  sheet.addRow([
    { richText: [{ text: 'Table 1.2 Occupational projections, ' }, { text: '(Employment in thousands)' }] },
  ])
  sheet.mergeCells('A1:E1')
  sheet.addRow([...COLUMNS, 'Median annual wage, dollars, 2024[1] ', 'Related OOH content'])
  sheet.addRow(['Total, all occupations', '00-0000', 169956.1, 49500, '—'])
  sheet.addRow([
    '  Chief executives',
    '11-1011',
    309.4,
    206420,
    { text: 'OOH Content', hyperlink: 'https://www.bls.gov/ooh/' },
  ])
  sheet.addRow([])
  sheet.addRow(['  Computed', '11-9999', { formula: 'C3*2', result: 339912.2 }, 1234567890123, null])
  sheet.addRow(['  Tiny and dated', '11-9998', 0.0000001, new Date(Date.UTC(2024, 4, 1)), true])
  sheet.addRow(['Source: Employment Projections program'])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

beforeAll(async () => {
  tmp = await makeTempDir()
  workbookPath = await tmp.write('occupation.xlsx', await writeProjections())
})
afterAll(() => tmp.remove())

async function read(options: { sheet?: string; headerRow?: number; columns?: string[] }) {
  const input = await openInput(workbookPath)
  try {
    return await collect(input.rows('occupation.xlsx', { columns: COLUMNS, ...options }))
  } finally {
    await input.close()
  }
}

describe('xlsx worksheets', () => {
  it('reads a sheet by name with the header below a title row; line is the worksheet row', async () => {
    const rows = await read({ sheet: 'Table 1.2', headerRow: 2 })
    expect(rows.map((row) => row.line)).toEqual([3, 4, 6, 7, 8])
    expect(rows[0]).toEqual({
      file: 'occupation.xlsx',
      line: 3,
      values: {
        '2024 National Employment Matrix title': 'Total, all occupations',
        '2024 National Employment Matrix code': '00-0000',
        'Employment, 2024': '169956.1',
        'Median annual wage, dollars, 2024[1]': '49500',
        'Related OOH content': '—',
      },
    })
  })

  it('turns cells into plain strings: links, formulas, big and tiny numbers, dates, empty cells', async () => {
    const rows = await read({ sheet: 'Table 1.2', headerRow: 2 })
    expect(rows[1]?.values['Related OOH content']).toBe('OOH Content')
    expect(rows[2]?.values).toMatchObject({
      'Employment, 2024': '339912.2',
      'Median annual wage, dollars, 2024[1]': '1234567890123',
    })
    expect(rows[2]?.values['Related OOH content']).toBe('')
    expect(rows[3]?.values).toMatchObject({
      'Employment, 2024': '0.0000001',
      'Median annual wage, dollars, 2024[1]': '2024-05-01',
      'Related OOH content': 'TRUE',
    })
    expect(rows[4]?.values['2024 National Employment Matrix code']).toBe('') // footer row, padded to the header
  })

  it('lists the worksheets when the sheet is missing', async () => {
    const error = await inputError(read({ sheet: 'Table 9.9', headerRow: 2 }))
    expect(reason(error)).toBe('has no worksheet "Table 9.9"; it has "Index", "Table 1.2"')
  })

  it('reports missing columns when the header row is wrong', async () => {
    const error = await inputError(read({ sheet: 'Table 1.2', headerRow: 1 }))
    expect(error.line).toBe(1)
    expect(reason(error)).toMatch(/^missing column\(s\) "2024 National Employment Matrix title"/)
  })

  it('reports a value to the right of the header as a ragged row', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Data')
    sheet.addRows([
      ['code', 'title'],
      ['1', 'one'],
      ['2', 'two', 'stray'],
    ])
    const path = await tmp.write('ragged.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()))
    const input = await openInput(path)
    const error = await inputError(collect(input.rows('ragged.xlsx', { columns: ['code'] })))
    expect([error.line, reason(error)]).toEqual([3, 'row has 3 field(s) but the header has 2 columns'])
    await input.close()
  })

  it('vets the workbook as a zip first: a bomb never reaches exceljs', async () => {
    const bomb = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(3 * 1024 * 1024) }])
    const path = await tmp.write('bomb.xlsx', bomb)
    const input = await openInput(path, { maxEntryBytes: 1024 * 1024 })
    const error = await inputError(collect(input.rows('bomb.xlsx', { columns: [] })))
    expect(reason(error)).toMatch(/per-entry limit/)
    await input.close()
  })

  it('refuses a file that is not a workbook', async () => {
    const path = await tmp.write('fake.xlsx', buildZip([{ name: 'hello.txt', data: 'hi' }]))
    const input = await openInput(path)
    expect(reason(await inputError(collect(input.rows('fake.xlsx', { columns: [] }))))).toMatch(
      /readable .xlsx|no worksheet/,
    )
    await input.close()
  })
})

describe('cellText', () => {
  it.each([
    [null, ''],
    [1234567.5, '1234567.5'],
    [1e21, '1000000000000000000000'],
    [0.1, '0.1'],
    [{ error: '#N/A' as const }, '#N/A'],
    [{ sharedFormula: 'A1', result: 7 }, '7'],
    [new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), '2024-01-02T03:04:05.000Z'],
  ])('turns %o into %s', (value, text) => {
    expect(cellText(value)).toBe(text)
  })
})

import { describe, expect, it } from 'vitest'
import { FORMULA_PAYLOADS, parseCsv, xlsxCells } from '../../../test/support/spreadsheets.js'
import { attachment, couldBeFormula, neutralise, toCsv, toXlsx } from './spreadsheet.js'

describe('spreadsheet exports', () => {
  it('prefix every formula start, half- and full-width, and nothing else', () => {
    for (const p of FORMULA_PAYLOADS) {
      expect(neutralise(p)).toBe(`'${p}`)
      expect(couldBeFormula(neutralise(p))).toBe(false)
    }
    for (const plain of ['Back-End Developer', 'C++', '1-2 years', '', "'quoted"]) expect(neutralise(plain)).toBe(plain)
  })

  it('write CSV whose every field is literal, quoted by RFC 4180 after neutralising', () => {
    const csv = toCsv({ header: ['name', 'count'], rows: [...FORMULA_PAYLOADS.map((p) => [p, 3]), ['a "quoted", multi\r\nline', null]] })
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const rows = parseCsv(csv)
    expect(rows[0]).toEqual(['name', 'count'])
    expect(rows).toHaveLength(FORMULA_PAYLOADS.length + 2)
    for (const row of rows) for (const field of row) expect(couldBeFormula(field), field).toBe(false)
    expect(rows[1]).toEqual([`'${FORMULA_PAYLOADS[0]}`, '3'])
    expect(rows.at(-1)).toEqual(['a "quoted", multi\r\nline', ''])
  })

  it('write XLSX with no formula cell, neutralised text and real numbers', async () => {
    const bytes = await toXlsx([{ name: 'Report: 2026/27', header: ['=name', 'n'], rows: FORMULA_PAYLOADS.map((p, i) => [p, i]) }])
    const cells = await xlsxCells(bytes)
    expect(cells.formulas).toBe(0)
    expect(cells.numbers).toEqual(FORMULA_PAYLOADS.map((_, i) => i))
    expect(cells.text).toContain("'=name")
    for (const t of cells.text) expect(couldBeFormula(t), t).toBe(false)
    expect(cells.text.filter((t) => t.startsWith("'"))).toHaveLength(FORMULA_PAYLOADS.length + 1)
  })

  it('name downloads safely', () => {
    expect(attachment('Cohort "A"; 2026/27 Zoë', 'csv')).toBe(`attachment; filename="Cohort-A-2026-27-Zoe.csv"; filename*=UTF-8''Cohort-A-2026-27-Zo%C3%AB.csv`)
  })
})

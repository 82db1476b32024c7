import { describe, expect, it } from 'vitest'
import type { InputRow } from '../../import-types.js'
import { normaliseCip, sixDigitCip, unwrapExcelText } from './cip-codes.js'
import { readPair } from './cip-soc-rows.js'

describe('CIP codes', () => {
  it('strips Excel\'s ="…" wrapper', () => {
    expect(unwrapExcelText('="01.0000"')).toBe('01.0000')
    expect(unwrapExcelText(' 11.0201 ')).toBe('11.0201')
  })

  it('normalises crosswalk codes to NN.NNNN, restoring zeros a spreadsheet dropped', () => {
    expect(['01.0000', '="11.0201"', '1.0000', '1', '1.1', '11.02', '9.9999'].map(normaliseCip)).toEqual([
      '01.0000', '11.0201', '01.0000', '01.0000', '01.1000', '11.0200', '09.9999',
    ])
  })

  it('refuses what is not a CIP code', () => {
    expect(['', 'NO MATCH', '123.4', '01.00001', '01-0000'].map(normaliseCip)).toEqual([null, null, null, null, null])
  })

  it('takes only six-digit codes from the code list, not families or series', () => {
    expect(['="01"', '="01.00"', '="01.0000"', '01.0101'].map(sixDigitCip)).toEqual([null, null, '01.0000', '01.0101'])
  })
})

describe('readPair', () => {
  const row = (values: Record<string, string>): InputRow => ({
    file: 'CIP2020_SOC2018_Crosswalk.csv', line: 4,
    values: { CIP2020Code: '11.0201', CIP2020Title: 'Computer Programming/Programmer, General.', SOC2018Code: '15-1252', ...values },
  })

  it('reads a pair', () => {
    expect(readPair(row({}))).toEqual({ kind: 'pair', soc: '15-1252', cip: '11.0201', title: 'Computer Programming/Programmer, General.' })
  })

  it('recognises the two NO MATCH placeholders', () => {
    expect(readPair(row({ SOC2018Code: '99-9999' }))).toEqual({ kind: 'no-soc' })
    expect(readPair(row({ CIP2020Code: '99.9999' }))).toEqual({ kind: 'no-cip' })
  })

  it('names file, line and column of a malformed code', () => {
    expect(() => readPair(row({ SOC2018Code: '151252' }))).toThrow('CIP2020_SOC2018_Crosswalk.csv:4: column SOC2018Code: "151252" is not a SOC code')
    expect(() => readPair(row({ CIP2020Code: 'x' }))).toThrow('column CIP2020Code: "x" is not a CIP code')
  })
})

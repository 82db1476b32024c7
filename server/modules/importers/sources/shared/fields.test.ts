import { describe, expect, it } from 'vitest'
import { ImportInputError, type InputRow } from '../../import-types.js'
import { flagField, integerField, numberField, optionalText, text, unwrapQuoted } from './fields.js'

const row = (values: Record<string, string>): InputRow => ({ file: 'Skills.txt', line: 7, values })

describe('fields', () => {
  it('reads text, numbers, whole numbers and Y/N flags', () => {
    const r = row({ Title: ' A ', 'Data Value': '4.12', Category: '3.0', Hot: 'Y', Blank: '' })
    expect(text(r, 'Title')).toBe('A')
    expect(optionalText(r, 'Blank')).toBeNull()
    expect(numberField(r, 'Data Value')).toBe(4.12)
    expect(integerField(r, 'Category')).toBe(3)
    expect(flagField(r, 'Hot')).toBe(1)
  })
  it('names file, line and column when a number does not parse', () => {
    const bad = row({ 'Data Value': 'n/a' })
    expect(() => numberField(bad, 'Data Value')).toThrow(ImportInputError)
    expect(() => numberField(bad, 'Data Value')).toThrow('Skills.txt:7: column "Data Value": expected a number, found "n/a"')
    expect(() => numberField(row({ 'Data Value': '' }), 'Data Value')).toThrow('expected a number')
    expect(() => integerField(row({ Index: '1.5' }), 'Index')).toThrow('expected a whole number')
    expect(() => flagField(row({ Hot: 'yes' }), 'Hot')).toThrow('expected Y or N')
  })
})

describe('unwrapQuoted', () => {
  it('undoes the CSV quoting O*NET uses for cells with quotes, and leaves decoded text alone', () => {
    expect(unwrapQuoted('"Conduct ""head counts"" to help."')).toBe('Conduct "head counts" to help.')
    expect(unwrapQuoted('Conduct "head counts" to help.')).toBe('Conduct "head counts" to help.')
    expect(unwrapQuoted('"preflight" check and "trains"')).toBe('"preflight" check and "trains"')
    expect(unwrapQuoted('"')).toBe('"')
  })
})

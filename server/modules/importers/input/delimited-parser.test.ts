import { describe, expect, it } from 'vitest'
import { inputError } from '../../../../test/fixtures/import-input/helpers.js'
import { DelimitedParser, type RawRecord } from './delimited-parser.js'

/** Parses `text` fed in pieces of `size` characters. */
function parse(text: string, size = text.length, delimiter = ',', quoting = true): RawRecord[] {
  const parser = new DelimitedParser('t.csv', delimiter, quoting, 1 << 20)
  const records: RawRecord[] = []
  for (let at = 0; at < text.length; at += size) records.push(...parser.push(text.slice(at, at + size)))
  records.push(...parser.end())
  return records
}

/** A small deterministic generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
}

const PIECES = ['a', 'b', ' ', ',', ';', '"', '\n', '\r\n', 'é', '𝄞', '\t', 'xyz']

function randomField(next: () => number): string {
  const length = Math.floor(next() * 6)
  return Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]).join('')
}

/** RFC 4180 writer: quote when needed, double the quotes. */
function stringify(rows: string[][]): string {
  const cell = (value: string) => (/[",\r\n]/.test(value) || value === '' ? `"${value.replace(/"/g, '""')}"` : value)
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n'
}

describe('DelimitedParser', () => {
  const tricky = 'a,b,c\r\n"x, y","say ""hi""","multi\nline"\n1,,3\n\n"",2,"3"\n'

  it('parses RFC 4180 quoting with the line each record starts on', () => {
    expect(parse(tricky)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'multi\nline'] },
      { line: 4, fields: ['1', '', '3'] },
      { line: 6, fields: ['', '2', '3'] },
    ])
  })

  it('gives the same records however the text is split into chunks', () => {
    const whole = parse(tricky)
    for (let size = 1; size <= tricky.length; size++) expect(parse(tricky, size)).toEqual(whole)
  })

  it('round-trips random rows written by an RFC 4180 writer, in any chunking', () => {
    const next = random(20_240_601)
    for (let trial = 0; trial < 200; trial++) {
      const width = 1 + Math.floor(next() * 4)
      const rows = Array.from({ length: 1 + Math.floor(next() * 5) }, () =>
        Array.from({ length: width }, () => randomField(next)),
      )
      const text = stringify(rows)
      const size = 1 + Math.floor(next() * 40)
      expect(parse(text, size).map((record) => record.fields)).toEqual(rows)
    }
  })

  it('treats quotes as text when quoting is off (tab-delimited O*NET)', () => {
    expect(parse('a\tb\n"x\t5" wide\n', 3, '\t', false)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['"x', '5" wide'] },
    ])
  })

  it('keeps quotes inside an unquoted field', () => {
    expect(parse('a,b\n5" wide,="01"\n')[1]?.fields).toEqual(['5" wide', '="01"'])
  })

  it('counts lines after a multi-line record for the rows that follow', () => {
    expect(parse('h\n"1\n2\n3"\nnext\n', 2).map((record) => record.line)).toEqual([1, 2, 5])
  })

  it('reports an unterminated quote with the line and column where it opens', async () => {
    const error = await inputError(Promise.resolve().then(() => parse('a,b\n1,2\nok,"abc\ndef\n', 4)))
    expect([error.line, error.column]).toEqual([3, 4])
  })

  it('counts the column of an error in characters, not bytes or UTF-16 units', async () => {
    const error = await inputError(Promise.resolve().then(() => parse('a,b,c\n𝄞é,x,"open')))
    expect([error.line, error.column]).toEqual([2, 6])
  })
})

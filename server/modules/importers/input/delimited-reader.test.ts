import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  collect,
  fixturesDir,
  inputError,
  makeTempDir,
  reason,
  type TempDir,
} from '../../../../test/fixtures/import-input/helpers.js'
import type { ReadOptions } from '../import-types.js'
import type { InputLimits } from './input-limits.js'
import { openInput } from './open-input.js'

let tmp: TempDir
beforeAll(async () => void (tmp = await makeTempDir()))
afterAll(() => tmp.remove())

let counter = 0
/** Writes `content` to a fresh file and reads its rows. */
async function readRows(
  name: string,
  content: string | Buffer,
  options: Partial<ReadOptions> = {},
  limits?: Partial<InputLimits>,
) {
  const path = await tmp.write(`${++counter}-${name}`, content)
  const input = await openInput(path, limits)
  try {
    return await collect(input.rows(`${counter}-${name}`, { columns: [], ...options }))
  } finally {
    await input.close()
  }
}

async function fixtureRows(name: string, options: ReadOptions) {
  const input = await openInput(join(fixturesDir, 'csv', name))
  try {
    return await collect(input.rows(name, options))
  } finally {
    await input.close()
  }
}

describe('delimited files: reading', () => {
  it('reads tab-delimited O*NET text, where a quote is an ordinary character', async () => {
    const input = await openInput(join(fixturesDir, 'onet-mini'))
    const rows = await collect(input.rows('Occupation Data.txt', { columns: ['O*NET-SOC Code', 'Title'] }))
    await input.close()
    expect(rows.map((row) => row.line)).toEqual([2, 3, 4])
    expect(rows[1]?.values.Description).toBe('Research, design, and develop "computer" software.')
  })

  it('handles quoted fields with commas, doubled quotes and newlines; line is where the row starts', async () => {
    const rows = await fixtureRows('quoted.csv', { columns: ['conceptUri', 'altLabels'] })
    expect(rows).toEqual([
      {
        file: 'quoted.csv',
        line: 2,
        values: {
          conceptUri: 'http://example.org/occ/1',
          preferredLabel: 'technical director',
          altLabels: 'head of technical\ntechnical manager',
          description: 'Directs the "technical" side, including lights, sound and sets.',
        },
      },
      {
        file: 'quoted.csv',
        line: 4,
        values: {
          conceptUri: 'http://example.org/occ/2',
          preferredLabel: 'nurse',
          altLabels: '',
          description: 'Cares for patients; works in shifts',
        },
      },
      {
        file: 'quoted.csv',
        line: 5,
        values: {
          conceptUri: 'http://example.org/occ/3',
          preferredLabel: 'baker, artisan',
          altLabels: 'bread maker',
          description: '',
        },
      },
    ])
  })

  it('reads a semicolon file with a BOM and CRLF line ends', async () => {
    const rows = await fixtureRows('semicolon.csv', { columns: ['soc2010_code', 'soc2019_code'], delimiter: ';' })
    expect(rows.map((row) => row.values)).toEqual([
      {
        soc2010_code: '11-1011.00',
        soc2010_title: 'Chief Executives',
        soc2019_code: '11-1011.00',
        soc2019_title: 'Chief Executives',
      },
      {
        soc2010_code: '15-1132.00',
        soc2010_title: 'Software Developers, Applications',
        soc2019_code: '15-1252.00',
        soc2019_title: 'Software Developers',
      },
    ])
  })

  it('strips a UTF-8 BOM so the first column keeps its name', async () => {
    const rows = await readRows('bom.csv', '\uFEFFcode,title\n1,Café\n', { columns: ['code'] })
    expect(rows[0]?.values).toEqual({ code: '1', title: 'Café' })
  })

  it('ignores empty lines, trailing ones included', async () => {
    const rows = await readRows('blank.csv', 'a,b\n1,2\n\n3,4\r\n\r\n\n', { columns: ['a'] })
    expect(rows.map((row) => [row.line, row.values.a])).toEqual([
      [2, '1'],
      [4, '3'],
    ])
  })

  it('reads a last line without a line break', async () => {
    const rows = await readRows('no-eol.csv', 'a,b\n1,"2"', { columns: ['a'] })
    expect(rows[0]?.values).toEqual({ a: '1', b: '2' })
  })

  it('skips title lines above headerRow', async () => {
    const rows = await readRows('titled.csv', 'Table 1\n\ncode,value\nx,1\n', { columns: ['code'], headerRow: 3 })
    expect(rows).toEqual([
      { file: expect.stringMatching(/titled.csv$/) as unknown as string, line: 4, values: { code: 'x', value: '1' } },
    ])
  })

  it('drops a footer of one-field note lines at the end (BEA files)', async () => {
    const rows = await fixtureRows('footer.csv', { columns: ['GeoFIPS', 'GeoName'] })
    expect(rows.map((row) => row.values.GeoName)).toEqual([
      'United States',
      'Abilene, TX (Metropolitan Statistical Area)',
    ])
    expect(rows[0]?.values.GeoFIPS).toBe(' "00000"') // an unquoted field keeps its quotes (RFC 4180)
  })

  it('keeps a stray quote inside a quoted field as text (NCES CIPCode2020.csv)', async () => {
    const rows = await readRows('stray.csv', 'a,b\n"titled "Security" in CIP.",x\n', { columns: ['a'] })
    expect(rows[0]?.values).toEqual({ a: 'titled "Security" in CIP.', b: 'x' })
  })
})

describe('delimited files: errors name the file, line and column', () => {
  it('lists the missing columns and the columns found', async () => {
    const error = await inputError(
      readRows('cols.csv', 'code, title \n1,x\n', { columns: ['code', 'title', 'wage', 'zone'] }),
    )
    expect(error.file).toMatch(/cols.csv$/)
    expect(error.line).toBe(1)
    expect(reason(error)).toBe('missing column(s) "wage", "zone"; the header has "code", "title"')
  })

  it('reports a ragged row with its line and field count', async () => {
    const error = await inputError(readRows('ragged.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8\n', { columns: ['a'] }))
    expect([error.line, reason(error)]).toEqual([3, 'row has 2 field(s) but the header has 3 columns'])
  })

  it('reports a one-field line that is followed by data as ragged', async () => {
    const error = await inputError(readRows('note-mid.csv', 'a,b\n1,2\nnote\n3,4\n', { columns: ['a'] }))
    expect([error.line, reason(error)]).toEqual([3, 'row has 1 field(s) but the header has 2 columns'])
  })

  it('reports a row with too many fields', async () => {
    const error = await inputError(readRows('wide.tsv', 'a\tb\n1\t2\t3\n', { columns: ['a'] }))
    expect([error.line, reason(error)]).toEqual([2, 'row has 3 field(s) but the header has 2 columns'])
  })

  it('reports invalid UTF-8 in the middle of a file with line and column', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('code,title\n1,Café\n2,Na'),
      Buffer.from([0xef, 0x76]),
      Buffer.from('e\n'),
    ])
    const error = await inputError(readRows('latin1.csv', latin1, { columns: ['code'] }))
    expect([error.line, error.column]).toEqual([3, 5])
    expect(error.message).toMatch(/not valid UTF-8/)
    expect(error.file).toMatch(/latin1.csv$/)
  })

  it('reports invalid UTF-8 far into a large file, past the first chunks', async () => {
    const body = 'id\tname\n' + Array.from({ length: 50_000 }, (_, i) => `${i}\tnaïve ${i}`).join('\n')
    const bad = Buffer.concat([Buffer.from(body + '\n50000\tcaf'), Buffer.from([0xe9]), Buffer.from('\n')])
    const error = await inputError(readRows('big-latin1.txt', bad, { columns: ['id'] }))
    expect([error.line, error.column]).toEqual([50_002, 10])
  })

  it('reports an unterminated quote where it opens', async () => {
    const error = await inputError(readRows('open.csv', 'a,b\n1,2\n3,"never closed\n4,5\n', { columns: ['a'] }))
    expect([error.line, error.column]).toEqual([3, 3])
    expect(error.message).toMatch(/unterminated quote/)
  })

  it('stops an unterminated quote from buffering the rest of a large file', async () => {
    const text = 'a,b\n1,"open\n' + 'x,y\n'.repeat(20_000)
    const error = await inputError(readRows('runaway.csv', text, { columns: ['a'] }, { maxRowChars: 10_000 }))
    expect([error.line, reason(error)]).toEqual([2, 'row is longer than 10000 characters (is a quote left open?)'])
  })

  it('reports an empty file', async () => {
    expect((await inputError(readRows('empty.csv', '\n\n', { columns: ['a'] }))).message).toMatch(/no header line/)
  })

  it('refuses a required column given twice and a column named __proto__', async () => {
    expect((await inputError(readRows('dup.csv', 'a,a\n1,2\n', { columns: ['a'] }))).message).toMatch(
      /"a" appear more than once/,
    )
    expect((await inputError(readRows('proto.csv', '__proto__,a\n1,2\n', { columns: ['a'] }))).message).toMatch(
      /__proto__/,
    )
  })
})

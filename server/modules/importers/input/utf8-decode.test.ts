import { describe, expect, it } from 'vitest'
import { inputError } from '../../../../test/fixtures/import-input/helpers.js'
import { decodeUtf8, firstInvalidUtf8 } from './utf8-decode.js'

async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size)
}

async function decode(bytes: Uint8Array, size = bytes.length): Promise<string> {
  let text = ''
  for await (const piece of decodeUtf8('f.csv', pieces(bytes, size))) text += piece
  return text
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'))
const join = (...parts: (string | number[])[]) =>
  new Uint8Array(
    Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part)))),
  )

describe('decodeUtf8', () => {
  it('decodes characters split across chunks of any size', async () => {
    const text = 'naïve café 𝄞 日本\nzweite Zeile ü'
    for (let size = 1; size <= 8; size++) expect(await decode(utf8(text), size)).toBe(text)
  })

  it('drops a leading byte-order mark only', async () => {
    expect(await decode(utf8('\uFEFFa\uFEFFb'), 1)).toBe('a\uFEFFb')
  })

  it.each([1, 2, 3, 64])('reports line and column of a Latin-1 byte (chunks of %i bytes)', async (size) => {
    const bytes = join('line one\nsecond ü line\ncaf', [0xe9], '\n')
    const error = await inputError(decode(bytes, size))
    expect([error.file, error.line, error.column]).toEqual(['f.csv', 3, 4])
  })

  it('reports a sequence cut short by the next character at its first byte', async () => {
    const error = await inputError(decode(join('ab\nxy', [0xe2, 0x82], 'z'), 1))
    expect([error.line, error.column]).toEqual([2, 3])
  })

  it('counts a leading BOM out of the column', async () => {
    const error = await inputError(decode(join('\uFEFFab', [0xff])))
    expect([error.line, error.column]).toEqual([1, 3])
  })

  it('reports a file that ends in the middle of a character', async () => {
    const error = await inputError(decode(join('ok\nab', [0xf0, 0x9d])))
    expect([error.line, error.column]).toEqual([2, 3])
    expect(error.message).toMatch(/ends in the middle of a UTF-8 character/)
  })
})

describe('firstInvalidUtf8', () => {
  it.each([
    ['valid text', join('aé𝄞'), -1],
    ['a truncated sequence at the end', join('a', [0xe2, 0x82]), -1],
    ['an overlong encoding', join('a', [0xc0, 0xaf]), 1],
    ['a surrogate', join('ab', [0xed, 0xa0, 0x80]), 2],
    ['a code point above U+10FFFF', join([0xf4, 0x90, 0x80, 0x80]), 0],
    ['a stray continuation byte', join('abc', [0x80]), 3],
  ])('finds %s', (_, bytes, expected) => {
    expect(firstInvalidUtf8(bytes)).toBe(expected)
  })
})

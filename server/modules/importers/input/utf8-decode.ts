/**
 * Strict streaming UTF-8 decoding. A file in another encoding (Latin-1, Windows-1252) must stop the import
 * with the line and column of the first bad byte rather than turn into U+FFFD in the catalogue.
 * A leading byte-order mark is dropped.
 */
import { ImportInputError } from '../import-types.js'

/** Where the next decoded character sits: 1-based line, 1-based column counted in characters. */
class Position {
  line = 1
  column = 1

  advance(text: string): void {
    const lastBreak = text.lastIndexOf('\n')
    if (lastBreak < 0) {
      this.column += countCodePoints(text, 0)
      return
    }
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.line++
    this.column = 1 + countCodePoints(text, lastBreak + 1)
  }
}

function countCodePoints(text: string, from: number): number {
  let count = 0
  for (let i = from; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0xdc00 || unit > 0xdfff) count++ // a low surrogate completes a character already counted
  }
  return count
}

/** Index of the first byte that starts an invalid sequence; a sequence cut off by the end is not invalid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const lead = bytes[i] as number
    if (lead < 0x80) {
      i++
      continue
    }
    const shape = sequenceShape(lead)
    if (!shape) return i
    for (let k = 1; k <= shape.continuations; k++) {
      if (i + k >= bytes.length) return -1
      const next = bytes[i + k] as number
      // Only the first continuation byte has a narrowed range; the others are always 80..BF.
      const [low, high] = k === 1 ? [shape.low, shape.high] : [0x80, 0xbf]
      if (next < low || next > high) return i
    }
    i += shape.continuations + 1
  }
  return -1
}

/** Continuation count and the range allowed for the first continuation byte (no overlongs, no surrogates). */
function sequenceShape(lead: number): { continuations: number; low: number; high: number } | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) return { continuations: 1, low: 0x80, high: 0xbf }
  if (lead >= 0xe0 && lead <= 0xef) {
    return { continuations: 2, low: lead === 0xe0 ? 0xa0 : 0x80, high: lead === 0xed ? 0x9f : 0xbf }
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    return { continuations: 3, low: lead === 0xf0 ? 0x90 : 0x80, high: lead === 0xf4 ? 0x8f : 0xbf }
  }
  return undefined
}

/** The bytes at the end of `bytes` that begin a character not yet complete (what the decoder holds back). */
function incompleteTail(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] as number
    if ((byte & 0xc0) === 0x80) continue
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1
    return length > back ? bytes.slice(bytes.length - back) : new Uint8Array(0)
  }
  return new Uint8Array(0)
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b
  const joined = new Uint8Array(a.length + b.length)
  joined.set(a)
  joined.set(b, a.length)
  return joined
}

/** Decodes the chunks as UTF-8, yielding text; throws ImportInputError at the first invalid byte. */
export async function* decodeUtf8(file: string, chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const position = new Position()
  let pending: Uint8Array = new Uint8Array(0)
  let atStart = true
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue
    let text: string
    try {
      text = decoder.decode(chunk, { stream: true })
    } catch {
      throw invalidAt(file, position, concat(pending, chunk), atStart)
    }
    pending = incompleteTail(chunk.length > 3 ? chunk : concat(pending, chunk))
    atStart = false
    position.advance(text)
    if (text.length > 0) yield text
  }
  try {
    const rest = decoder.decode()
    if (rest.length > 0) yield rest
  } catch {
    throw encodingError(file, position, 'the file ends in the middle of a UTF-8 character')
  }
}

function invalidAt(file: string, position: Position, bytes: Uint8Array, atStart: boolean): ImportInputError {
  const bad = firstInvalidUtf8(bytes)
  const validPart = bad < 0 ? bytes : bytes.subarray(0, bad)
  let text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(validPart)
  if (atStart && text.startsWith('\uFEFF')) text = text.slice(1)
  position.advance(text)
  return encodingError(file, position, 'is not valid UTF-8 (wrong encoding? save the file as UTF-8)')
}

function encodingError(file: string, position: Position, message: string): ImportInputError {
  return new ImportInputError(file, message, position.line, position.column)
}

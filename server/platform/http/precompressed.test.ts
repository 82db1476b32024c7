import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { negotiateEncoding, precompressed } from './precompressed.js'

describe('negotiateEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['identity', 'identity'],
    ['GZIP;q=0.5', 'gzip'],
  ])('for %j picks %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected)
  })
})

describe('precompressed', () => {
  it('gives back the same content in every encoding and reuses what it compressed', () => {
    const body = JSON.stringify({ text: 'x'.repeat(5000) })
    const p = precompressed(body, '"e"')
    expect(p.bytes('identity').toString()).toBe(body)
    expect(brotliDecompressSync(p.bytes('br')).toString()).toBe(body)
    expect(gunzipSync(p.bytes('gzip')).toString()).toBe(body)
    expect(p.bytes('br')).toBe(p.bytes('br'))
    expect(p.bytes('br').length).toBeLessThan(body.length / 10)
  })
})

import { describe, expect, it } from 'vitest'
import { inputError } from '../../../../test/fixtures/import-input/helpers.js'
import { resolveLimits } from './input-limits.js'
import { guardEntry } from './zip-entry-guard.js'

async function* chunks(count: number, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < count; i++) yield Buffer.alloc(size)
}

async function drain(source: AsyncIterable<Buffer>): Promise<number> {
  let bytes = 0
  for await (const chunk of source) bytes += chunk.length
  return bytes
}

const entry = (uncompressedSize: number, compressedSize: number) => ({
  path: 'x.csv',
  uncompressedSize,
  compressedSize,
})

describe('guardEntry counts the bytes actually produced', () => {
  it('passes an honest entry through', async () => {
    expect(await drain(guardEntry(chunks(4, 1000), entry(4000, 2000), 'a.zip', resolveLimits()))).toBe(4000)
  })

  it('stops once the bytes exceed what the header declared, before reading on', async () => {
    let produced = 0
    async function* endless(): AsyncGenerator<Buffer> {
      for (;;) {
        produced++
        yield Buffer.alloc(1000)
      }
    }
    const error = await inputError(drain(guardEntry(endless(), entry(2500, 100), 'a.zip', resolveLimits())))
    expect(error.message).toMatch(/expands beyond the 2500 bytes its header declares/)
    expect(produced).toBe(3)
  })

  it('applies the per-entry limit to the bytes produced', async () => {
    const limits = resolveLimits({ maxEntryBytes: 1500 })
    const error = await inputError(drain(guardEntry(chunks(2, 1000), entry(1_000_000, 999_999), 'a.zip', limits)))
    expect(error.message).toMatch(/per-entry limit/)
  })

  it('applies the ratio limit to the bytes produced once past the floor', async () => {
    const limits = resolveLimits({ ratioFloorBytes: 1000, maxRatio: 10 })
    const error = await inputError(drain(guardEntry(chunks(5, 1000), entry(5000, 100), 'a.zip', limits)))
    expect(error.message).toMatch(/compression ratio exceeds 10:1/)
  })

  it('refuses an entry shorter than declared', async () => {
    const error = await inputError(drain(guardEntry(chunks(1, 10), entry(20, 10), 'a.zip', resolveLimits())))
    expect(error.message).toMatch(/shorter than its header declares/)
  })
})

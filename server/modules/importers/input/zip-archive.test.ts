import { readdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildZip, type RawEntry } from '../../../../test/fixtures/import-input/raw-zip.js'
import { collect, inputError, makeTempDir, type TempDir } from '../../../../test/fixtures/import-input/helpers.js'
import type { InputLimits } from './input-limits.js'
import { openInput } from './open-input.js'

const CSV = 'code,title\n1,one\n'
let tmp: TempDir
beforeAll(async () => void (tmp = await makeTempDir()))
afterAll(() => tmp.remove())

let counter = 0
async function openZip(entries: RawEntry[], limits?: Partial<InputLimits>) {
  const path = await tmp.write(`archive-${++counter}.zip`, buildZip(entries))
  return openInput(path, limits)
}

describe('zip archives: safe ones', () => {
  it('reads entries by base name, including entries in a folder inside the zip', async () => {
    const input = await openZip([
      { name: 'data/', stored: true },
      { name: 'data/occupations_en.csv', data: CSV },
      { name: 'readme.txt', data: 'plain', stored: true },
    ])
    expect(input.names()).toEqual(['occupations_en.csv', 'readme.txt'])
    const rows = await collect(input.rows('occupations_en.csv', { columns: ['code'] }))
    expect(rows).toEqual([{ file: 'occupations_en.csv', line: 2, values: { code: '1', title: 'one' } }])
    await input.close()
  })

  it('turns a Windows backslash separator into a folder, which is harmless', async () => {
    const input = await openZip([{ name: 'data\\skills.csv', data: CSV }])
    expect(input.names()).toEqual(['skills.csv'])
    await input.close()
  })
})

describe('zip archives: malicious ones are refused when opened', () => {
  const cases: [string, RawEntry, RegExp][] = [
    ['zip slip', { name: '../evil.txt', data: 'x' }, /invalid relative path|climbs out/],
    ['zip slip deeper in the path', { name: 'data/../../evil.txt', data: 'x' }, /invalid relative path|climbs out/],
    ['an absolute path', { name: '/etc/x', data: 'x' }, /absolute path/],
    ['a drive letter', { name: 'C:/Windows/x.csv', data: 'x' }, /absolute path/],
    ['backslashes used as traversal', { name: '..\\..\\evil.txt', data: 'x' }, /invalid relative path|climbs out/],
    ['a NUL in the name', { name: 'ok.csv\0.exe', data: 'x' }, /NUL/],
    ['a symbolic link', { name: 'link.csv', data: '/etc/passwd', stored: true, unixMode: 0o120777 }, /symbolic link/],
    ['a nested zip', { name: 'inner.zip', data: 'PK', stored: true }, /nested archives/],
    ['a nested tarball', { name: 'data/x.tar.gz', data: 'x' }, /nested archives/],
    ['an encrypted entry', { name: 'secret.csv', data: CSV, extraFlags: 1 }, /encrypted/],
  ]
  it.each(cases)('refuses %s', async (_, entry, message) => {
    const error = await inputError(openZip([{ name: 'fine.csv', data: CSV }, entry]))
    expect(error.file).toMatch(/^archive-\d+\.zip$/)
    expect(error.message).toMatch(message)
  })

  it('writes nothing next to the archive while refusing a zip slip', async () => {
    const before = await readdir(dirname(tmp.path))
    await inputError(openZip([{ name: '../evil.txt', data: 'x' }]))
    expect(await readdir(dirname(tmp.path))).toEqual(before)
  })

  it('refuses a file that is not a zip', async () => {
    const path = await tmp.write('broken.zip', 'this is not a zip archive at all')
    expect((await inputError(openInput(path))).message).toMatch(/not a readable zip/)
  })
})

describe('zip archives: bombs are refused', () => {
  const zeros = (mib: number) => Buffer.alloc(mib * 1024 * 1024)

  it('refuses an entry above the per-entry limit (50 MB of zeros)', async () => {
    const error = await inputError(
      openZip([{ name: 'bomb.csv', data: zeros(50) }], { maxEntryBytes: 10 * 1024 * 1024 }),
    )
    expect(error.message).toMatch(/per-entry limit/)
  })

  it('refuses an entry whose compression ratio is above the limit', async () => {
    const error = await inputError(openZip([{ name: 'bomb.csv', data: zeros(5) }]))
    expect(error.message).toMatch(/compression ratio exceeds 100:1/)
  })

  it('lets small, highly compressible entries through (the ratio applies above 1 MiB)', async () => {
    const input = await openZip([{ name: 'small.txt', data: zeros(0.5) }])
    expect(input.has('small.txt')).toBe(true)
    await input.close()
  })

  it('refuses archives above the total-size limit', async () => {
    const entries = ['a', 'b', 'c'].map((name) => ({ name: `${name}.csv`, data: Buffer.alloc(1000, 'x') }))
    const error = await inputError(openZip(entries, { maxTotalBytes: 2500 }))
    expect(error.message).toMatch(/total-size limit/)
  })

  it('refuses archives with too many entries', async () => {
    const entries = Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.csv`, data: CSV }))
    const error = await inputError(openZip(entries, { maxEntries: 10 }))
    expect(error.message).toMatch(/more than 10 entries/)
  })

  it('stops an entry whose header understates its size while streaming it', async () => {
    const input = await openZip([
      { name: 'liar.csv', data: Buffer.concat([Buffer.from(CSV), zeros(5)]), declaredSize: 1000 },
    ])
    const error = await inputError(collect(input.rows('liar.csv', { columns: ['code'] })))
    expect(error.message).toMatch(
      /refused entry "liar.csv": it (expands beyond|is corrupt or its header misstates its size \(too many bytes)/,
    )
    await input.close()
  })
})

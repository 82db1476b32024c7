import { createHash } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  collect,
  fixturesDir,
  inputError,
  makeTempDir,
  type TempDir,
} from '../../../../test/fixtures/import-input/helpers.js'
import { buildZip } from '../../../../test/fixtures/import-input/raw-zip.js'
import { openInput } from './open-input.js'

const onetMini = join(fixturesDir, 'onet-mini')
const sha256 = (...parts: (string | Buffer)[]) => {
  const digest = createHash('sha256')
  for (const part of parts) digest.update(part)
  return digest.digest('hex')
}

let tmp: TempDir
let escoLike: string
beforeAll(async () => {
  tmp = await makeTempDir()
  // Shaped like the ESCO download: two zips side by side, entries inside a folder in one of them.
  escoLike = join(tmp.path, 'esco')
  await mkdir(escoLike)
  await tmp.write('esco/PROVENANCE.md', '# provenance\n')
  await tmp.write(
    'esco/classification.zip',
    buildZip([{ name: 'csv/occupations_en.csv', data: 'conceptUri,preferredLabel\nhttp://x/1,baker\n' }]),
  )
  await tmp.write(
    'esco/relations.zip',
    buildZip([{ name: 'occupationSkillRelations.csv', data: 'occupationUri,skillUri\na,b\n' }]),
  )
})
afterAll(() => tmp.remove())

describe('openInput: what an input holds', () => {
  it('lists the files directly in a folder', async () => {
    const input = await openInput(onetMini)
    expect(input.path).toBe(onetMini)
    expect(input.names()).toEqual(['Occupation Data.txt', 'Skills.txt'])
    expect(input.has('Skills.txt')).toBe(true)
    expect(input.has('Knowledge.txt')).toBe(false)
    await input.close()
  })

  it('reads a single data file given directly', async () => {
    const input = await openInput(join(onetMini, 'Skills.txt'))
    expect(input.names()).toEqual(['Skills.txt'])
    const rows = await collect(input.rows('Skills.txt', { columns: ['O*NET-SOC Code', 'Element ID', 'Data Value'] }))
    expect(rows).toHaveLength(3)
    expect(rows[2]).toEqual({
      file: 'Skills.txt',
      line: 4,
      values: {
        'O*NET-SOC Code': '15-1252.00',
        'Element ID': '2.B.3.e',
        'Element Name': 'Programming',
        'Scale ID': 'IM',
        'Data Value': '4.50',
      },
    })
    await input.close()
  })

  it('sees the entries of the zips in a folder by base name, beside the folder files', async () => {
    const input = await openInput(escoLike)
    expect(input.names()).toEqual([
      'PROVENANCE.md',
      'classification.zip',
      'occupationSkillRelations.csv',
      'occupations_en.csv',
      'relations.zip',
    ])
    const rows = await collect(input.rows('occupations_en.csv', { columns: ['conceptUri'] }))
    expect(rows).toEqual([
      { file: 'occupations_en.csv', line: 2, values: { conceptUri: 'http://x/1', preferredLabel: 'baker' } },
    ])
    await input.close()
  })

  it('does not search sub-folders', async () => {
    const input = await openInput(tmp.path)
    expect(input.has('occupations_en.csv')).toBe(false)
    await input.close()
  })

  it('names both places when two provide the same base name', async () => {
    const folder = join(tmp.path, 'twice')
    await mkdir(folder)
    await tmp.write('twice/skills.csv', 'a\n1\n')
    await tmp.write('twice/bundle.zip', buildZip([{ name: 'v2/skills.csv', data: 'a\n2\n' }]))
    const input = await openInput(folder)
    expect(input.names()).toEqual(['bundle.zip', 'skills.csv'])
    const error = await inputError(collect(input.rows('skills.csv', { columns: ['a'] })))
    expect(error.message).toMatch(/provided more than once .*"bundle.zip\/v2\/skills.csv", "skills.csv"/)
    await input.close()
  })

  it('reports a missing file by name with what the input holds', async () => {
    const input = await openInput(onetMini)
    const error = await inputError(collect(input.rows('Knowledge.txt', { columns: [] })))
    expect(error.file).toBe('Knowledge.txt')
    expect(error.message).toMatch(/is not in .*onet-mini; it holds "Occupation Data.txt", "Skills.txt"/)
    await expect(input.hash(['Knowledge.txt'])).rejects.toThrow(/is not in/)
    await input.close()
  })

  it('refuses a path that does not exist or is not a data file', async () => {
    expect((await inputError(openInput(join(tmp.path, 'nope')))).message).toMatch(/no such file or folder/)
    const notes = await tmp.write('notes.md', '# notes')
    expect((await inputError(openInput(notes))).message).toMatch(/not a folder, a .zip or a data file/)
  })

  it('refuses to read rows from a file that is not delimited text or a workbook', async () => {
    const input = await openInput(escoLike)
    const error = await inputError(collect(input.rows('PROVENANCE.md', { columns: [] })))
    expect(error.message).toMatch(/rows are read only from .csv, .tsv, .txt, .xlsx files/)
    await input.close()
  })

  it('lets a reader stop early and read the same entry again', async () => {
    const input = await openInput(escoLike)
    for await (const row of input.rows('occupations_en.csv', { columns: [] })) {
      expect(row.line).toBe(2)
      break
    }
    expect(await collect(input.rows('occupations_en.csv', { columns: ['conceptUri'] }))).toHaveLength(1)
    await input.close()
  })

  it('cannot be read after close', async () => {
    const input = await openInput(escoLike)
    await input.close()
    await expect(collect(input.rows('occupations_en.csv', { columns: [] }))).rejects.toThrow(/closed/)
  })
})

describe('openInput: hash', () => {
  it('is the SHA-256 of the named files bytes, in order', async () => {
    const input = await openInput(escoLike)
    const occupations = 'conceptUri,preferredLabel\nhttp://x/1,baker\n'
    const relations = 'occupationUri,skillUri\na,b\n'
    const forward = await input.hash(['occupations_en.csv', 'occupationSkillRelations.csv'])
    expect(forward).toBe(sha256(occupations, relations))
    expect(await input.hash(['occupations_en.csv', 'occupationSkillRelations.csv'])).toBe(forward)
    expect(await input.hash(['occupationSkillRelations.csv', 'occupations_en.csv'])).not.toBe(forward)
    await input.close()
  })

  it('is the same for the same bytes in a folder or in a zip', async () => {
    const zipped = await openInput(
      await tmp.write('onet.zip', buildZip([{ name: 'Skills.txt', data: 'a\tb\n1\t2\n' }])),
    )
    const plain = await openInput(await tmp.write('Skills.txt', 'a\tb\n1\t2\n'))
    expect(await zipped.hash(['Skills.txt'])).toBe(await plain.hash(['Skills.txt']))
    await Promise.all([zipped.close(), plain.close()])
  })
})

import { existsSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ImportInputError } from '../../import-types.js'
import { openInput } from '../../input/index.js'
import { runImporter } from '../shared/run-importer.js'
import { beaRppImporter } from './bea-rpp.importer.js'
import { SHARED_DATA } from '../../../../../test/support/shared-data.js'

const FIXTURE = join(import.meta.dirname, '../../../../../test/fixtures/import/bea-rpp')
const METRO = 'MARPP_MSA_2008_2024.csv'
const PORTION = 'PARPP_PORT_2008_2024.csv'
const REAL = `${SHARED_DATA}/bea-regional-price-parities-2008-2024`
const temps: string[] = []
afterAll(async () => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))))

async function fixtureWith(files: string[], change: (text: string) => string = (text) => text): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rpp-'))
  temps.push(dir)
  for (const file of files) await cp(join(FIXTURE, file), join(dir, file))
  await writeFile(join(dir, METRO), change(await readFile(join(dir, METRO), 'utf8')))
  return dir
}

describe('beaRppImporter on the fixture', async () => {
  const { sink, summary } = await runImporter(beaRppImporter, FIXTURE)
  const parities = sink.of('price_parities')
  const value = (fips: string, line: string, year: number) => parities.find((p) => p.geo_fips === fips && p.line === line && p.year === year)?.value

  it('emits the source first, then every area, line and year with a value', () => {
    expect(sink.rows[0]).toMatchObject({ table: 'sources', row: { id: 'bea-rpp-2024', origin: 'bea-rpp', version: '2008–2024', attribution: 'Source: U.S. Bureau of Economic Analysis (Regional Price Parities).' } })
    // Metro: 4 areas × 5 lines × 17 years less Enid's 25 "(NA)"; portions: 2 × 5 × 17 (the U.S. rows are already in).
    expect(summary.rows).toEqual({ sources: 1, price_parities: 4 * 5 * 17 - 25 + 2 * 5 * 17 })
    expect(summary.notes).toEqual([
      '485 area-line-year values from MARPP_MSA_2008_2024.csv and PARPP_PORT_2008_2024.csv; 25 marked "(NA)" or another BEA code skipped.',
      '85 values given in both files (the United States rows) stored once.',
    ])
  })

  it('keeps San Jose\'s 2024 parities and the state portions', () => {
    expect(value('41940', 'all-items', 2024)).toBe(110.423)
    expect(value('41940', 'housing', 2024)).toBe(211.901)
    expect(value('06998', 'all-items', 2008)).toBeGreaterThan(100)
    expect(parities.find((p) => p.geo_fips === '06999')?.area).toBe('California (Nonmetropolitan Portion)')
  })

  it('skips Enid\'s years before the area existed', () => {
    expect(parities.filter((p) => p.geo_fips === '21420').map((p) => p.year).slice(0, 2)).toEqual([2013, 2014])
  })

  it('gives the same rows in the same order on a second run', async () => {
    expect((await runImporter(beaRppImporter, FIXTURE)).sink.rows).toEqual(sink.rows)
  })
})

describe('beaRppImporter input checks', () => {
  it('recognises the metro file and reads the portions file when present', async () => {
    const input = await openInput(FIXTURE)
    expect([beaRppImporter.recognises(input), beaRppImporter.files(input)]).toEqual([true, [METRO, PORTION]])
    await input.close()
    expect((await runImporter(beaRppImporter, await fixtureWith([METRO]))).summary.rows).toEqual({ sources: 1, price_parities: 315 })
  })

  it('names file and line of a value that is not a number', async () => {
    const dir = await fixtureWith([METRO], (text) => text.replace('110.423', '110.4.23'))
    const error = await runImporter(beaRppImporter, dir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportInputError)
    expect(error).toMatchObject({ file: METRO, line: 5, message: `${METRO}:5: column 2024: "110.4.23" is not a number` })
  })
})

describe.skipIf(!existsSync(REAL))(`BEA RPP 2008–2024 real files (skipped when ${REAL} is absent)`, () => {
  it('stores 41,635 area-line-year values', { timeout: 120_000 }, async ({ annotate }) => {
    const started = performance.now()
    const { sink, summary } = await runImporter(beaRppImporter, REAL)
    await annotate(`RPP import: ${Math.round(performance.now() - started)} ms, rows ${JSON.stringify(summary.rows)}`)
    // Metro: 1,945 rows × 17 years less 100 "(NA)"; portions: 515 × 17 less the 85 U.S. values already read.
    expect(summary.rows).toEqual({ sources: 1, price_parities: 1945 * 17 - 100 + 515 * 17 - 85 })
    const parities = sink.of('price_parities')
    expect(parities.find((p) => p.geo_fips === '41940' && p.line === 'all-items' && p.year === 2024)?.value).toBe(110.423)
    expect(new Set(parities.map((p) => `${p.geo_fips} ${p.line} ${p.year}`)).size).toBe(parities.length)
  })
})

/**
 * BEA Regional Price Parities → `price_parities`: a price-level index (U.S. = 100) per metro area, and per
 * state metropolitan / nonmetropolitan portion when PARPP is in the input, for every year of the file.
 * Both files carry the United States rows; the second copy is skipped so each (area, line, year) is
 * stored once.
 */
import { ImportInputError, type Importer } from '../../import-types.js'
import { createImportRun, type ImportRun } from '../shared/import-run.js'
import { findRppFiles, RPP_ORIGIN, rppSource, rppSourceId, type RppFile } from './rpp-files.js'
import { isFooter, rppColumns, rppRows } from './rpp-rows.js'

interface Tally {
  seen: Set<string>
  notAvailable: number
  repeated: number
  footer: number
}

async function importFile(run: ImportRun, file: RppFile, sourceId: string, tally: Tally): Promise<void> {
  for await (const row of run.rows(file.name, { columns: rppColumns(file.years), delimiter: ',' })) {
    if (isFooter(row)) {
      tally.footer++
      continue
    }
    const { rows, notAvailable } = rppRows(row, file.years, sourceId)
    tally.notAvailable += notAvailable
    for (const parity of rows) {
      const key = `${parity.geo_fips} ${parity.line} ${parity.year}`
      if (tally.seen.has(key)) tally.repeated++
      else {
        tally.seen.add(key)
        await run.add('price_parities', parity)
      }
    }
  }
}

export const beaRppImporter: Importer = {
  origin: RPP_ORIGIN,
  description: 'BEA Regional Price Parities by metro area and state portion (all items, goods, housing, utilities, other services)',

  files(input) {
    return (findRppFiles(input.names()) ?? []).map((file) => file.name)
  },

  recognises(input) {
    return findRppFiles(input.names()) !== undefined
  },

  async run(input, sink, context) {
    const files = findRppFiles(input.names())
    const metro = files?.[0]
    if (!files || !metro) throw new ImportInputError(input.path, 'no MARPP_MSA_YYYY_YYYY.csv found')
    const run = createImportRun(input, sink, context)
    const sourceId = rppSourceId(metro)
    await run.add('sources', rppSource(metro, files))
    const tally: Tally = { seen: new Set(), notAvailable: 0, repeated: 0, footer: 0 }
    for (const file of files) await importFile(run, file, sourceId, tally)
    run.note(`${tally.seen.size} area-line-year values from ${files.map((f) => f.name).join(' and ')}; ${tally.notAvailable} marked "(NA)" or another BEA code skipped.`)
    if (tally.repeated > 0) run.note(`${tally.repeated} values given in both files (the United States rows) stored once.`)
    if (tally.footer > 0) run.note(`${tally.footer} footer note lines skipped.`)
    return run.summary()
  },
}

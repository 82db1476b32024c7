/**
 * NCES CIP 2020 → SOC 2018 crosswalk → `occupation_programmes`: which programmes of study lead to which
 * occupations. Titles come from CIPCode2020.csv when it is in the input (the official code list),
 * else from the crosswalk's own title column.
 */
import { ImportInputError, type Importer } from '../../import-types.js'
import { createImportRun, type ImportRun } from '../shared/import-run.js'
import { sixDigitCip } from './cip-codes.js'
import {
  CIP_CODES_CSV, CIP_ORIGIN, CIP_SOURCE_ID, cipSocSource, crosswalkFile, crosswalkReadOptions, CROSSWALK_CSV, readPair,
} from './cip-soc-rows.js'

/** CIP code → official title, six-digit codes only. */
async function readCipTitles(run: ImportRun): Promise<Map<string, string>> {
  const titles = new Map<string, string>()
  for await (const row of run.rows(CIP_CODES_CSV, { columns: ['CIPCode', 'CIPTitle'], delimiter: ',' })) {
    const code = sixDigitCip(row.values.CIPCode ?? '')
    const title = row.values.CIPTitle?.trim() ?? ''
    if (code !== null && title !== '' && !titles.has(code)) titles.set(code, title)
  }
  return titles
}

export const cipSocImporter: Importer = {
  origin: CIP_ORIGIN,
  description: 'NCES CIP 2020 to SOC 2018 crosswalk: programmes of study by occupation',

  files(input) {
    const file = crosswalkFile(input.names())
    if (!file) return []
    return input.has(CIP_CODES_CSV) ? [file, CIP_CODES_CSV] : [file]
  },

  recognises(input) {
    return crosswalkFile(input.names()) !== undefined
  },

  async run(input, sink, context) {
    const file = crosswalkFile(input.names())
    if (!file) throw new ImportInputError(input.path, `${CROSSWALK_CSV} not found`)
    const run = createImportRun(input, sink, context)
    const titles = input.has(CIP_CODES_CSV) ? await readCipTitles(run) : null
    await run.add('sources', cipSocSource(file, titles ? CIP_CODES_CSV : null))
    const seen = new Set<string>()
    const skipped = { noSoc: 0, noCip: 0, duplicate: 0, crosswalkTitle: 0 }
    for await (const row of run.rows(file, crosswalkReadOptions(file))) {
      const pair = readPair(row)
      if (pair.kind === 'no-soc') skipped.noSoc++
      else if (pair.kind === 'no-cip') skipped.noCip++
      else if (seen.has(`${pair.soc} ${pair.cip}`)) skipped.duplicate++
      else {
        seen.add(`${pair.soc} ${pair.cip}`)
        const official = titles?.get(pair.cip)
        if (official === undefined) skipped.crosswalkTitle++
        await run.add('occupation_programmes', { origin: CIP_ORIGIN, soc_code: pair.soc, cip_code: pair.cip, cip_title: official ?? pair.title, source_id: CIP_SOURCE_ID })
      }
    }
    run.note(`${seen.size} CIP–SOC pairs; ${skipped.noSoc} programmes with no matching occupation (SOC 99-9999 "NO MATCH") and ${skipped.noCip} occupations with no matching programme (CIP 99.9999) skipped.`)
    if (skipped.duplicate > 0) run.note(`${skipped.duplicate} repeated CIP–SOC pairs skipped.`)
    if (titles && skipped.crosswalkTitle > 0) run.note(`${skipped.crosswalkTitle} pairs took the crosswalk's title: their CIP code is not in ${CIP_CODES_CSV}.`)
    return run.summary()
  },
}

/**
 * BLS OEWS national wages (`national_M2024_dl.csv` or `.xlsx`) → `occupation_facts` keyed by SOC 2018 code:
 * employment and annual/hourly mean and percentile wages of every detailed occupation.
 */
import { ImportInputError, type Importer } from '../../import-types.js'
import { createImportRun } from '../shared/import-run.js'
import { isNationalCrossIndustry, OEWS_COLUMNS, oewsFacts } from './oews-facts.js'
import { findOewsRelease, OEWS_ORIGIN, oewsSource } from './oews-release.js'

export const blsOewsImporter: Importer = {
  origin: OEWS_ORIGIN,
  description: 'BLS Occupational Employment and Wage Statistics, national: employment and wages by SOC 2018 occupation',

  files(input) {
    const release = findOewsRelease(input.names())
    return release ? [release.file] : []
  },

  recognises(input) {
    return findOewsRelease(input.names()) !== undefined
  },

  async run(input, sink, context) {
    const release = findOewsRelease(input.names())
    if (!release) throw new ImportInputError(input.path, 'no national_MYYYY_dl.csv or national_MYYYY_dl.xlsx found')
    const run = createImportRun(input, sink, context)
    await run.add('sources', oewsSource(release))
    const seen = new Set<string>()
    const skipped = { aggregate: 0, outOfScope: 0, missing: 0, topCoded: 0 }
    const options = release.sheet ? { columns: OEWS_COLUMNS, sheet: release.sheet, headerRow: 1 } : { columns: OEWS_COLUMNS, delimiter: ',' as const }
    for await (const row of run.rows(release.file, options)) {
      if (!isNationalCrossIndustry(row)) skipped.outOfScope++
      else if (row.values.O_GROUP?.trim() !== 'detailed') skipped.aggregate++
      else {
        const occupation = oewsFacts(row, release)
        const code = row.values.OCC_CODE?.trim() ?? ''
        if (seen.has(code)) throw new ImportInputError(row.file, `OCC_CODE ${code} appears twice`, row.line)
        seen.add(code)
        skipped.missing += occupation.missing
        skipped.topCoded += occupation.topCoded
        for (const fact of occupation.facts) await run.add('occupation_facts', fact)
      }
    }
    run.note(`${seen.size} detailed occupations read; ${skipped.aggregate} total/major/minor/broad aggregate rows skipped.`)
    if (skipped.outOfScope > 0) run.note(`${skipped.outOfScope} rows skipped: not national cross-industry, all-ownership estimates.`)
    run.note(`${skipped.missing} figures BLS marks not available ("*", "**") skipped; ${skipped.topCoded} top-coded wages ("#") kept as the top-code with an "at least" note.`)
    return run.summary()
  },
}

/**
 * BLS Employment Projections, Table 1.2 (our CSV export, or `occupation.xlsx` as BLS publishes it) →
 * `occupation_facts` (employment, growth, openings, median wage) and `occupation_attributes` (typical
 * entry education, work experience, on-the-job training), keyed by SOC 2018 code. Summary rows
 * (major/minor/broad groups) and the workbook's footnote rows are skipped.
 */
import { ImportInputError, type Importer, type ReadOptions } from '../../import-types.js'
import { createImportRun } from '../shared/import-run.js'
import { COLUMNS, EP_COLUMNS, EP_CSV, EP_HEADER_ROW, EP_ORIGIN, EP_SHEET, EP_XLSX, epFile, epSource } from './ep-edition.js'
import { epOccupation } from './ep-rows.js'

function readOptions(file: string): ReadOptions {
  return file === EP_XLSX ? { columns: EP_COLUMNS, sheet: EP_SHEET, headerRow: EP_HEADER_ROW } : { columns: EP_COLUMNS, delimiter: ',' }
}

export const blsProjectionsImporter: Importer = {
  origin: EP_ORIGIN,
  description: 'BLS Employment Projections (Table 1.2): employment, growth, openings, median wage and entry requirements by SOC 2018 occupation',

  files(input) {
    const file = epFile(input.names())
    return file ? [file] : []
  },

  recognises(input) {
    return epFile(input.names()) !== undefined
  },

  async run(input, sink, context) {
    const file = epFile(input.names())
    if (!file) throw new ImportInputError(input.path, `neither ${EP_CSV} nor ${EP_XLSX} found`)
    const run = createImportRun(input, sink, context)
    await run.add('sources', epSource(file))
    const seen = new Set<string>()
    const skipped = { summary: 0, other: 0, missing: 0, topCoded: 0 }
    for await (const row of run.rows(file, readOptions(file))) {
      const type = row.values[COLUMNS.type]?.trim() ?? ''
      if (type !== 'Line item') {
        if (type === 'Summary') skipped.summary++
        else skipped.other++
        continue
      }
      const occupation = epOccupation(row)
      if (seen.has(occupation.code)) throw new ImportInputError(row.file, `occupation ${occupation.code} appears twice`, row.line)
      seen.add(occupation.code)
      skipped.missing += occupation.missing
      if (occupation.topCoded) skipped.topCoded++
      for (const fact of occupation.facts) await run.add('occupation_facts', fact)
      for (const attribute of occupation.attributes) await run.add('occupation_attributes', attribute)
    }
    run.note(`${seen.size} line-item occupations read; ${skipped.summary} summary (group) rows skipped.`)
    if (skipped.other > 0) run.note(`${skipped.other} rows that are neither line items nor summaries (footnotes) skipped.`)
    run.note(`${skipped.missing} figures marked "—" (not available) skipped; ${skipped.topCoded} median wages top-coded (">=$…") kept as the top-code with an "at least" note.`)
    return run.summary()
  },
}

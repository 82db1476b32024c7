/**
 * ESCO ↔ US occupation crosswalks → `code_links`: Nesta's ESCO → O*NET matches converted to the O*NET-SOC
 * 2019 taxonomy, and BLS's ISCO-08 ↔ SOC links converted to SOC 2018 (when ISCO_SOC_Crosswalk is present).
 * The files are small (≈4,000 rows together), so they are read whole before links are made: granularity
 * depends on how many ESCO occupations share an O*NET code.
 */
import { ImportInputError, type Importer, type InputRow } from '../../import-types.js'
import { createImportRun, type ImportRun } from '../shared/import-run.js'
import {
  CROSSWALK_ORIGIN, ISCO_SOC_COLUMNS, ISCO_SOC_CSV, iscoSource, NESTA_COLUMNS, NESTA_CSV, nestaSource, ONET_WALK_COLUMNS, ONET_WALK_CSV,
} from './crosswalk-files.js'
import { iscoLinks, readIscoPair, type IscoPair } from './isco-links.js'
import { nestaLinks, readNestaMatch, type NestaMatch } from './nesta-links.js'
import { addWalkRow, createOnetWalk, type OnetWalk } from './onet-walk.js'

async function readWalk(run: ImportRun): Promise<OnetWalk> {
  const walk = createOnetWalk()
  for await (const row of run.rows(ONET_WALK_CSV, { columns: ONET_WALK_COLUMNS, delimiter: ';' })) addWalkRow(walk, row)
  return walk
}

async function readAll<T>(run: ImportRun, file: string, columns: readonly string[], delimiter: ',' | ';', read: (row: InputRow) => T): Promise<T[]> {
  const items: T[] = []
  for await (const row of run.rows(file, { columns, delimiter })) items.push(read(row))
  return items
}

async function addIscoLinks(run: ImportRun, walk: OnetWalk): Promise<void> {
  const pairs: IscoPair[] = await readAll(run, ISCO_SOC_CSV, ISCO_SOC_COLUMNS, ';', readIscoPair)
  const { links, unresolved } = iscoLinks(pairs, walk)
  for (const link of links) await run.add('code_links', link)
  run.note(`ISCO-08 ↔ SOC: ${pairs.length} crosswalk rows gave ${links.length} ISCO-08 → SOC 2018 links (related, group level).`)
  if (unresolved.length > 0) run.note(`SOC 2010 codes not in ${ONET_WALK_CSV}, their ISCO links skipped: ${unresolved.join(', ')}.`)
}

export const escoOnetCrosswalkImporter: Importer = {
  origin: CROSSWALK_ORIGIN,
  description: 'Nesta ESCO → O*NET crosswalk (converted to O*NET-SOC 2019) and BLS ISCO-08 ↔ SOC crosswalk (converted to SOC 2018)',

  files(input) {
    return [NESTA_CSV, ONET_WALK_CSV, ...(input.has(ISCO_SOC_CSV) ? [ISCO_SOC_CSV] : [])]
  },

  recognises(input) {
    return input.has(NESTA_CSV)
  },

  async run(input, sink, context) {
    for (const file of [NESTA_CSV, ONET_WALK_CSV]) {
      if (!input.has(file)) throw new ImportInputError(input.path, `${file} not found`)
    }
    const run = createImportRun(input, sink, context)
    const withIsco = input.has(ISCO_SOC_CSV)
    await run.add('sources', nestaSource)
    if (withIsco) await run.add('sources', iscoSource)
    const walk = await readWalk(run)
    const matches: NestaMatch[] = await readAll(run, NESTA_CSV, NESTA_COLUMNS, ',', readNestaMatch)
    const { links, unresolved } = nestaLinks(matches, walk)
    for (const link of links) await run.add('code_links', link)
    const counts = ['exact', 'broader', 'related'].map((g) => `${links.filter((l) => l.granularity === g).length} ${g}`)
    run.note(`Nesta: ${matches.length} ESCO occupations gave ${links.length} ESCO → O*NET-SOC 2019 links (${counts.join(', ')}).`)
    if (unresolved > 0) run.note(`${unresolved} Nesta matches skipped: their O*NET-SOC 2010 code is not in ${ONET_WALK_CSV}.`)
    if (withIsco) await addIscoLinks(run, walk)
    else run.note(`${ISCO_SOC_CSV} not in the input: no ISCO-08 ↔ SOC links.`)
    return run.summary()
  },
}

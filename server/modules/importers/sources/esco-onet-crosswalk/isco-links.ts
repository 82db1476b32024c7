/**
 * BLS's ISCO-08 ↔ SOC 2010 crosswalk as `code_links` from ISCO-08 groups to SOC 2018 occupations: the
 * coarse fallback for ESCO occupations Nesta did not match (every ESCO occupation has an ISCO-08 code).
 * SOC 2010 codes are converted with the SOC form of the O*NET 2010 → 2019 crosswalk; a code that was split
 * links to each successor. Every link is `related`: it joins a whole ISCO group with an occupation.
 */
import { ImportInputError, type InputRow } from '../../import-types.js'
import type { CodeLinksTable } from '../../../../platform/db/types.js'
import { CROSSWALK_ORIGIN, ISCO_SOURCE_ID } from './crosswalk-files.js'
import type { OnetWalk } from './onet-walk.js'

export interface IscoPair {
  isco: string
  soc2010: string
}

const cell = (row: InputRow, column: string): string => (row.values[column] ?? '').trim()

/** One crosswalk row; the cells carry stray spaces (`13-1011 `), trimmed here. */
export function readIscoPair(row: InputRow): IscoPair {
  const isco = cell(row, 'isco08_code')
  // Two rows link to a three-digit ISCO minor group ("matches to 3-digit ISCO"); they are kept as such.
  if (!/^\d{3,4}$/.test(isco)) throw new ImportInputError(row.file, `column isco08_code: "${isco}" is not an ISCO-08 code`, row.line)
  const soc2010 = cell(row, 'soc2010_code')
  if (!/^\d{2}-\d{4}$/.test(soc2010)) throw new ImportInputError(row.file, `column soc2010_code: "${soc2010}" is not a SOC code`, row.line)
  return { isco, soc2010 }
}

function noteFor(isco: string, soc2010: readonly string[], soc2018: string): string {
  const group = isco.length === 3 ? 'ISCO-08 minor group' : 'ISCO-08 unit group'
  const unchanged = soc2010.length === 1 && soc2010[0] === soc2018
  const from = unchanged ? 'same code in SOC 2010' : `from SOC 2010 ${soc2010.join(', ')} via the O*NET-SOC 2010 to 2019 crosswalk`
  return `Group-level link: the ${group} relates to this occupation (BLS crosswalk; ${from}).`
}

export interface IscoLinks {
  links: CodeLinksTable[]
  /** SOC 2010 codes the 2010 → 2019 crosswalk does not know. */
  unresolved: string[]
}

/** All links in the crosswalk's row order; pairs reached through several SOC 2010 codes appear once. */
export function iscoLinks(pairs: readonly IscoPair[], walk: OnetWalk): IscoLinks {
  const reached = new Map<string, { isco: string; soc2018: string; soc2010: string[] }>()
  const unresolved: string[] = []
  for (const { isco, soc2010 } of pairs) {
    const targets = walk.soc.get(soc2010) ?? []
    if (targets.length === 0 && !unresolved.includes(soc2010)) unresolved.push(soc2010)
    for (const soc2018 of targets) {
      const link = reached.get(`${isco} ${soc2018}`) ?? { isco, soc2018, soc2010: [] }
      if (!link.soc2010.includes(soc2010)) link.soc2010.push(soc2010)
      reached.set(`${isco} ${soc2018}`, link)
    }
  }
  const links = [...reached.values()].map(({ isco, soc2018, soc2010 }): CodeLinksTable => ({
    origin: CROSSWALK_ORIGIN, from_system: 'isco-08', from_code: isco, to_system: 'soc-2018', to_code: soc2018, granularity: 'related',
    via: 'isco-soc', source_id: ISCO_SOURCE_ID, note: noteFor(isco, soc2010, soc2018),
  }))
  return { links, unresolved }
}

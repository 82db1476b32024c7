/**
 * The O*NET-SOC 2010 → 2019 taxonomy crosswalk, held in memory (1,164 rows), in two forms:
 * O*NET-SOC codes (`15-1132.00` → `15-1252.00`, `15-1253.00`) for Nesta's matches, and SOC codes
 * (first 7 characters of each side: `15-1132` → `15-1252`, `15-1253`) for the BLS ISCO ↔ SOC 2010
 * crosswalk. The O*NET 2019 taxonomy is built on SOC 2018, so the SOC form is a SOC 2010 → 2018 crosswalk.
 */
import { ImportInputError, type InputRow } from '../../import-types.js'

export interface OnetWalk {
  /** O*NET-SOC 2010 code → its 2019 codes, in file order. */
  onet: Map<string, string[]>
  /** How many 2010 codes lead to each 2019 code (more than one: the 2019 code merges them). */
  predecessors: Map<string, number>
  /** SOC 2010 code → SOC 2018 codes, in file order. */
  soc: Map<string, string[]>
}

export const ONET_SOC = /^\d{2}-\d{4}\.\d{2}$/

export function createOnetWalk(): OnetWalk {
  return { onet: new Map(), predecessors: new Map(), soc: new Map() }
}

function append(map: Map<string, string[]>, key: string, value: string): boolean {
  const list = map.get(key) ?? []
  if (list.includes(value)) return false
  map.set(key, [...list, value])
  return true
}

function onetCode(row: InputRow, column: string): string {
  const code = (row.values[column] ?? '').trim()
  if (!ONET_SOC.test(code)) throw new ImportInputError(row.file, `column ${column}: "${code}" is not an O*NET-SOC code`, row.line)
  return code
}

/** Adds one row of the crosswalk; malformed codes name the file, line and column. */
export function addWalkRow(walk: OnetWalk, row: InputRow): void {
  const from = onetCode(row, 'soc2010_code')
  const to = onetCode(row, 'soc2019_code')
  if (append(walk.onet, from, to)) walk.predecessors.set(to, (walk.predecessors.get(to) ?? 0) + 1)
  append(walk.soc, from.slice(0, 7), to.slice(0, 7))
}

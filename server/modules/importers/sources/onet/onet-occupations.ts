/**
 * The occupation list (Occupation Data.txt) every other O*NET file is checked against, and the career
 * and code rows made from it.
 */
import { toJson } from '../../../../platform/db/json.js'
import type * as T from '../../../../platform/db/types.js'
import { ImportInputError, type InputRow } from '../../import-types.js'
import { text } from '../shared/fields.js'
import type { ImportRun } from '../shared/import-run.js'
import { socMajorGroupTitle } from '../shared/soc-major-groups.js'
import { COLUMNS, ONET, ONET_CODE } from './onet-files.js'
import type { OnetProfile } from './onet-profile.js'

export interface Occupation {
  code: string
  /** `onet:<code>`, the career id. */
  careerId: string
  title: string
  description: string
  position: number
}

export type Occupations = ReadonlyMap<string, Occupation>

const CODE_PATTERN = /^\d{2}-\d{4}\.\d{2}$/

export async function readOccupations(run: ImportRun): Promise<Occupations> {
  const occupations = new Map<string, Occupation>()
  for await (const row of run.rows(ONET.occupations, COLUMNS.occupations)) {
    const code = text(row, ONET_CODE)
    if (!CODE_PATTERN.test(code)) throw new ImportInputError(row.file, `malformed O*NET-SOC code "${code}"`, row.line)
    if (socMajorGroupTitle(code) === undefined) {
      throw new ImportInputError(row.file, `O*NET-SOC code "${code}" is in no SOC 2018 major group`, row.line)
    }
    if (occupations.has(code)) throw new ImportInputError(row.file, `O*NET-SOC code "${code}" listed twice`, row.line)
    const title = text(row, 'Title')
    if (title === '') throw new ImportInputError(row.file, `O*NET-SOC code "${code}" has no title`, row.line)
    occupations.set(code, { code, careerId: `onet:${code}`, title, description: text(row, 'Description'), position: occupations.size })
  }
  if (occupations.size === 0) throw new ImportInputError(ONET.occupations, 'no occupations')
  return occupations
}

/** The occupation a row of another file refers to: an unknown code means the files do not belong together. */
export function occupationOf(occupations: Occupations, row: InputRow, column: string = ONET_CODE): Occupation {
  const code = text(row, column)
  const occupation = occupations.get(code)
  if (!occupation) throw new ImportInputError(row.file, `unknown O*NET-SOC code "${code}" in column "${column}"`, row.line)
  return occupation
}

export function careerRow(o: Occupation, slug: string, profile: OnetProfile): T.CareersTable {
  return {
    id: o.careerId, origin: 'onet', slug, title: o.title, summary: o.description, description: null,
    field_path: toJson([socMajorGroupTitle(o.code), o.title]), education: null, experience: null,
    position: o.position, job_zone: profile.jobZone?.zone ?? null, attributes: toJson(profile),
  }
}

/**
 * The O*NET-SOC code, and the SOC 2018 code it refines: `.00` occupations are the SOC occupation itself,
 * `.01`… are O*NET's finer split of it, so the SOC code is broader than the career.
 */
export function codeRows(o: Occupation, occupations: Occupations, sourceId: string): T.CareerCodesTable[] {
  const sources = toJson([sourceId])
  const soc = o.code.slice(0, 7)
  // The SOC occupation's own title is the one of its `.00` O*NET occupation, when O*NET has one.
  const socTitle = occupations.get(`${soc}.00`)?.title ?? o.title
  return [
    { career_id: o.careerId, system: 'onet-soc', code: o.code, title: o.title, granularity: 'exact', sources, note: null, position: 0 },
    {
      career_id: o.careerId, system: 'soc-2018', code: soc, title: socTitle,
      granularity: o.code.endsWith('.00') ? 'exact' : 'broader', sources, note: null, position: 1,
    },
  ]
}

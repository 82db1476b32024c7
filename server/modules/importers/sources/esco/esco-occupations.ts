/**
 * occupations_en.csv → careers with their ESCO and ISCO-08 codes and aliases. The ISCO hierarchy
 * (ISCOGroups_en.csv) gives each career its field path from major group down to unit group.
 */
import type * as T from '../../../../platform/db/types.js'
import { toJson } from '../../../../platform/db/json.js'
import { ImportInputError, type InputRow } from '../../import-types.js'
import { optionalText, text } from '../shared/fields.js'
import type { ImportRun } from '../shared/import-run.js'
import { uniqueLabels } from '../shared/slug.js'
import { COLUMNS, ESCO, conceptId, lines } from './esco-files.js'
import { ESCO_SOURCE_ID } from './esco-source.js'

export interface EscoOccupation {
  uri: string
  careerId: string
  title: string
  summary: string
  iscoGroup: string
  /** ISCO labels from major group (1 digit) to unit group (4 digits). */
  fieldPath: string[]
  attributes: { iscoGroup: string; code: string; regulatedProfessionNote?: string; scopeNote?: string }
  aliases: string[]
  position: number
}

/** ISCO-08 group labels by code (1 to 4 digits). */
export async function readIscoGroups(run: ImportRun): Promise<Map<string, string>> {
  const groups = new Map<string, string>()
  for await (const row of run.rows(ESCO.iscoGroups, COLUMNS.iscoGroups)) groups.set(text(row, 'code'), text(row, 'preferredLabel'))
  return groups
}

/** Labels of the unit group and the groups above it, major group first. */
export function iscoPath(row: InputRow, unitGroup: string, groups: ReadonlyMap<string, string>): string[] {
  if (!/^\d{4}$/.test(unitGroup)) throw new ImportInputError(row.file, `iscoGroup "${unitGroup}" is not a 4-digit ISCO-08 code`, row.line)
  return [1, 2, 3, 4].map((digits) => {
    const label = groups.get(unitGroup.slice(0, digits))
    if (label === undefined) throw new ImportInputError(row.file, `ISCO group ${unitGroup.slice(0, digits)} is not in ${ESCO.iscoGroups}`, row.line)
    return label
  })
}

export function readOccupation(row: InputRow, groups: ReadonlyMap<string, string>, position: number): EscoOccupation {
  const uri = text(row, 'conceptUri')
  const title = text(row, 'preferredLabel')
  if (uri === '' || title === '') throw new ImportInputError(row.file, 'occupation without conceptUri or preferredLabel', row.line)
  const iscoGroup = text(row, 'iscoGroup')
  const regulatedProfessionNote = optionalText(row, 'regulatedProfessionNote')
  const scopeNote = optionalText(row, 'scopeNote')
  return {
    uri, careerId: `esco:${conceptId(uri)}`, title,
    summary: text(row, 'description') || text(row, 'definition'),
    iscoGroup, fieldPath: iscoPath(row, iscoGroup, groups),
    attributes: {
      iscoGroup, code: text(row, 'code'),
      ...(regulatedProfessionNote === null ? {} : { regulatedProfessionNote }),
      ...(scopeNote === null ? {} : { scopeNote }),
    },
    // hiddenLabels are misspellings and search-only variants: not shown, so not aliases.
    aliases: uniqueLabels(lines(row.values.altLabels ?? ''), [title]),
    position,
  }
}

export async function readOccupations(run: ImportRun, groups: ReadonlyMap<string, string>): Promise<Map<string, EscoOccupation>> {
  const occupations = new Map<string, EscoOccupation>()
  for await (const row of run.rows(ESCO.occupations, COLUMNS.occupations)) {
    const occupation = readOccupation(row, groups, occupations.size)
    if (occupations.has(occupation.uri)) throw new ImportInputError(row.file, `occupation ${occupation.uri} listed twice`, row.line)
    occupations.set(occupation.uri, occupation)
  }
  if (occupations.size === 0) throw new ImportInputError(ESCO.occupations, 'no occupations')
  return occupations
}

export function careerRow(o: EscoOccupation, slug: string): T.CareersTable {
  return {
    id: o.careerId, origin: 'esco', slug, title: o.title, summary: o.summary, description: null,
    field_path: toJson(o.fieldPath), education: null, experience: null, position: o.position,
    job_zone: null, attributes: toJson(o.attributes),
  }
}

/** The ESCO concept itself, and its ISCO-08 unit group, which holds several ESCO occupations. */
export function codeRows(o: EscoOccupation): T.CareerCodesTable[] {
  const sources = toJson([ESCO_SOURCE_ID])
  return [
    { career_id: o.careerId, system: 'esco', code: o.uri, title: o.title, granularity: 'exact', sources, note: null, position: 0 },
    {
      career_id: o.careerId, system: 'isco-08', code: o.iscoGroup, title: o.fieldPath[3] ?? o.title,
      granularity: 'broader', sources, note: null, position: 1,
    },
  ]
}

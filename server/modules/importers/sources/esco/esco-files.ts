/**
 * The ESCO CSV files the mapper reads (inside the two published zips, or unpacked) and the columns it needs.
 * Multi-valued cells such as `altLabels` hold one value per line.
 */
import type { ReadOptions } from '../../import-types.js'

export const ESCO = {
  occupations: 'occupations_en.csv',
  skills: 'skills_en.csv',
  iscoGroups: 'ISCOGroups_en.csv',
  transversal: 'transversalSkillsCollection_en.csv',
  relations: 'occupationSkillRelations.csv',
} as const

const csv = (...columns: string[]): ReadOptions => ({ columns, delimiter: ',' })

export const COLUMNS = {
  occupations: csv('conceptUri', 'iscoGroup', 'preferredLabel', 'altLabels', 'regulatedProfessionNote', 'scopeNote', 'definition', 'description', 'code'),
  skills: csv('conceptUri', 'skillType', 'preferredLabel', 'altLabels', 'definition', 'description'),
  iscoGroups: csv('code', 'preferredLabel'),
  transversal: csv('conceptUri'),
  relations: csv('occupationUri', 'relationType', 'skillUri'),
} as const

/** The UUID at the end of a concept URI: `…/occupation/f2b15a0e-…` → `f2b15a0e-…`. */
export function conceptId(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1)
}

/** Lines of a multi-valued cell, without blanks. */
export function lines(cell: string): string[] {
  return cell.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '')
}

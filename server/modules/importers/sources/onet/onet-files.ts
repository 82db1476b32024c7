/**
 * The O*NET text-release files the mapper reads and the columns it needs from each (others are ignored).
 * All are tab-delimited with a header row; `O*NET-SOC Code` is the join key.
 */
import type { ReadOptions } from '../../import-types.js'

const CODE = 'O*NET-SOC Code'

export const ONET = {
  readMe: 'Read Me.txt',
  occupations: 'Occupation Data.txt',
  alternateTitles: 'Alternate Titles.txt',
  reportedTitles: 'Sample of Reported Titles.txt',
  tasks: 'Task Statements.txt',
  skills: 'Skills.txt',
  knowledge: 'Knowledge.txt',
  technology: 'Technology Skills.txt',
  related: 'Related Occupations.txt',
  jobZones: 'Job Zones.txt',
  jobZoneReference: 'Job Zone Reference.txt',
  ete: 'Education, Training, and Experience.txt',
  eteCategories: 'Education, Training, and Experience Categories.txt',
  interests: 'Interests.txt',
  contentModel: 'Content Model Reference.txt',
} as const

/** Every data file, in the order the mapper reads them (the input hash covers these). */
export const ONET_DATA_FILES: readonly string[] = [
  ONET.occupations, ONET.jobZoneReference, ONET.jobZones, ONET.eteCategories, ONET.ete, ONET.interests,
  ONET.alternateTitles, ONET.reportedTitles, ONET.tasks, ONET.contentModel, ONET.skills, ONET.knowledge,
  ONET.technology, ONET.related,
]

const tab = (...columns: string[]): ReadOptions => ({ columns, delimiter: '\t' })

export const COLUMNS = {
  occupations: tab(CODE, 'Title', 'Description'),
  alternateTitles: tab(CODE, 'Alternate Title'),
  reportedTitles: tab(CODE, 'Reported Job Title'),
  tasks: tab(CODE, 'Task', 'Task Type'),
  ratings: tab(CODE, 'Element ID', 'Element Name', 'Scale ID', 'Data Value', 'Not Relevant'),
  technology: tab(CODE, 'Example', 'Commodity Code', 'Commodity Title', 'Hot Technology', 'In Demand'),
  related: tab(CODE, 'Related O*NET-SOC Code', 'Relatedness Tier', 'Index'),
  jobZones: tab(CODE, 'Job Zone'),
  jobZoneReference: tab('Job Zone', 'Name', 'Experience', 'Education', 'Job Training', 'Examples'),
  ete: tab(CODE, 'Element ID', 'Scale ID', 'Category', 'Data Value'),
  eteCategories: tab('Element ID', 'Scale ID', 'Category', 'Category Description'),
  interests: tab(CODE, 'Element ID', 'Element Name', 'Scale ID', 'Data Value'),
  contentModel: tab('Element ID', 'Element Name', 'Description'),
} as const

export { CODE as ONET_CODE }

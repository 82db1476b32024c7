/**
 * Words for the search page's facets and result types, pure: the API speaks in values
 * (`jobZone=4`, `origin=esco`, `kind=professional-certificate`); people read names.
 */
import { capitalise, credentialTypeWords } from '../format.js'
import type { FilterName } from './search-params.js'

export const FILTER_TITLES: Record<FilterName, string> = {
  type: 'Type',
  field: 'Field',
  jobZone: 'Preparation needed (O*NET job zone)',
  level: 'Level',
  provider: 'Provider',
  kind: 'Kind',
  origin: 'Comes from',
}

/** What a facet's values are, plural: "Show all 20 fields". */
export const FILTER_NOUNS: Record<FilterName, string> = {
  type: 'types',
  field: 'fields',
  jobZone: 'job zones',
  level: 'levels',
  provider: 'providers',
  kind: 'kinds',
  origin: 'origins',
}

const TYPES: Record<string, [string, string]> = {
  career: ['Career', 'Careers'],
  skill: ['Skill', 'Skills'],
  credential: ['Credential', 'Credentials'],
  resource: ['Course or reading', 'Courses and reading'],
}
/** `Career` for a result's badge. */
export const typeWord = (type: string): string => TYPES[type]?.[0] ?? capitalise(type)

/** O*NET's names for its five job zones, shortened. */
export const JOB_ZONES: Record<string, string> = {
  '1': 'little or no preparation',
  '2': 'some preparation',
  '3': 'medium preparation',
  '4': 'considerable preparation',
  '5': 'extensive preparation',
}

const ORIGINS: Record<string, string> = {
  catalog: 'Pathways catalog',
  onet: 'O*NET (US)',
  esco: 'ESCO (EU)',
}

const KINDS: Record<string, string> = {
  technology: 'Technology',
  knowledge: 'Knowledge',
  specialized: 'Specialised skill',
  common: 'Common skill',
}

/** A facet value as people read it: `4` under jobZone is `Zone 4: considerable preparation`. */
export function facetValueWords(name: FilterName, value: string): string {
  switch (name) {
    case 'type':
      return value.split(',').map((t) => TYPES[t]?.[1] ?? t).join(', ')
    case 'jobZone':
      return JOB_ZONES[value] ? `Zone ${value}: ${JOB_ZONES[value]}` : `Zone ${value}`
    case 'origin':
      return ORIGINS[value] ?? value
    case 'kind':
      return KINDS[value] ?? capitalise(credentialTypeWords(value).replace(/-/g, ' '))
    case 'level':
      return capitalise(value)
    case 'field':
    case 'provider':
      return value
  }
}

/**
 * The three crosswalk files this importer reads, their columns, and the two `sources` rows: Nesta's
 * ESCO → O*NET-SOC 2010 match, the O*NET Center's O*NET-SOC 2010 → 2019 crosswalk (applied to both), and
 * BLS's ISCO-08 ↔ SOC 2010 crosswalk.
 */
import type { SourcesTable } from '../../../../platform/db/types.js'

export const CROSSWALK_ORIGIN = 'esco-onet-crosswalk'
export const NESTA_SOURCE_ID = 'nesta-esco-onet-2020'
export const ISCO_SOURCE_ID = 'bls-isco-soc-2012'

export const NESTA_CSV = 'esco_onet_crosswalk_Nov2020.csv'
export const ONET_WALK_CSV = 'onet_soc_2010_to_2019_crosswalk.semicolon.csv'
export const ISCO_SOC_CSV = 'ISCO_SOC_Crosswalk.semicolon.csv'

export const NESTA_COLUMNS = ['onet_code', 'confidence', 'concept_uri'] as const
export const ONET_WALK_COLUMNS = ['soc2010_code', 'soc2019_code'] as const
export const ISCO_SOC_COLUMNS = ['soc2010_code', 'isco08_code'] as const

const common = { origin: CROSSWALK_ORIGIN, kind: 'reference-data', published: null, retrieved: null, seed_document: null } as const

export const nestaSource: SourcesTable = {
  ...common,
  id: NESTA_SOURCE_ID,
  publisher: 'Nesta',
  title: 'ESCO to O*NET occupation crosswalk (Mapping Career Causeways)',
  version: 'November 2020',
  url: 'https://github.com/nestauk/mapping-career-causeways',
  licence: 'MIT (crosswalk); O*NET-SOC 2010 to 2019 crosswalk CC BY 4.0',
  attribution:
    'ESCO–O*NET crosswalk: Kanders, Djumalieva, Sleeman & Orlik (2020), Mapping Career Causeways, Nesta (MIT). ' +
    'O*NET-SOC 2010 to 2019 crosswalk by USDOL/ETA, used under the CC BY 4.0 license.',
  note:
    'Best-matching O*NET occupation for each ESCO occupation below the ISCO unit groups, with Nesta\'s confidence (0.5, 1 or 2). Nesta matched ' +
    'O*NET-SOC 2010 codes; we converted them to the 2019 taxonomy with the O*NET Center\'s 2010 to 2019 crosswalk.',
}

export const iscoSource: SourcesTable = {
  ...common,
  id: ISCO_SOURCE_ID,
  publisher: 'U.S. Bureau of Labor Statistics',
  title: 'ISCO-08 to SOC 2010 crosswalk',
  version: '2012',
  url: 'https://www.bls.gov/soc/soccrosswalks.htm',
  licence: 'Public domain',
  attribution: 'Source: U.S. Bureau of Labor Statistics (ISCO-08 to SOC crosswalk).',
  note:
    'Links ISCO-08 unit groups with SOC 2010 occupations. SOC 2010 codes were converted to SOC 2018 through the ' +
    'O*NET-SOC 2010 to 2019 crosswalk (first seven characters of each code).',
}

/**
 * Which public datasets a page draws on, for its attribution. O*NET and ESCO ask to be credited
 * wherever their data is shown; the source records (licence, attribution text) come from the catalog,
 * found through the codes an imported career of that dataset carries, so a newer release is credited
 * under its own name without a change here.
 */
import type { CareerSummary, Source } from '../shared/schemas.js'
import { datasetSourceIds } from './career/imported-data.js'

/** The datasets careers and skills are imported from. */
export const DATASETS = ['onet', 'esco'] as const
export type Dataset = (typeof DATASETS)[number]

export const isDataset = (origin: string): origin is Dataset => (DATASETS as readonly string[]).includes(origin)

/** Where a skill comes from, by its id: `onet:…` and `onet-tech:…` from O*NET, `esco:…` from ESCO. */
export function skillOrigin(id: string): string {
  if (id.startsWith('onet:') || id.startsWith('onet-tech:')) return 'onet'
  if (id.startsWith('esco:')) return 'esco'
  return 'catalog'
}

const byList = new WeakMap<readonly CareerSummary[], Map<Dataset, Source[]>>()

function sourcesOf(dataset: Dataset, careers: readonly CareerSummary[], sources: readonly Source[]): Source[] {
  const career = careers.find((c) => c.origin === dataset)
  if (!career) return []
  const ids = datasetSourceIds(career)
  return sources.filter((s) => ids.includes(s.id))
}

/**
 * The source records of the datasets among `origins` (curated data needs no dataset credit), in
 * DATASETS order, worked out once per catalog version (the career list is replaced on a new one).
 */
export function datasetSources(careers: readonly CareerSummary[], sources: readonly Source[], origins: Iterable<string>): Source[] {
  let known = byList.get(careers)
  if (!known) byList.set(careers, (known = new Map()))
  const wanted = new Set([...origins].filter(isDataset))
  return DATASETS.filter((d) => wanted.has(d)).flatMap((dataset) => {
    let found = known.get(dataset)
    if (!found) known.set(dataset, (found = sourcesOf(dataset, careers, sources)))
    return found
  })
}

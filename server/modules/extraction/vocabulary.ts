/** The catalog's skills as the extractor's vocabulary, and its gazetteer, once per catalog version. */
import { fromJson } from '../../platform/db/json.js'
import type { CatalogIndex } from '../careers/index.js'
import { buildGazetteer, type Gazetteer, type Taxonomy, type VocabularySkill } from './gazetteer.js'

const TAXONOMY_OF: Record<string, Taxonomy> = { catalog: 'curated', esco: 'esco', onet: 'onet' }

/** Every skill of the catalog (curated, ESCO, O*NET elements and technologies) with its labels. */
export function vocabularyOf(index: Pick<CatalogIndex, 'rows'>): VocabularySkill[] {
  return index.rows.skills.map((s) => ({
    id: s.id, name: s.name, taxonomy: TAXONOMY_OF[s.origin] ?? 'curated', kind: s.kind,
    altLabels: fromJson<string[]>(s.alt_labels, []),
    ...(s.esco_uri ? { uri: s.esco_uri } : {}),
  }))
}

/** The gazetteer of this catalog version, built on first use and dropped with the version. */
export const gazetteerOf = (index: CatalogIndex): Gazetteer => index.derived('extraction.gazetteer', (built) => buildGazetteer(vocabularyOf(built)))

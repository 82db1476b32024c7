/** The `sources` row of the ESCO classification import. */
import type { SourcesTable } from '../../../../platform/db/types.js'

export const ESCO_SOURCE_ID = 'esco-1-1-1'

export const escoSource: SourcesTable = {
  id: ESCO_SOURCE_ID,
  origin: 'esco',
  publisher: 'European Commission',
  title: 'ESCO classification (English)',
  kind: 'reference-data',
  version: '1.1.1',
  url: 'https://esco.ec.europa.eu/',
  licence: 'CC BY 4.0 (European Commission reuse policy)',
  attribution: 'This service uses the ESCO classification of the European Commission.',
  published: null,
  retrieved: null,
  seed_document: null,
  note: null,
}

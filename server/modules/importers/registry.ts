/**
 * Every importer by the source name the CLI takes, in the order `import all` runs them (occupations
 * before the figures and links that refer to them by code — though code-keyed rows do not depend on it).
 */
import type { Importer } from './import-types.js'
import { blsOewsImporter } from './sources/bls-oews/bls-oews.importer.js'
import { blsProjectionsImporter } from './sources/bls-projections/bls-projections.importer.js'
import { cipSocImporter } from './sources/cip-soc/cip-soc.importer.js'
import { escoOnetCrosswalkImporter } from './sources/esco-onet-crosswalk/esco-onet-crosswalk.importer.js'
import { escoImporter } from './sources/esco/esco.importer.js'
import { onetImporter } from './sources/onet/onet.importer.js'
import { beaRppImporter } from './sources/bea-rpp/bea-rpp.importer.js'

export const IMPORTERS: Readonly<Record<string, Importer>> = {
  onet: onetImporter,
  esco: escoImporter,
  'bls-oews': blsOewsImporter,
  'bls-projections': blsProjectionsImporter,
  'cip-soc': cipSocImporter,
  'esco-onet-crosswalk': escoOnetCrosswalkImporter,
  'bea-rpp': beaRppImporter,
}

export const SOURCE_NAMES = Object.keys(IMPORTERS)

/** The importers module: public datasets → staged batches → one published catalog version. */
export { createImportService, type ImportService, type ImportResult, type ImportOptions } from './import.service.js'
export { createImportRepository, countByOrigin } from './import.repository.js'
export { IMPORTERS, SOURCE_NAMES } from './registry.js'
export { ImportInputError, type Importer, type ImportInput } from './import-types.js'
export { openInput } from './input/index.js'

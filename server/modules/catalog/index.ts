/** The catalog module: curated catalog files → database → in-memory index. */
export { createCatalogService, type CatalogService } from './catalog.service.js'
export { createCatalogRepository, type CatalogRepository } from './catalog.repository.js'
export { loadCatalog, CatalogError, formatProblem, type CatalogBundle } from './catalog-loader.js'

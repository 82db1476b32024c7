/** The search module: one in-memory index per catalog version over careers, skills, credentials and resources. */
export { createSearchService, catalogSearchOf, type SearchService } from './search.service.js'
export { searchRoutes } from './search.routes.js'
export type { SearchQuery } from './search.schema.js'

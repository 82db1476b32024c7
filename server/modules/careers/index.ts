/** The careers module: profiles, facts and lists served from the in-memory catalog index. */
export { createCareerService, slugify, type CareerService } from './careers.service.js'
export { careerRoutes } from './careers.routes.js'
export { buildCatalogIndex, type CatalogIndex } from './career-index.js'

/**
 * Composition root: builds every service once from the config. No DI container; tests call
 * createDeps with their own database.
 */
import type { FastifyBaseLogger } from 'fastify'
import type { Config } from './config.js'
import { createCatalogRepository, createCatalogService, type CatalogService } from './modules/catalog/index.js'
import { createCareerService, type CareerService } from './modules/careers/index.js'
import type { Db } from './platform/db/client.js'

export interface Deps {
  config: Config
  db: Db
  catalog: CatalogService
  careers: CareerService
}

export function createDeps(config: Config, db: Db, log: Pick<FastifyBaseLogger, 'info'>): Deps {
  const catalog = createCatalogService({ repo: createCatalogRepository(db), catalogDir: config.catalogDir, log })
  return { config, db, catalog, careers: createCareerService({ catalog }) }
}

/**
 * Composition root: builds every service once from the config. No DI container; tests call
 * createDeps with their own database.
 */
import type { FastifyBaseLogger } from 'fastify'
import type { Config } from './config.js'
import { createCatalogRepository, createCatalogService, type CatalogService } from './modules/catalog/index.js'
import { createCareerService, type CareerService } from './modules/careers/index.js'
import { createExploreService, type ExploreService } from './modules/explore/index.js'
import { createAnalysisService, type AnalysisService } from './modules/analysis/index.js'
import { createSearchService, type SearchService } from './modules/search/index.js'
import { createIdentity, type Identity, type IdentityOptions } from './modules/identity/index.js'
import { createSchoolsService, type SchoolsService } from './modules/access/index.js'
import { createBadgesService, type BadgesService } from './modules/badges/index.js'
import { createPassportModule, type PassportModule } from './modules/passport/index.js'
import { createExtractionService, type ExtractionService } from './modules/extraction/index.js'
import { createCvService, createSavedCvsService, type CvService, type SavedCvsService } from './modules/cv/index.js'
import { createEducatorsModule, type EducatorsModule } from './modules/educators/index.js'
import type { Db } from './platform/db/client.js'
import { createCursorCodec } from './platform/http/cursor.js'

export interface Deps {
  config: Config
  db: Db
  catalog: CatalogService
  careers: CareerService
  search: SearchService
  explore: ExploreService
  /** Gap, matching and learning plans for a passport. */
  analysis: AnalysisService
  identity: Identity
  /** Schools, members, invitations and the access log: one instance for the API and the pages. */
  schools: SchoolsService
  /** Verifiable credentials: the issuer's keys, signing (for the passport routes) and verification. */
  badges: BadgesService
  /** The learner's stored passport, plans and progress, and its signed exports. */
  learner: PassportModule
  /** CVs: built from a passport, tailored to a career, exported as JSON Resume, HTML and PDF. */
  cv: CvService
  /** Saved CVs and JSON Resume import into the stored passport. */
  savedCvs: SavedCvsService
  /** Skills found in pasted text (a CV, a job ad). */
  extraction: ExtractionService
  /** Cohorts, dashboards, reports, adapted pathways and programme alignment (schools' staff). */
  educators: EducatorsModule
  /** What adapters (Redis, job queues) add to operations: /readyz runs the checks, /metrics reads the gauges. */
  ops: Ops
}

export interface Ops {
  readiness: { name: string; check(): Promise<void> }[]
  gauges: { name: string; help: string; read(): Promise<number> }[]
}

/** Optional seams: the clock (tests move time), the server key (main.ts), test doubles for identity. */
export type DepsOptions = IdentityOptions

export function createDeps(config: Config, db: Db, log: Pick<FastifyBaseLogger, 'info'>, options: DepsOptions = {}): Deps {
  const catalog = createCatalogService({ repo: createCatalogRepository(db), catalogDir: config.catalogDir, log })
  const identity = createIdentity(config, db, log, options)
  const cursors = createCursorCodec(identity.secretKey) // page cursors, sealed with the server key
  const careers = createCareerService({ catalog, cursors })
  const analysis = createAnalysisService({ catalog })
  const badges = createBadgesService({ db: db.kysely, secretKey: identity.secretKey, clock: identity.clock, issuerUrl: config.auth.publicOrigin })
  const learner = createPassportModule({ db: db.kysely, catalog, analysis, badges, clock: identity.clock })
  const cv = createCvService({ catalog, now: () => identity.clock.now() })
  return {
    config, db, catalog, careers, identity, analysis, badges, learner, cv,
    savedCvs: createSavedCvsService({ db: db.kysely, catalog, cv, passport: learner.passport, now: () => identity.clock.now() }),
    search: createSearchService({ catalog, cursors }),
    explore: createExploreService({ catalog, careers, cursors }),
    schools: createSchoolsService({ db: db.kysely, identity }),
    extraction: createExtractionService({ catalog }),
    educators: createEducatorsModule({ db: db.kysely, catalog, analysis, learner, clock: identity.clock }),
    ops: { readiness: [], gauges: [] },
  }
}

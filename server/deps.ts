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
import { CATALOG_VERSION_CHANNEL, createShared, type Shared } from './platform/shared/index.js'
import { systemClock } from './modules/identity/index.js'

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
  /**
   * What the installation's processes share: cache, throttle counters, catalog notices and jobs (Redis
   * with REDIS_URL, in-memory twins otherwise). Close it with the database.
   */
  shared: Shared
  /** Closes what createDeps opened besides the database (the Redis connections); the caller closes the database. */
  close(): Promise<void>
}

export interface Ops {
  /** `degradable`: the check's failure is reported but does not fail readiness (the adapters fall back). */
  readiness: { name: string; check(): Promise<void>; degradable?: boolean }[]
  gauges: { name: string; help: string; read(): Promise<number> }[]
}

/** Optional seams: the clock (tests move time), the server key (main.ts), test doubles for identity. */
export type DepsOptions = IdentityOptions & {
  /** The shared adapters to use instead of those chosen from config.redisUrl (tests pick a key prefix). */
  shared?: Shared
}

export function createDeps(config: Config, db: Db, log: Pick<FastifyBaseLogger, 'info'> & Partial<Pick<FastifyBaseLogger, 'warn'>>, options: DepsOptions = {}): Deps {
  const warnLog = { warn: (obj: object, msg: string) => log.warn?.(obj, msg) }
  const { shared: givenShared, ...identityOptions } = options
  const shared = givenShared ?? createShared({ redisUrl: config.redisUrl, clock: options.clock ?? systemClock, log: warnLog })
  const catalog = createCatalogService({
    repo: createCatalogRepository(db), catalogDir: config.catalogDir, log,
    announce: (version) => void shared.notices.publish(CATALOG_VERSION_CHANNEL, String(version)),
    listen: (onVersion) => shared.notices.subscribe(CATALOG_VERSION_CHANNEL, (message) => onVersion(Number(message))),
  })
  const identity = createIdentity(config, db, log, { ...identityOptions, throttleStore: identityOptions.throttleStore ?? shared.throttleStore })
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
    ops: sharedOps(shared),
    shared,
    // Shared adapters handed in by the caller are the caller's to close.
    close: givenShared ? async () => undefined : () => shared.close(),
  }
}

/** The `redis` readiness check and the job-queue depth gauge (server mode only). */
function sharedOps(shared: Shared): Ops {
  if (shared.backend === 'memory') {
    return { readiness: [], gauges: [{ name: 'pathways_job_queue_depth', help: 'Jobs waiting, delayed or running.', read: () => shared.jobs.depth() }] }
  }
  return {
    readiness: [{ name: 'redis', check: () => shared.ping(), degradable: true }],
    gauges: [{ name: 'pathways_job_queue_depth', help: 'Jobs waiting, delayed or running.', read: () => shared.jobs.depth() }],
  }
}

/**
 * The learner's own data (issue 6): the stored skills passport, its gaps and matches, learning plans,
 * pathway progress with a progress series, and signed Open Badges exports. Other modules import
 * only from here: `createPassportModule` (deps.ts) and `passportModuleRoutes` (app.ts).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import type { Database } from '../../platform/db/types.js'
import type { AnalysisService } from '../analysis/index.js'
import type { BadgesService } from '../badges/index.js'
import type { CatalogService } from '../catalog/index.js'
import type { Clock } from '../identity/index.js'
import { createPassportCredentials } from './passport-credentials.js'
import { passportRoutes } from './passport.routes.js'
import { createPassportService } from './passport.service.js'
import { createPlansService } from './plans.service.js'
import { planRoutes } from './plans.routes.js'

export { createPassportService, type PassportService, type EventKind } from './passport.service.js'
export { createPlansService, MAX_PLANS, type PlansService } from './plans.service.js'
export { createPassportRepository, type PassportRepository } from './passport.repository.js'

export interface PassportModuleDeps {
  db: Kysely<Database>
  catalog: CatalogService
  analysis: AnalysisService
  badges: BadgesService
  /** The identity module's clock: tests move it to build a progress series. */
  clock: Clock
}

/** Builds the module's services once (deps.ts). */
export function createPassportModule(deps: PassportModuleDeps) {
  const passport = createPassportService(deps)
  const plans = createPlansService({ ...deps, passport })
  const credentials = createPassportCredentials({ db: deps.db, passport, badges: deps.badges })
  return { passport, plans, credentials, analysis: deps.analysis }
}

export type PassportModule = ReturnType<typeof createPassportModule>

/** Every /me route of the module (register under /api/v1). */
export const passportModuleRoutes: FastifyPluginAsyncTypebox<{ learner: PassportModule }> = async (app, { learner }) => {
  await app.register(passportRoutes, { passport: learner.passport, analysis: learner.analysis, credentials: learner.credentials })
  await app.register(planRoutes, { plans: learner.plans, passport: learner.passport })
}

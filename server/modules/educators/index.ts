/**
 * Educators (issue 8): cohorts with join codes and assignments, dashboards, attainment reports,
 * adapted pathways that keep tracking their upstream, and programme (CIP) alignment. Everything is
 * inside one school: routes sit under /api/v1/schools/{schoolId}/… and name policy operations
 * (access/policy.ts) that the access hook enforces; services filter every query by that school.
 */
import type { Identity } from '../identity/index.js'
import { createAdaptedPathwaysService, type AdaptedPathwaysService } from './adapted-pathways.service.js'
import { adaptedPathwaysRoutes } from './adapted-pathways.routes.js'
import { createCohortsService, type CohortsService } from './cohorts.service.js'
import { cohortsRoutes } from './cohorts.routes.js'
import { createDashboardService, type DashboardService } from './dashboard.service.js'
import { dashboardRoutes } from './dashboard.routes.js'
import type { EducatorsDeps } from './deps.js'
import { createProgrammesService, type ProgrammesService } from './programmes.service.js'
import { programmesRoutes } from './programmes.routes.js'
import { createReportsService, type ReportsService } from './reports.service.js'
import { reportsRoutes } from './reports.routes.js'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'

export type { EducatorsDeps }

export interface EducatorsModule {
  cohorts: CohortsService
  dashboard: DashboardService
  reports: ReportsService
  pathways: AdaptedPathwaysService
  programmes: ProgrammesService
}

export function createEducatorsModule(deps: EducatorsDeps): EducatorsModule {
  return {
    cohorts: createCohortsService(deps),
    dashboard: createDashboardService(deps),
    reports: createReportsService(deps),
    pathways: createAdaptedPathwaysService(deps),
    programmes: createProgrammesService(deps),
  }
}

export interface EducatorRouteOptions {
  educators: EducatorsModule
  identity: Identity
}

/** Every educator API route, registered under /api/v1. */
export const educatorRoutes: FastifyPluginAsyncTypebox<EducatorRouteOptions> = async (app, options) => {
  await app.register(cohortsRoutes, options)
  await app.register(dashboardRoutes, options)
  await app.register(reportsRoutes, options)
  await app.register(adaptedPathwaysRoutes, options)
  await app.register(programmesRoutes, options)
}

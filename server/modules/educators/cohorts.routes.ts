/** Placeholder: filled by the cohorts work (issue 8). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { EducatorRouteOptions } from './index.js'

export const cohortsRoutes: FastifyPluginAsyncTypebox<EducatorRouteOptions> = async () => {}

/** Placeholder: filled by the dashboard work (issue 8). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { EducatorRouteOptions } from './index.js'

export const dashboardRoutes: FastifyPluginAsyncTypebox<EducatorRouteOptions> = async () => {}

/** Placeholder: filled by the reports work (issue 8). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { EducatorRouteOptions } from './index.js'

export const reportsRoutes: FastifyPluginAsyncTypebox<EducatorRouteOptions> = async () => {}

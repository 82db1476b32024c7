/** Placeholder: filled by the adapted-pathways work (issue 8). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { EducatorRouteOptions } from './index.js'

export const adaptedPathwaysRoutes: FastifyPluginAsyncTypebox<EducatorRouteOptions> = async () => {}

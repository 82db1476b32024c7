/** Placeholder: filled by the programmes work (issue 8). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { EducatorRouteOptions } from './index.js'

export const programmesRoutes: FastifyPluginAsyncTypebox<EducatorRouteOptions> = async () => {}

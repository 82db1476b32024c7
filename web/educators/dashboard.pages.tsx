/** Placeholder: filled by the dashboard work (issue 8). */
import type { FastifyPluginAsync } from 'fastify'
import type { EducatorPagesOptions } from './educator-kit.js'

export const dashboardPages: FastifyPluginAsync<EducatorPagesOptions> = async () => {}

/** Placeholder: filled by the cohorts work (issue 8). */
import type { FastifyPluginAsync } from 'fastify'
import type { EducatorPagesOptions } from './educator-kit.js'

export const cohortPages: FastifyPluginAsync<EducatorPagesOptions> = async () => {}

/** Placeholder: filled by the pathways work (issue 8). */
import type { FastifyPluginAsync } from 'fastify'
import type { EducatorPagesOptions } from './educator-kit.js'

export const pathwayPages: FastifyPluginAsync<EducatorPagesOptions> = async () => {}

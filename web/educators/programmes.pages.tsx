/** Placeholder: filled by the programmes work (issue 8). */
import type { FastifyPluginAsync } from 'fastify'
import type { EducatorPagesOptions } from './educator-kit.js'

export const programmePages: FastifyPluginAsync<EducatorPagesOptions> = async () => {}

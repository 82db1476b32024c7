/** Placeholder: filled by the reports work (issue 8). */
import type { FastifyPluginAsync } from 'fastify'
import type { EducatorPagesOptions } from './educator-kit.js'

export const reportPages: FastifyPluginAsync<EducatorPagesOptions> = async () => {}

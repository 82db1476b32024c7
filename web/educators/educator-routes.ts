/**
 * The educator pages (/schools/{schoolId}/cohorts…, /pathways…, /programmes…, /reports…, and the
 * learner's /me/cohorts) as one encapsulated plugin, like the account pages: request bodies are HTML
 * forms (with the hidden CSRF field) and errors become pages. Every page is personal or tenant data:
 * `Cache-Control: no-store`.
 */
import type { FastifyPluginAsync } from 'fastify'
import { installPageErrors } from '../account/page-kit.js'
import { useFormBodies } from '../forms/form-body.js'
import { cohortPages } from './cohorts.pages.js'
import { dashboardPages } from './dashboard.pages.js'
import type { EducatorPagesOptions } from './educator-kit.js'
import { pathwayPages } from './pathways.pages.js'
import { programmePages } from './programmes.pages.js'
import { reportPages } from './reports.pages.js'

export type { EducatorPagesOptions }

export const educatorPageRoutes: FastifyPluginAsync<EducatorPagesOptions> = async (app, options) => {
  useFormBodies(app)
  installPageErrors(app, options)
  await app.register(cohortPages, options)
  await app.register(dashboardPages, options)
  await app.register(reportPages, options)
  await app.register(pathwayPages, options)
  await app.register(programmePages, options)
}

/**
 * The learner's CV pages (/cv, /cover-letter, /passport/extract) as one encapsulated plugin, like
 * the passport pages: request bodies are HTML forms, errors become pages (anonymous → sign in), and
 * every page is personal (`Cache-Control: no-store`).
 */
import type { FastifyPluginAsync } from 'fastify'
import { installPageErrors } from '../account/page-kit.js'
import { useFormBodies } from '../forms/form-body.js'
import { cvPages } from './cv.pages.js'
import type { CvPagesOptions } from './cv-kit.js'
import { extractPages } from './extract.pages.js'
import { letterPages } from './letter.pages.js'

export type { CvPagesOptions }

export const cvPageRoutes: FastifyPluginAsync<CvPagesOptions> = async (app, options) => {
  useFormBodies(app)
  installPageErrors(app, options)
  await app.register(cvPages, options)
  await app.register(letterPages, options)
  await app.register(extractPages, options)
}

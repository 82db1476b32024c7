/**
 * The learner's passport pages (/passport…) as one encapsulated plugin, like the account pages:
 * inside it request bodies are HTML forms and errors become pages (anonymous → sign in, another
 * learner's plan → 404). Every page is personal: `Cache-Control: no-store`, never cached. It also
 * serves the pickers' script, which only the editor loads.
 */
import type { FastifyPluginAsync } from 'fastify'
import { sendCached } from '../../server/platform/http/cached-response.js'
import { installPageErrors } from '../account/page-kit.js'
import { PICKER_PATH } from '../assets.js'
import { useFormBodies } from '../forms/form-body.js'
import { analysisPages } from './analysis.pages.js'
import { editorPages } from './editor.pages.js'
import { pathwayPages } from './pathway.pages.js'
import type { PassportPagesOptions } from './passport-kit.js'

export type { PassportPagesOptions }

const IMMUTABLE = 'public, max-age=31536000, immutable'

export const passportPageRoutes: FastifyPluginAsync<PassportPagesOptions> = async (app, options) => {
  useFormBodies(app)
  installPageErrors(app, options)
  await app.register(editorPages, options)
  await app.register(analysisPages, options)
  await app.register(pathwayPages, options)

  const { picker } = options
  app.get<{ Querystring: { v?: string } }>(PICKER_PATH, { schema: { hide: true }, config: { operation: 'public' } }, async (request, reply) => {
    const current = request.query.v !== undefined && picker.href.endsWith(`?v=${request.query.v}`)
    return sendCached(request, reply, picker, { type: 'text/javascript; charset=utf-8', cacheControl: current ? IMMUTABLE : 'no-cache' })
  })
}

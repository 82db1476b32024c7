/**
 * The account, school and operator pages as one encapsulated plugin: inside it — and only inside
 * it — request bodies are HTML forms (the JSON API keeps answering 415 to them) and errors become
 * pages instead of problem+json. Every page is personal: `Cache-Control: no-store`, rendered per
 * request, never put in the page cache.
 */
import type { FastifyPluginAsync } from 'fastify'
import { sendCached } from '../../server/platform/http/cached-response.js'
import { TOKEN_SCRIPT_PATH, type Asset } from '../assets.js'
import { useFormBodies } from '../forms/form-body.js'
import { accountPages } from './account.pages.js'
import { authPages } from './auth.pages.js'
import { outboxPages } from './outbox.pages.js'
import { installPageErrors, type AccountPagesOptions } from './page-kit.js'
import { schoolPages } from './school.pages.js'

export type { AccountPagesOptions }

const JS_TYPE = 'text/javascript; charset=utf-8'
const IMMUTABLE = 'public, max-age=31536000, immutable'

export const accountRoutes: FastifyPluginAsync<Omit<AccountPagesOptions, 'tokenScript'> & { tokenScript: Asset }> = async (app, { tokenScript, ...rest }) => {
  const options: AccountPagesOptions = { ...rest, tokenScript: tokenScript.href }
  useFormBodies(app)
  installPageErrors(app, options)

  app.get<{ Querystring: { v?: string } }>(TOKEN_SCRIPT_PATH, { schema: { hide: true }, config: { operation: 'public' } }, async (request, reply) => {
    const current = request.query.v !== undefined && tokenScript.href.endsWith(`?v=${request.query.v}`)
    return sendCached(request, reply, tokenScript, { type: JS_TYPE, cacheControl: current ? IMMUTABLE : 'no-cache' })
  })

  await app.register(authPages, options)
  await app.register(accountPages, options)
  await app.register(schoolPages, options)
  await app.register(outboxPages, options)
}

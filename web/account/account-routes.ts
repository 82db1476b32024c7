/**
 * The account, school and operator pages as one encapsulated plugin: inside it — and only inside
 * it — request bodies are HTML forms (the JSON API keeps answering 415 to them) and errors become
 * pages instead of problem+json. Every page is personal: `Cache-Control: no-store`, rendered per
 * request, never put in the page cache.
 */
import type { FastifyPluginAsync } from 'fastify'
import { useFormBodies } from '../forms/form-body.js'
import { accountPages } from './account.pages.js'
import { authPages } from './auth.pages.js'
import { consentPages } from './consent.pages.js'
import { outboxPages } from './outbox.pages.js'
import { installPageErrors, type AccountPagesOptions } from './page-kit.js'
import { schoolPages } from './school.pages.js'

export type { AccountPagesOptions }

export const accountRoutes: FastifyPluginAsync<AccountPagesOptions> = async (app, options) => {
  useFormBodies(app)
  installPageErrors(app, options)

  await app.register(authPages, options)
  await app.register(consentPages, options)
  await app.register(accountPages, options)
  await app.register(schoolPages, options)
  await app.register(outboxPages, options)
}

/**
 * The pages' side of a database outage: an error that means "the database is not reachable" becomes
 * a 503 page with Retry-After (a retryable refusal, like the API's problem+json), never a 500 page.
 */
import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { installAuthentication } from '../../server/modules/identity/index.js'
import { installPageErrors } from '../../web/account/page-kit.js'
import { createAuthTestApp, type AuthTestApp } from '../support/auth.js'

let t: AuthTestApp
beforeAll(async () => {
  t = await createAuthTestApp()
})
afterAll(async () => {
  await t?.close()
})

describe('a page whose database is unreachable', () => {
  it('answers a 503 page with Retry-After, while other failures stay 500', async () => {
    const app = Fastify()
    installAuthentication(app, t.deps.identity) // pages read the actor for their header
    await app.register(async (scope) => {
      installPageErrors(scope, { identity: t.deps.identity, schools: t.deps.schools, db: t.deps.db.kysely, assets: { stylesheet: '/s.css', script: '/s.js' } })
      scope.get('/refused', { config: { operation: 'public' } }, async () => {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
      })
      scope.get('/broken', { config: { operation: 'public' } }, async () => {
        throw new TypeError('a bug')
      })
    })
    const refused = await app.inject('/refused')
    expect(refused.statusCode).toBe(503)
    expect(refused.headers['retry-after']).toBe('5')
    expect(refused.headers['content-type']).toContain('text/html')
    expect(refused.body).toContain('Back in a moment')
    const broken = await app.inject('/broken')
    expect(broken.statusCode).toBe(500)
    await app.close()
  })
})

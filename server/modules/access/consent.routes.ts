/**
 * The parent's side of consent for a child under 13 (see identity/consent.ts): read who asked, then
 * agree or refuse with the mailed link. Refusing deletes the child's account and personal data
 * through the same code as an account holder's own deletion.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import * as S from '../../../shared/schemas.js'
import type { Database } from '../../platform/db/types.js'
import type { RequestContext } from '../identity/accounts.service.js'
import { requestContext } from '../identity/auth.routes.js'
import type { Identity } from '../identity/index.js'
import { invalidToken } from '../identity/identity.errors.js'
import { SecretToken } from '../identity/identity.schema.js'
import { strictValidatorCompiler } from '../identity/strict-validator.js'
import { deleteAccount } from './account-data.js'

const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, S.Problem]))

const TokenQuery = Type.Object({ token: SecretToken }, { additionalProperties: false })
const DecisionBody = Type.Object({
  token: SecretToken,
  decision: Type.Union([Type.Literal('grant'), Type.Literal('refuse')], { description: 'grant: the child may use Pathways fully; refuse: the account is deleted' }),
}, { additionalProperties: false })
const Request = Type.Object({
  childName: Type.String({ description: 'The name the child gave' }),
  childEmail: Type.String({ description: 'The address the child signed up with' }),
})

export const consentRoutes: FastifyPluginAsyncTypebox<{ identity: Identity; db: Kysely<Database> }> = async (app, { identity, db }) => {
  app.setValidatorCompiler(strictValidatorCompiler)

  app.get('/auth/parental-consent', {
    config: { operation: 'public' },
    schema: {
      tags: ['auth'], summary: 'Who asked for a parent\'s consent (with the mailed link\'s token)',
      querystring: TokenQuery, response: { 200: Request, ...problems(400) },
    },
  }, async (req, reply) => {
    const found = await identity.consent.lookup(req.query.token)
    if (!found) throw invalidToken()
    return reply.header('cache-control', 'no-store').send({ childName: found.childName, childEmail: found.childEmail })
  })

  app.post('/auth/parental-consent', {
    config: { operation: 'public' },
    schema: {
      tags: ['auth'], summary: 'A parent agrees to, or refuses, a child\'s account',
      description: 'The link works once, for 7 days. Refusing deletes the child\'s account and everything in it.',
      body: DecisionBody, response: { 204: Type.Null(), ...problems(400, 403) },
    },
  }, async (req, reply) => {
    if (!(await decideParentalConsent({ identity, db }, req.body.token, req.body.decision, requestContext(req)))) throw invalidToken()
    return reply.code(204).send(null)
  })
}

/**
 * A parent's answer, for the API and the page alike: spends the link, and on refusal deletes the
 * child's account. False for an unknown, used or expired link.
 */
export async function decideParentalConsent(
  deps: { identity: Identity; db: Kysely<Database> },
  token: string,
  decision: 'grant' | 'refuse',
  ctx: RequestContext,
): Promise<boolean> {
  const decided = await deps.identity.consent.decide(token, decision)
  if (!decided) {
    ctx.audit('auth.token.rejected', { purpose: 'parental_consent' })
    return false
  }
  if (decision === 'refuse') {
    const user = await deps.db.selectFrom('users').select('email').where('id', '=', decided.userId).executeTakeFirst()
    if (user) await deleteAccount(deps.db, decided.userId, user.email)
  }
  ctx.audit(decision === 'refuse' ? 'consent.refused' : 'consent.granted', { actorId: decided.userId })
  return true
}

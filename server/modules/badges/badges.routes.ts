/**
 * Public routes of the verifiable-credentials module: the issuer's profile and keys, and verification
 * of a credential this instance issued. There is deliberately no route that signs: credentials are
 * issued for signed-in learners by the passport routes, through the service.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import * as S from '../../../shared/schemas.js'
import { strictValidatorCompiler } from '../identity/strict-validator.js'
import { IssuerDescription, SignedCredential, VerificationResult } from './badges.schema.js'
import type { BadgesService } from './badges.service.js'

/** A passport of 500 skills (the most one carries) is about 220 KB; nothing this instance issues comes near 1 MB. */
const VERIFY_BODY_LIMIT = 1024 * 1024

const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, S.Problem]))

export const badgeRoutes: FastifyPluginAsyncTypebox<{ badges: BadgesService }> = async (app, { badges }) => {
  // No type coercion: a number where the issuer wrote a string is a different credential.
  app.setValidatorCompiler(strictValidatorCompiler)

  app.get('/issuer', {
    config: { operation: 'public' },
    schema: {
      tags: ['verifiable-credentials'],
      summary: 'The issuer of this instance\'s credentials: its Open Badges Profile and signing keys',
      description: 'The profile\'s id is the did:key of the active Ed25519 key; credentials signed by a retired key still verify (its did:key resolves offline), those of a revoked key do not.',
      response: { 200: IssuerDescription },
    },
  }, async (_req, reply) => reply.header('cache-control', 'public, max-age=60').send(await badges.describeIssuer()))

  app.post('/credentials/verify', {
    config: { operation: 'public' },
    bodyLimit: VERIFY_BODY_LIMIT,
    schema: {
      tags: ['verifiable-credentials'],
      summary: 'Verify an Open Badges 3.0 credential this instance issued',
      description: 'The body is the credential as issued (JSON). The answer says whether it verifies and lists every check and the reason for each failure: a changed value, another key, an unknown or revoked key, outside its validity period. A body that is not the shape of a credential this instance issues (a property it never writes, a missing proof) is 400 request.invalid.',
      body: SignedCredential,
      response: { 200: VerificationResult, ...problems(400, 413, 503) },
    },
  }, async (req, reply) => reply.header('cache-control', 'no-store').send(await badges.verify(req.body)))
}

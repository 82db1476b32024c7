/**
 * The learner's own passport under /api/v1/me: read it (also with a read-scoped API key, logged),
 * build it (a signed-in person; a child under 13 once a parent has agreed), see its gaps and career
 * matches, and download it or an earned credential as a signed Open Badges 3.0 credential.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import * as S from '../../../shared/schemas.js'
import { MatchAnswer, Passport } from '../analysis/index.js'
import type { AnalysisService } from '../analysis/index.js'
import { requireAuthenticated, requireUser } from '../identity/index.js'
import { safeFileName, type PassportCredentials } from './passport-credentials.js'
import * as P from './passport.schema.js'
import type { PassportService } from './passport.service.js'

const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, S.Problem]))
const Signed = Type.Unknown({ description: 'A signed OpenBadgeCredential (W3C VC 2.0, eddsa-rdfc-2022), as an attachment; verify it with POST /api/v1/credentials/verify' })

export interface PassportRouteDeps {
  passport: PassportService
  analysis: AnalysisService
  credentials: PassportCredentials
}

/** The issue date of a signed credential (its validFrom), for the file name. */
const issuedOn = (credential: unknown): string => String((credential as { validFrom?: unknown }).validFrom ?? '').slice(0, 10)

function download(reply: FastifyReply, fileName: string, credential: unknown) {
  return reply
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .type('application/vc+ld+json; charset=utf-8')
    .send(JSON.stringify(credential, null, 2))
}

export const passportRoutes: FastifyPluginAsyncTypebox<PassportRouteDeps> = async (app, { passport, analysis, credentials }) => {
  const read = { operation: 'me.passport.read' }
  const write = { operation: 'me.passport.write' }
  const tags = ['passport']

  app.get('/me/passport', {
    config: read,
    schema: {
      tags, summary: 'My skills passport',
      description: 'Skills (catalog ids, one per group of equivalent ids, with ESCO URI and O*NET element where the catalog has them), earned credentials and target careers.',
      response: { 200: P.StoredPassport, ...problems(401, 403) },
    },
  }, async (req) => {
    const actor = requireAuthenticated(req.actor)
    await passport.noteRead(actor, 'passport')
    return passport.read(actor.userId)
  })

  app.put('/me/passport', {
    config: write,
    schema: {
      tags, summary: 'Replace my skills passport',
      description: 'The `Passport` schema. Skills may be named by catalog id, ESCO URI, O*NET element or exact label; they are stored resolved, one per skill. Earned credentials add their skills (source credential) unless a higher level is given. Omitted lists are emptied. An entry naming nothing in the catalog → 400 passport.unresolved with a pointer to each, and nothing is stored.',
      body: Passport, response: { 200: P.StoredPassport, ...problems(400, 401, 403) },
    },
  }, async (req) => passport.replace(requireUser(req.actor).userId, req.body))

  app.post('/me/passport/skills', {
    config: write,
    schema: {
      tags, summary: 'Add a skill, or replace the one already there',
      description: 'Level, source and evidence replace those of the same skill (or an equivalent id) in the passport.',
      body: P.SkillBody, response: { 200: P.StoredPassport, ...problems(400, 401, 403) },
    },
  }, async (req) => passport.setSkill(requireUser(req.actor).userId, req.body))

  app.delete('/me/passport/skills/:skillId', {
    config: write,
    schema: { tags, summary: 'Remove a skill', params: P.SkillParams, response: { 200: P.StoredPassport, ...problems(401, 403, 404) } },
  }, async (req) => passport.removeSkill(requireUser(req.actor).userId, req.params.skillId))

  app.post('/me/passport/credentials', {
    config: write,
    schema: {
      tags, summary: 'Record an earned credential',
      description: 'Its skills enter the passport at the level the credential teaches (source credential), unless the passport has them higher.',
      body: P.CredentialBody, response: { 200: P.StoredPassport, ...problems(400, 401, 403, 404) },
    },
  }, async (req) => passport.earn(requireUser(req.actor).userId, req.body.credential, req.body.earnedOn))

  app.delete('/me/passport/credentials/:credentialId', {
    config: write,
    schema: {
      tags, summary: 'Remove an earned credential',
      description: 'Skills whose level came from credentials fall back to what the remaining ones teach, or leave the passport; levels you set stay.',
      params: P.CredentialParams, response: { 200: P.StoredPassport, ...problems(401, 403, 404) },
    },
  }, async (req) => passport.unearn(requireUser(req.actor).userId, req.params.credentialId))

  app.put('/me/passport/targets', {
    config: write,
    schema: { tags, summary: 'Set my target careers', body: P.TargetsBody, response: { 200: P.StoredPassport, ...problems(400, 401, 403) } },
  }, async (req) => passport.setTargets(requireUser(req.actor).userId, req.body.targets))

  app.get('/me/gaps', {
    config: read,
    schema: {
      tags, summary: 'How far my passport is from my target careers',
      description: 'One gap analysis per target career, or for `career` alone (see POST /analysis/gap).',
      querystring: P.GapsQuery, response: { 200: P.GapsAnswer, ...problems(400, 401, 403, 404) },
    },
  }, async (req) => {
    const actor = requireAuthenticated(req.actor)
    await passport.noteRead(actor, 'passport.gaps')
    const body = await passport.body(actor.userId)
    if (req.query.career !== undefined) return { items: [analysis.gap(body, req.query.career)] }
    // A target the catalog no longer has is left out (the passport still lists what it can).
    return { items: (body.targets ?? []).flatMap((career) => { try { return [analysis.gap(body, career)] } catch { return [] } }) }
  })

  app.get('/me/matches', {
    config: read,
    schema: {
      tags, summary: 'Every career ranked by fit for my passport',
      description: 'As POST /analysis/matches, for the stored passport; filters and paging in the query.',
      querystring: P.MatchesQuery, response: { 200: MatchAnswer, ...problems(400, 401, 403) },
    },
  }, async (req) => {
    const actor = requireAuthenticated(req.actor)
    await passport.noteRead(actor, 'passport.matches')
    const { limit, offset, ...filters } = req.query
    return analysis.matches(await passport.body(actor.userId), { filters, limit, offset })
  })

  app.post('/me/passport/credential', {
    config: { operation: 'me.passport.share' },
    schema: {
      tags, summary: 'Download my passport as a signed verifiable credential',
      description: 'An Open Badges 3.0 OpenBadgeCredential: one result per skill (level 0–5 and its source), aligned to ESCO or O*NET where the skill has a URI there; earned credentials as evidence.',
      response: { 200: Signed, ...problems(401, 403) },
    },
  }, async (req, reply) => {
    const userId = requireUser(req.actor).userId
    const credential = await credentials.passportCredential(userId)
    return download(reply, safeFileName(`pathways-passport-${issuedOn(credential)}`), credential)
  })

  app.post('/me/credentials/:credentialId/credential', {
    config: { operation: 'me.passport.share' },
    schema: {
      tags, summary: 'Download an earned credential as a signed Open Badges achievement',
      description: 'The achievement with its skills aligned to their ESCO or O*NET URIs. Pathways signs what the learner recorded; it has not checked it with the provider, and the criteria say so.',
      params: P.CredentialParams, response: { 200: Signed, ...problems(401, 403, 404) },
    },
  }, async (req, reply) => {
    const userId = requireUser(req.actor).userId
    const credential = await credentials.achievementCredential(userId, req.params.credentialId)
    return download(reply, safeFileName(`pathways-${req.params.credentialId}`), credential)
  })
}

/**
 * Schools, members, invitations and the access log under /api/v1. The policy hook has decided
 * access before any handler here runs (each route names its operation); handlers only scope their
 * answers. Bodies are strict: `role`, `platformRole`, `schoolId` and unknown fields are refused
 * wherever they are not the point of the request.
 *
 * Members: school admins and educators see the whole roster (names and roles, no emails); a
 * member's record (with email) is for staff, platform admins and the member; every such read by
 * someone else is written to the access log, which the learner (GET /me/access-log) and the
 * school's admins (GET /schools/{id}/access-log) can read and nobody can change (405).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import * as S from '../../../shared/schemas.js'
import { AppError } from '../../platform/http/errors.js'
import { requireAuthenticated, requireUser, type Identity } from '../identity/index.js'
import { redeemThrottled } from './redeem.js'
import type { SchoolsService } from './schools.service.js'

const strict = { additionalProperties: false } as const
const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, S.Problem]))
const Empty = Type.Null({ description: 'No content' })
const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9a-fA-F-]{1,64}$' })
const Role = Type.Union([Type.Literal('learner'), Type.Literal('educator'), Type.Literal('school_admin')])
const Timestamp = Type.String({ description: 'ISO-8601 UTC' })

const School = Type.Object({ id: Type.String(), name: Type.String(), slug: Type.String(), createdAt: Timestamp }, strict)
const Member = Type.Object({ userId: Type.String(), displayName: Type.String(), role: Role, joinedAt: Timestamp }, strict)
const MemberRecord = Type.Object({ userId: Type.String(), displayName: Type.String(), email: Type.String(), role: Role, joinedAt: Timestamp }, strict)
const AccessLogEntry = Type.Object({
  id: Type.String(), learnerId: Type.String(), actorUserId: Type.Union([Type.String(), Type.Null()]), actorKeyId: Type.Union([Type.String(), Type.Null()]),
  actorRole: Type.String(), schoolId: Type.Union([Type.String(), Type.Null()]), record: Type.String(), purpose: Type.String(), at: Timestamp,
}, strict)
const Invitation = Type.Object({
  id: Type.String(), role: Role, kind: Type.Union([Type.Literal('link'), Type.Literal('code')]), email: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp, expiresAt: Timestamp, maxUses: Type.Integer(), uses: Type.Integer(), revokedAt: Type.Union([Type.String(), Type.Null()]),
}, strict)

const SchoolParams = Type.Object({ schoolId: Id }, strict)
const MemberParams = Type.Object({ schoolId: Id, userId: Id }, strict)
const InvitationParams = Type.Object({ schoolId: Id, id: Id }, strict)
const PageQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 100 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
}, strict)
const NewSchoolBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  slug: Type.Optional(Type.String({ minLength: 2, maxLength: 60, pattern: '^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$' })),
  adminUserId: Type.Optional(Id),
  adminEmail: Type.Optional(Type.String({ minLength: 3, maxLength: 254 })),
}, strict)
const RoleBody = Type.Object({ role: Role }, strict)
const NewInvitationBody = Type.Object({
  role: Role,
  kind: Type.Union([Type.Literal('link'), Type.Literal('code')]),
  email: Type.Optional(Type.String({ minLength: 3, maxLength: 254 })),
  expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
  maxUses: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
}, strict)
const AcceptBody = Type.Object({ token: Type.String({ pattern: '^[0-9A-Za-z]{43}$' }) }, strict)
const JoinBody = Type.Object({ code: Type.String({ minLength: 8, maxLength: 12, pattern: '^[0-9A-Za-z -]{8,12}$' }) }, strict)
const Joined = Type.Object({ school: School, role: Role }, strict)

/** The role the policy let the caller in as (school role, 'platform_admin', 'owner'). */
const via = (req: FastifyRequest): string => (req.access.decision.allow ? req.access.decision.via : 'none')

const methodNotAllowed = async (_req: FastifyRequest, reply: FastifyReply) => {
  reply.header('allow', 'GET, HEAD')
  throw new AppError('method.not_allowed', 405, 'The access log is append-only: it cannot be changed or deleted.')
}

export const schoolRoutes: FastifyPluginAsyncTypebox<{ identity: Identity; schools: SchoolsService }> = async (app, { identity, schools }) => {
  app.post('/schools', {
    config: { operation: 'school.create' },
    schema: {
      tags: ['schools'], summary: 'Create a school (platform admins)',
      description: 'Optionally names its first school admin, an existing user, by `adminUserId` or `adminEmail`.',
      body: NewSchoolBody, response: { 201: School, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => reply.code(201).send(await schools.create(req.body)))

  app.get('/schools', {
    config: { operation: 'school.list' },
    schema: { tags: ['schools'], summary: 'Schools: all for platform admins, otherwise mine', response: { 200: Type.Object({ items: Type.Array(School) }, strict), ...problems(401) } },
  }, async (req) => ({ items: await schools.list(req.actor) }))

  app.get('/schools/:schoolId', {
    config: { operation: 'school.read' },
    schema: { tags: ['schools'], summary: 'A school', params: SchoolParams, response: { 200: School, ...problems(400, 401, 403, 404) } },
  }, async (req) => schools.school(req.params.schoolId))

  app.get('/schools/:schoolId/members', {
    config: { operation: 'school.members.list' },
    schema: { tags: ['schools'], summary: 'The roster (staff)', params: SchoolParams, querystring: PageQuery, response: { 200: Type.Object({ items: Type.Array(Member) }, strict), ...problems(400, 401, 403, 404) } },
  }, async (req) => ({ items: await schools.members(req.params.schoolId, req.query) }))

  app.get('/schools/:schoolId/members/:userId', {
    config: { operation: 'school.member.read' },
    schema: {
      tags: ['schools'], summary: 'A member\'s record', description: 'Staff, platform admins and the member themself. A read by anyone but the member is written to the access log.',
      params: MemberParams, response: { 200: MemberRecord, ...problems(400, 401, 403, 404) },
    },
  }, async (req) => schools.readMember(requireAuthenticated(req.actor), via(req), req.params.schoolId, req.params.userId))

  app.patch('/schools/:schoolId/members/:userId', {
    config: { operation: 'school.member.update' },
    schema: {
      tags: ['schools'], summary: 'Change a member\'s role (school admins)', description: 'The member\'s sessions end: they sign in again under the new role.',
      params: MemberParams, body: RoleBody, response: { 200: Member, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (req) => schools.changeRole(requireAuthenticated(req.actor).userId, req.params.schoolId, req.params.userId, req.body.role))

  app.delete('/schools/:schoolId/members/:userId', {
    config: { operation: 'school.member.remove' },
    schema: { tags: ['schools'], summary: 'Remove a member (school admins), or leave', params: MemberParams, response: { 204: Empty, ...problems(400, 401, 403, 404, 409) } },
  }, async (req, reply) => {
    await schools.removeMember(req.params.schoolId, req.params.userId)
    return reply.code(204).send(null)
  })

  app.get('/schools/:schoolId/access-log', {
    config: { operation: 'school.access_log.read' },
    schema: { tags: ['schools'], summary: 'Reads of member records in this school (school admins)', params: SchoolParams, querystring: PageQuery, response: { 200: Type.Object({ items: Type.Array(AccessLogEntry) }, strict), ...problems(400, 401, 403, 404) } },
  }, async (req) => ({ items: await schools.accessLogOfSchool(req.params.schoolId, req.query) }))

  app.get('/me/access-log', {
    config: { operation: 'me.access_log.read' },
    schema: { tags: ['me'], summary: 'Who read my record', response: { 200: Type.Object({ items: Type.Array(AccessLogEntry) }, strict), ...problems(401) } },
  }, async (req) => ({ items: await schools.accessLogOfLearner(requireAuthenticated(req.actor).userId) }))

  for (const url of ['/me/access-log', '/schools/:schoolId/access-log']) {
    app.route({ method: ['PUT', 'PATCH', 'DELETE', 'POST'], url, config: { operation: 'public' }, schema: { hide: true }, handler: methodNotAllowed })
  }

  app.post('/schools/:schoolId/invitations', {
    config: { operation: 'school.invitations.manage' },
    schema: {
      tags: ['schools'], summary: 'Invite to a school',
      description: 'A link token (256 bits) or an 8-character join code, shown once; only its hash is kept. Educators invite learners only.',
      params: SchoolParams, body: NewInvitationBody,
      response: { 201: Type.Object({ invitation: Invitation, token: Type.Optional(Type.String()), code: Type.Optional(Type.String()) }, strict), ...problems(400, 401, 403, 404) },
    },
  }, async (req, reply) => reply.code(201).send(await schools.createInvitation(requireAuthenticated(req.actor), via(req), req.params.schoolId, req.body)))

  app.get('/schools/:schoolId/invitations', {
    config: { operation: 'school.invitations.manage' },
    schema: { tags: ['schools'], summary: 'Invitations (never their secrets)', params: SchoolParams, response: { 200: Type.Object({ items: Type.Array(Invitation) }, strict), ...problems(400, 401, 403, 404) } },
  }, async (req) => ({ items: await schools.invitations(req.params.schoolId) }))

  app.delete('/schools/:schoolId/invitations/:id', {
    config: { operation: 'school.invitations.manage' },
    schema: { tags: ['schools'], summary: 'Revoke an invitation', params: InvitationParams, response: { 204: Empty, ...problems(400, 401, 403, 404) } },
  }, async (req, reply) => {
    await schools.revokeInvitation(via(req), req.params.schoolId, req.params.id)
    return reply.code(204).send(null)
  })

  const redeem = (req: FastifyRequest, kind: 'link' | 'code', secret: string) =>
    redeemThrottled({ identity, schools }, { userId: requireUser(req.actor).userId, ip: req.ip, kind, secret })

  app.post('/invitations/accept', {
    config: { operation: 'invitation.accept' },
    schema: { tags: ['schools'], summary: 'Accept an invitation link', body: AcceptBody, response: { 200: Joined, ...problems(400, 401, 403, 404, 429) } },
  }, async (req) => redeem(req, 'link', req.body.token))

  app.post('/schools/join', {
    config: { operation: 'invitation.accept' },
    schema: { tags: ['schools'], summary: 'Join a school with a code', body: JoinBody, response: { 200: Joined, ...problems(400, 401, 403, 404, 429) } },
  }, async (req) => redeem(req, 'code', req.body.code))
}

/**
 * Adapted pathways and local credentials under /api/v1/schools/{schoolId}: copy a career's catalog
 * pathway, add local steps, edit, reorder, and reconcile with the upstream one change at a time.
 * The policy hook has checked the caller is staff of the school (or a platform admin) before a
 * handler runs; the service scopes every query to that school. Bodies are strict.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import * as S from '../../../shared/schemas.js'
import type { EducatorRouteOptions } from './index.js'

const strict = { additionalProperties: false } as const
const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, S.Problem]))
const Empty = Type.Null({ description: 'No content' })
const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9a-fA-F-]{1,64}$' })
const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Number>>(t: T) => Type.Union([t, Type.Null()])
const Timestamp = Type.String({ description: 'ISO-8601 UTC' })
const TAG = 'adapted-pathways'

const Section = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z][A-Za-z0-9-]*$', description: 'gettingStarted, traditionalPath, progression, advancement, or a section of your own' })
const Title = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })
const StepText = Type.String({ minLength: 1, maxLength: 4000, pattern: '\\S' })
const Duration = Type.Number({ minimum: 0, maximum: 1000 })
const DurationUnit = Type.Union([Type.Literal('days'), Type.Literal('weeks'), Type.Literal('months'), Type.Literal('years'), Type.Literal('hours')])
const CatalogId = Type.String({ minLength: 1, maxLength: 200 })
const ChangeKey = Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9._-]+$' })

const Ref = Type.Object({ id: Type.String(), title: Type.String() }, strict)
const Content = {
  section: Type.String(), title: Type.String(), text: Type.String(),
  durationMin: Type.Union([Type.Number(), Type.Null()]), durationMax: Type.Union([Type.Number(), Type.Null()]),
  durationUnit: Type.Union([Type.String(), Type.Null()]), credentialId: Type.Union([Type.String(), Type.Null()]),
}
const StepContent = Type.Object(Content, strict)
const Step = Type.Object({
  id: Type.String(), position: Type.Integer({ description: '0-based place in the school’s order' }), ...Content,
  origin: Type.Union([Type.Literal('upstream'), Type.Literal('local')], { description: 'upstream: copied from the catalog pathway; local: added by the school' }),
  upstreamKey: Type.Union([Type.String(), Type.Null()], { description: 'The key of the upstream step it was copied from' }),
  edited: Type.Boolean({ description: 'The school changed this upstream step: an upstream change to it is a conflict' }),
  credential: Type.Union([Ref, Type.Null()]), schoolCredentialId: Type.Union([Type.String(), Type.Null()]), schoolCredential: Type.Union([Ref, Type.Null()]),
}, strict)
const SummaryFields = {
  id: Type.String(), title: Type.String(),
  career: Type.Object({ slug: Type.String(), title: Type.Union([Type.String(), Type.Null()]) }, strict),
  steps: Type.Object({ local: Type.Integer(), upstream: Type.Integer() }, strict),
  pendingChanges: Type.Integer({ description: 'Upstream changes not yet accepted or declined' }),
  createdAt: Timestamp, updatedAt: Timestamp,
}
const Summary = Type.Object(SummaryFields, strict)
const Detail = Type.Object({ ...SummaryFields, items: Type.Array(Step) }, strict)
const FieldChange = Type.Object({
  field: Type.String(), before: Type.Union([Type.String(), Type.Number(), Type.Null()]), after: Type.Union([Type.String(), Type.Number(), Type.Null()]),
}, strict)
const Change = Type.Object({
  key: Type.String({ description: 'Stable key of the upstream step: its section and normalised title' }),
  kind: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
  hash: Type.String({ description: 'The upstream version this change is about; send it back with the decision' }),
  before: Type.Union([StepContent, Type.Null()]), after: Type.Union([StepContent, Type.Null()]), fields: Type.Array(FieldChange),
  conflict: Type.Boolean({ description: 'The school edited or deleted its copy: accepting replaces the local state with the upstream version' }),
  localState: Type.Union([Type.Literal('unchanged'), Type.Literal('edited'), Type.Literal('deleted'), Type.Literal('none')]),
  local: Type.Union([Step, Type.Null()]),
}, strict)
const Credential = Type.Object({
  id: Type.String(), title: Type.String(), issuer: Type.String(), summary: Type.Union([Type.String(), Type.Null()]),
  hours: Type.Union([Type.Number(), Type.Null()]), skills: Type.Array(Type.String()), createdAt: Timestamp,
}, strict)

const SchoolParams = Type.Object({ schoolId: Id }, strict)
const PathwayParams = Type.Object({ schoolId: Id, pathwayId: Id }, strict)
const StepParams = Type.Object({ schoolId: Id, pathwayId: Id, stepId: Id }, strict)
const ChangeParams = Type.Object({ schoolId: Id, pathwayId: Id, changeKey: ChangeKey }, strict)
const CredentialParams = Type.Object({ schoolId: Id, credentialId: Id }, strict)

const CopyBody = Type.Object({
  career: Type.String({ minLength: 1, maxLength: 200, description: 'A career slug or an official occupation code (SOC, ISCO…)' }),
  title: Type.Optional(Title),
}, strict)
const RenameBody = Type.Object({ title: Title }, strict)
const StepFields = {
  durationMin: Type.Optional(Nullable(Duration)), durationMax: Type.Optional(Nullable(Duration)), durationUnit: Type.Optional(Type.Union([DurationUnit, Type.Null()])),
  credentialId: Type.Optional(Type.Union([CatalogId, Type.Null()], { description: 'A catalog credential id' })),
  schoolCredentialId: Type.Optional(Type.Union([Id, Type.Null()], { description: 'One of the school’s local credentials' })),
}
const NewStepBody = Type.Object({
  section: Section, title: Title, text: StepText, ...StepFields,
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, description: '0-based place; last when left out' })),
}, strict)
const StepPatchBody = Type.Object({ section: Type.Optional(Section), title: Type.Optional(Title), text: Type.Optional(StepText), ...StepFields }, { ...strict, minProperties: 1 })
const OrderBody = Type.Object({ stepIds: Type.Array(Id, { maxItems: 1000, description: 'Every step id of the pathway, each once, in the new order' }) }, strict)
const DecisionBody = Type.Object({
  decision: Type.Union([Type.Literal('accept'), Type.Literal('decline')]),
  hash: Type.String({ minLength: 1, maxLength: 64, description: 'The `hash` of the change as shown' }),
}, strict)
const Skills = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 100, description: 'Catalog skill ids' })
const CredentialBody = Type.Object({
  title: Title, issuer: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  summary: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  hours: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 100_000 }), Type.Null()])),
  skills: Type.Optional(Skills),
}, strict)
const CredentialPatchBody = Type.Object({
  title: Type.Optional(Title), issuer: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
  summary: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  hours: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 100_000 }), Type.Null()])),
  skills: Type.Optional(Skills),
}, { ...strict, minProperties: 1 })

const actorId = (req: FastifyRequest): string | null => (req.actor.kind === 'user' || req.actor.kind === 'api-key' ? req.actor.userId : null)

export const adaptedPathwaysRoutes: FastifyPluginAsyncTypebox<EducatorRouteOptions> = async (app, { educators }) => {
  const pathways = educators.pathways
  const read = { operation: 'school.pathways.read' as const }
  const manage = { operation: 'school.pathways.manage' as const }

  app.get('/schools/:schoolId/pathways', {
    config: read,
    schema: { tags: [TAG], summary: 'The school’s adapted pathways', params: SchoolParams, response: { 200: Type.Object({ items: Type.Array(Summary) }, strict), ...problems(400, 401, 403, 404) } },
  }, async (req) => ({ items: await pathways.list(req.params.schoolId) }))

  app.post('/schools/:schoolId/pathways', {
    config: manage,
    schema: {
      tags: [TAG], summary: 'Copy a career’s pathway',
      description: 'Copies the catalog pathway steps of the career, in order, each keeping the key of its upstream step; the copy then tracks upstream changes (GET …/upstream).',
      params: SchoolParams, body: CopyBody, response: { 201: Detail, ...problems(400, 401, 403, 404) },
    },
  }, async (req, reply) => reply.code(201).send(await pathways.copy(req.params.schoolId, actorId(req), req.body)))

  app.get('/schools/:schoolId/pathways/:pathwayId', {
    config: read,
    schema: { tags: [TAG], summary: 'An adapted pathway and its steps in the school’s order', params: PathwayParams, response: { 200: Detail, ...problems(400, 401, 403, 404) } },
  }, async (req) => pathways.detail(req.params.schoolId, req.params.pathwayId))

  app.patch('/schools/:schoolId/pathways/:pathwayId', {
    config: manage,
    schema: { tags: [TAG], summary: 'Rename an adapted pathway', params: PathwayParams, body: RenameBody, response: { 200: Detail, ...problems(400, 401, 403, 404) } },
  }, async (req) => pathways.rename(req.params.schoolId, req.params.pathwayId, req.body.title))

  app.delete('/schools/:schoolId/pathways/:pathwayId', {
    config: manage,
    schema: { tags: [TAG], summary: 'Delete an adapted pathway', description: 'Its steps, decisions and learners’ done marks go with it.', params: PathwayParams, response: { 204: Empty, ...problems(400, 401, 403, 404) } },
  }, async (req, reply) => {
    await pathways.remove(req.params.schoolId, req.params.pathwayId)
    return reply.code(204).send(null)
  })

  app.post('/schools/:schoolId/pathways/:pathwayId/steps', {
    config: manage,
    schema: {
      tags: [TAG], summary: 'Add a local step',
      description: 'A step of the school’s own, optionally leading to a catalog credential (`credentialId`) or a local one (`schoolCredentialId`).',
      params: PathwayParams, body: NewStepBody, response: { 201: Step, ...problems(400, 401, 403, 404) },
    },
  }, async (req, reply) => reply.code(201).send(await pathways.addStep(req.params.schoolId, req.params.pathwayId, req.body)))

  app.patch('/schools/:schoolId/pathways/:pathwayId/steps/:stepId', {
    config: manage,
    schema: {
      tags: [TAG], summary: 'Change a step', description: 'Changing a copied upstream step marks it `edited`: a later upstream change to it is shown as a conflict.',
      params: StepParams, body: StepPatchBody, response: { 200: Step, ...problems(400, 401, 403, 404) },
    },
  }, async (req) => pathways.updateStep(req.params.schoolId, req.params.pathwayId, req.params.stepId, req.body))

  app.delete('/schools/:schoolId/pathways/:pathwayId/steps/:stepId', {
    config: manage,
    schema: { tags: [TAG], summary: 'Remove a step', params: StepParams, response: { 204: Empty, ...problems(400, 401, 403, 404) } },
  }, async (req, reply) => {
    await pathways.removeStep(req.params.schoolId, req.params.pathwayId, req.params.stepId)
    return reply.code(204).send(null)
  })

  app.put('/schools/:schoolId/pathways/:pathwayId/order', {
    config: manage,
    schema: { tags: [TAG], summary: 'Reorder the steps', params: PathwayParams, body: OrderBody, response: { 200: Detail, ...problems(400, 401, 403, 404) } },
  }, async (req) => pathways.reorder(req.params.schoolId, req.params.pathwayId, req.body.stepIds))

  app.get('/schools/:schoolId/pathways/:pathwayId/upstream', {
    config: read,
    schema: {
      tags: [TAG], summary: 'Upstream changes not yet decided',
      description: 'The difference between the upstream steps as last reconciled and the current catalog: added, removed and changed steps (field by field), each with its key and upstream hash; `conflict` when the school edited or deleted that step.',
      params: PathwayParams,
      response: { 200: Type.Object({ career: Type.String(), catalogVersion: Type.Integer(), items: Type.Array(Change) }, strict), ...problems(400, 401, 403, 404) },
    },
  }, async (req) => pathways.upstream(req.params.schoolId, req.params.pathwayId))

  app.post('/schools/:schoolId/pathways/:pathwayId/upstream/:changeKey', {
    config: manage,
    schema: {
      tags: [TAG], summary: 'Accept or decline an upstream change',
      description: 'Accept applies it (an addition is placed after its upstream neighbour, a removal removes the copy, a change replaces the copy, a local edit included); decline keeps the school’s version. Either way the change is not asked again until the upstream step changes again. A `hash` other than the current one is refused (409 upstream_change.stale).',
      params: ChangeParams, body: DecisionBody, response: { 200: Type.Object({ change: Change, pathway: Detail }, strict), ...problems(400, 401, 403, 404, 409) },
    },
  }, async (req) => pathways.decide(req.params.schoolId, req.params.pathwayId, req.params.changeKey, req.body, actorId(req)))

  app.post('/schools/:schoolId/pathways/:pathwayId/upstream/accept-all', {
    config: manage,
    schema: {
      tags: [TAG], summary: 'Accept every upstream change that does not conflict',
      params: PathwayParams, body: Type.Optional(Type.Object({}, strict)),
      response: { 200: Type.Object({ accepted: Type.Array(Type.String()), pathway: Detail }, strict), ...problems(400, 401, 403, 404) },
    },
  }, async (req) => pathways.acceptAll(req.params.schoolId, req.params.pathwayId, actorId(req)))

  app.get('/schools/:schoolId/credentials', {
    config: read,
    schema: { tags: [TAG], summary: 'The school’s local credentials', params: SchoolParams, response: { 200: Type.Object({ items: Type.Array(Credential) }, strict), ...problems(400, 401, 403, 404) } },
  }, async (req) => ({ items: await pathways.credentials(req.params.schoolId) }))

  app.post('/schools/:schoolId/credentials', {
    config: manage,
    schema: { tags: [TAG], summary: 'Add a local credential', params: SchoolParams, body: CredentialBody, response: { 201: Credential, ...problems(400, 401, 403, 404) } },
  }, async (req, reply) => reply.code(201).send(await pathways.addCredential(req.params.schoolId, req.body)))

  app.patch('/schools/:schoolId/credentials/:credentialId', {
    config: manage,
    schema: { tags: [TAG], summary: 'Change a local credential', params: CredentialParams, body: CredentialPatchBody, response: { 200: Credential, ...problems(400, 401, 403, 404) } },
  }, async (req) => pathways.updateCredential(req.params.schoolId, req.params.credentialId, req.body))

  app.delete('/schools/:schoolId/credentials/:credentialId', {
    config: manage,
    schema: { tags: [TAG], summary: 'Remove a local credential', description: 'Steps that led to it keep their place without it.', params: CredentialParams, response: { 204: Empty, ...problems(400, 401, 403, 404) } },
  }, async (req, reply) => {
    await pathways.removeCredential(req.params.schoolId, req.params.credentialId)
    return reply.code(204).send(null)
  })
}

/**
 * Cohorts under /api/v1: staff routes under /schools/{schoolId}/cohorts (the policy hook has decided
 * access, including the cohort-staff check, before a handler runs; handlers only scope answers), and
 * the learner's routes: joining by code, /me/cohorts with the assignments resolved, and done marks on
 * an assigned adapted pathway's steps.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import * as S from '../../../shared/schemas.js'
import { requireAuthenticated, requireUser } from '../identity/index.js'
import * as C from './cohorts.schema.js'
import { cohortCodeThrottled, type CohortDetail } from './cohorts.service.js'
import type { EducatorRouteOptions } from './index.js'

const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, S.Problem]))
const Empty = Type.Null({ description: 'No content' })
const tags = ['cohorts']
const read = { operation: 'school.cohort.read' as const }
const manage = { operation: 'school.cohort.manage' as const }

/** The link a learner opens to join with a code. */
export function cohortJoinLink(origin: string, code: string | null): string | null {
  return code === null ? null : `${origin}/cohorts/join?code=${encodeURIComponent(code)}`
}

export const cohortsRoutes: FastifyPluginAsyncTypebox<EducatorRouteOptions> = async (app, { educators, identity }) => {
  const { cohorts } = educators
  const origin = (req: FastifyRequest) => identity.publicOrigin ?? `${req.protocol}://${req.host}`
  const withLink = (req: FastifyRequest, cohort: CohortDetail) => ({ ...cohort, joinLink: cohortJoinLink(origin(req), cohort.joinCode) })

  app.get('/schools/:schoolId/cohorts', {
    config: { operation: 'school.cohorts.read' },
    schema: {
      tags, summary: 'The school\'s cohorts', description: 'School admins and platform admins see every cohort; an educator the cohorts they run. Archived cohorts come last.',
      params: C.SchoolParams, response: { 200: C.CohortList, ...problems(400, 401, 403, 404) },
    },
  }, async (req) => {
    const staffOnly = req.access.decision.allow && req.access.decision.via === 'educator'
    return { items: await cohorts.list(req.params.schoolId, staffOnly ? requireAuthenticated(req.actor).userId : undefined) }
  })

  app.post('/schools/:schoolId/cohorts', {
    config: { operation: 'school.cohorts.create' },
    schema: {
      tags, summary: 'Create a cohort', description: 'The cohort gets a join code; its creator, when one of the school\'s educators or admins, runs it.',
      params: C.SchoolParams, body: C.NewCohortBody, response: { 201: C.Cohort, ...problems(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    const userId = requireAuthenticated(req.actor).userId
    const role = req.access.memberships.get(req.params.schoolId)
    const creator = role === 'educator' || role === 'school_admin' ? userId : null
    return reply.code(201).send(withLink(req, await cohorts.create(req.params.schoolId, creator, req.body)))
  })

  app.get('/schools/:schoolId/cohorts/:cohortId', {
    config: read,
    schema: { tags, summary: 'A cohort', description: 'With its join code and link, staff, learners and assignments.', params: C.CohortParams, response: { 200: C.Cohort, ...problems(400, 401, 403, 404) } },
  }, async (req) => withLink(req, await cohorts.detail(req.params.schoolId, req.params.cohortId)))

  app.patch('/schools/:schoolId/cohorts/:cohortId', {
    config: manage,
    schema: {
      tags, summary: 'Change a cohort', description: 'Name, description, programme (null: none), or archive it (`archived: true`) and bring it back.',
      params: C.CohortParams, body: C.CohortPatchBody, response: { 200: C.Cohort, ...problems(400, 401, 403, 404) },
    },
  }, async (req) => withLink(req, await cohorts.update(req.params.schoolId, req.params.cohortId, req.body)))

  app.delete('/schools/:schoolId/cohorts/:cohortId', {
    config: manage,
    schema: { tags, summary: 'Delete a cohort', description: 'With its memberships and assignments; the learners keep their own progress.', params: C.CohortParams, response: { 204: Empty, ...problems(400, 401, 403, 404) } },
  }, async (req, reply) => {
    await cohorts.remove(req.params.schoolId, req.params.cohortId)
    return reply.code(204).send(null)
  })

  app.post('/schools/:schoolId/cohorts/:cohortId/join-code', {
    config: manage,
    schema: { tags, summary: 'A new join code', description: 'The previous code stops working. Also switches joining back on.', params: C.CohortParams, response: { 200: C.Cohort, ...problems(400, 401, 403, 404) } },
  }, async (req) => withLink(req, await cohorts.setJoinCode(req.params.schoolId, req.params.cohortId, true)))

  app.delete('/schools/:schoolId/cohorts/:cohortId/join-code', {
    config: manage,
    schema: { tags, summary: 'Switch joining off', description: 'No code works until a new one is made.', params: C.CohortParams, response: { 200: C.Cohort, ...problems(400, 401, 403, 404) } },
  }, async (req) => withLink(req, await cohorts.setJoinCode(req.params.schoolId, req.params.cohortId, false)))

  app.get('/schools/:schoolId/cohorts/:cohortId/members', {
    config: read,
    schema: { tags, summary: 'The cohort\'s learners', params: C.CohortParams, response: { 200: C.PersonList, ...problems(400, 401, 403, 404) } },
  }, async (req) => ({ items: await cohorts.learners(req.params.schoolId, req.params.cohortId) }))

  app.post('/schools/:schoolId/cohorts/:cohortId/members', {
    config: manage,
    schema: {
      tags, summary: 'Add a learner', description: 'A member of the school (404 member.not_found otherwise) becomes a learner of the cohort; an archived cohort refuses (409).',
      params: C.CohortParams, body: C.UserBody, response: { 201: C.LearnerAdded, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => reply.code(201).send(await cohorts.addLearner(req.params.schoolId, req.params.cohortId, req.body.userId)))

  app.delete('/schools/:schoolId/cohorts/:cohortId/members/:userId', {
    config: manage,
    schema: { tags, summary: 'Remove a learner', description: 'They stay a member of the school and keep their progress.', params: C.CohortUserParams, response: { 204: Empty, ...problems(400, 401, 403, 404) } },
  }, async (req, reply) => {
    await cohorts.removeLearner(req.params.schoolId, req.params.cohortId, req.params.userId)
    return reply.code(204).send(null)
  })

  app.post('/schools/:schoolId/cohorts/:cohortId/staff', {
    config: manage,
    schema: {
      tags, summary: 'Add an educator to the cohort\'s staff', description: 'One of the school\'s educators or admins (409 cohort_staff.not_staff for a learner).',
      params: C.CohortParams, body: C.UserBody, response: { 200: C.PersonList, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (req) => ({ items: await cohorts.addStaff(req.params.schoolId, req.params.cohortId, req.body.userId) }))

  app.delete('/schools/:schoolId/cohorts/:cohortId/staff/:userId', {
    config: manage,
    schema: { tags, summary: 'Take an educator off the cohort\'s staff', params: C.CohortUserParams, response: { 204: Empty, ...problems(400, 401, 403, 404) } },
  }, async (req, reply) => {
    await cohorts.removeStaff(req.params.schoolId, req.params.cohortId, req.params.userId)
    return reply.code(204).send(null)
  })

  app.get('/schools/:schoolId/cohorts/:cohortId/assignments', {
    config: read,
    schema: { tags, summary: 'The cohort\'s assignments', params: C.CohortParams, response: { 200: C.AssignmentList, ...problems(400, 401, 403, 404) } },
  }, async (req) => ({ items: await cohorts.assignments.list(req.params.schoolId, req.params.cohortId) }))

  app.post('/schools/:schoolId/cohorts/:cohortId/assignments', {
    config: manage,
    schema: {
      tags, summary: 'Assign a career or an adapted pathway',
      description: 'Kind `career` with `career` (slug or official code; 404 career.not_found) or kind `pathway` with `pathwayId` (404 adapted_pathway.not_found). The same target twice is 409 assignment.duplicate; an archived cohort 409 cohort.archived.',
      params: C.CohortParams, body: C.NewAssignmentBody, response: { 201: C.Assignment, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => reply.code(201).send(await cohorts.assignments.add(req.params.schoolId, req.params.cohortId, req.body)))

  app.patch('/schools/:schoolId/cohorts/:cohortId/assignments/:assignmentId', {
    config: manage,
    schema: { tags, summary: 'Change an assignment\'s due date or note', params: C.AssignmentParams, body: C.AssignmentPatchBody, response: { 200: C.Assignment, ...problems(400, 401, 403, 404) } },
  }, async (req) => cohorts.assignments.update(req.params.schoolId, req.params.cohortId, req.params.assignmentId, req.body))

  app.delete('/schools/:schoolId/cohorts/:cohortId/assignments/:assignmentId', {
    config: manage,
    schema: { tags, summary: 'Remove an assignment', description: 'Learners keep their done marks.', params: C.AssignmentParams, response: { 204: Empty, ...problems(400, 401, 403, 404) } },
  }, async (req, reply) => {
    await cohorts.assignments.remove(req.params.schoolId, req.params.cohortId, req.params.assignmentId)
    return reply.code(204).send(null)
  })

  // --- the learner's side ---

  app.post('/cohorts/join', {
    config: { operation: 'cohort.join' },
    schema: {
      tags, summary: 'Join a cohort with its code',
      description: 'A person not yet in the school becomes one of its learners; an existing role is kept. Unknown, switched-off and archived codes answer the same 404; repeated failures are slowed down (429).',
      body: C.JoinBody, response: { 200: C.Joined, ...problems(400, 401, 403, 404, 429) },
    },
  }, async (req) => {
    const userId = requireUser(req.actor).userId
    const cohort = await cohortCodeThrottled(identity, { userId, ip: req.ip }, () => cohorts.join(userId, req.body.code))
    return { cohort: { id: cohort.id, name: cohort.name }, school: { id: cohort.schoolId, name: cohort.schoolName } }
  })

  app.get('/me/cohorts', {
    config: { operation: 'me.cohorts.read' },
    schema: {
      tags, summary: 'My cohorts and their assignments',
      description: 'Each assignment resolved: a career with its catalog pathway steps, or an adapted pathway with its steps in order, each with my done mark. An API key\'s read is written to my access log.',
      response: { 200: C.MyCohorts, ...problems(401, 403) },
    },
  }, async (req) => {
    const actor = requireAuthenticated(req.actor)
    await cohorts.noteRead(actor)
    return { items: await cohorts.assignments.mine(actor.userId) }
  })

  for (const [method, done] of [['PUT', true], ['DELETE', false]] as const) {
    app.route({
      method, url: '/me/cohorts/:cohortId/pathways/:pathwayId/steps/:stepId/done',
      config: { operation: 'me.passport.write' },
      schema: {
        tags, summary: done ? 'Mark a step of an assigned pathway done' : 'Take back a done mark',
        description: 'A step of an adapted pathway that the cohort assigns; 404 unless I am in the cohort and it assigns that pathway. (Steps of an assigned career\'s catalog pathway are marked through /me/pathways/….)',
        params: C.MyStepParams, response: { 200: C.StepMark, ...problems(400, 401, 403, 404) },
      },
      handler: async (req) => {
        const { cohortId, pathwayId, stepId } = req.params
        return cohorts.assignments.markAdaptedStep(requireUser(req.actor).userId, cohortId, pathwayId, stepId, done)
      },
    })
  }
}

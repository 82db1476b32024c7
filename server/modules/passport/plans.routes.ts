/**
 * The learner's stored learning plans, pathway steps done and progress under /api/v1/me. Another
 * learner's plan is 404, as if it did not exist.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import * as S from '../../../shared/schemas.js'
import { requireAuthenticated, requireUser } from '../identity/index.js'
import * as P from './passport.schema.js'
import type { PassportService } from './passport.service.js'
import type { PlansService } from './plans.service.js'

const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, S.Problem]))

export const planRoutes: FastifyPluginAsyncTypebox<{ plans: PlansService; passport: PassportService }> = async (app, { plans, passport }) => {
  const read = { operation: 'me.passport.read' }
  const write = { operation: 'me.passport.write' }
  const tags = ['passport']

  app.post('/me/plans', {
    config: write,
    schema: {
      tags, summary: 'Make a learning plan to a career',
      description: 'Stored with its career, pace and goal; every read recomputes it from the current passport (see POST /analysis/plan).',
      body: P.PlanBody, response: { 201: P.StoredPlan, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => reply.code(201).send(await plans.create(requireUser(req.actor).userId, req.body)))

  app.get('/me/plans', {
    config: read,
    schema: { tags, summary: 'My learning plans', response: { 200: P.PlansAnswer, ...problems(401, 403) } },
  }, async (req) => {
    const actor = requireAuthenticated(req.actor)
    await passport.noteRead(actor, 'plans')
    return { items: await plans.list(actor.userId) }
  })

  app.get('/me/plans/:id', {
    config: read,
    schema: {
      tags, summary: 'A learning plan, recomputed now',
      description: 'From the current passport, with the items marked done kept as done: re-planning keeps what is done and plans what is left.',
      params: P.PlanParams, response: { 200: P.StoredPlan, ...problems(400, 401, 403, 404) },
    },
  }, async (req) => {
    const actor = requireAuthenticated(req.actor)
    await passport.noteRead(actor, 'plans')
    return plans.get(actor.userId, req.params.id)
  })

  app.delete('/me/plans/:id', {
    config: write,
    schema: { tags, summary: 'Delete a learning plan', params: P.PlanParams, response: { 204: Type.Null(), ...problems(400, 401, 403, 404) } },
  }, async (req, reply) => {
    await plans.remove(requireUser(req.actor).userId, req.params.id)
    return reply.code(204).send(null)
  })

  app.post('/me/plans/:id/items/:itemId/done', {
    config: write,
    schema: {
      tags, summary: 'Mark a plan item done',
      description: 'A credential marked done is also recorded as earned: its skills enter the passport (source credential).',
      params: P.PlanItemParams, response: { 200: P.StoredPlan, ...problems(400, 401, 403, 404) },
    },
  }, async (req) => plans.markDone(requireUser(req.actor).userId, req.params.id, req.params.itemId))

  app.delete('/me/plans/:id/items/:itemId/done', {
    config: write,
    schema: {
      tags, summary: 'Take back a done mark',
      description: 'A credential that the mark recorded as earned is withdrawn with it.',
      params: P.PlanItemParams, response: { 200: P.StoredPlan, ...problems(400, 401, 403, 404) },
    },
  }, async (req) => plans.unmarkDone(requireUser(req.actor).userId, req.params.id, req.params.itemId))

  for (const [method, done] of [['POST', true], ['DELETE', false]] as const) {
    app.route({
      method, url: '/me/pathways/:career/steps/:section/:position/done',
      config: write,
      schema: {
        tags, summary: done ? 'Mark a pathway step done' : 'Take back a pathway step',
        description: 'A step of a curated career\'s pathway (section and position as in the career profile).',
        params: P.StepParams, response: { 200: P.StepAnswer, ...problems(400, 401, 403, 404) },
      },
      handler: async (req) => {
        const { career, section, position } = req.params
        return plans.markStep(requireUser(req.actor).userId, career, section, position, done)
      },
    })
  }

  app.get('/me/progress', {
    config: read,
    schema: {
      tags, summary: 'My progress',
      description: 'Per target career: coverage now and pathway steps done; per plan: items done and coverage now and after; and a daily series of coverage per target and items and steps done, for a chart.',
      response: { 200: P.ProgressAnswer, ...problems(401, 403) },
    },
  }, async (req) => {
    const actor = requireAuthenticated(req.actor)
    await passport.noteRead(actor, 'progress')
    return plans.progress(actor.userId)
  })
}

/**
 * Stateless analysis for integrators, under /api/v1/analysis: a passport in the body, no account
 * needed, nothing stored. Thin handlers over the analysis service.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import * as S from '../../../shared/schemas.js'
import { GapAnswer, GapBody, MatchAnswer, MatchBody, Passport, PlanAnswer, PlanBody } from './analysis.schema.js'
import type { AnalysisService } from './analysis.service.js'

const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, S.Problem]))

const PASSPORT_NOTE = 'The passport is the `Passport` schema: skills as catalog ids, ESCO URIs, O*NET element ids or exact labels, each with a level 0–5; entries that name the same skill count once; unknown ones are listed under `passport.unresolved`.'

export const analysisRoutes: FastifyPluginAsyncTypebox<{ analysis: AnalysisService }> = async (app, { analysis }) => {
  app.addSchema(Passport)

  app.post('/analysis/gap', {
    config: { operation: 'public' },
    schema: {
      tags: ['analysis'], summary: 'How far a passport is from a career',
      description: `Coverage is the weighted, level-aware share of the career's skills met (each skill: level had / level required, at most 1, weighted by its importance). Every gap lists its weight, the share of the career it would add and up to five credentials or resources that teach it. ${PASSPORT_NOTE}`,
      body: GapBody, response: { 200: GapAnswer, ...problems(400, 404) },
    },
  }, async (req) => analysis.gap(req.body.passport, req.body.career))

  app.post('/analysis/matches', {
    config: { operation: 'public' },
    schema: {
      tags: ['analysis'], summary: 'Every career ranked by fit for a passport',
      description: `Ranked by √(coverage × relevance): coverage is the share of the career the passport meets, relevance how much the career values what the passport holds. Each career says which of its heaviest skills are met and which are missing, and carries its BLS pay, growth and entry education when it has a SOC code; filters on those leave out careers without the figure. ${PASSPORT_NOTE}`,
      body: MatchBody, response: { 200: MatchAnswer, ...problems(400) },
    },
  }, async (req) => analysis.matches(req.body.passport, { filters: req.body.filters, limit: req.body.limit, offset: req.body.offset }))

  app.post('/analysis/plan', {
    config: { operation: 'public' },
    schema: {
      tags: ['analysis'], summary: 'A learning plan from a passport to a career',
      description: `Credentials and resources chosen for the least total hours (or price), in level order and after their stated prerequisites, laid out week by week at hoursPerWeek; each with the reason it is there, and the skills that stay uncovered with why. Items in \`completed\` count as done. ${PASSPORT_NOTE}`,
      body: PlanBody, response: { 200: PlanAnswer, ...problems(400, 404) },
    },
  }, async (req) => analysis.plan(req.body.passport, req.body.career, { hoursPerWeek: req.body.hoursPerWeek, optimise: req.body.optimise, completed: req.body.completed }))
}

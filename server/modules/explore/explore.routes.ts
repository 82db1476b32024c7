/**
 * Browse (fields, skills, interests), compare and related-career routes under /api/v1. Thin handlers:
 * validate, call the explore service, let Fastify serialise.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import * as S from '../../../shared/schemas.js'
import { CompareQuery, FieldGroupParams, FieldSystemParams, InterestParams, MovesQuery, PageQuery, SkillParams, SlugParams } from './explore.schema.js'
import type { ExploreService } from './explore.service.js'

const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, S.Problem]))

export const exploreRoutes: FastifyPluginAsyncTypebox<{ explore: ExploreService }> = async (app, { explore }) => {
  app.get('/fields', {
    config: { operation: 'public' },
    schema: {
      tags: ['browse'], summary: 'The field hierarchies careers can be browsed by',
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ system: S.FieldSystems, title: Type.String(), description: Type.String(), groups: Type.Integer({ description: 'Top-level groups' }) })) }) },
    },
  }, async () => ({ items: explore.fieldSystems() }))

  app.get('/fields/:system', {
    config: { operation: 'public' },
    schema: {
      tags: ['browse'], summary: 'Every group of one hierarchy, with career counts',
      description: 'isco: ISCO-08 groups (major → unit group) from the ISCO codes careers carry; soc: SOC 2018 major groups, which O*NET job families follow; pathways: the fields of the curated pathways.',
      params: FieldSystemParams, response: { 200: S.FieldTree, ...problems(400) },
    },
  }, async (req) => explore.fieldTree(req.params.system))

  app.get('/fields/:system/:code/careers', {
    config: { operation: 'public' },
    schema: {
      tags: ['browse'], summary: 'Careers in a group and its subgroups',
      params: FieldGroupParams, querystring: PageQuery, response: { 200: S.FieldCareers, ...problems(400, 404) },
    },
  }, async (req) => explore.fieldCareers(req.params.system, decodeURIComponent(req.params.code), req.query))

  app.get('/skills/:id/careers', {
    config: { operation: 'public' },
    schema: {
      tags: ['browse'], summary: 'Careers that need a skill, most important first',
      description: 'Ranked by how much each career needs the skill on a common 0–1 weight: O*NET importance (1–5 → 0–1), ESCO essential (1) or optional (0.5), O*NET technology (0.8 in demand, 0.7 hot, else 0.5), curated scores. Skills the data says are the same (same ESCO URI, or an O*NET technology of the same name) count together.',
      params: SkillParams, querystring: PageQuery, response: { 200: S.SkillCareers, ...problems(400, 404) },
    },
  }, async (req) => explore.skillCareers(req.params.id, req.query))

  app.get('/interests', {
    config: { operation: 'public' },
    schema: { tags: ['browse'], summary: 'The six RIASEC interests, with career counts', response: { 200: Type.Object({ items: Type.Array(S.Interest) }) } },
  }, async () => ({ items: explore.interests() }))

  app.get('/interests/:code/careers', {
    config: { operation: 'public' },
    schema: {
      tags: ['browse'], summary: 'Careers for an interest',
      description: 'Careers whose three highest O*NET interest scores include this interest, highest score first.',
      params: InterestParams, querystring: PageQuery, response: { 200: S.InterestCareers, ...problems(400, 404) },
    },
  }, async (req) => explore.interestCareers(req.params.code, req.query))

  app.get('/compare', {
    config: { operation: 'public' },
    schema: {
      tags: ['careers'], summary: 'Compare 2–4 careers side by side',
      description: 'Pay as the same statistic from the same source, period and place when every career has one (sharedPay), else each career’s best figure with a note; outlook, employment, entry education and experience, job zone, top skills with the shared ones marked.',
      querystring: CompareQuery, response: { 200: S.Comparison, ...problems(400, 404) },
    },
  }, async (req) => explore.compare(req.query.careers.split(',').map((s) => s.trim()).filter(Boolean)))

  app.get('/careers/:slug/related', {
    config: { operation: 'public' },
    schema: {
      tags: ['careers'], summary: 'Related careers: as the sources list them, and by skill overlap',
      params: SlugParams, response: { 200: S.RelatedCareers, ...problems(400, 404) },
    },
  }, async (req) => explore.related(req.params.slug))

  app.get('/careers/:slug/moves', {
    config: { operation: 'public' },
    schema: {
      tags: ['careers'], summary: 'Where can I move from this career',
      description: 'Careers sharing at least 3 skills, ranked by a move score √(coverage × similarity): coverage is how much of what the target needs this career already has (Σ min / Σ target weights), similarity the weighted overlap of both careers. Each comes with the skills the target needs more of, largest gap first.',
      params: SlugParams, querystring: MovesQuery, response: { 200: S.CareerMoves, ...problems(400, 404) },
    },
  }, async (req) => explore.moves(req.params.slug, req.query))
}

/**
 * REST routes of the catalog under /api/v1: careers, facts, skills, credentials, sources.
 * Thin handlers: validate with TypeBox, call the service, let Fastify serialise.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import * as S from '../../../shared/schemas.js'
import { CareerListQuery, CredentialListQuery, FactsQuery, SkillListQuery, SlugParams } from './careers.schema.js'
import type { CareerService } from './careers.service.js'
import { sendCached } from '../../platform/http/cached-response.js'

const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, S.Problem]))

export const careerRoutes: FastifyPluginAsyncTypebox<{ careers: CareerService }> = async (app, { careers }) => {
  app.get('/careers', {
    config: { operation: 'public' },
    schema: {
      tags: ['careers'], summary: 'List careers', description: 'Careers in catalog order, optionally within one field.',
      querystring: CareerListQuery, response: { 200: S.Page(S.CareerSummary), ...problems(400) },
    },
  }, async (req) => careers.list(req.query))

  app.get('/careers/:slug', {
    config: { operation: 'public' },
    schema: {
      tags: ['careers'], summary: 'A career’s whole profile',
      description: 'Everything known about one career: codes, facts with provenance, the salary panel, skills, credentials, pathway, related careers, FAQ and the sources cited. Served from memory with an ETag.',
      params: SlugParams, response: { 200: S.CareerProfile, 304: Type.Null(), ...problems(400, 404) },
    },
  }, async (req, reply) =>
    // Pre-serialised bytes (compressed variants cached); an ETag per encoding, 304 when fresh.
    sendCached(req, reply, careers.profileJson(req.params.slug), { type: 'application/json; charset=utf-8', cacheControl: 'public, max-age=60' }))

  app.get('/careers/by-code/*', {
    config: { operation: 'public' },
    schema: {
      tags: ['careers'], summary: 'Careers carrying an official occupation code',
      description: 'Resolves an O*NET-SOC code (15-1252.00), a SOC 2018 code (15-1252), an ISCO-08 unit group (2512) or an ESCO occupation URI (URL-encoded or not) to the careers that carry it, with the code system matched.',
      params: Type.Object({ '*': Type.String({ minLength: 1, maxLength: 300, description: 'The code' }) }),
      response: { 200: Type.Object({ code: Type.String(), matches: Type.Array(Type.Object({ system: Type.String(), code: Type.String(), careers: Type.Array(S.CareerSummary) })) }), ...problems(400, 404) },
    },
  }, async (req) => careers.byCode(req.params['*']))

  app.get('/careers/:slug/facts', {
    config: { operation: 'public' },
    schema: {
      tags: ['careers'], summary: 'Facts about a career, with provenance',
      description: 'Every figure of the given kind (or all kinds) with its statistic, value, unit, currency, period, place, occupation scope, source and as-of date.',
      params: SlugParams, querystring: FactsQuery,
      response: { 200: Type.Object({ career: Type.String(), kind: Type.Union([Type.String(), Type.Null()]), items: Type.Array(S.Fact) }), ...problems(400, 404) },
    },
  }, async (req) => careers.facts(req.params.slug, req.query.kind))

  app.get('/skills', {
    config: { operation: 'public' },
    schema: { tags: ['skills'], summary: 'List skills', querystring: SkillListQuery, response: { 200: S.Page(S.Skill), ...problems(400, 404) } },
  }, async (req) => careers.skills(req.query))

  app.get('/credentials', {
    config: { operation: 'public' },
    schema: { tags: ['credentials'], summary: 'List credentials', querystring: CredentialListQuery, response: { 200: S.Page(S.Credential), ...problems(400, 404) } },
  }, async (req) => careers.credentials(req.query))

  const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) })

  app.get('/skills/:id', {
    config: { operation: 'public' },
    schema: { tags: ['skills'], summary: 'One skill, with its alternative labels and the careers that list it', params: IdParams, response: { 200: S.Skill, ...problems(400, 404) } },
  }, async (req) => careers.skill(req.params.id))

  app.get('/credentials/:id', {
    config: { operation: 'public' },
    schema: { tags: ['credentials'], summary: 'One credential', params: IdParams, response: { 200: S.Credential, ...problems(400, 404) } },
  }, async (req) => careers.credential(req.params.id))

  app.get('/resources', {
    config: { operation: 'public' },
    schema: {
      tags: ['credentials'], summary: 'List learning resources (courses, books, guides)',
      querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })), cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }, { additionalProperties: false }),
      response: { 200: S.Page(S.Resource), ...problems(400) },
    },
  }, async (req) => careers.resources(req.query))

  app.get('/resources/:id', {
    config: { operation: 'public' },
    schema: { tags: ['credentials'], summary: 'One learning resource', params: IdParams, response: { 200: S.Resource, ...problems(400, 404) } },
  }, async (req) => careers.resource(req.params.id))

  app.get('/sources', {
    config: { operation: 'public' },
    schema: { tags: ['sources'], summary: 'Every source cited, with licence and attribution', response: { 200: Type.Object({ items: Type.Array(S.Source) }) } },
  }, async () => ({ items: careers.sources() }))
}

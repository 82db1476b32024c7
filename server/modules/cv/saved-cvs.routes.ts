/**
 * Saved CVs under /api/v1/me/cvs and CV import: POST /cv/import (public, stateless: a JSON Resume
 * file → a passport draft with every mapping explained) and POST /me/passport/import (the same,
 * with the learner's edits, applied to the stored passport).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type, type Static } from 'typebox'
import * as S from '../../../shared/schemas.js'
import { requireAuthenticated, requireUser } from '../identity/index.js'
import type { PassportService } from '../passport/index.js'
import { Cv, CvFormatSchema } from './cv.schema.js'
import { downloadHeaders, ExportAnswer, sendRendered } from './cv.routes.js'
import { FUZZY_THRESHOLD } from './skill-matcher.js'
import type { SavedCvsService } from './saved-cvs.js'

const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, S.Problem]))
const strict = { additionalProperties: false } as const
const CvRef = Type.Unsafe<Static<typeof Cv>>({ $ref: 'Cv' })
const Template = Type.Union([Type.Literal('classic'), Type.Literal('compact')])
const Title = Type.String({ minLength: 1, maxLength: 200, description: 'The learner\'s name for this CV, e.g. "Back-end applications"' })
const CareerKey = Type.String({ minLength: 1, maxLength: 300, description: 'A career slug or official code to tailor to' })

const SavedFields = {
  id: Type.String(),
  title: Type.String(),
  career: Type.Union([Type.String(), Type.Null()], { description: 'The slug of the career it was tailored to' }),
  template: Template,
  createdAt: Type.String(),
  updatedAt: Type.String(),
}
const SavedCvSummary = Type.Object(SavedFields)
const SavedCv = Type.Object({ ...SavedFields, cv: CvRef })
const CreateBody = Type.Object({ title: Title, career: Type.Optional(CareerKey), template: Type.Optional(Template), cv: Type.Optional(CvRef) }, strict)
const UpdateBody = Type.Object({ title: Title, cv: CvRef, career: Type.Optional(Type.Union([CareerKey, Type.Null()], { description: 'Re-tailor to this career; null: no career; left out: keep the current one' })) }, strict)
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, strict)
const ExportQuery = Type.Object({ format: CvFormatSchema }, strict)

const ResumeField = Type.Unknown({ description: 'A JSON Resume 1.x document: the object, or the file\'s text as a string. At most 1 MiB and 500 skill names and keywords.' })
const AcceptEntry = Type.Object({
  input: Type.String({ minLength: 1, maxLength: 300, description: 'The skill name or keyword as the file writes it' }),
  skill: Type.Union([Type.String({ minLength: 1, maxLength: 300 }), Type.Null()], { description: 'The catalog skill it means (id, ESCO URI, O*NET element or label); null leaves it out' }),
}, strict)
const ImportBody = Type.Object({ resume: ResumeField }, strict)
const PassportImportBody = Type.Object({ resume: ResumeField, accept: Type.Optional(Type.Array(AcceptEntry, { maxItems: 500 })) }, strict)

const Skill = { id: Type.String(), name: Type.String(), taxonomy: Type.Union([Type.Literal('curated'), Type.Literal('esco'), Type.Literal('onet')]), uri: Type.Optional(Type.String({ description: 'ESCO URI' })) }
const MappingReason = Type.Union([Type.Literal('exact label'), Type.Literal('alternative label'), Type.Literal('taxonomy id'), Type.Literal('fuzzy match'), Type.Literal('accepted')], { description: 'accepted: the learner chose the skill (POST /me/passport/import)' })
const Mapping = Type.Object({
  input: Type.String(), pointer: Type.String({ description: 'Where the input is in the file (JSON pointer)' }),
  skill: Type.Object(Skill), level: Type.Integer({ minimum: 0, maximum: 5 }),
  reason: MappingReason, score: Type.Number({ minimum: 0, maximum: 1 }),
  alternatives: Type.Array(Type.Object({ ...Skill, score: Type.Number() }), { maxItems: 3 }),
})
const Unmapped = Type.Object({ input: Type.String(), pointer: Type.String(), reason: Type.String() })
const DraftAnswer = Type.Object({
  passport: Type.Object({
    skills: Type.Array(Type.Object({ skill: Type.String(), level: Type.Integer(), source: Type.Literal('self') })),
    credentials: Type.Array(Type.Object({ credential: Type.String(), earnedOn: Type.Optional(Type.String()) })),
  }, { description: 'A `Passport` body: PUT it to /me/passport as it is, or after editing' }),
  mappings: Type.Array(Mapping), unmapped: Type.Array(Unmapped),
  basics: Type.Unknown({ description: 'The file\'s basics, for a CV' }), work: Type.Array(Type.Unknown()), education: Type.Array(Type.Unknown()),
})
const PassportImportAnswer = Type.Object({ passport: Type.Unknown({ description: 'The stored passport after the import (as GET /me/passport)' }), mappings: Type.Array(Mapping), unmapped: Type.Array(Unmapped) })

const MAPPING_NOTE = `Inputs are each \`skills[].name\` and each keyword. Reasons: \`taxonomy id\` (our own \`skills[].x-pathways\` id, ESCO URI or O*NET element; its 0–5 level kept, so a CV exported here comes back exactly), \`exact label\` (a skill's name), \`alternative label\` (one of its other labels), \`fuzzy match\` (the Jaccard similarity of character trigrams of the normalised labels — lower case, accents folded, punctuation but + and # dropped — at least ${FUZZY_THRESHOLD}; \`score\` is that similarity). Levels come from \`x-pathways.level\`, else the level word (Beginner 2, Intermediate 3, Advanced 4, Expert and Master 5; none given: 2). Each mapping lists up to three alternatives. Refusals (400, a JSON pointer under /resume per problem): cv_import.not_json, cv_import.not_object, cv_import.not_json_resume (none of its fields), cv_import.invalid (against @jsonresume/schema), cv_import.too_large (over 1 MiB), cv_import.too_many_skills (over 500 names and keywords).`

export const savedCvRoutes: FastifyPluginAsyncTypebox<{ savedCvs: SavedCvsService; passport: PassportService }> = async (app, { savedCvs, passport }) => {
  app.addSchema(Cv)
  const tags = ['cv']
  const read = { operation: 'me.cv.read' }
  const write = { operation: 'me.cv.write' }
  const bodyLimit = 2 * 1024 * 1024

  app.get('/me/cvs', {
    config: read,
    schema: { tags, summary: 'My saved CVs', description: 'Newest change first, without their content.', response: { 200: Type.Object({ items: Type.Array(SavedCvSummary) }), ...problems(401, 403) } },
  }, async (req) => {
    const actor = requireAuthenticated(req.actor)
    await passport.noteRead(actor, 'cvs')
    return { items: await savedCvs.list(actor.userId) }
  })

  app.post('/me/cvs', {
    config: write, bodyLimit,
    schema: {
      tags, summary: 'Save a CV',
      description: 'At most 20 per learner (409 cv.limit_reached). Without `cv` it starts from the stored passport (skills with their taxonomy ids and levels, earned credentials, evidence as projects and work) and the account\'s name and email. With `career` the CV is tailored to it (skills the career asks for first; an empty summary gets a suggestion).',
      body: CreateBody, response: { 201: SavedCv, ...problems(400, 401, 403, 404, 409, 413) },
    },
  }, async (req, reply) => reply.code(201).send(await savedCvs.create(requireUser(req.actor).userId, req.body)))

  app.get('/me/cvs/:id', {
    config: read,
    schema: { tags, summary: 'A saved CV', params: IdParams, response: { 200: SavedCv, ...problems(401, 403, 404) } },
  }, async (req) => {
    const actor = requireAuthenticated(req.actor)
    await passport.noteRead(actor, 'cv')
    return savedCvs.get(actor.userId, req.params.id)
  })

  app.put('/me/cvs/:id', {
    config: write, bodyLimit,
    schema: { tags, summary: 'Replace a saved CV', params: IdParams, body: UpdateBody, response: { 200: SavedCv, ...problems(400, 401, 403, 404, 413) } },
  }, async (req) => savedCvs.update(requireUser(req.actor).userId, req.params.id, req.body))

  app.delete('/me/cvs/:id', {
    config: write,
    schema: { tags, summary: 'Delete a saved CV', params: IdParams, response: { 204: Type.Null(), ...problems(401, 403, 404) } },
  }, async (req, reply) => {
    await savedCvs.remove(requireUser(req.actor).userId, req.params.id)
    return reply.code(204).send(null)
  })

  app.get('/me/cvs/:id/export', {
    config: { operation: 'me.cv.export' },
    onSend: downloadHeaders,
    schema: {
      tags, summary: 'Download a saved CV as JSON Resume, HTML or PDF',
      description: 'The renderers and download headers of POST /cv/render: an attachment with a name from the CV, nosniff, no-store and a sandboxing CSP.',
      params: IdParams, querystring: ExportQuery, response: { 200: ExportAnswer, ...problems(400, 401, 403, 404) },
    },
  }, async (req, reply) => sendRendered(reply, await savedCvs.export(requireUser(req.actor).userId, req.params.id, req.query.format)))

  app.post('/cv/import', {
    config: { operation: 'public' }, bodyLimit,
    schema: {
      tags, summary: 'Read a JSON Resume file into a passport draft',
      description: `Stateless: nothing is stored. Answers a passport draft (\`passport\`, a \`Passport\` body), how each skill input was mapped (\`mappings\`), what mapped to nothing (\`unmapped\`) and the file's basics, work and education for a CV. To keep it, a learner edits the draft and PUTs it to /me/passport (which replaces the passport), or sends the file with their edited mappings to POST /me/passport/import (which adds to it). ${MAPPING_NOTE}`,
      body: ImportBody, response: { 200: DraftAnswer, ...problems(400, 413, 415) },
    },
  }, async (req) => savedCvs.draft(req.body.resume))

  app.post('/me/passport/import', {
    config: { operation: 'me.passport.write' }, bodyLimit,
    schema: {
      tags: ['passport'], summary: 'Add a JSON Resume file\'s skills and credentials to my passport',
      description: `Maps the file as POST /cv/import does, then applies \`accept\` — the learner's edits, each an input as written in the file and the catalog skill it means (null: leave it out) — and adds the result to the stored passport: new skills at their level (source self), a skill already there raised only when the file's level is higher, catalog credentials earned. ${MAPPING_NOTE}`,
      body: PassportImportBody, response: { 200: PassportImportAnswer, ...problems(400, 401, 403, 413, 415) },
    },
  }, async (req) => savedCvs.importIntoPassport(requireUser(req.actor).userId, req.body.resume, req.body.accept))
}

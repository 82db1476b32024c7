/**
 * Programme alignment under /api/v1/schools/{schoolId}: the school's programmes (CIP 2020), the
 * occupations each leads to with national figures and high-wage / high-skill / in-demand flags and
 * their evidence, the whole report as JSON, CSV or XLSX, and the thresholds the flags use. The policy
 * hook admits the caller to the school before a handler runs (each route names its operation).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import * as S from '../../../shared/schemas.js'
import { attachment, CSV_TYPE, toCsv, toXlsx, XLSX_TYPE } from '../../platform/export/spreadsheet.js'
import { requireAuthenticated } from '../identity/index.js'
import type { EducatorRouteOptions } from './index.js'
import { alignmentSheet, thresholdsSheet, type AlignmentReport } from './programmes.service.js'

const strict = { additionalProperties: false } as const
const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, S.Problem]))
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])
const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9a-fA-F-]{1,64}$' })
const tags = ['programmes']

const SchoolParams = Type.Object({ schoolId: Id }, strict)
const ProgrammeParams = Type.Object({ schoolId: Id, programmeId: Id }, strict)

const SourceRef = Type.Object({
  id: Type.String(), publisher: Type.String(), title: Type.String(),
  period: Nullable(Type.String({ description: '`2024-05` (OEWS May 2024) or `2024/2034` (the projection decade)' })),
}, strict)
const DataStatus = Type.Object({
  crosswalkImported: Type.Boolean(), wagesImported: Type.Boolean(), projectionsImported: Type.Boolean(),
  message: Nullable(Type.String({ description: 'What is not imported and the command that imports it' })),
}, { ...strict, description: 'Which datasets alignment reads are imported' })
const Programme = Type.Object({
  id: Type.String(), cipCode: Type.String({ description: 'CIP 2020, NN.NNNN' }), title: Type.String(),
  cipTitle: Nullable(Type.String()), occupationCount: Nullable(Type.Integer({ description: 'null when the crosswalk is not imported' })),
  createdAt: Type.String(),
}, strict)
const Evidence = Type.Object({
  measure: Type.String(),
  figure: Type.Union([Type.Number(), Type.String(), Type.Null()]),
  unit: Type.String(),
  source: Nullable(SourceRef),
  threshold: Type.Union([Type.Number(), Type.String()]),
  comparison: Type.String({ description: 'The comparison in words' }),
  met: Nullable(Type.Boolean()),
}, strict)
const Flag = Type.Object({
  value: Nullable(Type.Boolean()),
  reason: Nullable(Type.String({ description: 'Why the value is null' })),
  evidence: Type.Array(Evidence, { description: 'One entry per figure compared (in-demand: growth, then openings)' }),
}, strict)
const Occupation = Type.Object({
  socCode: Type.String(), title: Nullable(Type.String()),
  careers: Type.Array(Type.Object({ slug: Type.String(), title: Type.String() }, strict)),
  medianAnnualWage: Nullable(Type.Object({ value: Type.Number(), topCoded: Type.Boolean(), source: SourceRef }, strict)),
  wagePercentile: Nullable(Type.Number({ description: 'Rank of the median among all occupations\' national medians, 0–100' })),
  employmentChangePercent: Nullable(Type.Object({ value: Type.Number(), source: SourceRef }, strict)),
  annualOpenings: Nullable(Type.Object({ value: Type.Number(), source: SourceRef }, strict)),
  projectionPeriod: Nullable(Type.String()),
  entryEducation: Nullable(Type.Object({ level: Type.String(), label: Type.String(), source: SourceRef }, strict)),
  flags: Type.Object({ highWage: Flag, highSkill: Flag, inDemand: Flag }, strict),
}, strict)
const EducationLevel = Type.Union([
  Type.Literal('none'), Type.Literal('high-school'), Type.Literal('some-college'), Type.Literal('postsecondary-award'),
  Type.Literal('associate'), Type.Literal('bachelor'), Type.Literal('master'), Type.Literal('doctoral'),
], {
  description: 'BLS typical-entry-education category, lowest first: none, high-school, some-college, postsecondary-award, associate, bachelor, master, doctoral',
})
const ThresholdFields = {
  wagePercentile: Type.Number({ minimum: 0, maximum: 100, description: 'High-wage: median at or above this percentile of all occupations\' national medians' }),
  growthPercent: Type.Number({ minimum: -100, maximum: 1000, description: 'In-demand: projected employment change over the decade at or above this %…' }),
  annualOpenings: Type.Integer({ minimum: 0, maximum: 100_000_000, description: '…or at least this many openings a year' }),
  educationLevel: EducationLevel,
  inDemandRule: Type.Union([Type.Literal('either'), Type.Literal('both')], { description: 'In-demand when either figure meets its threshold (default) or only when both do' }),
}
const ThresholdValues = Type.Object(ThresholdFields, strict)
const ThresholdInput = Type.Object({ ...ThresholdFields, inDemandRule: Type.Optional(ThresholdFields.inDemandRule) }, strict)
const Thresholds = Type.Object({
  ...ThresholdFields,
  configured: Type.Boolean({ description: 'False while the school uses the defaults' }),
  updatedAt: Nullable(Type.String()),
  defaults: ThresholdValues,
  defaultsExplained: Type.Array(Type.String()),
}, strict)
const NewProgramme = Type.Object({
  cipCode: Type.String({ minLength: 1, maxLength: 20, description: 'CIP 2020: 11.0201, 110201, or a series 11.02 when it has one code' }),
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Defaults to the crosswalk\'s CIP title' })),
}, strict)
const ProgrammeList = Type.Object({ items: Type.Array(Programme), data: DataStatus }, strict)
const ProgrammeDetail = Type.Object({ programme: Programme, thresholds: Thresholds, occupations: Type.Array(Occupation), data: DataStatus }, strict)
const Report = Type.Object({
  school: Type.Object({ id: Type.String(), name: Type.String() }, strict),
  generatedAt: Type.String(),
  thresholds: Thresholds,
  programmes: Type.Array(Type.Object({ programme: Programme, occupations: Type.Array(Occupation) }, strict)),
  data: DataStatus,
  sources: Type.Array(SourceRef),
}, strict)

const CipQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 100, description: 'A code, its start, or words of the title' }),
  limit: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
}, strict)
const CipAnswer = Type.Object({
  items: Type.Array(Type.Object({ cipCode: Type.String(), title: Type.String(), occupationCount: Type.Integer() }, strict)),
  crosswalkImported: Type.Boolean(),
}, strict)

const RULES = 'High-wage: the national median annual wage (BLS OEWS) is at or above the configured percentile of all occupations\' national medians. High-skill: the typical entry education (BLS categories, ordered) is at or above the configured level. In-demand: projected employment change (BLS Employment Projections) at or above the configured % OR (with `inDemandRule: both`, AND) annual openings at or above the configured number. A flag is null, with a reason, when the figure is not published.'

const download = (reply: FastifyReply, name: string, type: string, extension: 'csv' | 'xlsx', body: string | Buffer) =>
  reply.header('content-disposition', attachment(name, extension)).header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').type(type).send(body)

const reportName = (report: AlignmentReport): string => `${report.school.name} programme alignment ${report.generatedAt.slice(0, 10)}`

export const programmesRoutes: FastifyPluginAsyncTypebox<EducatorRouteOptions> = async (app, { educators }) => {
  const programmes = educators.programmes

  app.get('/schools/:schoolId/programmes', {
    config: { operation: 'school.programmes.read' },
    schema: { tags, summary: 'The school\'s programmes (CIP 2020)', description: '`data` says whether the CIP–SOC crosswalk and BLS figures are imported.', params: SchoolParams, response: { 200: ProgrammeList, ...problems(400, 401, 403, 404) } },
  }, async (req) => programmes.list(req.params.schoolId))

  app.post('/schools/:schoolId/programmes', {
    config: { operation: 'school.programmes.manage' },
    schema: {
      tags, summary: 'Add a programme by CIP code',
      description: 'The code may be written 11.0201, 110201 or 1.0000 (a dropped leading zero); a series (11.02) is accepted when the crosswalk has one code in it, otherwise 404 cip.not_found lists the candidates. With the crosswalk imported an unknown code is 404 cip.not_found; a code the school already lists is 409 programme.duplicate.',
      params: SchoolParams, body: NewProgramme, response: { 201: Programme, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => reply.code(201).send(await programmes.add(req.params.schoolId, req.body)))

  app.get('/schools/:schoolId/programmes/alignment', {
    config: { operation: 'school.programmes.read' },
    schema: { tags, summary: 'The alignment report: every programme with its occupations and flags', description: RULES, params: SchoolParams, response: { 200: Report, ...problems(400, 401, 403, 404) } },
  }, async (req) => programmes.alignment(req.params.schoolId))

  app.get('/schools/:schoolId/programmes/alignment.csv', {
    config: { operation: 'school.programmes.read' },
    schema: {
      tags, summary: 'The alignment report as CSV', description: 'One row per programme × occupation with every figure, flag and the evidence in words. Text that a spreadsheet could read as a formula is prefixed with \'.',
      params: SchoolParams, response: { 200: { description: 'CSV attachment', content: { 'text/csv': { schema: { type: 'string' } } } }, ...problems(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    const report = await programmes.alignment(req.params.schoolId)
    return download(reply, reportName(report), CSV_TYPE, 'csv', toCsv(alignmentSheet(report)))
  })

  app.get('/schools/:schoolId/programmes/alignment.xlsx', {
    config: { operation: 'school.programmes.read' },
    schema: {
      tags, summary: 'The alignment report as XLSX', description: 'The CSV\'s rows on one sheet, the thresholds and sources on a second. No cell is a formula.',
      params: SchoolParams, response: { 200: { description: 'XLSX attachment', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } }, ...problems(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    const report = await programmes.alignment(req.params.schoolId)
    const bytes = await toXlsx([alignmentSheet(report), thresholdsSheet(report)], { title: reportName(report), creator: 'Pathways' })
    return download(reply, reportName(report), XLSX_TYPE, 'xlsx', bytes)
  })

  app.get('/schools/:schoolId/programmes/:programmeId', {
    config: { operation: 'school.programmes.read' },
    schema: { tags, summary: 'A programme and the occupations it leads to, with flags and evidence', description: RULES, params: ProgrammeParams, response: { 200: ProgrammeDetail, ...problems(400, 401, 403, 404) } },
  }, async (req) => programmes.programme(req.params.schoolId, req.params.programmeId))

  app.delete('/schools/:schoolId/programmes/:programmeId', {
    config: { operation: 'school.programmes.manage' },
    schema: { tags, summary: 'Remove a programme', description: 'Cohorts linked to it keep running, unlinked.', params: ProgrammeParams, response: { 204: Type.Null({ description: 'No content' }), ...problems(400, 401, 403, 404) } },
  }, async (req, reply) => {
    await programmes.remove(req.params.schoolId, req.params.programmeId)
    return reply.code(204).send(null)
  })

  app.get('/cip-codes', {
    config: { operation: 'public' },
    schema: {
      tags, summary: 'Look up CIP 2020 codes in the imported crosswalk (for a programme picker)',
      description: 'By code or its start (`11.07`, `1107`, `11`), else by the words of the title (every word must appear). Only programmes the crosswalk links to an occupation are listed. Empty, with `crosswalkImported: false`, when the crosswalk is not imported.',
      querystring: CipQuery, response: { 200: CipAnswer, ...problems(400) },
    },
  }, async (req) => programmes.searchCip(req.query.q, req.query.limit))

  app.get('/schools/:schoolId/alignment-thresholds', {
    config: { operation: 'school.programmes.read' },
    schema: { tags, summary: 'The thresholds behind the flags (the defaults until an admin sets them)', description: RULES, params: SchoolParams, response: { 200: Thresholds, ...problems(400, 401, 403, 404) } },
  }, async (req) => programmes.thresholds(req.params.schoolId))

  app.put('/schools/:schoolId/alignment-thresholds', {
    config: { operation: 'school.alignment.configure' },
    schema: {
      tags, summary: 'Set the thresholds (school admins)', description: 'All values, replacing the previous ones: percentile 0–100, growth −100 to 1000 %, openings 0 or more, education a BLS category key, and `inDemandRule` (either, the default when left out, or both).',
      params: SchoolParams, body: ThresholdInput, response: { 200: Thresholds, ...problems(400, 401, 403, 404) },
    },
  }, async (req) => programmes.setThresholds(req.params.schoolId, requireAuthenticated(req.actor).userId, req.body))
}

/**
 * Attainment reports under /api/v1/schools/{schoolId}/reports: the same report as JSON, CSV (one
 * table, a `Section` column) and XLSX (sheets Cohorts, Programmes, Credentials). Text cells that a
 * spreadsheet could read as a formula are neutralised by platform/export/spreadsheet.ts.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type, type TSchema } from 'typebox'
import * as S from '../../../shared/schemas.js'
import { attachment, CSV_TYPE, toCsv, toXlsx, XLSX_TYPE } from '../../platform/export/spreadsheet.js'
import { requireAuthenticated } from '../identity/index.js'
import { via } from './dashboard.routes.js'
import type { EducatorRouteOptions } from './index.js'
import { MAX_RANGE_DAYS, reportCsvTable, reportSheets, type AttainmentReport } from './reports.service.js'

const strict = { additionalProperties: false } as const
const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, S.Problem]))
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])
const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9A-Za-z_-]{1,64}$' })
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, inclusive' })

const Figures = {
  learners: Type.Integer({ description: 'Learners (each counted once)' }),
  learnersAttaining: Type.Integer({ description: 'Learners who earned at least one credential in the range' }),
  share: Type.Number({ minimum: 0, maximum: 1, description: 'learnersAttaining ÷ learners, 0–1 (0 without learners)' }),
  credentialsEarned: Type.Integer({ description: 'Credentials earned in the range (a learner earns each credential once)' }),
}

const Report = Type.Object({
  from: Type.String(), to: Type.String(), generatedAt: Type.String(),
  filters: Type.Object({ cohortId: Nullable(Type.String()), programmeId: Nullable(Type.String()) }, strict),
  totals: Type.Object({ cohorts: Type.Integer(), ...Figures }, strict),
  cohorts: Type.Array(Type.Object({
    id: Type.String(), name: Type.String(), programme: Nullable(Type.Object({ id: Type.String(), title: Type.String() }, strict)),
    archived: Type.Boolean(), archivedAt: Nullable(Type.String()), ...Figures,
  }, strict)),
  programmes: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), cipCode: Type.String(), cohorts: Type.Integer(), ...Figures }, strict)),
  credentials: Type.Array(Type.Object({
    kind: Type.Union([Type.Literal('catalog'), Type.Literal('local')]), id: Type.String(), title: Type.String(), type: Type.String(), provider: Type.String(),
    learners: Type.Integer(), earned: Type.Integer(),
  }, strict)),
}, strict)

const Params = Type.Object({ schoolId: Id }, strict)
const Query = Type.Object({
  from: Day, to: Day,
  cohortId: Type.Optional(Id),
  programmeId: Type.Optional(Id),
}, strict)

const DESCRIPTION = `Credential attainment from \`from\` to \`to\` (both included; at most ${MAX_RANGE_DAYS} days, otherwise 400 report.invalid_range, as for \`from\` after \`to\`): per cohort and per programme, learners, learners who earned at least one credential, that share and credentials earned; and per credential. A catalog credential counts on the day the learner's passport records it as earned, a local credential of the school on the day a step carrying it was first marked done. School admins and platform admins report on every cohort, educators on the cohorts they run (another cohort: 404 cohort.not_found); archived cohorts are included and marked. No learner is named.`

const fileName = (report: AttainmentReport) => `attainment-${report.from}-to-${report.to}`

function download(reply: FastifyReply, type: string, disposition: string, body: string | Buffer) {
  return reply.header('content-disposition', disposition).header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').type(type).send(body)
}

export const reportsRoutes: FastifyPluginAsyncTypebox<EducatorRouteOptions> = async (app, { educators }) => {
  const tags = ['reports']
  const { reports } = educators

  app.get('/schools/:schoolId/reports/attainment', {
    config: { operation: 'school.reports.read' },
    schema: { tags, summary: 'Credential attainment per cohort and programme', description: DESCRIPTION, params: Params, querystring: Query, response: { 200: Report, ...problems(400, 401, 403, 404) } },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store')
    return reports.attainment(requireAuthenticated(req.actor), via(req), req.params.schoolId, req.query)
  })

  app.get('/schools/:schoolId/reports/attainment.csv', {
    config: { operation: 'school.reports.read' },
    schema: {
      tags, summary: 'Credential attainment as CSV',
      description: `The same report as one CSV table (RFC 4180, UTF-8 with a byte-order mark): a \`Section\` column says whether a row is a cohort, the total, a programme or a credential. Cells a spreadsheet could read as a formula start with \`'\`. ${DESCRIPTION}`,
      params: Params, querystring: Query,
      response: { 200: { description: 'CSV attachment', content: { 'text/csv': { schema: { type: 'string' } } } }, ...problems(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    const report = await reports.attainment(requireAuthenticated(req.actor), via(req), req.params.schoolId, req.query)
    return download(reply, CSV_TYPE, attachment(fileName(report), 'csv'), toCsv(reportCsvTable(report)))
  })

  app.get('/schools/:schoolId/reports/attainment.xlsx', {
    config: { operation: 'school.reports.read' },
    schema: {
      tags, summary: 'Credential attainment as XLSX',
      description: `The same report as a workbook with the sheets Cohorts, Programmes and Credentials; no cell is a formula. ${DESCRIPTION}`,
      params: Params, querystring: Query,
      response: { 200: { description: 'XLSX attachment', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } }, ...problems(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    const report = await reports.attainment(requireAuthenticated(req.actor), via(req), req.params.schoolId, req.query)
    return download(reply, XLSX_TYPE, attachment(fileName(report), 'xlsx'), await toXlsx(reportSheets(report), { title: `Credential attainment ${report.from} to ${report.to}` }))
  })
}

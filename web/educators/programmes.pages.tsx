/**
 * Programme alignment pages: /schools/{schoolId}/programmes (the list, adding by CIP code, the
 * thresholds — a form for school admins, read-only for educators — and the CSV / XLSX report) and
 * /schools/{schoolId}/programmes/{programmeId} (occupations, flags and evidence). Each route names the
 * policy operation its API twin names, so another school is 404 and a learner 403 before a handler
 * runs; the handlers call the same ProgrammesService as the API.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { decide, POLICY, type OperationId } from '../../server/modules/access/index.js'
import { requireUser } from '../../server/modules/identity/index.js'
import { DEMAND_RULES, EDUCATION_LEVELS, type DemandRule, type EducationLevel, type Thresholds } from '../../server/modules/educators/alignment-rules.js'
import { alignmentSheet, thresholdsSheet, type AlignmentReport } from '../../server/modules/educators/programmes.service.js'
import { attachment, CSV_TYPE, toCsv, toXlsx, XLSX_TYPE } from '../../server/platform/export/spreadsheet.js'
import { AppError } from '../../server/platform/http/errors.js'
import type { Source } from '../../shared/schemas.js'
import { csrfOf, seeOther, sendPage } from '../account/page-kit.js'
import { formOf, text } from '../forms/form-body.js'
import { fieldError, hasErrors, mergeErrors, NO_ERRORS, type FormErrors } from '../forms/form-errors.js'
import type { EducatorPagesOptions } from './educator-kit.js'
import { programmesHref, ProgrammesListView, ProgrammeView } from './programme-views.js'

const page = (operation: OperationId) => ({ schema: { hide: true }, config: { operation } })
const form = (operation: OperationId) => ({ schema: { hide: true }, config: { operation, form: true as const } })

type School = { Params: { schoolId: string }; Querystring: { done?: string } }
type Programme = { Params: { schoolId: string; programmeId: string } }

function can(req: FastifyRequest, operation: OperationId, schoolId: string): boolean {
  return decide(POLICY[operation], { actor: req.actor, memberships: req.access.memberships, method: 'POST', schoolId }).allow
}

/** The thresholds form's fields, checked as the API's schema checks them. */
function readThresholds(values: Record<string, string>): { errors: FormErrors; thresholds?: Thresholds } {
  const number = (name: string, min: number, max: number, integer: boolean, words: string): [number, FormErrors] => {
    const raw = (values[name] ?? '').trim()
    const n = raw === '' ? Number.NaN : Number(raw)
    if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) return [0, fieldError(name, words)]
    return [n, NO_ERRORS]
  }
  const [wagePercentile, e1] = number('wagePercentile', 0, 100, false, 'Enter a percentile from 0 to 100.')
  const [growthPercent, e2] = number('growthPercent', -100, 1000, false, 'Enter a percentage from −100 to 1000.')
  const [annualOpenings, e3] = number('annualOpenings', 0, 100_000_000, true, 'Enter a whole number of openings, 0 or more.')
  const level = values.educationLevel ?? ''
  const e4 = (EDUCATION_LEVELS as readonly string[]).includes(level) ? NO_ERRORS : fieldError('educationLevel', 'Choose an education level from the list.')
  const rule = values.inDemandRule || 'either'
  const e5 = (DEMAND_RULES as readonly string[]).includes(rule) ? NO_ERRORS : fieldError('inDemandRule', 'Choose either or both.')
  const errors = mergeErrors(e1, e2, e3, e4, e5)
  return hasErrors(errors) ? { errors } : { errors, thresholds: { wagePercentile, growthPercent, annualOpenings, educationLevel: level as EducationLevel, inDemandRule: rule as DemandRule } }
}

export const programmePages: FastifyPluginAsync<EducatorPagesOptions> = async (app, options) => {
  const { schools, identity, educators, careers } = options
  const programmes = educators.programmes

  /** The full source records (licence, attribution) of the datasets behind the figures shown. */
  const sourcesFor = (ids: Iterable<string>): Source[] => {
    const wanted = new Set(ids)
    return careers.sources().filter((s) => wanted.has(s.id))
  }

  interface ListState {
    values?: Record<string, string>
    errors?: FormErrors
    thresholdValues?: Record<string, string>
    thresholdErrors?: FormErrors
    candidates?: { cipCode: string; title: string }[]
    status?: number
  }

  const listPage = async (req: FastifyRequest<School>, reply: FastifyReply, state: ListState = {}) => {
    const school = await schools.school(req.params.schoolId)
    const report = await programmes.alignment(school.id)
    const summaries = new Map(report.programmes.map(({ programme, occupations }) => [programme.id, {
      total: occupations.length,
      highWage: occupations.filter((o) => o.flags.highWage.value === true).length,
      highSkill: occupations.filter((o) => o.flags.highSkill.value === true).length,
      inDemand: occupations.filter((o) => o.flags.inDemand.value === true).length,
    }]))
    return sendPage(req, reply, options, {
      title: `Programmes of ${school.name}`, status: state.status ?? 200,
      body: (
        <ProgrammesListView school={school} programmes={report.programmes.map((p) => p.programme)} summaries={summaries} data={report.data} thresholds={report.thresholds}
          canManage={can(req, 'school.programmes.manage', school.id)} canConfigure={can(req, 'school.alignment.configure', school.id)}
          values={state.values ?? {}} errors={state.errors ?? NO_ERRORS} thresholdValues={state.thresholdValues ?? {}} thresholdErrors={state.thresholdErrors ?? NO_ERRORS}
          candidates={state.candidates ?? []} sources={sourcesFor(report.sources.map((s) => s.id))} csrf={csrfOf(req, identity)} done={req.query.done} />
      ),
    })
  }

  app.get<School>('/schools/:schoolId/programmes', page('school.programmes.read'), async (req, reply) => listPage(req, reply))

  app.post<School>('/schools/:schoolId/programmes', form('school.programmes.manage'), async (req, reply) => {
    const body = formOf(req)
    const values = { cipCode: text(body, 'cipCode').trim(), title: text(body, 'title').trim() }
    if (values.cipCode === '') return listPage(req, reply, { values, errors: fieldError('cipCode', 'Enter the programme’s CIP code.'), status: 400 })
    if ([...values.cipCode].length > 100) return listPage(req, reply, { values, errors: fieldError('cipCode', 'Enter a CIP code, or at most 100 characters of a title to look it up.'), status: 400 })
    if ([...values.title].length > 200) return listPage(req, reply, { values, errors: fieldError('title', 'The title must have at most 200 characters.'), status: 400 })
    try {
      await programmes.add(req.params.schoolId, { cipCode: values.cipCode, ...(values.title ? { title: values.title } : {}) })
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || !['cip.invalid', 'cip.not_found', 'programme.duplicate', 'programme.limit'].includes(error.code)) throw error
      // Words instead of a code: the matching titles are offered, so the form doubles as the lookup.
      const candidates = Array.isArray(error.extensions.candidates)
        ? (error.extensions.candidates as { cipCode: string; title: string }[])
        : error.code === 'cip.invalid' && /\p{L}/u.test(values.cipCode) ? programmes.searchCip(values.cipCode, 20).items : []
      return listPage(req, reply, { values, errors: fieldError('cipCode', error.message), candidates, status: error.status })
    }
    return seeOther(reply, programmesHref(req.params.schoolId, '?done=added'))
  })

  app.post<Programme>('/schools/:schoolId/programmes/:programmeId/remove', form('school.programmes.manage'), async (req, reply) => {
    await programmes.remove(req.params.schoolId, req.params.programmeId)
    return seeOther(reply, programmesHref(req.params.schoolId, '?done=removed'))
  })

  app.post<School>('/schools/:schoolId/programmes/thresholds', form('school.alignment.configure'), async (req, reply) => {
    const body = formOf(req)
    const values = Object.fromEntries(['wagePercentile', 'growthPercent', 'annualOpenings', 'educationLevel', 'inDemandRule'].map((name) => [name, text(body, name).trim()]))
    const read = readThresholds(values)
    if (!read.thresholds) return listPage(req, reply, { thresholdValues: values, thresholdErrors: read.errors, status: 400 })
    await programmes.setThresholds(req.params.schoolId, requireUser(req.actor).userId, read.thresholds)
    return seeOther(reply, programmesHref(req.params.schoolId, '?done=thresholds#thresholds-heading'))
  })

  const reportName = (report: AlignmentReport): string => `${report.school.name} programme alignment ${report.generatedAt.slice(0, 10)}`
  const download = (reply: FastifyReply, report: AlignmentReport, type: string, extension: 'csv' | 'xlsx', body: string | Buffer) =>
    reply.header('content-disposition', attachment(reportName(report), extension)).header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').type(type).send(body)

  app.get<School>('/schools/:schoolId/programmes/alignment.csv', page('school.programmes.read'), async (req, reply) => {
    const report = await programmes.alignment(req.params.schoolId)
    return download(reply, report, CSV_TYPE, 'csv', toCsv(alignmentSheet(report)))
  })

  app.get<School>('/schools/:schoolId/programmes/alignment.xlsx', page('school.programmes.read'), async (req, reply) => {
    const report = await programmes.alignment(req.params.schoolId)
    return download(reply, report, XLSX_TYPE, 'xlsx', await toXlsx([alignmentSheet(report), thresholdsSheet(report)], { title: reportName(report), creator: 'Pathways' }))
  })

  app.get<Programme>('/schools/:schoolId/programmes/:programmeId', page('school.programmes.read'), async (req, reply) => {
    const school = await schools.school(req.params.schoolId)
    const detail = await programmes.programme(school.id, req.params.programmeId)
    const ids = new Set<string>()
    for (const o of detail.occupations) {
      for (const s of [o.medianAnnualWage?.source, o.employmentChangePercent?.source, o.annualOpenings?.source, o.entryEducation?.source]) if (s) ids.add(s.id)
    }
    if (detail.occupations.length > 0) ids.add('nces-cip-2020-soc-2018')
    return sendPage(req, reply, options, { title: `${detail.programme.title} — programme alignment`, body: <ProgrammeView school={school} detail={detail} sources={sourcesFor(ids)} /> })
  })
}

/**
 * The attainment report page (/schools/{schoolId}/reports): operation `school.reports.read` like
 * the API, the same service (an educator sees only the cohorts they run). Without dates it shows
 * the year so far; a bad range is shown on the form (400) with the values kept.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { requireAuthenticated } from '../../server/modules/identity/index.js'
import { AppError } from '../../server/platform/http/errors.js'
import { fieldError, formError, NO_ERRORS, type FormErrors } from '../forms/form-errors.js'
import { sendPage } from '../account/page-kit.js'
import type { EducatorPagesOptions } from './educator-kit.js'
import { ReportsView, type ReportValues } from './report-views.js'

const page = { schema: { hide: true }, config: { operation: 'school.reports.read' as const } }
const via = (req: FastifyRequest): string => (req.access.decision.allow ? req.access.decision.via : 'none')
const one = (value: unknown): string => (typeof value === 'string' ? value.trim().slice(0, 64) : Array.isArray(value) ? one(value[0]) : '')

type ReportsRoute = { Params: { schoolId: string }; Querystring: Record<string, unknown> }

export const reportPages: FastifyPluginAsync<EducatorPagesOptions> = async (app, options) => {
  const { reports } = options.educators

  app.get<ReportsRoute>('/schools/:schoolId/reports', page, async (req, reply) => {
    const { schoolId } = req.params
    const actor = requireAuthenticated(req.actor)
    const today = new Date(options.identity.clock.now()).toISOString().slice(0, 10)
    const values: ReportValues = {
      from: one(req.query.from) || `${today.slice(0, 4)}-01-01`, to: one(req.query.to) || today,
      cohortId: one(req.query.cohortId), programmeId: one(req.query.programmeId),
    }
    const [cohorts, programmes] = [await reports.cohortsInScope(actor, via(req), schoolId), await reports.programmesOf(schoolId)]
    let errors: FormErrors = NO_ERRORS
    let report = null
    if (values.cohortId && !cohorts.some((c) => c.id === values.cohortId)) values.cohortId = ''
    if (values.programmeId && !programmes.some((p) => p.id === values.programmeId)) values.programmeId = ''
    try {
      report = await reports.attainment(actor, via(req), schoolId, {
        from: values.from, to: values.to, ...(values.cohortId ? { cohortId: values.cohortId } : {}), ...(values.programmeId ? { programmeId: values.programmeId } : {}),
      })
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'report.invalid_range') throw error
      errors = /calendar dates/.test(error.message) ? formError(error.message) : fieldError('to', error.message)
    }
    return sendPage(req, reply, options, {
      title: 'Credential attainment', status: report ? 200 : 400,
      body: <ReportsView schoolId={schoolId} values={values} errors={errors} cohorts={cohorts} programmes={programmes} report={report} />,
    })
  })
}

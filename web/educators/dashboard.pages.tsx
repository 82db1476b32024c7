/**
 * The cohort dashboard and learner drill-down pages. They name the API's operation
 * (`school.cohort.read`), so the policy hook decides the same way (another school or unknown cohort
 * 404, an educator not running the cohort 403), and call the same service — which writes the
 * access-log rows for the learners shown.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { requireAuthenticated } from '../../server/modules/identity/index.js'
import { DEFAULT_WEEKS } from '../../server/modules/educators/dashboard.service.js'
import { sendPage } from '../account/page-kit.js'
import { DashboardView, DrillDownView, WEEK_CHOICES } from './dashboard-views.js'
import type { EducatorPagesOptions } from './educator-kit.js'

const page = { schema: { hide: true }, config: { operation: 'school.cohort.read' as const } }
const via = (req: FastifyRequest): string => (req.access.decision.allow ? req.access.decision.via : 'none')

type CohortRoute = { Params: { schoolId: string; cohortId: string }; Querystring: { weeks?: string } }
type LearnerRoute = { Params: { schoolId: string; cohortId: string; userId: string } }

export const dashboardPages: FastifyPluginAsync<EducatorPagesOptions> = async (app, options) => {
  const { dashboard } = options.educators

  app.get<CohortRoute>('/schools/:schoolId/cohorts/:cohortId/dashboard', page, async (req, reply) => {
    const asked = Number.parseInt(String(req.query.weeks ?? ''), 10)
    const weeks = (WEEK_CHOICES as readonly number[]).includes(asked) ? asked : DEFAULT_WEEKS
    const d = await dashboard.dashboard(requireAuthenticated(req.actor), via(req), req.params.schoolId, req.params.cohortId, { weeks })
    return sendPage(req, reply, options, { title: `${d.cohort.name}: dashboard`, body: <DashboardView d={d} schoolId={req.params.schoolId} weeks={weeks} /> })
  })

  app.get<LearnerRoute>('/schools/:schoolId/cohorts/:cohortId/learners/:userId', page, async (req, reply) => {
    const { schoolId, cohortId, userId } = req.params
    const d = await dashboard.learner(requireAuthenticated(req.actor), via(req), schoolId, cohortId, userId)
    return sendPage(req, reply, options, { title: `${d.learner.displayName} in ${d.cohort.name}`, body: <DrillDownView d={d} schoolId={schoolId} /> })
  })
}

/**
 * A cohort's dashboard and the drill-down to one learner, under /api/v1/schools/{schoolId}/cohorts.
 * Operation `school.cohort.read`: the access hook has already answered 404 for a cohort of another
 * school and 403 for an educator who does not run the cohort. Each learner shown is logged.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type, type TSchema } from 'typebox'
import * as S from '../../../shared/schemas.js'
import { requireAuthenticated } from '../identity/index.js'
import { DEFAULT_WEEKS, MAX_LEARNERS, MAX_WEEKS } from './dashboard.service.js'
import type { EducatorRouteOptions } from './index.js'

const strict = { additionalProperties: false } as const
const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, S.Problem]))
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])
const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9A-Za-z_-]{1,64}$' })
const Share = Type.Number({ minimum: 0, maximum: 1, description: 'A share, 0–1' })
const Timestamp = Type.String({ description: 'ISO-8601 UTC' })
const Day = Type.String({ description: 'YYYY-MM-DD' })

export const via = (req: FastifyRequest): string => (req.access.decision.allow ? req.access.decision.via : 'none')

const CareerRef = Type.Object({ slug: Type.String(), title: Type.String() }, strict)
export const Cohort = Type.Object({
  id: Type.String(), name: Type.String(),
  programme: Nullable(Type.Object({ id: Type.String(), title: Type.String() }, strict)),
  archivedAt: Nullable(Timestamp),
}, strict)
const Assignment = Type.Object({
  id: Type.String(), kind: Type.Union([Type.Literal('career'), Type.Literal('pathway')]), title: Type.String(),
  career: Nullable(CareerRef), pathwayId: Nullable(Type.String()), dueOn: Nullable(Type.String()),
  steps: Type.Integer({ description: 'Steps of the pathway: the career\'s catalog pathway, or the adapted pathway' }),
}, strict)
const CareerShare = Type.Object({ career: Type.String(), coverage: Nullable(Share) }, strict)
const CareerMean = Type.Object({ career: Type.String(), mean: Nullable(Share) }, strict)
const Bands = Type.Array(Type.Object({ label: Type.String(), from: Type.Integer(), to: Type.Integer(), count: Type.Integer() }, strict))
const CredentialKind = Type.Union([Type.Literal('catalog'), Type.Literal('local')])

const LearnerRow = Type.Object({
  userId: Type.String(), displayName: Type.String(), joinedAt: Timestamp,
  progress: Type.Array(Type.Object({ assignmentId: Type.String(), done: Type.Integer(), total: Type.Integer(), share: Share }, strict)),
  coverage: Type.Array(CareerShare),
  credentials: Type.Object({
    count: Type.Integer(),
    latest: Nullable(Type.Object({ kind: CredentialKind, id: Type.String(), title: Type.String(), earnedOn: Day }, strict)),
  }, strict),
  lastActivity: Nullable(Timestamp),
}, strict)

const Dashboard = Type.Object({
  cohort: Cohort,
  generatedAt: Timestamp,
  assignments: Type.Array(Assignment),
  careers: Type.Array(CareerRef, { description: 'The careers the assignments target, each once' }),
  learners: Type.Object({ total: Type.Integer(), shown: Type.Integer(), truncated: Type.Boolean() }, strict),
  totals: Type.Object({
    learners: Type.Integer(), activeLast7Days: Type.Integer(), stepsDone: Type.Integer(), credentialsEarned: Type.Integer(),
    meanCoverage: Type.Array(CareerMean),
  }, strict),
  distributions: Type.Object({
    coverage: Type.Array(Type.Object({ career: Type.String(), title: Type.String(), bands: Bands, noData: Type.Integer() }, strict)),
    completion: Type.Array(Type.Object({ assignmentId: Type.String(), title: Type.String(), bands: Bands, noData: Type.Integer() }, strict)),
  }, strict),
  trends: Type.Object({
    weeks: Type.Array(Type.Object({
      start: Timestamp, end: Timestamp, activeLearners: Type.Integer(), stepsDone: Type.Integer(), credentialsEarned: Type.Integer(),
      meanCoverage: Type.Array(CareerMean),
    }, strict)),
    eventsCapped: Type.Boolean(),
  }, strict),
  rows: Type.Array(LearnerRow),
}, strict)

const DrillDown = Type.Object({
  cohort: Cohort,
  learner: Type.Object({ userId: Type.String(), displayName: Type.String(), joinedAt: Timestamp }, strict),
  lastActivity: Nullable(Timestamp),
  careers: Type.Array(Type.Object({
    career: CareerRef, coverage: Nullable(Share),
    gaps: Type.Array(Type.Object({
      skill: Type.String(), name: Type.String(), required: Type.Integer(), have: Type.Integer(), shortfall: Type.Number(), missing: Type.Boolean(),
    }, strict)),
  }, strict)),
  assignments: Type.Array(Type.Object({
    assignment: Assignment, done: Type.Integer(), total: Type.Integer(),
    steps: Type.Array(Type.Object({ title: Type.String(), doneAt: Nullable(Timestamp) }, strict)),
  }, strict)),
  credentials: Type.Array(Type.Object({
    kind: CredentialKind, id: Type.String(), title: Type.String(), type: Type.String(), provider: Type.String(), earnedOn: Day,
  }, strict)),
  recent: Type.Array(Type.Object({ at: Timestamp, kind: Type.String(), coverage: Type.Array(CareerShare), stepsDone: Type.Integer() }, strict)),
}, strict)

const CohortParams = Type.Object({ schoolId: Id, cohortId: Id }, strict)
const LearnerParams = Type.Object({ schoolId: Id, cohortId: Id, userId: Id }, strict)
const DashboardQuery = Type.Object({
  weeks: Type.Integer({ minimum: 1, maximum: MAX_WEEKS, default: DEFAULT_WEEKS, description: 'Weeks of trends (UTC, Monday to Monday), ending with the current week' }),
}, strict)

export const dashboardRoutes: FastifyPluginAsyncTypebox<EducatorRouteOptions> = async (app, { educators }) => {
  const tags = ['cohorts']

  app.get('/schools/:schoolId/cohorts/:cohortId/dashboard', {
    config: { operation: 'school.cohort.read' },
    schema: {
      tags, summary: 'A cohort\'s dashboard',
      description: `Per learner: steps done of each assignment's pathway, coverage of each assigned career (the gap of their stored passport), credentials earned (catalog and the school's local ones) and last activity. Per cohort: learners in 20-point bands of coverage and of pathway completion, weekly trends (active learners, step marks, credentials earned, mean coverage from progress events), totals. At most ${MAX_LEARNERS} learners (oldest members first; \`learners.truncated\` says when more exist). Each learner shown is written to the access log (purpose school.cohort.dashboard). The cohort's educators, school admins and platform admins.`,
      params: CohortParams, querystring: DashboardQuery, response: { 200: Dashboard, ...problems(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store')
    return educators.dashboard.dashboard(requireAuthenticated(req.actor), via(req), req.params.schoolId, req.params.cohortId, { weeks: req.query.weeks })
  })

  app.get('/schools/:schoolId/cohorts/:cohortId/learners/:userId', {
    config: { operation: 'school.cohort.read' },
    schema: {
      tags, summary: 'One learner of a cohort',
      description: 'Coverage of each assigned career with the five largest gaps, steps done of each assignment, credentials with the day earned, and the newest progress events. 404 cohort_member.not_found for someone who is not a learner of the cohort. The read is written to the access log (purpose school.cohort.learner).',
      params: LearnerParams, response: { 200: DrillDown, ...problems(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store')
    return educators.dashboard.learner(requireAuthenticated(req.actor), via(req), req.params.schoolId, req.params.cohortId, req.params.userId)
  })
}

/**
 * The learner's cohort pages: /me/cohorts (my cohorts, their assignments with a mark-done / undo
 * button per step, a join-by-code form) and /cohorts/join (the page a cohort's link opens: the
 * cohort's name and a Join button). Joining goes through the same guessing throttle as the API; a
 * code looked up on the join page counts too.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { cohortCodeThrottled } from '../../server/modules/educators/cohorts.service.js'
import { requireAuthenticated, requireUser } from '../../server/modules/identity/index.js'
import { AppError } from '../../server/platform/http/errors.js'
import { csrfOf, seeOther, sendPage } from '../account/page-kit.js'
import { formOf, text } from '../forms/form-body.js'
import { fieldError, formError, hasErrors, NO_ERRORS, type FormErrors } from '../forms/form-errors.js'
import { queryValue } from '../passport/passport-kit.js'
import { JoinCohortView, MyCohortsView } from './cohort-learner-views.js'
import type { EducatorPagesOptions } from './educator-kit.js'

const CODE = /^[0-9A-Za-z -]{8,12}$/
const stepPost = { schema: { hide: true }, config: { operation: 'me.passport.write' as const, form: true as const } }
const joinPost = { schema: { hide: true }, config: { operation: 'cohort.join' as const, form: true as const } }

type AdaptedStep = { Params: { cohortId: string; pathwayId: string; stepId: string } }
type CareerStep = { Params: { cohortId: string; career: string; section: string; position: string } }

/** Unknown, switched off, archived: one answer, shown on the form. */
const joinRefusal = (error: unknown): FormErrors => {
  if (error instanceof AppError && error.code === 'cohort.join_not_found') return formError('No open cohort has that code. Check it with your teacher.')
  throw error
}

export const cohortLearnerPages: FastifyPluginAsync<EducatorPagesOptions> = async (app, options) => {
  const { identity } = options
  const { cohorts } = options.educators
  const csrf = (req: FastifyRequest) => csrfOf(req, identity)

  const myPage = async (req: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FormErrors, status = 400) => {
    const actor = requireAuthenticated(req.actor)
    await cohorts.noteRead(actor)
    const done = queryValue(req.query, 'done')
    return sendPage(req, reply, options, {
      title: 'My cohorts', status: hasErrors(errors) ? status : 200,
      body: <MyCohortsView cohorts={await cohorts.assignments.mine(actor.userId)} values={values} errors={errors} csrf={csrf(req)} {...(done ? { done } : {})} />,
    })
  }

  app.get('/me/cohorts', { schema: { hide: true }, config: { operation: 'me.cohorts.read' } }, async (req, reply) => myPage(req, reply, {}, NO_ERRORS))

  const joinPage = async (req: FastifyRequest, reply: FastifyReply, code: string, errors: FormErrors, status = 400) => {
    let cohort: { name: string; schoolName: string } | undefined
    let shown = errors
    if (!hasErrors(errors) && CODE.test(code)) {
      const userId = requireUser(req.actor).userId
      try {
        cohort = await cohortCodeThrottled(identity, { userId, ip: req.ip }, () => cohorts.byCode(code))
      } catch (error) {
        shown = joinRefusal(error)
        status = 404
      }
    }
    return sendPage(req, reply, options, {
      title: cohort ? `Join ${cohort.name}` : 'Join a cohort', status: hasErrors(shown) ? status : 200,
      body: <JoinCohortView cohort={cohort} code={code} values={{ code }} errors={shown} csrf={csrf(req)} />,
    })
  }

  // GET shows the cohort and the button; joining is the POST.
  app.get('/cohorts/join', { schema: { hide: true }, config: { operation: 'cohort.join' } }, async (req, reply) =>
    joinPage(req, reply, (queryValue(req.query, 'code') ?? '').slice(0, 20), NO_ERRORS))

  app.post('/cohorts/join', joinPost, async (req, reply) => {
    const code = text(formOf(req), 'code').trim()
    if (!CODE.test(code)) return joinPage(req, reply, code, fieldError('code', 'Enter the 8-character code, letters and digits.'))
    const userId = requireUser(req.actor).userId
    try {
      await cohortCodeThrottled(identity, { userId, ip: req.ip }, () => cohorts.join(userId, code))
    } catch (error) {
      return joinPage(req, reply, code, joinRefusal(error), 404)
    }
    return seeOther(reply, '/me/cohorts?done=joined')
  })

  for (const done of [true, false]) {
    const verb = done ? 'done' : 'undo'
    const after = (reply: FastifyReply) => seeOther(reply, `/me/cohorts?done=${done ? 'step-done' : 'step-undone'}`)

    app.post<AdaptedStep>(`/me/cohorts/:cohortId/pathways/:pathwayId/steps/:stepId/${verb}`, stepPost, async (req, reply) => {
      const { cohortId, pathwayId, stepId } = req.params
      await cohorts.assignments.markAdaptedStep(requireUser(req.actor).userId, cohortId, pathwayId, stepId, done)
      return after(reply)
    })

    app.post<CareerStep>(`/me/cohorts/:cohortId/careers/:career/steps/:section/:position/${verb}`, stepPost, async (req, reply) => {
      const { cohortId, career, section } = req.params
      const position = Number(req.params.position)
      if (!Number.isInteger(position) || position < 0 || position > 10_000) throw new AppError('request.invalid', 400, 'No such step.')
      await cohorts.assignments.markCareerStep(requireUser(req.actor).userId, cohortId, career, section, position, done)
      return after(reply)
    })
  }
}

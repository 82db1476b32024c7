/**
 * The passport's analysis pages: the gap to a career (default the first target), careers ranked by
 * fit (filters and paging in a GET form), plans (list, create, one week by week, mark an item done)
 * and progress. Reads go through the analysis and plans services on the stored passport.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { requireUser } from '../../server/modules/identity/index.js'
import { AppError } from '../../server/platform/http/errors.js'
import type { CareerRef } from '../../shared/schemas.js'
import { csrfOf, seeOther, sendPage } from '../account/page-kit.js'
import { formOf, text } from '../forms/form-body.js'
import { fieldError, formError, NO_ERRORS, type FormErrors } from '../forms/form-errors.js'
import { gapRows, GapsView, MatchesView } from './analysis-views.js'
import { parseMatchQuery } from './match-query.js'
import { creditsFor, formPost, learnerOf, queryValue, readPage, type PassportPagesOptions } from './passport-kit.js'
import { PlansView, PlanView, ProgressView, type PlanFormValues } from './plan-views.js'

type PlanParam = { Params: { id: string } }
type ItemParam = { Params: { id: string; itemId: string } }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const noPlan = () => new AppError('plan.not_found', 404, 'You have no such plan.')
const MATCHES_PER_PAGE = 20

export const analysisPages: FastifyPluginAsync<PassportPagesOptions> = async (app, options) => {
  const { learner, careers } = options
  const { passport, plans, analysis } = learner
  const csrf = (req: FastifyRequest) => csrfOf(req, options.identity)

  /** The targets, then `extra` (a career reached from a link) when it is not one of them. */
  const careersWith = (targets: readonly CareerRef[], extra: string | undefined): CareerRef[] => {
    const slug = extra === undefined ? undefined : passport.view().careerSlug(extra)
    const ref = slug === undefined ? undefined : passport.view().careerRef(slug)
    return ref && !targets.some((t) => t.slug === ref.slug) ? [...targets, ref] : [...targets]
  }

  app.get('/passport/gaps', readPage, async (req, reply) => {
    const userId = await learnerOf(req, passport, 'passport.gaps')
    const [body, stored] = await Promise.all([passport.body(userId), passport.read(userId)])
    const career = queryValue(req.query, 'career') || stored.targets[0]?.slug
    const gap = career === undefined ? null : analysis.gap(body, career)
    const sources = gap ? creditsFor(careers, { careerOrigins: [gap.career.origin], skillIds: gapRows(gap).map((r) => r.skill) }) : []
    const title = gap ? `Your gap to ${gap.career.title}` : 'Your gaps'
    return sendPage(req, reply, options, { title, body: <GapsView gap={gap} careers={careersWith(stored.targets, gap?.career.slug)} sources={sources} /> })
  })

  app.get('/passport/matches', readPage, async (req, reply) => {
    const userId = await learnerOf(req, passport, 'passport.matches')
    const parsed = parseMatchQuery(req.query)
    const answer = parsed.problems.length > 0 ? null : analysis.matches(await passport.body(userId), { filters: parsed.filters, limit: MATCHES_PER_PAGE, offset: parsed.offset })
    const sources = answer ? creditsFor(careers, {
      careerOrigins: answer.items.map((m) => m.career.origin),
      sourceIds: answer.items.flatMap((m) => [m.outlook.pay?.source, m.outlook.growthPercent?.source, m.outlook.education?.source].filter((s): s is string => s !== undefined)),
    }) : []
    return sendPage(req, reply, options, {
      title: 'Careers that match your skills', status: parsed.problems.length > 0 ? 400 : 200,
      body: <MatchesView answer={answer} values={parsed.values} problems={parsed.problems} offset={parsed.offset} limit={MATCHES_PER_PAGE} sources={sources} />,
    })
  })

  const plansPage = async (req: FastifyRequest, reply: FastifyReply, values: PlanFormValues, errors: FormErrors, status = 200) => {
    const userId = await learnerOf(req, passport, 'passport.plans')
    const [list, stored] = await Promise.all([plans.list(userId), passport.read(userId)])
    const options2 = careersWith(stored.targets, values.career)
    return sendPage(req, reply, options, { title: 'Your learning plans', status, body: <PlansView plans={list} careers={options2} values={values} errors={errors} csrf={csrf(req)} /> })
  }

  app.get('/passport/plans', readPage, async (req, reply) => {
    const career = queryValue(req.query, 'career')
    return plansPage(req, reply, career ? { career } : {}, NO_ERRORS)
  })

  app.post('/passport/plans', formPost, async (req, reply) => {
    const userId = requireUser(req.actor).userId
    const form = formOf(req)
    const values: PlanFormValues = { career: text(form, 'career'), hoursPerWeek: text(form, 'hoursPerWeek').trim(), optimise: text(form, 'optimise') }
    const hours = Number(values.hoursPerWeek)
    if (values.career === '') return plansPage(req, reply, values, fieldError('career', 'Choose a career.'), 400)
    if (values.hoursPerWeek === '' || !Number.isFinite(hours) || hours < 1 || hours > 80) return plansPage(req, reply, values, fieldError('hoursPerWeek', 'Enter a number of hours from 1 to 80.'), 400)
    try {
      const plan = await plans.create(userId, { career: values.career!, hoursPerWeek: hours, optimise: values.optimise === 'cost' ? 'cost' : 'time' })
      return seeOther(reply, `/passport/plans/${encodeURIComponent(plan.id)}?done=plan-created`)
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      if (error.status === 404) return plansPage(req, reply, values, fieldError('career', 'That career is not in the catalog.'), 400)
      if (error.status === 409) return plansPage(req, reply, values, formError(error.message), 409)
      throw error
    }
  })

  app.get<PlanParam>('/passport/plans/:id', readPage, async (req, reply) => {
    const userId = await learnerOf(req, passport, 'passport.plan')
    if (!UUID.test(req.params.id)) throw noPlan()
    const stored = await plans.get(userId, req.params.id)
    const { plan } = stored
    const sources = creditsFor(careers, { careerOrigins: [plan.career.origin], skillIds: [...plan.items.flatMap((i) => i.skills.map((s) => s.skill)), ...plan.uncovered.map((u) => u.skill)] })
    return sendPage(req, reply, options, { title: `Plan for ${plan.career.title}`, body: <PlanView stored={stored} csrf={csrf(req)} done={queryValue(req.query, 'done')} sources={sources} /> })
  })

  app.post<ItemParam>('/passport/plans/:id/items/:itemId/done', formPost, async (req, reply) => {
    const userId = requireUser(req.actor).userId
    if (!UUID.test(req.params.id)) throw noPlan()
    await plans.markDone(userId, req.params.id, req.params.itemId)
    return seeOther(reply, `/passport/plans/${encodeURIComponent(req.params.id)}?done=item-done#items`)
  })

  app.get('/passport/progress', readPage, async (req, reply) => {
    const userId = await learnerOf(req, passport, 'passport.progress')
    return sendPage(req, reply, options, { title: 'Your progress', body: <ProgressView progress={await plans.progress(userId)} /> })
  })
}

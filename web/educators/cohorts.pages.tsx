/**
 * The staff's cohort pages: /schools/{schoolId}/cohorts (list and create) and one cohort (join code
 * and link, learners, staff, assignments, archive). Each route names the policy operation of its API
 * twin, so the hook decides the same way (another school 404, an educator who does not run the
 * cohort 403) before a handler runs; the handlers call the cohorts service and only choose the page.
 * The learner's pages (My cohorts, joining) are registered from here too (cohort-learner.pages.tsx).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { requireUser } from '../../server/modules/identity/index.js'
import { cohortJoinLink } from '../../server/modules/educators/cohorts.routes.js'
import { AppError } from '../../server/platform/http/errors.js'
import { csrfOf, seeOther, sendPage } from '../account/page-kit.js'
import { formOf, text } from '../forms/form-body.js'
import { errorsFromAppError, fieldError, formError, hasErrors, NO_ERRORS, required, type FormErrors } from '../forms/form-errors.js'
import { lookUpName } from '../passport/passport-kit.js'
import { cohortLearnerPages } from './cohort-learner.pages.js'
import { cohortHref } from './cohort-links.js'
import { CohortListView, CohortView, type AssignForm } from './cohort-views.js'
import type { EducatorPagesOptions } from './educator-kit.js'

const page = (operation: 'school.cohorts.read' | 'school.cohort.read') => ({ schema: { hide: true }, config: { operation } })
const form = (operation: 'school.cohorts.create' | 'school.cohort.manage') => ({ schema: { hide: true }, config: { operation, form: true as const } })
const manage = form('school.cohort.manage')

type School = { Params: { schoolId: string } }
type Cohort = { Params: { schoolId: string; cohortId: string }; Querystring: { done?: string } }
type CohortUser = { Params: { schoolId: string; cohortId: string; userId: string } }
type Assignment = { Params: { schoolId: string; cohortId: string; assignmentId: string } }

const NO_ASSIGN: AssignForm = { kind: undefined, values: {}, errors: NO_ERRORS }

export const cohortPages: FastifyPluginAsync<EducatorPagesOptions> = async (app, options) => {
  const { identity, schools, db, search } = options
  const { cohorts } = options.educators
  const csrf = (req: FastifyRequest) => csrfOf(req, identity)
  const staffOnly = (req: FastifyRequest) => req.access.decision.allow && req.access.decision.via === 'educator'

  /** The school's programmes to choose from (title and CIP code). */
  const programmesOf = async (schoolId: string) =>
    (await db.selectFrom('school_programmes').select(['id', 'title', 'cip_code']).where('school_id', '=', schoolId).orderBy('title').limit(1000).execute())
      .map((p) => ({ id: p.id, title: `${p.title} (${p.cip_code})` }))

  // --- the list, and creating a cohort ---
  const listPage = async (req: FastifyRequest<School>, reply: FastifyReply, values: Record<string, string>, errors: FormErrors, status = 400) => {
    const school = await schools.school(req.params.schoolId)
    const [list, programmes] = await Promise.all([
      cohorts.list(school.id, staffOnly(req) ? requireUser(req.actor).userId : undefined),
      programmesOf(school.id),
    ])
    return sendPage(req, reply, options, {
      title: `Cohorts of ${school.name}`, status: hasErrors(errors) ? status : 200,
      body: <CohortListView school={school} cohorts={list} programmes={programmes} values={values} errors={errors} csrf={csrf(req)} />,
    })
  }

  app.get<School>('/schools/:schoolId/cohorts', page('school.cohorts.read'), async (req, reply) => listPage(req, reply, {}, NO_ERRORS))

  app.post<School>('/schools/:schoolId/cohorts', form('school.cohorts.create'), async (req, reply) => {
    const body = formOf(req)
    const values = { name: text(body, 'name').trim(), description: text(body, 'description').trim(), programmeId: text(body, 'programmeId') }
    const errors = required(values, [{ name: 'name', label: 'the cohort’s name', max: 200 }])
    if ([...values.description].length > 2000) return listPage(req, reply, values, fieldError('description', 'The description must have at most 2000 characters.'))
    if (hasErrors(errors)) return listPage(req, reply, values, errors)
    const role = req.access.memberships.get(req.params.schoolId)
    const creator = role === 'educator' || role === 'school_admin' ? requireUser(req.actor).userId : null
    try {
      const created = await cohorts.create(req.params.schoolId, creator, {
        name: values.name, ...(values.description ? { description: values.description } : {}), ...(values.programmeId ? { programmeId: values.programmeId } : {}),
      })
      return seeOther(reply, cohortHref(req.params.schoolId, created.id, '?done=created'))
    } catch (error) {
      if (error instanceof AppError && error.code === 'programme.not_found') return listPage(req, reply, values, fieldError('programmeId', 'Choose one of the school’s programmes.'))
      throw error
    }
  })

  // --- one cohort ---
  type Forms = { assign?: AssignForm; details?: { values: Record<string, string>; errors: FormErrors } }
  const cohortPage = async (req: FastifyRequest<Cohort>, reply: FastifyReply, forms: Forms, status = 400) => {
    const { schoolId, cohortId } = req.params
    const [school, cohort, members, pathways, programmes] = await Promise.all([
      schools.school(schoolId), cohorts.detail(schoolId, cohortId), schools.members(schoolId, { limit: 10_000, offset: 0 }), cohorts.assignments.pathwayChoices(schoolId),
      programmesOf(schoolId),
    ])
    const running = new Set(cohort.staff.map((p) => p.userId))
    const staffChoices = members.filter((m) => (m.role === 'educator' || m.role === 'school_admin') && !running.has(m.userId)).map((m) => ({ id: m.userId, title: m.displayName }))
    const origin = identity.publicOrigin ?? `${req.protocol}://${req.host}`
    const assign = forms.assign ?? NO_ASSIGN
    const details = forms.details ?? { values: {}, errors: NO_ERRORS }
    return sendPage(req, reply, options, {
      title: cohort.name, status: hasErrors(assign.errors) || hasErrors(details.errors) ? status : 200,
      body: (
        <CohortView school={school} cohort={cohort} joinLink={cohortJoinLink(origin, cohort.joinCode)} staffChoices={staffChoices} pathwayChoices={pathways}
          programmes={programmes} assign={assign} details={details} csrf={csrf(req)} {...(typeof req.query.done === 'string' ? { done: req.query.done } : {})} />
      ),
    })
  }

  app.get<Cohort>('/schools/:schoolId/cohorts/:cohortId', page('school.cohort.read'), async (req, reply) => cohortPage(req, reply, {}))

  const back = (reply: FastifyReply, p: { schoolId: string; cohortId: string }, done: string, anchor = '') => seeOther(reply, cohortHref(p.schoolId, p.cohortId, `?done=${done}${anchor}`))

  app.post<Cohort>('/schools/:schoolId/cohorts/:cohortId/join-code', manage, async (req, reply) => {
    await cohorts.setJoinCode(req.params.schoolId, req.params.cohortId, true)
    return back(reply, req.params, 'code', '#join-heading')
  })

  app.post<Cohort>('/schools/:schoolId/cohorts/:cohortId/join-code/off', manage, async (req, reply) => {
    await cohorts.setJoinCode(req.params.schoolId, req.params.cohortId, false)
    return back(reply, req.params, 'code-off', '#join-heading')
  })

  app.post<Cohort>('/schools/:schoolId/cohorts/:cohortId/archive', manage, async (req, reply) => {
    const archived = text(formOf(req), 'archived') === 'yes'
    await cohorts.update(req.params.schoolId, req.params.cohortId, { archived })
    return back(reply, req.params, archived ? 'archived' : 'restored')
  })

  app.post<Cohort>('/schools/:schoolId/cohorts/:cohortId/details', manage, async (req, reply) => {
    const body = formOf(req)
    const values = { name: text(body, 'name').trim(), description: text(body, 'description').trim(), programmeId: text(body, 'programmeId') }
    const refuse = (errors: FormErrors) => cohortPage(req, reply, { details: { values, errors } })
    const errors = required(values, [{ name: 'name', label: 'the cohort’s name', max: 200 }])
    if (hasErrors(errors)) return refuse(errors)
    if ([...values.description].length > 2000) return refuse(fieldError('description', 'The description must have at most 2000 characters.'))
    try {
      await cohorts.update(req.params.schoolId, req.params.cohortId, { name: values.name, description: values.description || null, programmeId: values.programmeId || null })
    } catch (error) {
      if (error instanceof AppError && error.code === 'programme.not_found') return refuse(fieldError('programmeId', 'Choose one of the school’s programmes.'))
      throw error
    }
    return back(reply, req.params, 'saved', '#details-heading')
  })

  app.post<CohortUser>('/schools/:schoolId/cohorts/:cohortId/learners/:userId/remove', manage, async (req, reply) => {
    await cohorts.removeLearner(req.params.schoolId, req.params.cohortId, req.params.userId)
    return back(reply, req.params, 'learner-removed', '#learners-heading')
  })

  app.post<Cohort>('/schools/:schoolId/cohorts/:cohortId/staff', manage, async (req, reply) => {
    const userId = text(formOf(req), 'userId')
    if (!/^[0-9A-Za-z-]{1,64}$/.test(userId)) throw new AppError('request.invalid', 400, 'Choose an educator from the list.')
    await cohorts.addStaff(req.params.schoolId, req.params.cohortId, userId)
    return back(reply, req.params, 'staff-added', '#staff-heading')
  })

  app.post<CohortUser>('/schools/:schoolId/cohorts/:cohortId/staff/:userId/remove', manage, async (req, reply) => {
    await cohorts.removeStaff(req.params.schoolId, req.params.cohortId, req.params.userId)
    return back(reply, req.params, 'staff-removed', '#staff-heading')
  })

  app.post<Cohort>('/schools/:schoolId/cohorts/:cohortId/assignments', manage, async (req, reply) => {
    const body = formOf(req)
    const kind = text(body, 'kind') === 'pathway' ? 'pathway' as const : 'career' as const
    const values = { career: text(body, 'career').trim(), pathwayId: text(body, 'pathwayId'), dueOn: text(body, 'dueOn').trim(), note: text(body, 'note').trim() }
    const refuse = (errors: FormErrors, status = 400) => cohortPage(req, reply, { assign: { kind, values, errors } }, status)
    if (kind === 'career' && values.career === '') return refuse(fieldError('career', 'Enter the career’s name or occupation code.'))
    if ([...values.note].length > 2000) return refuse(fieldError('note', 'The note must have at most 2000 characters.'))
    const common = { ...(values.dueOn ? { dueOn: values.dueOn } : {}), ...(values.note ? { note: values.note } : {}) }
    const add = (career: string) => cohorts.assignments.add(req.params.schoolId, req.params.cohortId, kind === 'career' ? { kind, career, ...common } : { kind, pathwayId: values.pathwayId, ...common })
    try {
      try {
        await add(values.career)
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'career.not_found')) throw error
        // Not a slug or code: a career's name, as the passport pages look it up.
        const near = lookUpName(search, 'career', values.career)
        if (!('found' in near)) {
          const offer = near.choices.length > 0 ? ` Did you mean: ${near.choices.map((c) => c.title).join('; ')}?` : ' Try other words.'
          return await refuse(fieldError('career', `No career is called “${values.career}”.${offer}`))
        }
        await add(near.found)
      }
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error
      if (error.code === 'request.invalid') return refuse(errorsFromAppError(error, ['career', 'pathwayId', 'dueOn', 'note']).fields.dueOn ? fieldError('dueOn', 'Enter the date as year-month-day, for example 2026-06-30.') : errorsFromAppError(error, ['career', 'pathwayId', 'note']))
      if (error.code === 'adapted_pathway.not_found') return refuse(fieldError('pathwayId', 'Choose one of the school’s pathways.'))
      if (error.status === 409) return refuse(formError(error.message), 409)
      throw error
    }
    return back(reply, req.params, 'assigned', '#assignments-heading')
  })

  app.post<Assignment>('/schools/:schoolId/cohorts/:cohortId/assignments/:assignmentId/remove', manage, async (req, reply) => {
    await cohorts.assignments.remove(req.params.schoolId, req.params.cohortId, req.params.assignmentId)
    return back(reply, req.params, 'assignment-removed', '#assignments-heading')
  })

  await app.register(cohortLearnerPages, options)
}

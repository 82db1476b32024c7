/**
 * Adapted-pathway pages: /schools/{schoolId}/pathways (list and copy, the career typed by name),
 * /schools/{schoolId}/pathways/{pathwayId} (steps with move, edit, remove; add a step; the upstream
 * changes with Accept / Decline) and /schools/{schoolId}/credentials. Each route names the policy
 * operation of its API twin (school.pathways.read / .manage), so another school's pages are 404
 * before a handler runs; the handlers call the same service as the API. Post/Redirect/Get, with
 * the form's errors shown on the page (400) when the input cannot be used.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { decide as policyDecide, POLICY, type OperationId } from '../../server/modules/access/index.js'
import { requireUser } from '../../server/modules/identity/index.js'
import type { StepInput } from '../../server/modules/educators/adapted-pathways.service.js'
import { AppError } from '../../server/platform/http/errors.js'
import { csrfOf, seeOther, sendPage } from '../account/page-kit.js'
import { formOf, text } from '../forms/form-body.js'
import { errorsFromAppError, fieldError, formError, hasErrors, NO_ERRORS, required, type FormErrors } from '../forms/form-errors.js'
import { lookUpName } from '../passport/passport-kit.js'
import type { PickerChoice } from '../passport/skill-picker.js'
import type { EducatorPagesOptions } from './educator-kit.js'
import { CredentialsView, DURATION_UNITS, PathwayDetailView, PathwaysListView, pathwayHref, schoolHref, type StepFormValues } from './pathway-views.js'

const page = { schema: { hide: true }, config: { operation: 'school.pathways.read' as const } }
const form = { schema: { hide: true }, config: { operation: 'school.pathways.manage' as const, form: true as const } }

type SchoolReq = { Params: { schoolId: string }; Querystring: { done?: string } }
type PathwayReq = { Params: { schoolId: string; pathwayId: string }; Querystring: { done?: string } }
type StepReq = { Params: { schoolId: string; pathwayId: string; stepId: string } }
type ChangeReq = { Params: { schoolId: string; pathwayId: string; changeKey: string } }
type CredentialReq = { Params: { schoolId: string; credentialId: string } }

const STEP_FIELDS = ['section', 'title', 'text', 'durationMin', 'durationMax', 'durationUnit', 'credentialId', 'schoolCredentialId', 'credential', 'position']

function can(req: FastifyRequest, operation: OperationId, schoolId: string): boolean {
  return policyDecide(POLICY[operation], { actor: req.actor, memberships: req.access.memberships, method: 'POST', schoolId }).allow
}

const doneOf = (query: { done?: unknown }): string | undefined => (typeof query.done === 'string' ? query.done.slice(0, 40) : undefined)

/** The step form as the service's input, or the field errors. */
function readStep(values: StepFormValues): { input: StepInput; position?: number } | FormErrors {
  const fields: Record<string, string> = { ...required(values as Record<string, string>, [{ name: 'title', label: 'a title', max: 200 }, { name: 'text', label: 'what the learner does', max: 4000 }]).fields }
  if (!/^[A-Za-z][A-Za-z0-9-]{0,39}$/.test(values.section ?? '')) fields.section = 'Choose a section.'
  const number = (name: 'durationMin' | 'durationMax'): number | null => {
    const raw = (values[name] ?? '').trim()
    if (raw === '') return null
    const n = Number(raw)
    if (!Number.isFinite(n) || n < 0 || n > 1000) {
      fields[name] = 'Enter a number from 0 to 1000, or leave it empty.'
      return null
    }
    return n
  }
  const durationMin = number('durationMin')
  const durationMax = number('durationMax')
  if (durationMin !== null && durationMax !== null && durationMin > durationMax) fields.durationMax = 'The longest time must not be less than the shortest.'
  const unit = values.durationUnit ?? ''
  if (unit !== '' && !(DURATION_UNITS as readonly string[]).includes(unit)) fields.durationUnit = 'Choose a unit of time.'
  const credential = values.credential ?? ''
  if (credential !== '' && !/^(school|catalog):.{1,200}$/.test(credential)) fields.credential = 'Choose a credential from the list.'
  const position = (values.position ?? '') === '' ? undefined : Number(values.position)
  if (position !== undefined && (!Number.isInteger(position) || position < 0 || position > 10_000)) fields.position = 'Choose a place from the list.'
  if (Object.keys(fields).length > 0) return { fields, form: [] }
  const hasDuration = durationMin !== null || durationMax !== null
  return {
    input: {
      section: values.section!, title: values.title!.trim(), text: values.text!.trim(), durationMin, durationMax, durationUnit: hasDuration ? (unit || 'months') : null,
      credentialId: credential.startsWith('catalog:') ? credential.slice('catalog:'.length) : null,
      schoolCredentialId: credential.startsWith('school:') ? credential.slice('school:'.length) : null,
    },
    ...(position !== undefined ? { position } : {}),
  }
}

const stepValues = (req: FastifyRequest): StepFormValues => {
  const body = formOf(req)
  return {
    section: text(body, 'section'), title: text(body, 'title'), text: text(body, 'text'), durationMin: text(body, 'durationMin'),
    durationMax: text(body, 'durationMax'), durationUnit: text(body, 'durationUnit'), credential: text(body, 'credential'), position: text(body, 'position'),
  }
}

/** A refusal the person can fix on the form (400); anything else goes to the error pages. */
function fixable(error: unknown, known: readonly string[]): FormErrors {
  if (error instanceof AppError && error.status === 400) {
    const errors = errorsFromAppError(error, known)
    // The form has one credential field for both kinds.
    const fields = Object.fromEntries(Object.entries(errors.fields).map(([k, v]) => [k === 'credentialId' || k === 'schoolCredentialId' ? 'credential' : k, v]))
    return { fields, form: errors.form }
  }
  throw error
}

export const pathwayPages: FastifyPluginAsync<EducatorPagesOptions> = async (app, options) => {
  const { educators, schools, identity, search } = options
  const pathways = educators.pathways
  const csrf = (req: FastifyRequest) => csrfOf(req, identity)
  const actorId = (req: FastifyRequest) => requireUser(req.actor).userId

  // --- the list and the copy form ---
  const listPage = async (req: FastifyRequest<SchoolReq>, reply: FastifyReply, values: Record<string, string>, errors: FormErrors, choices: readonly PickerChoice[] = [], status = 400) => {
    const school = await schools.school(req.params.schoolId)
    return sendPage(req, reply, options, {
      title: `Adapted pathways of ${school.name}`, status: hasErrors(errors) ? status : 200,
      body: <PathwaysListView school={school} pathways={await pathways.list(school.id)} canManage={can(req, 'school.pathways.manage', school.id)}
        values={values} errors={errors} choices={choices} csrf={csrf(req)} done={doneOf(req.query)} />,
    })
  }

  app.get<SchoolReq>('/schools/:schoolId/pathways', page, async (req, reply) => listPage(req, reply, {}, NO_ERRORS))

  app.post<SchoolReq>('/schools/:schoolId/pathways', form, async (req, reply) => {
    const body = formOf(req)
    const values = { career: text(body, 'career').trim(), title: text(body, 'title').trim() }
    const choice = text(body, 'choice').trim()
    const fields: Record<string, string> = choice ? {} : { ...required(values, [{ name: 'career', label: 'a career', max: 200 }]).fields }
    if ([...values.title].length > 200) fields.title = 'The title must have at most 200 characters.'
    if (Object.keys(fields).length > 0) return listPage(req, reply, values, { fields, form: [] })
    let key = choice
    let choices: readonly PickerChoice[] = []
    if (!key) {
      const found = lookUpName(search, 'career', values.career)
      if ('found' in found) key = found.found
      else {
        key = values.career // a slug or an occupation code
        choices = found.choices
      }
    }
    try {
      const copied = await pathways.copy(req.params.schoolId, actorId(req), { career: key, ...(values.title ? { title: values.title } : {}) })
      return seeOther(reply, pathwayHref(req.params.schoolId, copied.id, '?done=copied'))
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'career.not_found') throw error
      const message = choices.length > 0 ? 'No career has exactly this name: choose one of those below, or change the name.' : 'No career has this name or code. Check the spelling.'
      return listPage(req, reply, values, fieldError('career', message), choices)
    }
  })

  // --- one pathway ---
  const detailPage = async (req: FastifyRequest<{ Params: { schoolId: string; pathwayId: string } }>, reply: FastifyReply, state: { errorForm?: string; errors?: FormErrors; values?: StepFormValues & { name?: string }; status?: number } = {}) => {
    const { schoolId, pathwayId } = req.params
    const [school, pathway, upstream, local] = await Promise.all([
      schools.school(schoolId), pathways.detail(schoolId, pathwayId), pathways.upstream(schoolId, pathwayId), pathways.credentials(schoolId),
    ])
    const errors = state.errors ?? NO_ERRORS
    return sendPage(req, reply, options, {
      title: `${pathway.title}: adapted pathway`, status: hasErrors(errors) ? state.status ?? 400 : 200,
      body: <PathwayDetailView school={school} pathway={pathway} changes={upstream.items} canManage={can(req, 'school.pathways.manage', schoolId)}
        credentials={{ local: local.map((c) => ({ id: c.id, title: c.title })), catalog: pathways.careerCredentials(pathway.career.slug) }}
        csrf={csrf(req)} done={doneOf((req.query ?? {}) as { done?: unknown })} errors={errors} values={state.values ?? {}} {...(state.errorForm ? { errorForm: state.errorForm } : {})} />,
    })
  }
  const back = (req: FastifyRequest<{ Params: { schoolId: string; pathwayId: string } }>, reply: FastifyReply, done: string, anchor = '') =>
    seeOther(reply, pathwayHref(req.params.schoolId, req.params.pathwayId, `?done=${done}${anchor}`))

  app.get<PathwayReq>('/schools/:schoolId/pathways/:pathwayId', page, async (req, reply) => detailPage(req, reply))

  app.post<PathwayReq>('/schools/:schoolId/pathways/:pathwayId', form, async (req, reply) => {
    const name = text(formOf(req), 'title').trim()
    const errors = required({ title: name }, [{ name: 'title', label: 'a title', max: 200 }])
    if (hasErrors(errors)) return detailPage(req, reply, { errorForm: 'rename', errors, values: { name } })
    await pathways.rename(req.params.schoolId, req.params.pathwayId, name)
    return back(req, reply, 'renamed')
  })

  app.post<PathwayReq>('/schools/:schoolId/pathways/:pathwayId/delete', form, async (req, reply) => {
    await pathways.remove(req.params.schoolId, req.params.pathwayId)
    return seeOther(reply, schoolHref(req.params.schoolId, '/pathways?done=deleted'))
  })

  app.post<PathwayReq>('/schools/:schoolId/pathways/:pathwayId/steps', form, async (req, reply) => {
    const values = stepValues(req)
    const read = readStep(values)
    if (!('input' in read)) return detailPage(req, reply, { errorForm: 'add', errors: read, values })
    try {
      const step = await pathways.addStep(req.params.schoolId, req.params.pathwayId, { ...read.input, ...(read.position !== undefined ? { position: read.position } : {}) })
      return back(req, reply, 'added', `#step-${step.id}`)
    } catch (error) {
      return detailPage(req, reply, { errorForm: 'add', errors: fixable(error, STEP_FIELDS), values })
    }
  })

  app.post<StepReq>('/schools/:schoolId/pathways/:pathwayId/steps/:stepId', form, async (req, reply) => {
    const values = stepValues(req)
    const formName = `step-${req.params.stepId}`
    const read = readStep(values)
    if (!('input' in read)) return detailPage(req, reply, { errorForm: formName, errors: read, values })
    try {
      await pathways.updateStep(req.params.schoolId, req.params.pathwayId, req.params.stepId, read.input)
    } catch (error) {
      return detailPage(req, reply, { errorForm: formName, errors: fixable(error, STEP_FIELDS), values })
    }
    return back(req, reply, 'saved', `#${formName}`)
  })

  app.post<StepReq>('/schools/:schoolId/pathways/:pathwayId/steps/:stepId/delete', form, async (req, reply) => {
    await pathways.removeStep(req.params.schoolId, req.params.pathwayId, req.params.stepId)
    return back(req, reply, 'removed', '#steps-heading')
  })

  app.post<StepReq>('/schools/:schoolId/pathways/:pathwayId/steps/:stepId/move', form, async (req, reply) => {
    const direction = text(formOf(req), 'direction')
    if (direction !== 'up' && direction !== 'down') throw new AppError('request.invalid', 400, 'Move a step up or down.')
    await pathways.move(req.params.schoolId, req.params.pathwayId, req.params.stepId, direction)
    return back(req, reply, 'moved', `#step-${req.params.stepId}`)
  })

  app.post<ChangeReq>('/schools/:schoolId/pathways/:pathwayId/upstream/:changeKey', form, async (req, reply) => {
    const body = formOf(req)
    const decision = text(body, 'decision')
    if (decision !== 'accept' && decision !== 'decline') throw new AppError('request.invalid', 400, 'Accept or decline the change.')
    try {
      await pathways.decide(req.params.schoolId, req.params.pathwayId, req.params.changeKey, { decision, hash: text(body, 'hash').slice(0, 64) }, actorId(req))
    } catch (error) {
      if (error instanceof AppError && (error.code === 'upstream_change.stale' || error.code === 'upstream_change.not_found')) {
        const message = error.code === 'upstream_change.stale'
          ? 'The catalog changed this step again while you were looking: review the change as it is now, then decide.'
          : 'That change has been decided already, or the catalog no longer makes it.'
        return detailPage(req, reply, { errorForm: 'upstream', errors: formError(message), status: 409 })
      }
      throw error
    }
    return back(req, reply, decision === 'accept' ? 'accepted' : 'declined', '#upstream-heading')
  })

  app.post<PathwayReq>('/schools/:schoolId/pathways/:pathwayId/upstream-accept-all', form, async (req, reply) => {
    await pathways.acceptAll(req.params.schoolId, req.params.pathwayId, actorId(req))
    return back(req, reply, 'accepted-all', '#upstream-heading')
  })

  // --- local credentials ---
  const credentialsPage = async (req: FastifyRequest<SchoolReq>, reply: FastifyReply, values: Record<string, string>, errors: FormErrors, editing?: string) => {
    const school = await schools.school(req.params.schoolId)
    const credentials = await pathways.credentials(school.id)
    const skillIds = [...new Set(credentials.flatMap((c) => c.skills))]
    const skillNames = new Map(skillIds.map((id) => [id, pathways.skillName(id) ?? id]))
    return sendPage(req, reply, options, {
      title: `Local credentials of ${school.name}`, status: hasErrors(errors) ? 400 : 200,
      body: <CredentialsView school={school} credentials={credentials} skillNames={skillNames} canManage={can(req, 'school.pathways.manage', school.id)}
        values={values} errors={errors} csrf={csrf(req)} done={doneOf(req.query ?? {})} editing={editing} />,
    })
  }

  app.get<SchoolReq>('/schools/:schoolId/credentials', page, async (req, reply) => credentialsPage(req, reply, {}, NO_ERRORS))

  /** The credential form as the service's input, or its errors (skills typed by name). */
  const readCredential = (req: FastifyRequest) => {
    const body = formOf(req)
    const values = { title: text(body, 'title').trim(), issuer: text(body, 'issuer').trim(), summary: text(body, 'summary').trim(), hours: text(body, 'hours').trim(), skills: text(body, 'skills').trim() }
    const fields: Record<string, string> = { ...required(values, [{ name: 'title', label: 'a title', max: 200 }, { name: 'issuer', label: 'the issuer', max: 200 }]).fields }
    if ([...values.summary].length > 2000) fields.summary = 'The summary must have at most 2000 characters.'
    const hours = values.hours === '' ? null : Number(values.hours)
    if (hours !== null && (!Number.isFinite(hours) || hours < 0 || hours > 100_000)) fields.hours = 'Enter a number of hours from 0 to 100,000, or leave it empty.'
    const names = values.skills.split(',').map((s) => s.trim()).filter((s) => s !== '').slice(0, 100)
    const skills: string[] = []
    const unknown: string[] = []
    for (const name of names) {
      const found = lookUpName(search, 'skill', name)
      if ('found' in found) skills.push(found.found)
      else unknown.push(name)
    }
    if (unknown.length > 0) fields.skills = `The catalog has no skill named ${unknown.map((u) => `“${u}”`).join(', ')}.`
    const errors: FormErrors = { fields, form: [] }
    return { values, errors, input: { title: values.title, issuer: values.issuer, summary: values.summary || null, hours, skills } }
  }
  const CREDENTIAL_FIELDS = ['title', 'issuer', 'summary', 'hours', 'skills']

  app.post<SchoolReq>('/schools/:schoolId/credentials', form, async (req, reply) => {
    const { values, errors, input } = readCredential(req)
    if (hasErrors(errors)) return credentialsPage(req, reply, values, errors)
    try {
      await pathways.addCredential(req.params.schoolId, input)
    } catch (error) {
      return credentialsPage(req, reply, values, fixable(error, CREDENTIAL_FIELDS))
    }
    return seeOther(reply, schoolHref(req.params.schoolId, '/credentials?done=credential-added'))
  })

  app.post<CredentialReq>('/schools/:schoolId/credentials/:credentialId', form, async (req, reply) => {
    const { values, errors, input } = readCredential(req)
    const { schoolId, credentialId } = req.params
    const again = (e: FormErrors) => credentialsPage(req as unknown as FastifyRequest<SchoolReq>, reply, values, e, credentialId)
    if (hasErrors(errors)) return again(errors)
    try {
      await pathways.updateCredential(schoolId, credentialId, input)
    } catch (error) {
      return again(fixable(error, CREDENTIAL_FIELDS))
    }
    return seeOther(reply, schoolHref(schoolId, '/credentials?done=credential-saved'))
  })

  app.post<CredentialReq>('/schools/:schoolId/credentials/:credentialId/delete', form, async (req, reply) => {
    await pathways.removeCredential(req.params.schoolId, req.params.credentialId)
    return seeOther(reply, schoolHref(req.params.schoolId, '/credentials?done=credential-removed'))
  })
}

/**
 * School pages. Each route names the policy operation its API twin names, so the policy hook makes
 * the same decision (another school → 404, a role without the right → 403) before the handler runs;
 * the handlers call SchoolsService and only choose the page. Which buttons a page shows is asked of
 * the same policy (`decide`), so the page offers only what the services will accept.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { decide, POLICY, redeemThrottled, type OperationId, type SchoolView } from '../../server/modules/access/index.js'
import { requireUser } from '../../server/modules/identity/index.js'
import { AppError } from '../../server/platform/http/errors.js'
import { formOf, text } from '../forms/form-body.js'
import { errorsFromAppError, fieldError, formError, hasErrors, NO_ERRORS, required, type FormErrors } from '../forms/form-errors.js'
import { csrfOf, seeOther, sendPage, type AccountPagesOptions } from './page-kit.js'
import { AcceptView, InvitationsView, JoinView, MembersView, NewInvitationView, ROLES, SchoolAccessLogView, SchoolOverview, SchoolsListView, type SchoolLinks } from './school-views.js'

const page = (operation: OperationId) => ({ schema: { hide: true }, config: { operation } })
const form = (operation: OperationId) => ({ schema: { hide: true }, config: { operation, form: true as const } })
const MEMBERS_PER_PAGE = 100

type School = { Params: { schoolId: string }; Querystring: { done?: string; page?: string } }
type Member = { Params: { schoolId: string; userId: string } }
type Invitation = { Params: { schoolId: string; id: string } }

/** Would the policy allow `operation` on this school for the person asking? */
function can(req: FastifyRequest, operation: OperationId, schoolId?: string): boolean {
  return decide(POLICY[operation], { actor: req.actor, memberships: req.access.memberships, method: 'POST', ...(schoolId ? { schoolId } : {}) }).allow
}

const via = (req: FastifyRequest): string => (req.access.decision.allow ? req.access.decision.via : 'none')
const schoolHref = (id: string, rest = ''): string => `/schools/${encodeURIComponent(id)}${rest}`

export const schoolPages: FastifyPluginAsync<AccountPagesOptions> = async (app, options) => {
  const { schools, identity } = options
  const csrf = (req: FastifyRequest) => csrfOf(req, identity)
  const linksOf = (req: FastifyRequest, id: string): SchoolLinks => ({
    members: can(req, 'school.members.list', id), invitations: can(req, 'school.invitations.manage', id), accessLog: can(req, 'school.access_log.read', id),
    teaching: can(req, 'school.cohorts.read', id),
  })

  // --- the list, and creating a school (platform admins) ---
  const listPage = async (req: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FormErrors) =>
    sendPage(req, reply, options, {
      title: 'Schools', status: hasErrors(errors) ? 400 : 200,
      body: <SchoolsListView schools={await schools.list(req.actor)} canCreate={can(req, 'school.create')} values={values} errors={errors} csrf={csrf(req)} />,
    })

  app.get('/schools', page('school.list'), async (req, reply) => listPage(req, reply, {}, NO_ERRORS))

  app.post('/schools', form('school.create'), async (req, reply) => {
    const body = formOf(req)
    const values = { name: text(body, 'name').trim(), adminEmail: text(body, 'adminEmail').trim() }
    const errors = required(values, [{ name: 'name', label: 'the school’s name', max: 200 }])
    if (hasErrors(errors)) return listPage(req, reply, values, errors)
    try {
      const created = await schools.create({ name: values.name, ...(values.adminEmail ? { adminEmail: values.adminEmail } : {}) })
      return seeOther(reply, schoolHref(created.id, '?done=created'))
    } catch (error) {
      if (error instanceof AppError && error.code === 'user.not_found') return listPage(req, reply, values, fieldError('adminEmail', 'No account has this email address.'))
      if (error instanceof AppError && error.status < 500) return listPage(req, reply, values, formError(error.message))
      throw error
    }
  })

  // --- one school ---
  app.get<School>('/schools/:schoolId', page('school.read'), async (req, reply) => {
    const school = await schools.school(req.params.schoolId)
    const role = req.access.memberships.get(school.id)
    return sendPage(req, reply, options, { title: school.name, body: <SchoolOverview school={school} role={role} links={linksOf(req, school.id)} done={req.query.done} /> })
  })

  // --- members ---
  const membersPage = async (req: FastifyRequest<School>, reply: FastifyReply, errors: FormErrors, status = 400) => {
    const school = await schools.school(req.params.schoolId)
    const number = Math.max(1, Math.min(10_000, Number.parseInt(req.query.page ?? '1', 10) || 1))
    const members = await schools.members(school.id, { limit: MEMBERS_PER_PAGE + 1, offset: (number - 1) * MEMBERS_PER_PAGE })
    const nextPage = members.length > MEMBERS_PER_PAGE ? schoolHref(school.id, `/members?page=${number + 1}`) : undefined
    return sendPage(req, reply, options, {
      title: `Members of ${school.name}`, status: hasErrors(errors) ? status : 200,
      body: (
        <MembersView school={school} links={linksOf(req, school.id)} members={members.slice(0, MEMBERS_PER_PAGE)} canManage={can(req, 'school.member.update', school.id)}
          selfId={requireUser(req.actor).userId} errors={errors} csrf={csrf(req)} done={req.query.done} {...(nextPage ? { nextPage } : {})} />
      ),
    })
  }

  app.get<School>('/schools/:schoolId/members', page('school.members.list'), async (req, reply) => membersPage(req, reply, NO_ERRORS))

  /** A refusal about one member, shown on the roster (self-demotion 409, a bad role 400). */
  const memberRefusal = (req: FastifyRequest<Member>, reply: FastifyReply, error: unknown) => {
    if (!(error instanceof AppError) || error.status === 404 || error.status >= 500) throw error
    if (!can(req, 'school.members.list', req.params.schoolId)) throw error // someone leaving: no roster to show
    return membersPage(req as unknown as FastifyRequest<School>, reply, formError(error.message), error.status)
  }

  app.post<Member>('/schools/:schoolId/members/:userId/role', form('school.member.update'), async (req, reply) => {
    const role = text(formOf(req), 'role')
    const { schoolId, userId } = req.params
    try {
      if (!(ROLES as readonly string[]).includes(role)) throw new AppError('request.invalid', 400, 'Choose a role from the list.')
      await schools.changeRole(requireUser(req.actor).userId, schoolId, userId, role as (typeof ROLES)[number])
    } catch (error) {
      return memberRefusal(req, reply, error)
    }
    return seeOther(reply, schoolHref(schoolId, '/members?done=role'))
  })

  app.post<Member>('/schools/:schoolId/members/:userId/remove', form('school.member.remove'), async (req, reply) => {
    const { schoolId, userId } = req.params
    try {
      await schools.removeMember(schoolId, userId)
    } catch (error) {
      return memberRefusal(req, reply, error) // e.g. the school's only admin
    }
    // Someone leaving on their own no longer sees the roster.
    return seeOther(reply, userId === requireUser(req.actor).userId ? '/schools' : schoolHref(schoolId, '/members?done=removed'))
  })

  // --- invitations ---
  const rolesFor = (req: FastifyRequest): readonly string[] => (via(req) === 'educator' ? ['learner'] : ROLES)
  const invitationsPage = async (req: FastifyRequest<School>, reply: FastifyReply, values: Record<string, string>, errors: FormErrors) => {
    const school = await schools.school(req.params.schoolId)
    return sendPage(req, reply, options, {
      title: `Invitations to ${school.name}`, status: hasErrors(errors) ? 400 : 200,
      body: <InvitationsView school={school} links={linksOf(req, school.id)} invitations={await schools.invitations(school.id)} roles={rolesFor(req)} values={values} errors={errors} csrf={csrf(req)} done={req.query.done} now={identity.clock.now()} />,
    })
  }

  app.get<School>('/schools/:schoolId/invitations', page('school.invitations.manage'), async (req, reply) => invitationsPage(req, reply, {}, NO_ERRORS))

  app.post<School>('/schools/:schoolId/invitations', form('school.invitations.manage'), async (req, reply) => {
    const body = formOf(req)
    const values = { kind: text(body, 'kind'), role: text(body, 'role'), email: text(body, 'email').trim() }
    if (values.kind !== 'link' && values.kind !== 'code') return invitationsPage(req, reply, values, fieldError('kind', 'Choose a link or a join code.'))
    if (!(ROLES as readonly string[]).includes(values.role)) return invitationsPage(req, reply, values, fieldError('role', 'Choose a role.'))
    if (values.email !== '' && values.kind === 'code') return invitationsPage(req, reply, values, fieldError('email', 'A join code is for anyone in a class; leave the address empty, or choose a link.'))
    if ([...values.email].length > 254) return invitationsPage(req, reply, values, fieldError('email', 'The address must have at most 254 characters.'))
    const created = await schools.createInvitation(requireUser(req.actor), via(req), req.params.schoolId, {
      kind: values.kind, role: values.role as (typeof ROLES)[number], ...(values.email ? { email: values.email } : {}),
    }).catch((error: unknown) => {
      if (error instanceof AppError && error.status === 400) return errorsFromAppError(error, ['email', 'role'])
      throw error
    })
    if (!('invitation' in created)) return invitationsPage(req, reply, values, created)
    const school = await schools.school(req.params.schoolId)
    const origin = identity.publicOrigin ?? `${req.protocol}://${req.host}`
    const link = 'token' in created ? `${origin}/invitations/accept?token=${created.token}` : undefined
    // Shown in this answer only (never after a redirect): the secret is not stored anywhere.
    return sendPage(req, reply, options, {
      title: `Your invitation to ${school.name}`, status: 201,
      body: <NewInvitationView school={school} role={created.invitation.role} {...(link ? { link } : {})} {...('code' in created ? { code: created.code } : {})} />,
    })
  })

  app.post<Invitation>('/schools/:schoolId/invitations/:id/revoke', form('school.invitations.manage'), async (req, reply) => {
    await schools.revokeInvitation(via(req), req.params.schoolId, req.params.id)
    return seeOther(reply, schoolHref(req.params.schoolId, '/invitations?done=revoked'))
  })

  // --- access log ---
  app.get<School>('/schools/:schoolId/access-log', page('school.access_log.read'), async (req, reply) => {
    const school = await schools.school(req.params.schoolId)
    const [entries, roster] = await Promise.all([schools.accessLogOfSchool(school.id, { limit: 200, offset: 0 }), schools.members(school.id, { limit: 10_000, offset: 0 })])
    const names = new Map(roster.map((m) => [m.userId, m.displayName]))
    return sendPage(req, reply, options, { title: `Access log of ${school.name}`, body: <SchoolAccessLogView school={school} links={linksOf(req, school.id)} entries={entries} names={names} /> })
  })

  // --- joining ---
  const joined = (reply: FastifyReply, school: SchoolView) => seeOther(reply, schoolHref(school.id, '?done=joined'))
  /** Unknown, expired, used up: one answer (the service's), shown on the form. */
  const redeemRefusal = (error: unknown): FormErrors => {
    if (error instanceof AppError && error.code === 'invitation.not_found') return formError(error.message)
    throw error
  }

  const joinPage = (req: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FormErrors, status = 400) =>
    sendPage(req, reply, options, { title: 'Join a school', status: hasErrors(errors) ? status : 200, body: <JoinView values={values} errors={errors} csrf={csrf(req)} /> })

  app.get('/join', page('invitation.accept'), async (req, reply) => joinPage(req, reply, {}, NO_ERRORS))

  app.post('/join', form('invitation.accept'), async (req, reply) => {
    const values = { code: text(formOf(req), 'code').trim() }
    if (!/^[0-9A-Za-z -]{8,12}$/.test(values.code)) return joinPage(req, reply, values, fieldError('code', 'Enter the 8-character code, letters and digits.'))
    try {
      return joined(reply, (await redeemThrottled({ identity, schools }, { userId: requireUser(req.actor).userId, ip: req.ip, kind: 'code', secret: values.code })).school)
    } catch (error) {
      return joinPage(req, reply, values, redeemRefusal(error), 404)
    }
  })

  const acceptPage = (req: FastifyRequest, reply: FastifyReply, token: string, errors: FormErrors) =>
    sendPage(req, reply, options, { title: 'Accept your invitation', status: hasErrors(errors) ? 404 : 200, body: <AcceptView token={token} errors={errors} csrf={csrf(req)} /> })

  // GET shows the button; joining is the POST.
  app.get<{ Querystring: { token?: string } }>('/invitations/accept', page('invitation.accept'), async (req, reply) =>
    acceptPage(req, reply, typeof req.query.token === 'string' ? req.query.token.slice(0, 100) : '', NO_ERRORS))

  app.post('/invitations/accept', form('invitation.accept'), async (req, reply) => {
    const token = text(formOf(req), 'token')
    const refused = formError('That invitation is unknown, expired, revoked or used up.')
    if (!/^[0-9A-Za-z]{43}$/.test(token)) return acceptPage(req, reply, token, refused)
    try {
      return joined(reply, (await redeemThrottled({ identity, schools }, { userId: requireUser(req.actor).userId, ip: req.ip, kind: 'link', secret: token })).school)
    } catch (error) {
      return acceptPage(req, reply, token, redeemRefusal(error))
    }
  })
}

/**
 * School pages' markup: the list, one school, its roster, invitations, access log, and joining by
 * code or link. Which controls appear follows the policy decisions school.pages.tsx passes in; the
 * services refuse anything else either way.
 */
import type { AccessLogView, InvitationView, MemberView, SchoolView } from '../../server/modules/access/index.js'
import type { FormErrors } from '../forms/form-errors.js'
import { ButtonForm, CsrfField, ErrorSummary, Field, Notice } from '../ui/form.js'
import { Facts, roleWords, When } from './display.js'

export const ROLES = ['learner', 'educator', 'school_admin'] as const
const schoolHref = (id: string, rest = ''): string => `/schools/${encodeURIComponent(id)}${rest}`
/** "a learner", "an educator" */
const aRole = (role: string): string => { const w = roleWords(role).toLowerCase(); return `${/^[aeiou]/.test(w) ? 'an' : 'a'} ${w}` }

const NOTICES: Record<string, string> = {
  created: 'The school has been created.',
  joined: 'Welcome: you are now a member of this school.',
  role: 'The role has changed. That person is signed out and gets the new role when they sign in again.',
  removed: 'The member has been removed from the school.',
  revoked: 'The invitation has been revoked.',
}

function DoneNotice({ done }: { done: string | undefined }) {
  const message = done ? NOTICES[done] : undefined
  return message ? <Notice>{message}</Notice> : null
}

export function SchoolsListView(props: { schools: readonly SchoolView[]; canCreate: boolean; values: Record<string, string>; errors: FormErrors; csrf?: string }) {
  const { schools, canCreate, values, errors, csrf } = props
  return (
    <>
      <h1>{canCreate ? 'Schools' : 'Your schools'}</h1>
      {schools.length === 0 ? <p>You are not a member of any school yet.</p> : (
        <ul className="plain-list">
          {schools.map((s) => <li key={s.id}><a href={schoolHref(s.id)}>{s.name}</a></li>)}
        </ul>
      )}
      <p><a href="/join">Join a school with a code</a></p>
      {canCreate ? (
        <>
          <h2>Create a school</h2>
          <ErrorSummary form="school" errors={errors} labels={{ name: 'Name', adminEmail: 'First administrator' }} />
          <form method="post" action="/schools" className="stack-form" noValidate>
            <CsrfField token={csrf} />
            <Field form="school" name="name" label="Name" errors={errors} value={values.name} maxLength={200} />
            <Field form="school" name="adminEmail" type="email" label="First administrator (optional)" hint="The email address of an existing account to make its school administrator." errors={errors} value={values.adminEmail} required={false} maxLength={254} />
            <button type="submit">Create school</button>
          </form>
        </>
      ) : null}
    </>
  )
}

export interface SchoolLinks { members: boolean; invitations: boolean; accessLog: boolean; teaching?: boolean }

export function SchoolNav({ school, links, current }: { school: SchoolView; links: SchoolLinks; current: string }) {
  const items = [
    { href: schoolHref(school.id), text: 'Overview', show: true },
    { href: schoolHref(school.id, '/members'), text: 'Members', show: links.members },
    { href: schoolHref(school.id, '/invitations'), text: 'Invitations', show: links.invitations },
    { href: schoolHref(school.id, '/access-log'), text: 'Access log', show: links.accessLog },
  ].filter((i) => i.show)
  if (items.length < 2) return null
  return (
    <nav aria-label="School" className="sub-nav">
      <ul>
        {items.map((i) => <li key={i.href}><a href={i.href} {...(i.href === current ? { 'aria-current': 'page' as const } : {})}>{i.text}</a></li>)}
      </ul>
    </nav>
  )
}

export function SchoolOverview({ school, role, links, done }: { school: SchoolView; role: string | undefined; links: SchoolLinks; done?: string }) {
  return (
    <>
      <h1>{school.name}</h1>
      <SchoolNav school={school} links={links} current={schoolHref(school.id)} />
      <DoneNotice done={done} />
      <Facts items={[['Your role', role ? roleWords(role) : 'Platform administrator (not a member)'], ['Short name', school.slug], ['Created', <When iso={school.createdAt} />]]} />
      {links.teaching ? (
        <nav aria-label="Teaching"><ul className="plain-list">
          {[['/cohorts', 'Cohorts'], ['/pathways', 'Pathways'], ['/programmes', 'Programmes'], ['/reports', 'Reports']].map(([rest, words]) => <li key={rest}><a href={schoolHref(school.id, rest)}>{words}</a></li>)}
        </ul></nav>
      ) : null}
    </>
  )
}

export interface MembersProps {
  school: SchoolView
  links: SchoolLinks
  members: readonly MemberView[]
  canManage: boolean
  selfId: string
  errors: FormErrors
  csrf?: string
  done?: string
  nextPage?: string
}

export function MembersView({ school, links, members, canManage, selfId, errors, csrf, done, nextPage }: MembersProps) {
  return (
    <>
      <h1>Members of {school.name}</h1>
      <SchoolNav school={school} links={links} current={schoolHref(school.id, '/members')} />
      <DoneNotice done={done} />
      <ErrorSummary form="members" errors={errors} labels={{}} />
      <ul className="item-cards">
        {members.map((m) => (
          <li key={m.userId} className="item-card">
            <h2 className="item-card-title">{m.displayName}{m.userId === selfId ? ' (you)' : ''}</h2>
            <Facts items={[['Role', roleWords(m.role)], ['Joined', <When iso={m.joinedAt} />]]} />
            {canManage ? (
              <div className="member-actions">
                <form method="post" action={schoolHref(school.id, `/members/${encodeURIComponent(m.userId)}/role`)} className="inline-form">
                  <CsrfField token={csrf} />
                  <label htmlFor={`role-${m.userId}`}>Role of {m.displayName}</label>
                  <select id={`role-${m.userId}`} name="role" defaultValue={m.role}>
                    {ROLES.map((r) => <option key={r} value={r}>{roleWords(r)}</option>)}
                  </select>
                  <button type="submit">Change role</button>
                </form>
                <ButtonForm action={schoolHref(school.id, `/members/${encodeURIComponent(m.userId)}/remove`)} csrf={csrf} label={`Remove ${m.displayName}`} className="inline-form" />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {nextPage ? <p><a href={nextPage}>Next page of members</a></p> : null}
    </>
  )
}

export interface InvitationsProps {
  school: SchoolView
  links: SchoolLinks
  invitations: readonly InvitationView[]
  roles: readonly string[]
  values: Record<string, string>
  errors: FormErrors
  csrf?: string
  done?: string
  now: number
}

function invitationState(i: InvitationView, now: number): string {
  if (i.revokedAt !== null) return 'revoked'
  if (Date.parse(i.expiresAt) <= now) return 'expired'
  return i.uses >= i.maxUses ? 'used up' : 'open'
}

export function InvitationsView({ school, links, invitations, roles, values, errors, csrf, done, now }: InvitationsProps) {
  return (
    <>
      <h1>Invitations to {school.name}</h1>
      <SchoolNav school={school} links={links} current={schoolHref(school.id, '/invitations')} />
      <DoneNotice done={done} />
      <h2>Invite people</h2>
      <ErrorSummary form="invite" errors={errors} labels={{ role: 'Role', kind: 'Kind', email: 'Email address' }} />
      <form method="post" action={schoolHref(school.id, '/invitations')} className="stack-form" noValidate>
        <CsrfField token={csrf} />
        <fieldset>
          <legend>Kind of invitation</legend>
          <div className="check-field">
            <input id="invite-kind-link" type="radio" name="kind" value="link" defaultChecked={values.kind !== 'code'} />
            <label htmlFor="invite-kind-link">A link for one person</label>
          </div>
          <div className="check-field">
            <input id="invite-kind-code" type="radio" name="kind" value="code" defaultChecked={values.kind === 'code'} />
            <label htmlFor="invite-kind-code">A join code for a class (up to 30 people)</label>
          </div>
        </fieldset>
        <div className="form-field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" name="role" defaultValue={values.role ?? 'learner'}>
            {roles.map((r) => <option key={r} value={r}>{roleWords(r)}</option>)}
          </select>
        </div>
        <Field form="invite" name="email" type="email" label="Only for this email address (optional, links only)" errors={errors} value={values.email} required={false} maxLength={254} />
        <button type="submit">Create invitation</button>
      </form>
      <h2>Invitations</h2>
      {invitations.length === 0 ? <p>No invitations yet.</p> : (
        <ul className="item-cards">
          {invitations.map((i) => (
            <li key={i.id} className="item-card">
              <h3 className="item-card-title">{i.kind === 'link' ? 'Link' : 'Join code'} for {aRole(i.role)} <span className="badge">{invitationState(i, now)}</span></h3>
              <Facts items={[['For', i.email ?? 'anyone with it'], ['Used', `${i.uses} of ${i.maxUses}`], ['Created', <When iso={i.createdAt} />], ['Expires', <When iso={i.expiresAt} />]]} />
              {invitationState(i, now) === 'open' && roles.includes(i.role) ? (
                <ButtonForm action={schoolHref(school.id, `/invitations/${encodeURIComponent(i.id)}/revoke`)} csrf={csrf} label="Revoke this invitation" />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

export function NewInvitationView({ school, role, link, code }: { school: SchoolView; role: string; link?: string; code?: string }) {
  return (
    <>
      <h1>Your invitation to {school.name}</h1>
      <div className="notice" role="status">
        <p><strong>Copy this {link ? 'link' : 'code'} now.</strong> It is shown this once; Pathways keeps only a fingerprint of it.</p>
      </div>
      <p><label htmlFor="invitation-secret">{link ? `Invitation link for ${aRole(role)}` : `Join code for ${roleWords(role).toLowerCase()}s`}</label></p>
      <input id="invitation-secret" className="secret" type="text" readOnly value={link ?? code ?? ''} />
      {code ? <p>People enter it at <strong>/join</strong> after signing in.</p> : null}
      <p><a href={schoolHref(school.id, '/invitations')}>Back to invitations</a></p>
    </>
  )
}

export function SchoolAccessLogView({ school, links, entries, names }: { school: SchoolView; links: SchoolLinks; entries: readonly AccessLogView[]; names: ReadonlyMap<string, string> }) {
  return (
    <>
      <h1>Access log of {school.name}</h1>
      <SchoolNav school={school} links={links} current={schoolHref(school.id, '/access-log')} />
      <p>Every time someone other than the member opened a member’s record. Nobody can change or delete these lines.</p>
      {entries.length === 0 ? <p>Nobody has opened a member’s record yet.</p> : (
        <ul className="item-cards">
          {entries.map((e) => (
            <li key={e.id} className="item-card">
              <Facts items={[
                ['When', <When iso={e.at} />],
                ['Whose record', names.get(e.learnerId) ?? 'a former member'],
                ['Who read it', `${e.actorUserId ? (names.get(e.actorUserId) ?? 'someone outside the school') : 'a deleted account'} (${roleWords(e.actorRole)})${e.actorKeyId ? ', through an API key' : ''}`],
              ]} />
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

export function JoinView({ values, errors, csrf }: { values: Record<string, string>; errors: FormErrors; csrf?: string }) {
  return (
    <>
      <h1>Join a school</h1>
      <ErrorSummary form="join" errors={errors} labels={{ code: 'Join code' }} />
      <form method="post" action="/join" className="stack-form" noValidate>
        <CsrfField token={csrf} />
        <Field form="join" name="code" label="Join code" hint="8 letters and digits from your teacher, e.g. 7KQ4 M2XP." errors={errors} value={values.code} autoComplete="off" maxLength={12} />
        <button type="submit">Join</button>
      </form>
    </>
  )
}

export function AcceptView({ token, errors, csrf }: { token: string; errors: FormErrors; csrf?: string }) {
  return (
    <>
      <h1>Accept your invitation</h1>
      <ErrorSummary form="accept" errors={errors} labels={{}} />
      <p>You have been invited to join a school on Pathways. Its staff will see your name and role.</p>
      <form method="post" action="/invitations/accept" className="stack-form">
        <CsrfField token={csrf} />
        <input type="hidden" name="token" value={token} />
        <button type="submit">Accept and join</button>
      </form>
    </>
  )
}

/**
 * The account section: profile, password, sessions, API keys, who read my record and deleting the
 * account. Markup only; account.pages.tsx fetches the data from the services.
 */
import type { AccessLogView } from '../../server/modules/access/index.js'
import type { ApiKeyView, Me, SessionView } from '../../server/modules/identity/index.js'
import type { FormErrors } from '../forms/form-errors.js'
import { ButtonForm, CsrfField, ErrorSummary, Field, Notice } from '../ui/form.js'
import { PASSWORD_HINT } from './auth-views.js'
import { AccountNav, deviceSummary, Facts, roleWords, When } from './display.js'

const NOTICES: Record<string, string> = {
  verified: 'Thank you: your email address is confirmed.',
  password: 'Your password has changed.',
  'session-ended': 'That session has been signed out.',
  'key-revoked': 'The API key has been revoked; it stops working at once.',
  'consent-resent': 'If your parent or guardian still has to agree, we sent them the link again.',
}

function DoneNotice({ done }: { done: string | undefined }) {
  const message = done ? NOTICES[done] : undefined
  return message ? <Notice>{message}</Notice> : null
}

export function ProfileView({ me, done, csrf }: { me: Me; done?: string; csrf?: string }) {
  return (
    <>
      <h1>Your account</h1>
      <AccountNav current="/account" />
      <DoneNotice done={done} />
      <Facts
        items={[
          ['Name', me.displayName],
          ['Email address', <>{me.email} {me.emailVerified ? <span className="badge badge-time">confirmed</span> : <span className="badge badge-warn">not confirmed yet</span>}</>],
          ...(me.platformRole === 'platform_admin' ? [['Platform role', 'Platform administrator'] as [string, string]] : []),
        ]}
      />
      {me.emailVerified ? null : <p>Open the link in the message we sent to confirm your address, or <a href="/verify-email/resend">get a new link</a>.</p>}
      {me.parentalConsent === 'pending' ? (
        <div className="notice">
          <p>We are waiting for your parent or guardian to agree. Until then you cannot join a school, create API keys or download your data.</p>
          <ButtonForm action="/account/parental-consent/resend" csrf={csrf} label="Send them the link again" />
        </div>
      ) : null}
      <h2>Your schools</h2>
      {me.memberships.length === 0 ? (
        <p>
          You are not a member of any school. <a href="/join">Join one with a code</a>.
        </p>
      ) : (
        <ul className="plain-list">
          {me.memberships.map((m) => (
            <li key={m.schoolId}>
              <a href={`/schools/${encodeURIComponent(m.schoolId)}`}>{m.schoolName}</a> — {roleWords(m.role)}
            </li>
          ))}
        </ul>
      )}
      <h2>Your data</h2>
      <p>Everything Pathways keeps about you, as one JSON file: your account, schools, sessions, API keys and who read your record. No passwords or secrets.</p>
      <p>
        <a className="button-link" href="/api/v1/me/export" download="pathways-export.json">
          Download my data
        </a>
      </p>
    </>
  )
}

export function PasswordView({ errors, csrf, done }: { errors: FormErrors; csrf?: string; done?: string }) {
  return (
    <>
      <h1>Change your password</h1>
      <AccountNav current="/account/password" />
      <DoneNotice done={done} />
      <ErrorSummary form="password" errors={errors} labels={{ currentPassword: 'Current password', newPassword: 'New password' }} />
      <form method="post" action="/account/password" className="stack-form" noValidate>
        <CsrfField token={csrf} />
        <Field form="password" name="currentPassword" type="password" label="Current password" errors={errors} autoComplete="current-password" />
        <Field form="password" name="newPassword" type="password" label="New password" hint={PASSWORD_HINT} errors={errors} autoComplete="new-password" />
        <div className="check-field">
          <input id="password-signOutOtherSessions" type="checkbox" name="signOutOtherSessions" value="yes" />
          <label htmlFor="password-signOutOtherSessions">Sign out my other sessions</label>
        </div>
        <button type="submit">Change password</button>
      </form>
    </>
  )
}

export function SessionsView({ sessions, csrf, done }: { sessions: readonly SessionView[]; csrf?: string; done?: string }) {
  return (
    <>
      <h1>Where you are signed in</h1>
      <AccountNav current="/account/sessions" />
      <DoneNotice done={done} />
      <ul className="item-cards">
        {sessions.map((s) => (
          <li key={s.id} className="item-card">
            <h2 className="item-card-title">
              {deviceSummary(s.userAgent)} {s.current ? <span className="badge">this session</span> : null}
            </h2>
            <Facts items={[['Signed in', <When iso={s.createdAt} />], ['Last seen', <When iso={s.lastSeenAt} />], ['Ends at the latest', <When iso={s.expiresAt} />]]} />
            <ButtonForm action={`/account/sessions/${encodeURIComponent(s.id)}/end`} csrf={csrf} label={s.current ? 'Sign out this session' : 'Sign out this device'} />
          </li>
        ))}
      </ul>
      <h2>Everywhere</h2>
      <p>Sign out on every device, this one included.</p>
      <ButtonForm action="/account/sessions/end-all" csrf={csrf} label="Sign out everywhere" />
    </>
  )
}

export interface KeyFormValues { name?: string; scopes?: readonly string[]; schoolId?: string; expiresInDays?: string }

const SCOPES = [
  { value: 'read', label: 'Read', hint: 'GET requests' },
  { value: 'write', label: 'Write', hint: 'changes' },
  { value: 'school', label: 'One school only', hint: 'needs a school below' },
]
const EXPIRIES = ['30', '90', '180', '365']

function keyStatus(k: ApiKeyView, now: number): string {
  if (k.revokedAt !== null) return 'revoked'
  return Date.parse(k.expiresAt) <= now ? 'expired' : 'active'
}

export function ApiKeysView(props: { keys: readonly ApiKeyView[]; schools: Me['memberships']; values: KeyFormValues; errors: FormErrors; csrf?: string; done?: string; now: number }) {
  const { keys, schools, values, errors, csrf, now } = props
  const schoolName = (id: string | null) => (id === null ? 'Any of yours' : (schools.find((s) => s.schoolId === id)?.schoolName ?? id))
  return (
    <>
      <h1>API keys</h1>
      <AccountNav current="/account/api-keys" />
      <DoneNotice done={props.done} />
      <p>A key lets a program use the Pathways API as you. Send it in the header <code>Authorization: Bearer …</code>, never in a link.</p>
      {keys.length === 0 ? <p>You have no API keys.</p> : (
        <ul className="item-cards">
          {keys.map((k) => (
            <li key={k.id} className="item-card">
              <h2 className="item-card-title">{k.name} <span className="badge">{keyStatus(k, now)}</span></h2>
              <Facts items={[
                ['Starts with', <code>{k.prefix}…</code>], ['Scopes', k.scopes.join(', ')], ['School', schoolName(k.schoolId)],
                ['Created', <When iso={k.createdAt} />], ['Expires', <When iso={k.expiresAt} />], ['Last used', <When iso={k.lastUsedAt} />],
              ]} />
              {keyStatus(k, now) === 'active' ? <ButtonForm action={`/account/api-keys/${encodeURIComponent(k.id)}/revoke`} csrf={csrf} label={`Revoke ${k.name}`} /> : null}
            </li>
          ))}
        </ul>
      )}
      <h2 id="new-key">Create a key</h2>
      <ErrorSummary form="key" errors={errors} labels={{ name: 'Name', scopes: 'Scopes', schoolId: 'School', expiresInDays: 'Expires after' }} />
      <form method="post" action="/account/api-keys" className="stack-form" noValidate>
        <CsrfField token={csrf} />
        <Field form="key" name="name" label="Name" hint="To recognise the key later, e.g. the program that uses it." errors={errors} value={values.name} maxLength={100} />
        <fieldset id="key-scopes" className={errors.fields.scopes ? 'has-error' : undefined} {...(errors.fields.scopes ? { 'aria-describedby': 'key-scopes-error' } : {})}>
          <legend>Scopes</legend>
          {errors.fields.scopes ? <p id="key-scopes-error" className="field-error"><span className="visually-hidden">Error: </span>{errors.fields.scopes}</p> : null}
          {SCOPES.map((s) => (
            <div className="check-field" key={s.value}>
              <input id={`key-scope-${s.value}`} type="checkbox" name="scopes" value={s.value} defaultChecked={(values.scopes ?? ['read']).includes(s.value)} />
              <label htmlFor={`key-scope-${s.value}`}>{s.label} <span className="muted-label">({s.hint})</span></label>
            </div>
          ))}
        </fieldset>
        <div className={errors.fields.schoolId ? 'form-field has-error' : 'form-field'}>
          <label htmlFor="key-schoolId">School</label>
          {errors.fields.schoolId ? <p id="key-schoolId-error" className="field-error"><span className="visually-hidden">Error: </span>{errors.fields.schoolId}</p> : null}
          <select id="key-schoolId" name="schoolId" defaultValue={values.schoolId ?? ''} {...(errors.fields.schoolId ? { 'aria-describedby': 'key-schoolId-error', 'aria-invalid': true } : {})}>
            <option value="">No school (all of mine)</option>
            {schools.map((s) => <option key={s.schoolId} value={s.schoolId}>{s.schoolName}</option>)}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="key-expiresInDays">Expires after</label>
          <select id="key-expiresInDays" name="expiresInDays" defaultValue={values.expiresInDays ?? '90'}>
            {EXPIRIES.map((d) => <option key={d} value={d}>{d} days</option>)}
          </select>
        </div>
        <button type="submit">Create key</button>
      </form>
    </>
  )
}

export function NewKeyView({ secret, apiKey }: { secret: string; apiKey: ApiKeyView }) {
  return (
    <>
      <h1>Your new API key</h1>
      <div className="notice" role="status">
        <p><strong>Copy this key now.</strong> It is shown this once: Pathways keeps only a fingerprint of it and cannot show it again. If you lose it, revoke it and create another.</p>
      </div>
      <p><label htmlFor="new-key-secret">Key “{apiKey.name}”</label></p>
      <input id="new-key-secret" className="secret" type="text" readOnly value={secret} />
      <Facts items={[['Scopes', apiKey.scopes.join(', ')], ['Expires', <When iso={apiKey.expiresAt} />]]} />
      <p><a href="/account/api-keys">I have copied it — back to API keys</a></p>
    </>
  )
}

const PURPOSES: Record<string, string> = { 'school.member.read': 'Opened your member record' }

export function AccessLogPage({ entries, schools }: { entries: readonly AccessLogView[]; schools: Me['memberships'] }) {
  const school = (id: string | null) => (id === null ? '—' : (schools.find((s) => s.schoolId === id)?.schoolName ?? 'a school you have left'))
  return (
    <>
      <h1>Who read my record</h1>
      <AccountNav current="/account/access-log" />
      <p>Each time a member of staff, an administrator or an API key opens your record, it is written here. Nobody can change or delete these lines.</p>
      {entries.length === 0 ? <p>Nobody has read your record.</p> : (
        <ul className="item-cards">
          {entries.map((e) => (
            <li key={e.id} className="item-card">
              <Facts items={[['When', <When iso={e.at} />], ['Who', `${roleWords(e.actorRole)}${e.actorKeyId ? ' (through an API key)' : ''}`], ['School', school(e.schoolId)], ['What', PURPOSES[e.purpose] ?? e.purpose]]} />
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

export function DeleteView({ errors, csrf }: { errors: FormErrors; csrf?: string }) {
  return (
    <>
      <h1>Delete your account</h1>
      <AccountNav current="/account/delete" />
      <ErrorSummary form="delete" errors={errors} labels={{ password: 'Your password' }} />
      <div className="notice">
        <p><strong>This cannot be undone.</strong> Your account, sessions, API keys, school memberships and the record of who read your data are deleted at once. Consider <a href="/api/v1/me/export" download="pathways-export.json">downloading your data</a> first.</p>
      </div>
      <form method="post" action="/account/delete" className="stack-form" noValidate>
        <CsrfField token={csrf} />
        <Field form="delete" name="password" type="password" label="Your password" hint="To confirm that it is you." errors={errors} autoComplete="current-password" />
        <button type="submit" className="danger">Delete my account</button>
      </form>
    </>
  )
}

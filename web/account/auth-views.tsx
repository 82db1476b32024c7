/**
 * Sign-up, sign-in, forgotten and reset password, and email confirmation: the pages' markup. Passwords
 * are never written back into a form; the other values are, after an error.
 */
import type { FormErrors } from '../forms/form-errors.js'
import { CsrfField, ErrorSummary, Field, Notice } from '../ui/form.js'

type Values = Readonly<Record<string, string>>

export const PASSWORD_HINT = 'At least 8 characters. Any characters you like, spaces and emoji included — no rules about capitals, digits or symbols. A long phrase is easy to remember and hard to guess. Very common passwords, and your own email address or name, are refused.'

const SIGN_UP_LABELS = { email: 'Email address', displayName: 'Your name', password: 'Password', birthDate: 'Date of birth', parentEmail: 'Parent or guardian’s email address' }

function NextField({ next }: { next: string | undefined }) {
  return next ? <input type="hidden" name="next" value={next} /> : null
}

const withNext = (path: string, next: string | undefined): string => (next ? `${path}?next=${encodeURIComponent(next)}` : path)

export function SignUpView({ values, errors, csrf, next }: { values: Values; errors: FormErrors; csrf?: string; next?: string }) {
  return (
    <>
      <h1>Create an account</h1>
      <ErrorSummary form="sign-up" errors={errors} labels={SIGN_UP_LABELS} />
      <p>We will send a message to your email address to confirm that it is yours.</p>
      <form method="post" action="/sign-up" className="stack-form" noValidate>
        <CsrfField token={csrf} />
        <NextField next={next} />
        <Field form="sign-up" name="email" type="email" label={SIGN_UP_LABELS.email} errors={errors} value={values.email} autoComplete="email" maxLength={254} />
        <Field form="sign-up" name="displayName" label={SIGN_UP_LABELS.displayName} hint="How Pathways and your school will address you." errors={errors} value={values.displayName} autoComplete="name" maxLength={100} />
        <Field form="sign-up" name="password" type="password" label={SIGN_UP_LABELS.password} hint={PASSWORD_HINT} errors={errors} autoComplete="new-password" />
        <fieldset>
          <legend>If you are under 13</legend>
          <p className="field-hint">A parent or guardian must agree before you can join a school, create API keys or download your data. We use the date only to work out your age on the day; it is not stored.</p>
          <Field form="sign-up" name="birthDate" type="date" label={`${SIGN_UP_LABELS.birthDate} (optional)`} hint="For example 2014-05-27." errors={errors} value={values.birthDate} autoComplete="bday" required={false} />
          <Field form="sign-up" name="parentEmail" type="email" label={`${SIGN_UP_LABELS.parentEmail} (under 13 only)`} hint="We will send them a link to agree or refuse." errors={errors} value={values.parentEmail} required={false} maxLength={254} />
        </fieldset>
        <button type="submit">Create account</button>
      </form>
      <p>
        Already have an account? <a href={withNext('/sign-in', next)}>Sign in</a>
      </p>
    </>
  )
}

export function SignUpSentView({ next }: { next?: string }) {
  return (
    <>
      <h1>Check your inbox</h1>
      <Notice>We sent a message to the address you gave.</Notice>
      <p>Open the link in it to confirm your address. If the address already had an account, the message says so and tells you how to get back in.</p>
      <p>
        <a href={withNext('/sign-in', next)}>Sign in</a>
      </p>
    </>
  )
}

const SIGN_IN_NOTICES: Record<string, string> = {
  reset: 'Your password has changed, and every session was signed out. Sign in with your new password.',
  verified: 'Thank you: your email address is confirmed.',
  'signed-out': 'You are signed out.',
  'signed-out-everywhere': 'You are signed out on every device.',
  deleted: 'Your account and your personal data have been deleted.',
}

export function SignInView({ values, errors, csrf, next, done }: { values: Values; errors: FormErrors; csrf?: string; next?: string; done?: string }) {
  const notice = done ? SIGN_IN_NOTICES[done] : undefined
  return (
    <>
      <h1>Sign in</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary form="sign-in" errors={errors} labels={{ email: 'Email address', password: 'Password' }} />
      <form method="post" action="/sign-in" className="stack-form" noValidate>
        <CsrfField token={csrf} />
        <NextField next={next} />
        <Field form="sign-in" name="email" type="email" label="Email address" errors={errors} value={values.email} autoComplete="username" maxLength={254} />
        <Field form="sign-in" name="password" type="password" label="Password" errors={errors} autoComplete="current-password" />
        <button type="submit">Sign in</button>
      </form>
      <ul className="ways-on">
        <li>
          <a href="/forgot-password">Forgotten your password?</a>
        </li>
        <li>
          <a href={withNext('/sign-up', next)}>Create an account</a>
        </li>
      </ul>
    </>
  )
}

export function ForgotView({ values, errors, csrf }: { values: Values; errors: FormErrors; csrf?: string }) {
  return (
    <>
      <h1>Forgotten your password?</h1>
      <ErrorSummary form="forgot" errors={errors} labels={{ email: 'Email address' }} />
      <p>Give the address of your account and we will send it a link to choose a new password. The link works once, for 30 minutes.</p>
      <form method="post" action="/forgot-password" className="stack-form" noValidate>
        <CsrfField token={csrf} />
        <Field form="forgot" name="email" type="email" label="Email address" errors={errors} value={values.email} autoComplete="email" maxLength={254} />
        <button type="submit">Send the link</button>
      </form>
    </>
  )
}

export function ForgotSentView() {
  return (
    <>
      <h1>Check your inbox</h1>
      <Notice>If this address has an account, we sent it a link to choose a new password.</Notice>
      <p>The link works once, for 30 minutes. If nothing arrives, check the address and ask again.</p>
    </>
  )
}

/** The token from the link: hidden when the address carried it, else a box the token script fills. */
function TokenField({ form, token, errors }: { form: string; token: string; errors: FormErrors }) {
  if (token !== '' && !errors.fields.token) return <input type="hidden" name="token" value={token} />
  return (
    <Field
      form={form}
      name="token"
      label="Code from the link"
      hint="If this box is empty, copy the part of the link in your email after “token=” and paste it here."
      errors={errors}
      value={token}
      autoComplete="off"
      maxLength={100}
    />
  )
}

export function ResetView({ token, errors, csrf }: { token: string; errors: FormErrors; csrf?: string }) {
  return (
    <>
      <h1>Choose a new password</h1>
      <ErrorSummary form="reset" errors={errors} labels={{ token: 'Code from the link', password: 'New password' }} />
      <p>Every device signed in to your account will be signed out.</p>
      <form method="post" action="/reset-password" className="stack-form" noValidate>
        <CsrfField token={csrf} />
        <TokenField form="reset" token={token} errors={errors} />
        <Field form="reset" name="password" type="password" label="New password" hint={PASSWORD_HINT} errors={errors} autoComplete="new-password" />
        <button type="submit">Save the new password</button>
      </form>
      <p>
        Link expired? <a href="/forgot-password">Ask for a new one</a>.
      </p>
    </>
  )
}

export function VerifyView({ token, errors, csrf }: { token: string; errors: FormErrors; csrf?: string }) {
  return (
    <>
      <h1>Confirm your email address</h1>
      <ErrorSummary form="verify" errors={errors} labels={{ token: 'Code from the link' }} />
      <p>Press the button to confirm that this email address is yours.</p>
      <form method="post" action="/verify-email" className="stack-form" noValidate>
        <CsrfField token={csrf} />
        <TokenField form="verify" token={token} errors={errors} />
        <button type="submit">Confirm my email address</button>
      </form>
      <p>
        Link expired? <a href="/verify-email/resend">Get a new one</a>.
      </p>
    </>
  )
}

export function DeletedView() {
  return (
    <>
      <h1>Your account is deleted</h1>
      <Notice>Your account and your personal data have been deleted, and you are signed out.</Notice>
      <p>
        <a href="/">Back to the career pages</a>
      </p>
    </>
  )
}

/**
 * Form parts for the account and school pages, all plain HTML that works without JavaScript: a
 * labelled field with its hint and error tied to it by aria-describedby, an error summary that takes
 * focus when the page loads (autofocus) and links to each field, the hidden CSRF field and a
 * status notice.
 */
import type { ReactNode } from 'react'
import { CSRF_FIELD } from '../forms/form-body.js'
import { hasErrors, type FormErrors } from '../forms/form-errors.js'

export const fieldId = (form: string, name: string): string => `${form}-${name}`

export function CsrfField({ token }: { token: string | undefined }) {
  return token ? <input type="hidden" name={CSRF_FIELD} value={token} /> : null
}

export interface FieldProps {
  form: string
  name: string
  label: string
  errors: FormErrors
  type?: 'text' | 'email' | 'password' | 'date' | 'number'
  value?: string
  hint?: ReactNode
  autoComplete?: string
  required?: boolean
  maxLength?: number
  min?: number
  max?: number
}

export function Field({ form, name, label, errors, type = 'text', value, hint, autoComplete, required = true, maxLength, min, max }: FieldProps) {
  const id = fieldId(form, name)
  const error = errors.fields[name]
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ')
  return (
    <div className={error ? 'form-field has-error' : 'form-field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        {...(value !== undefined && type !== 'password' ? { defaultValue: value } : {})}
        {...(autoComplete ? { autoComplete } : {})}
        {...(required ? { required: true } : {})}
        {...(maxLength ? { maxLength } : {})}
        {...(min !== undefined ? { min } : {})}
        {...(max !== undefined ? { max } : {})}
        {...(describedBy ? { 'aria-describedby': describedBy } : {})}
        {...(error ? { 'aria-invalid': true } : {})}
      />
    </div>
  )
}

/** Links to each field with a message, then the form-wide messages; focused on load. */
export function ErrorSummary({ form, errors, labels }: { form: string; errors: FormErrors; labels: Readonly<Record<string, string>> }) {
  if (!hasErrors(errors)) return null
  const headingId = `${form}-error-summary-heading`
  return (
    <div className="error-summary" role="alert" aria-labelledby={headingId} tabIndex={-1} autoFocus>
      <h2 id={headingId}>There is a problem</h2>
      <ul>
        {errors.form.map((message, i) => (
          <li key={`f${i}`}>{message}</li>
        ))}
        {Object.entries(errors.fields).map(([name, message]) => (
          <li key={name}>
            <a href={`#${fieldId(form, name)}`}>
              {labels[name] ? `${labels[name]}: ` : ''}
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** A one-line confirmation of what just happened (after a redirect). */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="notice-ok" role="status">
      <p>{children}</p>
    </div>
  )
}

/** A form that is only a button (sign out, revoke, remove), with the CSRF field. */
export function ButtonForm({ action, csrf, label, className, children }: { action: string; csrf: string | undefined; label: string; className?: string; children?: ReactNode }) {
  return (
    <form method="post" action={action} className={className ?? 'inline-form'}>
      <CsrfField token={csrf} />
      {children}
      <button type="submit">{label}</button>
    </form>
  )
}

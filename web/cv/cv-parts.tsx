/**
 * Small form parts the CV, cover-letter and extraction pages share: a labelled textarea with its
 * error beside it, a labelled select of the learner's target careers, the state's hidden field and
 * the section navigation.
 */
import type { CareerRef } from '../../shared/schemas.js'
import { displayTitle } from '../format.js'

export function TextArea({ id, name, label, value, error, rows = 4, maxLength }: { id: string; name: string; label: string; value: string | undefined; error?: string | undefined; rows?: number; maxLength?: number }) {
  return (
    <div className={error ? 'form-field has-error' : 'form-field'}>
      <label htmlFor={id}>{label}</label>
      {error ? <p id={`${id}-error`} className="field-error"><span className="visually-hidden">Error: </span>{error}</p> : null}
      <textarea id={id} name={name} rows={rows} defaultValue={value ?? ''} {...(maxLength ? { maxLength } : {})}
        {...(error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {})} />
    </div>
  )
}

export function CareerSelect({ id, targets, value, label, error }: { id: string; targets: readonly CareerRef[]; value: string | undefined; label: string; error?: string | undefined }) {
  const known = targets.some((t) => t.slug === value)
  return (
    <div className={error ? 'form-field has-error' : 'form-field'}>
      <label htmlFor={id}>{label}</label>
      {error ? <p id={`${id}-error`} className="field-error"><span className="visually-hidden">Error: </span>{error}</p> : null}
      <select id={id} name="career" defaultValue={value ?? ''} {...(error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {})}>
        <option value="">No career</option>
        {targets.map((t) => <option key={t.slug} value={t.slug}>{displayTitle(t.title)}</option>)}
        {value && !known ? <option value={value}>{value}</option> : null}
      </select>
    </div>
  )
}

const LINKS = [
  { href: '/cv', text: 'CV' },
  { href: '/cover-letter', text: 'Cover letter' },
  { href: '/passport/extract', text: 'Find skills in a text' },
]

export function CvNav({ current }: { current: string }) {
  return (
    <nav aria-label="CV and applications" className="sub-nav">
      <ul>
        <li><a href="/passport">Your passport</a></li>
        {LINKS.map((l) => <li key={l.href}><a href={l.href} {...(l.href === current ? { 'aria-current': 'page' as const } : {})}>{l.text}</a></li>)}
      </ul>
    </nav>
  )
}

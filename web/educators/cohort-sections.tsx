/**
 * Parts of the staff's cohort page: who runs the cohort (add and take off educators) and its details
 * (name, description, programme).
 */
import type { FormErrors } from '../forms/form-errors.js'
import { ButtonForm, CsrfField, ErrorSummary, Field } from '../ui/form.js'
import { cohortHref } from './cohort-links.js'
import type { CohortPageProps } from './cohort-views.js'

export function DetailsSection({ school, cohort, programmes, details, csrf }: CohortPageProps) {
  const values: Record<string, string> = { name: cohort.name, description: cohort.description ?? '', programmeId: cohort.programme?.id ?? '', ...details.values }
  const errors: FormErrors = details.errors
  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      <ErrorSummary form="details" errors={errors} labels={{ name: 'Name', description: 'Description', programmeId: 'Programme' }} />
      <form method="post" action={cohortHref(school.id, cohort.id, '/details')} className="stack-form" noValidate>
        <CsrfField token={csrf} />
        <Field form="details" name="name" label="Name" errors={errors} value={values.name} maxLength={200} />
        <Field form="details" name="description" label="Description (optional)" errors={errors} value={values.description} required={false} maxLength={2000} />
        {programmes.length > 0 ? (
          <div className={errors.fields.programmeId ? 'form-field has-error' : 'form-field'}>
            <label htmlFor="details-programmeId">Programme</label>
            {errors.fields.programmeId ? <p id="details-programmeId-error" className="field-error"><span className="visually-hidden">Error: </span>{errors.fields.programmeId}</p> : null}
            <select id="details-programmeId" name="programmeId" {...(errors.fields.programmeId ? { 'aria-describedby': 'details-programmeId-error', 'aria-invalid': true } : {})} defaultValue={values.programmeId}>
              <option value="">None</option>
              {programmes.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
            </select>
          </div>
        ) : null}
        <button type="submit">Save details</button>
      </form>
    </section>
  )
}

export function StaffSection({ school, cohort, staffChoices, csrf }: CohortPageProps) {
  const href = (rest: string) => cohortHref(school.id, cohort.id, rest)
  return (
    <section aria-labelledby="staff-heading">
      <h2 id="staff-heading">Staff</h2>
      {cohort.staff.length === 0 ? <p>No educator runs this cohort; the school’s administrators manage it.</p> : (
        <ul className="plain-list">
          {cohort.staff.map((p) => (
            <li key={p.userId}>
              <div className="member-actions">
                <span>{p.displayName}</span>
                <ButtonForm action={href(`/staff/${encodeURIComponent(p.userId)}/remove`)} csrf={csrf} label={`Take ${p.displayName} off the staff`} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {staffChoices.length > 0 ? (
        <form method="post" action={href('/staff')} className="inline-form">
          <CsrfField token={csrf} />
          <label htmlFor="add-staff">Add an educator</label>
          <select id="add-staff" name="userId">
            {staffChoices.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
          </select>
          <button type="submit">Add to staff</button>
        </form>
      ) : null}
    </section>
  )
}

/**
 * Markup of the staff's cohort pages: the school's cohorts with a form to create one, and one cohort
 * with its join code and link, learners, staff, assignments and archiving. Plain HTML forms (each
 * with the CSRF field); wide content sits in scrollable, named table regions so nothing scrolls
 * sideways at 360 px.
 */
import type { SchoolView } from '../../server/modules/access/index.js'
import type { AssignmentView } from '../../server/modules/educators/cohorts.assignments.js'
import type { CohortDetail, CohortPerson, CohortSummary } from '../../server/modules/educators/cohorts.service.js'
import { Facts, When } from '../account/display.js'
import type { FormErrors } from '../forms/form-errors.js'
import { Breadcrumb } from '../ui/breadcrumb.js'
import { cohortHref, schoolHref } from './cohort-links.js'
import { DetailsSection, StaffSection } from './cohort-sections.js'
import { TableRegion } from '../ui/blocks.js'
import { ButtonForm, CsrfField, ErrorSummary, Field, Notice } from '../ui/form.js'


const NOTICES: Record<string, string> = {
  created: 'The cohort has been created. Hand out its join code or link to your learners.',
  code: 'A new join code is ready; the old one no longer works.',
  'code-off': 'Joining is switched off: no code works until you make a new one.',
  archived: 'The cohort is archived. It takes no new learners or assignments.',
  restored: 'The cohort is active again.',
  'learner-removed': 'The learner has left the cohort. They stay a member of the school.',
  'staff-added': 'The educator now runs this cohort too.',
  'staff-removed': 'The educator no longer runs this cohort.',
  assigned: 'The assignment has been added; the cohort’s learners see it under My cohorts.',
  saved: 'The cohort’s details are saved.',
  'assignment-removed': 'The assignment has been removed.',
}

function DoneNotice({ done }: { done: string | undefined }) {
  const message = done ? NOTICES[done] : undefined
  return message ? <Notice>{message}</Notice> : null
}

export interface Choice { id: string; title: string }

export interface CohortListProps {
  school: SchoolView
  cohorts: readonly CohortSummary[]
  programmes: readonly Choice[]
  values: Record<string, string>
  errors: FormErrors
  csrf?: string
}

export function CohortListView({ school, cohorts, programmes, values, errors, csrf }: CohortListProps) {
  return (
    <>
      <Breadcrumb trail={[{ text: school.name, href: schoolHref(school.id) }, { text: 'Cohorts' }]} />
      <h1>Cohorts of {school.name}</h1>
      {cohorts.length === 0 ? <p>No cohorts yet. Create one below.</p> : (
        <TableRegion label="Cohorts">
          <table>
            <caption className="visually-hidden">Cohorts, with their learners and assignments</caption>
            <thead>
              <tr><th scope="col">Cohort</th><th scope="col">Learners</th><th scope="col">Assignments</th><th scope="col">Programme</th></tr>
            </thead>
            <tbody>
              {cohorts.map((c) => (
                <tr key={c.id}>
                  <th scope="row"><a href={cohortHref(school.id, c.id)}>{c.name}</a>{c.archived ? <> <span className="badge">archived</span></> : null}</th>
                  <td>{c.learnerCount}</td>
                  <td>{c.assignmentCount}</td>
                  <td>{c.programme ? `${c.programme.title} (${c.programme.cipCode})` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <h2>Create a cohort</h2>
      <ErrorSummary form="cohort" errors={errors} labels={{ name: 'Name', description: 'Description', programmeId: 'Programme' }} />
      <form method="post" action={schoolHref(school.id, '/cohorts')} className="stack-form" noValidate>
        <CsrfField token={csrf} />
        <Field form="cohort" name="name" label="Name" hint="For example “Year 11 Health Sciences, Tuesday”." errors={errors} value={values.name} maxLength={200} />
        <Field form="cohort" name="description" label="Description (optional)" errors={errors} value={values.description} required={false} maxLength={2000} />
        {programmes.length > 0 ? (
          <div className={errors.fields.programmeId ? 'form-field has-error' : 'form-field'}>
            <label htmlFor="cohort-programmeId">Programme (optional)</label>
            {errors.fields.programmeId ? <p id="cohort-programmeId-error" className="field-error"><span className="visually-hidden">Error: </span>{errors.fields.programmeId}</p> : null}
            <select id="cohort-programmeId" name="programmeId" {...(errors.fields.programmeId ? { 'aria-describedby': 'cohort-programmeId-error', 'aria-invalid': true } : {})} defaultValue={values.programmeId ?? ''}>
              <option value="">None</option>
              {programmes.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
            </select>
          </div>
        ) : null}
        <button type="submit">Create cohort</button>
      </form>
    </>
  )
}

export interface AssignForm { kind: 'career' | 'pathway' | undefined; values: Record<string, string>; errors: FormErrors }

export interface CohortPageProps {
  school: SchoolView
  cohort: CohortDetail
  joinLink: string | null
  /** The school's educators and admins who do not run the cohort yet. */
  staffChoices: readonly Choice[]
  pathwayChoices: readonly Choice[]
  programmes: readonly Choice[]
  assign: AssignForm
  details: { values: Record<string, string>; errors: FormErrors }
  csrf?: string
  done?: string
}

export function CohortView(props: CohortPageProps) {
  const { school, cohort, csrf, done } = props
  const href = (rest = '') => cohortHref(school.id, cohort.id, rest)
  return (
    <>
      <Breadcrumb trail={[{ text: school.name, href: schoolHref(school.id) }, { text: 'Cohorts', href: schoolHref(school.id, '/cohorts') }, { text: cohort.name }]} />
      <h1>{cohort.name}{cohort.archived ? <> <span className="badge">archived</span></> : null}</h1>
      <DoneNotice done={done} />
      {cohort.description ? <p>{cohort.description}</p> : null}
      <Facts items={[
        ['Learners', String(cohort.learners.length)],
        ['Programme', cohort.programme ? `${cohort.programme.title} (CIP ${cohort.programme.cipCode})` : 'None'],
        ['Created', <When iso={cohort.createdAt} />],
      ]} />
      <p><a href={href('/dashboard')}>Open the cohort’s dashboard</a></p>
      <JoinSection {...props} />
      <LearnersSection school={school} cohortId={cohort.id} learners={cohort.learners} csrf={csrf} />
      <AssignmentsSection {...props} />
      <StaffSection {...props} />
      <DetailsSection {...props} />
      <section aria-labelledby="archive-heading">
        <h2 id="archive-heading">{cohort.archived ? 'Bring the cohort back' : 'Archive the cohort'}</h2>
        <p>{cohort.archived ? 'An active cohort takes new learners and assignments again.' : 'An archived cohort keeps its learners and their progress, but takes no new learners or assignments and its join code stops working.'}</p>
        <ButtonForm action={href('/archive')} csrf={csrf} label={cohort.archived ? 'Bring back this cohort' : 'Archive this cohort'}>
          <input type="hidden" name="archived" value={cohort.archived ? 'no' : 'yes'} />
        </ButtonForm>
      </section>
    </>
  )
}

function JoinSection({ school, cohort, joinLink, csrf }: CohortPageProps) {
  const href = (rest: string) => cohortHref(school.id, cohort.id, rest)
  return (
    <section aria-labelledby="join-heading">
      <h2 id="join-heading">Joining</h2>
      {cohort.archived ? <p>The cohort is archived: nobody can join it.</p> : cohort.joinCode === null ? <p>Joining is switched off.</p> : (
        <>
          <p>Learners sign in and enter the code under <strong>My cohorts</strong>, or open the link.</p>
          <p><label htmlFor="join-code">Join code</label></p>
          <input id="join-code" className="secret" type="text" readOnly value={cohort.joinCode} />
          <p><label htmlFor="join-link">Join link</label></p>
          <input id="join-link" className="secret" type="text" readOnly value={joinLink ?? ''} />
        </>
      )}
      <div className="member-actions">
        <ButtonForm action={href('/join-code')} csrf={csrf} label={cohort.joinCode === null ? 'Switch joining on with a new code' : 'Make a new code'} />
        {cohort.joinCode !== null ? <ButtonForm action={href('/join-code/off')} csrf={csrf} label="Switch joining off" /> : null}
      </div>
    </section>
  )
}

function LearnersSection({ school, cohortId, learners, csrf }: { school: SchoolView; cohortId: string; learners: readonly CohortPerson[]; csrf: string | undefined }) {
  return (
    <section aria-labelledby="learners-heading">
      <h2 id="learners-heading">Learners</h2>
      {learners.length === 0 ? <p>No learners yet. They join with the code or link above.</p> : (
        <TableRegion label="Learners">
          <table>
            <thead><tr><th scope="col">Learner</th><th scope="col">Joined</th><th scope="col">Remove</th></tr></thead>
            <tbody>
              {learners.map((l) => (
                <tr key={l.userId}>
                  <th scope="row"><a href={cohortHref(school.id, cohortId, `/learners/${encodeURIComponent(l.userId)}`)}>{l.displayName}</a></th>
                  <td><When iso={l.since} /></td>
                  <td><ButtonForm action={cohortHref(school.id, cohortId, `/learners/${encodeURIComponent(l.userId)}/remove`)} csrf={csrf} label={`Remove ${l.displayName}`} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  )
}

function assignmentTitle(a: AssignmentView): string {
  return a.kind === 'career' ? `Career: ${a.career?.title ?? ''}` : `Pathway: ${a.pathway?.title ?? ''}`
}

function AssignmentsSection({ school, cohort, pathwayChoices, assign, csrf }: CohortPageProps) {
  const href = (rest: string) => cohortHref(school.id, cohort.id, rest)
  const empty: AssignForm = { kind: undefined, values: {}, errors: { fields: {}, form: [] } }
  const careerForm = assign.kind === 'career' ? assign : empty
  const pathwayForm = assign.kind === 'pathway' ? assign : empty
  return (
    <section aria-labelledby="assignments-heading">
      <h2 id="assignments-heading">Assignments</h2>
      {cohort.assignments.length === 0 ? <p>Nothing assigned yet.</p> : (
        <ul className="item-cards">
          {cohort.assignments.map((a) => (
            <li key={a.id} className="item-card">
              <h3 className="item-card-title">{assignmentTitle(a)}</h3>
              <Facts items={[['Due', a.dueOn ?? 'No date'], ...(a.note ? [['Note', a.note] as [string, string]] : [])]} />
              <ButtonForm action={href(`/assignments/${encodeURIComponent(a.id)}/remove`)} csrf={csrf} label={`Remove the assignment ${a.career?.title ?? a.pathway?.title ?? ''}`} />
            </li>
          ))}
        </ul>
      )}
      {cohort.archived ? null : (
        <>
          <h3>Assign a career</h3>
          <ErrorSummary form="assign-career" errors={careerForm.errors} labels={{ career: 'Career', dueOn: 'Due date', note: 'Note' }} />
          <form method="post" action={href('/assignments')} className="stack-form" noValidate>
            <CsrfField token={csrf} />
            <input type="hidden" name="kind" value="career" />
            <Field form="assign-career" name="career" label="Career" hint="Its name, for example “Data Clerk”, or an occupation code such as 43-9021." errors={careerForm.errors} value={careerForm.values.career} maxLength={300} />
            <Field form="assign-career" name="dueOn" type="date" label="Due date (optional)" errors={careerForm.errors} value={careerForm.values.dueOn} required={false} />
            <Field form="assign-career" name="note" label="Note to learners (optional)" errors={careerForm.errors} value={careerForm.values.note} required={false} maxLength={2000} />
            <button type="submit">Assign career</button>
          </form>
          {pathwayChoices.length > 0 ? (
            <>
              <h3>Assign an adapted pathway</h3>
              <ErrorSummary form="assign-pathway" errors={pathwayForm.errors} labels={{ pathwayId: 'Pathway', dueOn: 'Due date', note: 'Note' }} />
              <form method="post" action={href('/assignments')} className="stack-form" noValidate>
                <CsrfField token={csrf} />
                <input type="hidden" name="kind" value="pathway" />
                <div className={pathwayForm.errors.fields.pathwayId ? 'form-field has-error' : 'form-field'}>
                  <label htmlFor="assign-pathway-pathwayId">Pathway</label>
                  {pathwayForm.errors.fields.pathwayId ? <p id="assign-pathway-pathwayId-error" className="field-error"><span className="visually-hidden">Error: </span>{pathwayForm.errors.fields.pathwayId}</p> : null}
                  <select id="assign-pathway-pathwayId" name="pathwayId" {...(pathwayForm.errors.fields.pathwayId ? { 'aria-describedby': 'assign-pathway-pathwayId-error', 'aria-invalid': true } : {})} defaultValue={pathwayForm.values.pathwayId ?? ''}>
                    {pathwayChoices.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
                  </select>
                </div>
                <Field form="assign-pathway" name="dueOn" type="date" label="Due date (optional)" errors={pathwayForm.errors} value={pathwayForm.values.dueOn} required={false} />
                <Field form="assign-pathway" name="note" label="Note to learners (optional)" errors={pathwayForm.errors} value={pathwayForm.values.note} required={false} maxLength={2000} />
                <button type="submit">Assign pathway</button>
              </form>
            </>
          ) : <p>The school has no adapted pathways yet (<a href={schoolHref(school.id, '/pathways')}>Pathways</a>).</p>}
        </>
      )}
    </section>
  )
}

/**
 * Markup of the learner's cohort pages: My cohorts (each cohort's assignments with their steps and a
 * mark-done / undo button per step, and a join-by-code form) and the join page a cohort's link opens.
 */
import type { LearnerAssignment, MyCohort } from '../../server/modules/educators/cohorts.assignments.js'
import type { FormErrors } from '../forms/form-errors.js'
import { ButtonForm, CsrfField, ErrorSummary, Field, Notice } from '../ui/form.js'
import { PassportNav } from '../passport/passport-nav.js'

const NOTICES: Record<string, string> = {
  joined: 'You have joined the cohort. Its assignments are below.',
  'step-done': 'Marked as done.',
  'step-undone': 'The step is no longer marked as done.',
}

/** Where a step's buttons post: an adapted step by id, a catalog step by section and position. */
function stepAction(cohortId: string, a: LearnerAssignment, step: LearnerAssignment['steps'][number], done: boolean): string {
  const verb = done ? 'done' : 'undo'
  const cohort = `/me/cohorts/${encodeURIComponent(cohortId)}`
  if (a.kind === 'pathway' && a.pathway) return `${cohort}/pathways/${encodeURIComponent(a.pathway.id)}/steps/${encodeURIComponent(step.id)}/${verb}`
  return `${cohort}/careers/${encodeURIComponent(a.career?.slug ?? '')}/steps/${encodeURIComponent(step.section)}/${step.position}/${verb}`
}

function AssignmentCard({ cohort, assignment: a, csrf }: { cohort: MyCohort; assignment: LearnerAssignment; csrf: string | undefined }) {
  const title = a.kind === 'career' ? a.career?.title ?? '' : a.pathway?.title ?? ''
  return (
    <li className="item-card" id={`assignment-${a.id}`}>
      <h3 className="item-card-title">
        {a.kind === 'career' && a.career ? <>Career: <a href={`/careers/${encodeURIComponent(a.career.slug)}`}>{title}</a></> : <>Pathway: {title}</>}
      </h3>
      <p>{a.dueOn ? <>Due by <strong>{a.dueOn}</strong>. </> : null}{a.total > 0 ? `${a.done} of ${a.total} steps done.` : 'This pathway has no steps yet.'}</p>
      {a.note ? <p>Note from your teacher: {a.note}</p> : null}
      {a.steps.length > 0 ? (
        <ol className="steps">
          {a.steps.map((step) => (
            <li key={step.id}>
              <div className="member-actions">
                <span>{step.title}{step.done ? <> <span className="badge badge-time">done</span></> : null}</span>
                <ButtonForm action={stepAction(cohort.id, a, step, !step.done)} csrf={csrf} label={step.done ? `Undo “${step.title}”` : `Mark “${step.title}” done`} />
              </div>
            </li>
          ))}
        </ol>
      ) : null}
    </li>
  )
}

export function JoinCodeForm({ values, errors, csrf }: { values: Record<string, string>; errors: FormErrors; csrf: string | undefined }) {
  return (
    <>
      <ErrorSummary form="cohort-join" errors={errors} labels={{ code: 'Join code' }} />
      <form method="post" action="/cohorts/join" className="stack-form" noValidate>
        <CsrfField token={csrf} />
        <Field form="cohort-join" name="code" label="Join code" hint="8 letters and digits from your teacher, e.g. 7KQ4 M2XP." errors={errors} value={values.code} autoComplete="off" maxLength={12} />
        <button type="submit">Join cohort</button>
      </form>
    </>
  )
}

export function MyCohortsView({ cohorts, done, values, errors, csrf }: { cohorts: readonly MyCohort[]; done?: string; values: Record<string, string>; errors: FormErrors; csrf: string | undefined }) {
  const notice = done ? NOTICES[done] : undefined
  return (
    <>
      <h1>My cohorts</h1>
      <PassportNav current="/me/cohorts" />
      {notice ? <Notice>{notice}</Notice> : null}
      {cohorts.length === 0 ? <p>You are not in any cohort yet. Join one with the code your teacher gave you.</p> : cohorts.map((c) => (
        <section key={c.id} aria-labelledby={`cohort-${c.id}`}>
          <h2 id={`cohort-${c.id}`}>{c.name} <span className="badge">{c.school.name}</span>{c.archived ? <> <span className="badge">archived</span></> : null}</h2>
          {c.description ? <p>{c.description}</p> : null}
          {c.assignments.length === 0 ? <p>Nothing is assigned yet.</p> : (
            <ul className="item-cards">
              {c.assignments.map((a) => <AssignmentCard key={a.id} cohort={c} assignment={a} csrf={csrf} />)}
            </ul>
          )}
        </section>
      ))}
      <h2>Join a cohort</h2>
      <JoinCodeForm values={values} errors={errors} csrf={csrf} />
    </>
  )
}

export function JoinCohortView({ cohort, code, values, errors, csrf }: {
  cohort: { name: string; schoolName: string } | undefined; code: string; values: Record<string, string>; errors: FormErrors; csrf: string | undefined
}) {
  if (!cohort) {
    return (
      <>
        <h1>Join a cohort</h1>
        <JoinCodeForm values={values} errors={errors} csrf={csrf} />
      </>
    )
  }
  return (
    <>
      <h1>Join {cohort.name}</h1>
      <p className="lead">A cohort of {cohort.schoolName}. When you join, its teachers see your progress on what they assign, and you become a learner of the school if you are not a member yet.</p>
      <form method="post" action="/cohorts/join" className="inline-form">
        <CsrfField token={csrf} />
        <input type="hidden" name="code" value={code} />
        <button type="submit">Join {cohort.name}</button>
      </form>
      <p><a href="/me/cohorts">Not now: go to My cohorts</a></p>
    </>
  )
}

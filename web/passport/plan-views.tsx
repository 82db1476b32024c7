/**
 * The learner's plans (list and a form creating one: career, hours a week, least time or least
 * cost), one plan week by week with each item's reason and a button marking it done, and progress
 * (coverage of each target over time, plans and pathway steps done). Markup only.
 */
import type { PlanSummary, ProgressAnswer, StoredPlan } from '../../server/modules/passport/passport.schema.js'
import type { CareerRef, Source } from '../../shared/schemas.js'
import type { FormErrors } from '../forms/form-errors.js'
import { displayTitle } from '../format.js'
import { careerHref, withQuery } from '../links.js'
import { DatasetNote } from '../ui/dataset-note.js'
import { CsrfField, ErrorSummary, Field } from '../ui/form.js'
import { When } from '../account/display.js'
import { pct } from './match-list.js'
import { DoneNotice, PassportNav } from './passport-nav.js'
import { PlanItemCards, PlanTimeline, PlanTotals, UncoveredSkills } from './plan-timeline.js'
import { ProgressFigure, ProgressTable, type ProgressRow } from './progress-chart-svg.js'

export interface PlanFormValues { career?: string; hoursPerWeek?: string; optimise?: string }

export interface PlansViewProps {
  plans: readonly PlanSummary[]
  careers: readonly CareerRef[]
  values: PlanFormValues
  errors: FormErrors
  csrf: string | undefined
}

function NewPlanForm({ careers, values, errors, csrf }: Omit<PlansViewProps, 'plans'>) {
  if (careers.length === 0) return <p>Add a <a href="/passport#targets">target career</a> first, or choose one from <a href="/passport/matches">your matches</a>.</p>
  const optimise = values.optimise === 'cost' ? 'cost' : 'time'
  return (
    <form method="post" action="/passport/plans" className="stack-form" noValidate>
      <CsrfField token={csrf} />
      <div className={errors.fields.career ? 'form-field has-error' : 'form-field'}>
        <label htmlFor="plan-career">Career</label>
        {errors.fields.career ? <p id="plan-career-error" className="field-error"><span className="visually-hidden">Error: </span>{errors.fields.career}</p> : null}
        <select id="plan-career" name="career" defaultValue={values.career ?? careers[0]?.slug} {...(errors.fields.career ? { 'aria-describedby': 'plan-career-error', 'aria-invalid': true } : {})}>
          {careers.map((c) => <option key={c.slug} value={c.slug}>{displayTitle(c.title)}</option>)}
        </select>
      </div>
      <Field form="plan" name="hoursPerWeek" type="number" label="Study hours a week" hint="From 1 to 80." errors={errors} value={values.hoursPerWeek ?? '10'} min={1} max={80} />
      <fieldset>
        <legend>Choose courses and credentials for</legend>
        <div className="check-field">
          <input id="plan-optimise-time" type="radio" name="optimise" value="time" defaultChecked={optimise === 'time'} />
          <label htmlFor="plan-optimise-time">Least time</label>
        </div>
        <div className="check-field">
          <input id="plan-optimise-cost" type="radio" name="optimise" value="cost" defaultChecked={optimise === 'cost'} />
          <label htmlFor="plan-optimise-cost">Least cost</label>
        </div>
      </fieldset>
      <button type="submit">Make the plan</button>
    </form>
  )
}

export function PlansView(props: PlansViewProps) {
  const { plans, errors } = props
  return (
    <>
      <h1>Your learning plans</h1>
      <PassportNav current="/passport/plans" />
      {plans.length === 0 ? <p>You have no plans yet.</p> : (
        <ul className="item-cards">
          {plans.map((p) => (
            <li key={p.id} className="item-card">
              <h2 className="item-card-title"><a href={`/passport/plans/${encodeURIComponent(p.id)}`}>Plan for {displayTitle(p.career.title)}</a></h2>
              <p className="item-meta">{p.hoursPerWeek} hours a week · least {p.optimise} · {p.itemsDone} item{p.itemsDone === 1 ? '' : 's'} done · made <When iso={p.createdAt} /></p>
            </li>
          ))}
        </ul>
      )}
      <h2 id="new-plan">Make a plan</h2>
      <p>The plan picks the courses and credentials that close your gap to a career in the least time or at the least cost, in an order that respects levels and prerequisites, then spreads them over weeks.</p>
      <ErrorSummary form="plan" errors={errors} labels={{ career: 'Career', hoursPerWeek: 'Study hours a week' }} />
      <NewPlanForm {...props} />
    </>
  )
}

export function PlanView({ stored, csrf, done, sources }: { stored: StoredPlan; csrf: string | undefined; done?: string; sources: readonly Source[] }) {
  const { plan } = stored
  const title = displayTitle(plan.career.title)
  const base = `/passport/plans/${encodeURIComponent(stored.id)}`
  return (
    <>
      <h1>Plan for {title}</h1>
      <PassportNav current="/passport/plans" />
      <DoneNotice done={done} />
      <p className="lead">{stored.hoursPerWeek} hours a week, choosing for least {stored.optimise}. <a href={careerHref(plan.career.slug)}>About this career</a> · <a href={withQuery('/passport/gaps', { career: plan.career.slug })}>Your gap</a></p>
      <PlanTotals plan={plan} />
      <h2 id="weeks">Week by week</h2>
      <PlanTimeline items={plan.items} weeks={plan.weeks} />
      <h2 id="items">What to study, and why</h2>
      {plan.items.length === 0 ? <p>Nothing in the catalog closes your gap to this career.</p> : (
        <PlanItemCards items={plan.items} csrf={csrf} markDone={(item) => `${base}/items/${encodeURIComponent(item.id)}/done`} />
      )}
      <h2 id="uncovered">Skills the plan does not cover</h2>
      <UncoveredSkills uncovered={plan.uncovered} />
      {plan.assumptions.length > 0 ? (
        <>
          <h2 id="assumptions">How the plan is worked out</h2>
          <ul className="plain-list">{plan.assumptions.map((a) => <li key={a}>{a}</li>)}</ul>
        </>
      ) : null}
      <DatasetNote sources={sources} />
    </>
  )
}

/** One target's points from the series: the days on which its coverage is known. */
export function seriesFor(progress: Pick<ProgressAnswer, 'series'>, slug: string): ProgressRow[] {
  return progress.series.flatMap((p) => {
    const coverage = p.coverage.find((c) => c.career === slug)?.coverage
    return coverage === null || coverage === undefined ? [] : [{ at: p.date, coverage, done: p.itemsDone }]
  })
}

export function ProgressView({ progress }: { progress: ProgressAnswer }) {
  const itemsDone = progress.plans.reduce((n, p) => n + p.items.done, 0)
  const itemsPlanned = progress.plans.reduce((n, p) => n + p.items.planned + p.items.done, 0)
  const stepsDone = progress.pathways.reduce((n, p) => n + p.done.length, 0)
  return (
    <>
      <h1>Your progress</h1>
      <PassportNav current="/passport/progress" />
      <dl className="facts">
        <div><dt>Plan items done</dt><dd>{itemsDone} of {itemsPlanned}</dd></div>
        <div><dt>Pathway steps done</dt><dd>{stepsDone}</dd></div>
      </dl>
      {progress.targets.length === 0 ? <p>Add a <a href="/passport#targets">target career</a> to follow how close you are to it.</p> : null}
      {progress.targets.map((t, i) => {
        const title = displayTitle(t.career.title)
        const series = seriesFor(progress, t.career.slug)
        return (
          <section key={t.career.slug} aria-labelledby={`target-${i}-heading`}>
            <h2 id={`target-${i}-heading`}>{title}</h2>
            <p>
              {t.coverage === null ? 'No skill data for this career.' : `You cover ${pct(t.coverage)} of it now.`}
              {t.steps.total > 0 ? <> Pathway steps done: {t.steps.done} of {t.steps.total} (<a href={`/passport/pathways/${encodeURIComponent(t.career.slug)}`}>mark steps</a>).</> : null}
            </p>
            <ProgressFigure id={`progress-${i}`} careerTitle={title} series={series} />
            <ProgressTable series={series} caption={`Your coverage of ${title} by date`} />
          </section>
        )
      })}
      {progress.plans.length > 0 ? (
        <section aria-labelledby="plans-heading">
          <h2 id="plans-heading">Plans</h2>
          <ul className="plain-list">
            {progress.plans.map((p) => (
              <li key={p.id}>
                <a href={`/passport/plans/${encodeURIComponent(p.id)}`}>{displayTitle(p.career.title)}</a>: {p.items.done} done, {p.items.planned} to go
                {p.coverage === null ? '' : ` · coverage ${pct(p.coverage)} now, ${pct(p.coverageAfter ?? p.coverage)} when done`}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}

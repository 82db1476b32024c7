/**
 * The cohort dashboard and the learner drill-down as pages: a summary, distributions and trends as
 * SVG charts each followed by its data table, and the per-learner table linking to the drill-down.
 * Plain HTML: no script, every table with a caption and header cells scoped.
 */
import type { CohortDashboard, LearnerDrillDown } from '../../server/modules/educators/dashboard.service.js'
import { Breadcrumb } from '../ui/breadcrumb.js'
import { ChartWithTable, ColumnChartSvg, DataTable, dayWords, LineChartSvg, percent, weekLabel } from './dashboard-charts.js'

export const WEEK_CHOICES = [4, 8, 12, 26] as const

const enc = encodeURIComponent
export const cohortHref = (schoolId: string, cohortId: string, rest = ''): string => `/schools/${enc(schoolId)}/cohorts/${enc(cohortId)}${rest}`

const bandSummary = (bands: readonly { label: string; count: number }[], noData: number): string =>
  `${bands.map((b) => `${b.label}: ${b.count}`).join('; ')}${noData > 0 ? `; no data: ${noData}` : ''}.`

function seriesSummary(points: readonly { label: string; value: number | null }[], asPercent = false): string {
  const shown = points.filter((p) => p.value !== null)
  if (shown.length === 0) return 'No values in these weeks.'
  const word = (v: number) => (asPercent ? percent(v) : String(v))
  const first = shown[0]!
  const last = shown.at(-1)!
  const max = shown.reduce((a, b) => ((b.value ?? 0) > (a.value ?? 0) ? b : a))
  return `From ${word(first.value!)} in the week of ${first.label} to ${word(last.value!)} in the week of ${last.label}; highest ${word(max.value!)} (week of ${max.label}).`
}

function Summary({ d }: { d: CohortDashboard }) {
  const titleOf = new Map(d.careers.map((c) => [c.slug, c.title]))
  return (
    <section aria-labelledby="summary-heading" className="page-section">
      <h2 id="summary-heading">Summary</h2>
      <dl className="glance">
        <div className="glance-item"><dt>Learners</dt><dd>{d.totals.learners}</dd></div>
        <div className="glance-item"><dt>Active in the last 7 days</dt><dd>{d.totals.activeLast7Days}</dd></div>
        <div className="glance-item"><dt>Pathway steps done</dt><dd>{d.totals.stepsDone}</dd></div>
        <div className="glance-item"><dt>Credentials earned</dt><dd>{d.totals.credentialsEarned}</dd></div>
        {d.totals.meanCoverage.map((m) => (
          <div className="glance-item" key={m.career}><dt>Mean coverage of {titleOf.get(m.career) ?? m.career}</dt><dd>{percent(m.mean)}</dd></div>
        ))}
      </dl>
      {d.learners.truncated ? <p className="notice">This cohort has {d.learners.total} learners; the dashboard shows the {d.learners.shown} who joined first.</p> : null}
      <h3>Assignments</h3>
      {d.assignments.length === 0 ? <p>The cohort has no assignments yet.</p> : (
        <ul className="item-list compact">
          {d.assignments.map((a) => (
            <li key={a.id}>
              <strong className="item-title">{a.title}</strong>{' '}
              <span className="item-meta">{a.kind === 'career' ? 'target career and its pathway' : 'adapted pathway'}, {a.steps} steps{a.dueOn ? `, due ${dayWords(a.dueOn)}` : ''}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function Distributions({ d }: { d: CohortDashboard }) {
  const head = ['Band', 'Learners']
  const rows = (bands: readonly { label: string; count: number }[], noData: number) => [...bands.map((b) => [b.label, b.count]), ...(noData > 0 ? [['No data', noData]] : [])]
  return (
    <section aria-labelledby="distributions-heading" className="page-section">
      <h2 id="distributions-heading">Distributions</h2>
      {d.distributions.coverage.length === 0 && d.distributions.completion.length === 0 ? <p>Nothing to show until the cohort has assignments.</p> : null}
      {d.distributions.coverage.map((c, i) => (
        <div key={c.career}>
          <h3>Coverage of {c.title}</h3>
          <ChartWithTable
            chart={<ColumnChartSvg id={`coverage-${i}`} title={`Learners by coverage of ${c.title}`} description={bandSummary(c.bands, c.noData)} columns={c.bands.map((b) => ({ label: b.label.replace('%', ''), value: b.count }))} />}
            caption={`Learners in 20-point bands of how much of ${c.title} their passport covers (%).`}
            table={<DataTable caption={`Learners by coverage of ${c.title}`} head={head} rows={rows(c.bands, c.noData)} />}
          />
        </div>
      ))}
      {d.distributions.completion.map((c, i) => (
        <div key={c.assignmentId}>
          <h3>Completion of {c.title}</h3>
          <ChartWithTable
            chart={<ColumnChartSvg id={`completion-${i}`} title={`Learners by steps done of ${c.title}`} description={bandSummary(c.bands, c.noData)} columns={c.bands.map((b) => ({ label: b.label.replace('%', ''), value: b.count }))} />}
            caption={`Learners in 20-point bands of the share of ${c.title}'s steps they have done (%).`}
            table={<DataTable caption={`Learners by completion of ${c.title}`} head={head} rows={rows(c.bands, c.noData)} />}
          />
        </div>
      ))}
    </section>
  )
}

function Trends({ d }: { d: CohortDashboard }) {
  const weeks = d.trends.weeks
  const titleOf = new Map(d.careers.map((c) => [c.slug, c.title]))
  const series = (value: (w: (typeof weeks)[number]) => number | null) => weeks.map((w) => ({ label: weekLabel(w.start), value: value(w) }))
  const counts = [
    { id: 'trend-active', title: 'Active learners per week', points: series((w) => w.activeLearners) },
    { id: 'trend-steps', title: 'Pathway steps done per week', points: series((w) => w.stepsDone) },
    { id: 'trend-credentials', title: 'Credentials earned per week', points: series((w) => w.credentialsEarned) },
  ]
  const coverage = d.careers.map((c, i) => ({
    id: `trend-coverage-${i}`, title: `Mean coverage of ${c.title} by week`, points: series((w) => w.meanCoverage.find((m) => m.career === c.slug)?.mean ?? null),
  }))
  return (
    <section aria-labelledby="trends-heading" className="page-section">
      <h2 id="trends-heading">Trends</h2>
      <p>Weeks run Monday to Sunday (UTC); the last one is the current week. Mean coverage counts the learners whose passport targets the career, as of each week's end.</p>
      {counts.map((c) => (
        <figure className="chart-figure" key={c.id}>
          <LineChartSvg id={c.id} title={c.title} description={seriesSummary(c.points)} points={c.points} />
          <figcaption>{c.title}. The table after the charts lists every week.</figcaption>
        </figure>
      ))}
      {coverage.map((c) => (
        <figure className="chart-figure" key={c.id}>
          <LineChartSvg id={c.id} title={c.title} description={seriesSummary(c.points, true)} points={c.points} percent />
          <figcaption>{c.title}. The table after the charts lists every week.</figcaption>
        </figure>
      ))}
      <DataTable
        caption="Trends by week"
        head={['Week of', 'Active learners', 'Steps done', 'Credentials earned', ...d.careers.map((c) => `Mean coverage of ${titleOf.get(c.slug) ?? c.slug}`)]}
        rows={weeks.map((w) => [
          <time key="t" dateTime={w.start.slice(0, 10)}>{dayWords(w.start)}</time>, w.activeLearners, w.stepsDone, w.credentialsEarned,
          ...d.careers.map((c) => percent(w.meanCoverage.find((m) => m.career === c.slug)?.mean ?? null)),
        ])}
      />
      {d.trends.eventsCapped ? <p className="notice">The cohort changed so often in these weeks that the coverage trend reads only the oldest 50,000 changes.</p> : null}
    </section>
  )
}

function Learners({ d, schoolId }: { d: CohortDashboard; schoolId: string }) {
  return (
    <section aria-labelledby="learners-heading" className="page-section">
      <h2 id="learners-heading">Learners</h2>
      {d.rows.length === 0 ? <p>No learner has joined this cohort yet.</p> : (
        <DataTable
          caption={`Learners of ${d.cohort.name}`}
          head={['Learner', ...d.assignments.map((a) => `Steps of ${a.title}`), ...d.careers.map((c) => `Coverage of ${c.title}`), 'Credentials', 'Latest credential', 'Last activity']}
          rows={d.rows.map((r) => [
            <a key="a" href={cohortHref(schoolId, d.cohort.id, `/learners/${enc(r.userId)}`)}>{r.displayName}</a>,
            ...r.progress.map((p) => `${p.done} of ${p.total}`),
            ...r.coverage.map((c) => percent(c.coverage)),
            r.credentials.count,
            r.credentials.latest ? `${r.credentials.latest.title} (${dayWords(r.credentials.latest.earnedOn)})` : 'none',
            r.lastActivity ? <time key="t" dateTime={r.lastActivity}>{dayWords(r.lastActivity)}</time> : 'none yet',
          ])}
        />
      )}
    </section>
  )
}

export function DashboardView({ d, schoolId, weeks }: { d: CohortDashboard; schoolId: string; weeks: number }) {
  return (
    <>
      <Breadcrumb trail={[{ text: 'Schools', href: '/schools' }, { text: 'School', href: `/schools/${enc(schoolId)}` }, { text: 'Cohorts', href: `/schools/${enc(schoolId)}/cohorts` }, { text: d.cohort.name, href: cohortHref(schoolId, d.cohort.id) }, { text: 'Dashboard' }]} />
      <h1>{d.cohort.name}: dashboard</h1>
      <p className="lead">
        {d.cohort.programme ? `Programme: ${d.cohort.programme.title}. ` : ''}
        As of {dayWords(d.generatedAt)}.{d.cohort.archivedAt ? ' This cohort is archived.' : ''}
      </p>
      <form method="get" action={cohortHref(schoolId, d.cohort.id, '/dashboard')} className="search-form">
        <div className="form-field">
          <label htmlFor="dashboard-weeks">Weeks of trends</label>
          <select id="dashboard-weeks" name="weeks" defaultValue={String(weeks)}>
            {WEEK_CHOICES.map((w) => <option key={w} value={w}>{w} weeks</option>)}
          </select>
        </div>
        <button type="submit">Show</button>
      </form>
      <Summary d={d} />
      <Distributions d={d} />
      <Trends d={d} />
      <Learners d={d} schoolId={schoolId} />
    </>
  )
}

export function DrillDownView({ d, schoolId }: { d: LearnerDrillDown; schoolId: string }) {
  const dashboard = cohortHref(schoolId, d.cohort.id, '/dashboard')
  const titleOf = new Map(d.careers.map((c) => [c.career.slug, c.career.title]))
  return (
    <>
      <Breadcrumb trail={[{ text: 'Schools', href: '/schools' }, { text: 'Cohorts', href: `/schools/${enc(schoolId)}/cohorts` }, { text: d.cohort.name, href: cohortHref(schoolId, d.cohort.id) }, { text: 'Dashboard', href: dashboard }, { text: d.learner.displayName }]} />
      <h1>{d.learner.displayName}</h1>
      <p className="lead">
        Learner of {d.cohort.name} since {dayWords(d.learner.joinedAt)}. Last activity: {d.lastActivity ? dayWords(d.lastActivity) : 'none yet'}.
      </p>
      <p>This read of the learner's record is written to the access log, which the learner can see.</p>

      <section aria-labelledby="careers-heading" className="page-section">
        <h2 id="careers-heading">Assigned careers</h2>
        {d.careers.length === 0 ? <p>The cohort assigns no career.</p> : d.careers.map((c, i) => (
          <div key={c.career.slug}>
            <h3>{c.career.title}: {percent(c.coverage)} covered</h3>
            {c.gaps.length === 0 ? <p>No gaps: every skill is at the level the career needs.</p> : (
              <DataTable
                caption={`Largest gaps to ${c.career.title}`}
                head={['Skill', 'Level needed', 'Level held', 'Share of the career it would add']}
                rows={c.gaps.map((g) => [g.name, g.required, g.missing ? 'none' : g.have, percent(g.shortfall)])}
                key={i}
              />
            )}
          </div>
        ))}
      </section>

      <section aria-labelledby="steps-heading" className="page-section">
        <h2 id="steps-heading">Pathway steps</h2>
        {d.assignments.length === 0 ? <p>The cohort has no assignments.</p> : d.assignments.map((a) => (
          <DataTable
            key={a.assignment.id}
            caption={`${a.assignment.title}: ${a.done} of ${a.total} steps done`}
            head={['Step', 'Done']}
            rows={a.steps.map((s) => [s.title, s.doneAt ? <time key="t" dateTime={s.doneAt}>{dayWords(s.doneAt)}</time> : 'not yet'])}
          />
        ))}
      </section>

      <section aria-labelledby="credentials-heading" className="page-section">
        <h2 id="credentials-heading">Credentials</h2>
        {d.credentials.length === 0 ? <p>No credential earned yet.</p> : (
          <DataTable
            caption="Credentials earned"
            head={['Credential', 'Kind', 'Provider', 'Earned on']}
            rows={d.credentials.map((c) => [c.title, c.kind === 'local' ? 'local (school)' : c.type, c.provider, <time key="t" dateTime={c.earnedOn}>{dayWords(c.earnedOn)}</time>])}
          />
        )}
      </section>

      <section aria-labelledby="recent-heading" className="page-section">
        <h2 id="recent-heading">Recent progress</h2>
        {d.recent.length === 0 ? <p>No recorded changes yet.</p> : (
          <DataTable
            caption="Recent changes to the passport and pathways, newest first"
            head={['When', 'Change', 'Coverage of the learner\'s targets then', 'Catalog steps done then']}
            rows={d.recent.map((e) => [
              <time key="t" dateTime={e.at}>{dayWords(e.at)}</time>, e.kind.replaceAll('_', ' '),
              e.coverage.length === 0 ? 'no targets' : e.coverage.map((c) => `${titleOf.get(c.career) ?? c.career}: ${percent(c.coverage)}`).join(', '), e.stepsDone,
            ])}
          />
        )}
      </section>
      <p><a href={dashboard}>Back to the dashboard</a></p>
    </>
  )
}

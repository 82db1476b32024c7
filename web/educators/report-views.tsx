/**
 * The attainment report page: a GET form (from, to, cohort, programme) and, for a valid range, the
 * report's tables with links to download the same report as CSV and XLSX from the API. Plain HTML.
 */
import type { AttainmentReport, ScopeCohort } from '../../server/modules/educators/reports.service.js'
import type { FormErrors } from '../forms/form-errors.js'
import { Breadcrumb } from '../ui/breadcrumb.js'
import { ErrorSummary, Field } from '../ui/form.js'
import { DataTable, dayWords, percent } from './dashboard-charts.js'

export interface ReportValues { from: string; to: string; cohortId: string; programmeId: string }

const enc = encodeURIComponent

export function reportQuery(values: ReportValues): string {
  const params = new URLSearchParams({ from: values.from, to: values.to })
  if (values.cohortId) params.set('cohortId', values.cohortId)
  if (values.programmeId) params.set('programmeId', values.programmeId)
  return params.toString()
}

const figures = (a: { learners: number; learnersAttaining: number; share: number; credentialsEarned: number }) => [a.learners, a.learnersAttaining, percent(a.share), a.credentialsEarned]
const FIGURE_HEAD = ['Learners', 'Learners attaining', 'Share attaining', 'Credentials earned']

export function ReportsView({ schoolId, values, errors, cohorts, programmes, report }: {
  schoolId: string
  values: ReportValues
  errors: FormErrors
  cohorts: readonly ScopeCohort[]
  programmes: readonly { id: string; title: string; cipCode: string }[]
  report: AttainmentReport | null
}) {
  const api = `/api/v1/schools/${enc(schoolId)}/reports/attainment`
  return (
    <>
      <Breadcrumb trail={[{ text: 'Schools', href: '/schools' }, { text: 'School', href: `/schools/${enc(schoolId)}` }, { text: 'Reports' }]} />
      <h1>Credential attainment</h1>
      <p className="lead">How many learners of each cohort and programme earned a credential between two dates (both included). No learner is named.</p>
      <ErrorSummary form="report" errors={errors} labels={{ from: 'From', to: 'To' }} />
      <form method="get" action={`/schools/${enc(schoolId)}/reports`} className="search-form" noValidate>
        <Field form="report" name="from" label="From" type="date" value={values.from} errors={errors} />
        <Field form="report" name="to" label="To" type="date" value={values.to} errors={errors} hint="At most five years after From." />
        <div className="form-field">
          <label htmlFor="report-cohortId">Cohort</label>
          <select id="report-cohortId" name="cohortId" defaultValue={values.cohortId}>
            <option value="">All cohorts you can see</option>
            {cohorts.map((c) => <option key={c.id} value={c.id}>{c.name}{c.archivedAt ? ' (archived)' : ''}</option>)}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="report-programmeId">Programme</label>
          <select id="report-programmeId" name="programmeId" defaultValue={values.programmeId}>
            <option value="">All programmes</option>
            {programmes.map((p) => <option key={p.id} value={p.id}>{p.title} (CIP {p.cipCode})</option>)}
          </select>
        </div>
        <button type="submit">Show the report</button>
      </form>
      {report ? <ReportTables report={report} downloads={{ csv: `${api}.csv?${reportQuery(values)}`, xlsx: `${api}.xlsx?${reportQuery(values)}` }} /> : null}
    </>
  )
}

function ReportTables({ report, downloads }: { report: AttainmentReport; downloads: { csv: string; xlsx: string } }) {
  const range = `${dayWords(report.from)} to ${dayWords(report.to)}`
  return (
    <>
      <section aria-labelledby="report-summary-heading" className="page-section">
        <h2 id="report-summary-heading">From {range}</h2>
        <p>
          {report.totals.learnersAttaining} of {report.totals.learners} learners in {report.totals.cohorts} {report.totals.cohorts === 1 ? 'cohort' : 'cohorts'} earned at least one credential ({percent(report.totals.share)}); {report.totals.credentialsEarned} credentials were earned.
        </p>
        <ul className="inline-links">
          <li><a href={downloads.csv} download>Download as CSV</a></li>
          <li><a href={downloads.xlsx} download>Download as XLSX (Excel)</a></li>
        </ul>
      </section>
      <section aria-labelledby="report-cohorts-heading" className="page-section">
        <h2 id="report-cohorts-heading">Per cohort</h2>
        {report.cohorts.length === 0 ? <p>No cohort matches.</p> : (
          <DataTable
            caption={`Credential attainment per cohort, ${range}`}
            head={['Cohort', 'Programme', 'Status', ...FIGURE_HEAD]}
            rows={[
              ...report.cohorts.map((c) => [c.name, c.programme?.title ?? 'none', c.archived ? 'archived' : 'active', ...figures(c)]),
              ['All cohorts', '', '', ...figures(report.totals)],
            ]}
          />
        )}
      </section>
      <section aria-labelledby="report-programmes-heading" className="page-section">
        <h2 id="report-programmes-heading">Per programme</h2>
        {report.programmes.length === 0 ? <p>No cohort in this report belongs to a programme.</p> : (
          <DataTable
            caption={`Credential attainment per programme, ${range}`}
            head={['Programme', 'CIP code', 'Cohorts', ...FIGURE_HEAD]}
            rows={report.programmes.map((p) => [p.title, p.cipCode, p.cohorts, ...figures(p)])}
          />
        )}
      </section>
      <section aria-labelledby="report-credentials-heading" className="page-section">
        <h2 id="report-credentials-heading">Per credential</h2>
        {report.credentials.length === 0 ? <p>No credential was earned in this range.</p> : (
          <DataTable
            caption={`Credentials earned, ${range}`}
            head={['Credential', 'Kind', 'Type', 'Provider', 'Learners']}
            rows={report.credentials.map((c) => [c.title, c.kind === 'local' ? 'local (school)' : 'catalog', c.type, c.provider, c.learners])}
          />
        )}
      </section>
    </>
  )
}

/**
 * Programme alignment markup: the school's programmes with the add-by-CIP form, the thresholds (a form
 * for school admins, read-only for educators) and the report downloads; one programme's occupations
 * with their national figures, the flags as text badges and the evidence behind each flag in words.
 * Tables scroll inside their own region on a phone; no script is needed.
 */
import type { SchoolView } from '../../server/modules/access/index.js'
import { EDUCATION_LEVELS, educationLabel, flagWords, formatPercent, ordinal, periodWords, type Flag } from '../../server/modules/educators/alignment-rules.js'
import type { DataStatus, OccupationView, ProgrammeDetail, ProgrammeView, ThresholdsView } from '../../server/modules/educators/programmes.service.js'
import type { Source } from '../../shared/schemas.js'
import type { FormErrors } from '../forms/form-errors.js'
import { careerHref } from '../links.js'
import { DatasetNote } from '../ui/dataset-note.js'
import { ButtonForm, CsrfField, ErrorSummary, Field, fieldId, Notice } from '../ui/form.js'
import { Facts, When } from '../account/display.js'

export const programmesHref = (schoolId: string, rest = ''): string => `/schools/${encodeURIComponent(schoolId)}/programmes${rest}`

const NOTICES: Record<string, string> = {
  added: 'The programme has been added.',
  removed: 'The programme has been removed.',
  thresholds: 'The thresholds have been saved. Every flag below uses them.',
}

const usd = (n: number): string => `$${Math.round(n).toLocaleString('en-US')}`
const count = (n: number): string => Math.round(n).toLocaleString('en-US')

function DataMissing({ data }: { data: DataStatus }) {
  if (!data.message) return null
  return (
    <div className="notice" role="note">
      <p><strong>{data.crosswalkImported ? 'Some figures are missing.' : 'Programmes cannot be linked to occupations yet.'}</strong></p>
      {!data.crosswalkImported ? (
        <p>
          The CIP–SOC crosswalk (NCES) is not imported on this installation, so no programme shows the occupations it leads to. An operator imports it
          with <code>npx pathways import cip-soc &lt;folder&gt;</code>, the folder holding <code>CIP2020_SOC2018_Crosswalk.csv</code> (and
          <code> CIPCode2020.csv</code> for the official titles).
        </p>
      ) : null}
      {!data.wagesImported ? <p>BLS OEWS national wages are not imported (<code>npx pathways import bls-oews &lt;folder&gt;</code>): no wages or high-wage flags.</p> : null}
      {!data.projectionsImported ? <p>BLS Employment Projections are not imported (<code>npx pathways import bls-projections &lt;folder&gt;</code>): no growth, openings, education or in-demand and high-skill flags.</p> : null}
    </div>
  )
}

const FLAG_NAMES = { highWage: 'High-wage', highSkill: 'High-skill', inDemand: 'In-demand' } as const
type FlagName = keyof typeof FLAG_NAMES

function FlagBadge({ name, flag }: { name: FlagName; flag: Flag }) {
  const label = FLAG_NAMES[name]
  if (flag.value === null) return <span className="badge badge-warn">{label}: unknown</span>
  return flag.value ? <span className="badge badge-demand">{label}: yes</span> : <span className="badge">{label}: no</span>
}

function FlagBadges({ o }: { o: Pick<OccupationView, 'flags'> }) {
  return (
    <>
      {(Object.keys(FLAG_NAMES) as FlagName[]).map((name) => <p key={name} className="badge-line"><FlagBadge name={name} flag={o.flags[name]} /></p>)}
    </>
  )
}

/** The rules in words, with the school's numbers. */
function Rules({ t }: { t: ThresholdsView }) {
  return (
    <ul>
      <li><strong>High-wage</strong>: the national median annual wage is at or above the {ordinal(t.wagePercentile)} percentile of all occupations’ national medians (BLS OEWS).</li>
      <li><strong>In-demand</strong>: projected employment change of at least {formatPercent(t.growthPercent)} over the projection decade, {t.inDemandRule === 'both' ? 'and' : 'or'} at least {count(t.annualOpenings)} openings a year nationally (BLS Employment Projections){t.inDemandRule === 'both' ? ': both must be met' : ''}.</li>
      <li><strong>High-skill</strong>: the typical education needed for entry is at least “{educationLabel(t.educationLevel)}” (BLS categories, from no formal credential up to a doctoral or professional degree).</li>
      <li>A flag is <strong>unknown</strong> when BLS publishes no figure for the occupation; the evidence says which.</li>
    </ul>
  )
}

function NumberField(props: { name: string; label: string; hint: string; value: string; errors: FormErrors; min: number; max: number }) {
  const id = fieldId('thresholds', props.name)
  const error = props.errors.fields[props.name]
  return (
    <div className={error ? 'form-field has-error' : 'form-field'}>
      <label htmlFor={id}>{props.label}</label>
      <p id={`${id}-hint`} className="field-hint">{props.hint}</p>
      {error ? <p id={`${id}-error`} className="field-error"><span className="visually-hidden">Error: </span>{error}</p> : null}
      <input id={id} name={props.name} type="number" step="any" min={props.min} max={props.max} required defaultValue={props.value} inputMode="decimal"
        aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`} {...(error ? { 'aria-invalid': true } : {})} />
    </div>
  )
}

function ThresholdsSection({ school, t, canConfigure, values, errors, csrf }: { school: SchoolView; t: ThresholdsView; canConfigure: boolean; values: Record<string, string>; errors: FormErrors; csrf?: string | undefined }) {
  const value = (name: string, fallback: number | string): string => values[name] ?? String(fallback)
  return (
    <section aria-labelledby="thresholds-heading">
      <h2 id="thresholds-heading">Thresholds for the flags</h2>
      <p>
        {t.configured ? <>Set by the school{t.updatedAt ? <> on <When iso={t.updatedAt} /></> : null}.</> : 'The school has not set its own thresholds: these are the defaults.'}
      </p>
      <Rules t={t} />
      {!t.configured ? (
        <details>
          <summary>How the defaults were chosen</summary>
          <ul>{t.defaultsExplained.map((line) => <li key={line}>{line}</li>)}</ul>
        </details>
      ) : null}
      {canConfigure ? (
        <>
          <ErrorSummary form="thresholds" errors={errors} labels={{ wagePercentile: 'Wage percentile', growthPercent: 'Employment change', annualOpenings: 'Annual openings', inDemandRule: 'In-demand when', educationLevel: 'Entry education' }} />
          <form method="post" action={programmesHref(school.id, '/thresholds')} className="stack-form" noValidate>
            <CsrfField token={csrf} />
            <NumberField name="wagePercentile" label="High-wage: wage percentile (0–100)" hint="The occupation’s median must be at or above this percentile of all occupations’ medians." value={value('wagePercentile', t.wagePercentile)} errors={errors} min={0} max={100} />
            <NumberField name="growthPercent" label="In-demand: projected employment change, % (−100 to 1000)" hint="At or above this change over the projection decade…" value={value('growthPercent', t.growthPercent)} errors={errors} min={-100} max={1000} />
            <NumberField name="annualOpenings" label="In-demand: annual openings (0 or more)" hint="…or at least this many openings a year nationally." value={value('annualOpenings', t.annualOpenings)} errors={errors} min={0} max={100_000_000} />
            <fieldset className={errors.fields.inDemandRule ? 'form-field has-error' : 'form-field'}>
              <legend>In-demand when</legend>
              {errors.fields.inDemandRule ? <p id="thresholds-inDemandRule-error" className="field-error"><span className="visually-hidden">Error: </span>{errors.fields.inDemandRule}</p> : null}
              {([['either', 'either figure meets its threshold (growth or openings)'], ['both', 'both figures meet their thresholds']] as const).map(([rule, words]) => (
                <div key={rule} className="check-field">
                  <input type="radio" id={fieldId('thresholds', `inDemandRule-${rule}`)} name="inDemandRule" value={rule} defaultChecked={value('inDemandRule', t.inDemandRule) === rule} />
                  <label htmlFor={fieldId('thresholds', `inDemandRule-${rule}`)}>{words}</label>
                </div>
              ))}
            </fieldset>
            <div className={errors.fields.educationLevel ? 'form-field has-error' : 'form-field'}>
              <label htmlFor={fieldId('thresholds', 'educationLevel')}>High-skill: typical entry education at least</label>
              {errors.fields.educationLevel ? <p id="thresholds-educationLevel-error" className="field-error"><span className="visually-hidden">Error: </span>{errors.fields.educationLevel}</p> : null}
              <select id={fieldId('thresholds', 'educationLevel')} name="educationLevel" defaultValue={value('educationLevel', t.educationLevel)}>
                {EDUCATION_LEVELS.map((level) => <option key={level} value={level}>{educationLabel(level)}</option>)}
              </select>
            </div>
            <button type="submit">Save thresholds</button>
          </form>
        </>
      ) : (
        <p>Only the school’s administrators can change the thresholds.</p>
      )}
    </section>
  )
}

export interface ProgrammesListProps {
  school: SchoolView
  programmes: readonly ProgrammeView[]
  /** Per programme id: how many of its occupations carry each flag. */
  summaries: ReadonlyMap<string, { total: number; highWage: number; highSkill: number; inDemand: number }>
  data: DataStatus
  thresholds: ThresholdsView
  canManage: boolean
  canConfigure: boolean
  values: Record<string, string>
  errors: FormErrors
  thresholdValues: Record<string, string>
  thresholdErrors: FormErrors
  candidates: readonly { cipCode: string; title: string }[]
  sources: readonly Source[]
  csrf?: string | undefined
  done?: string | undefined
}

export function ProgrammesListView(p: ProgrammesListProps) {
  const { school, programmes, summaries, data, canManage, csrf } = p
  const message = p.done ? NOTICES[p.done] : undefined
  return (
    <>
      <h1>Programmes of {school.name}</h1>
      <p className="lead">Each programme of study, by its CIP 2020 code, leads to occupations (the NCES CIP–SOC crosswalk). For each occupation Pathways shows national U.S. wages and projections and whether it is high-wage, high-skill or in-demand by the thresholds below.</p>
      <p><a href={`/schools/${encodeURIComponent(school.id)}`}>Back to {school.name}</a></p>
      {message ? <Notice>{message}</Notice> : null}
      <DataMissing data={data} />
      {programmes.length === 0 ? <p>The school lists no programmes yet.</p> : (
        <div className="table-scroll" role="region" aria-labelledby="programmes-caption" tabIndex={0}>
          <table>
            <caption id="programmes-caption">The school’s programmes</caption>
            <thead>
              <tr>
                <th scope="col">Programme</th>
                <th scope="col">CIP code</th>
                <th scope="col">Occupations</th>
                <th scope="col">Flagged occupations</th>
                {canManage ? <th scope="col">Remove</th> : null}
              </tr>
            </thead>
            <tbody>
              {programmes.map((programme) => {
                const s = summaries.get(programme.id)
                return (
                  <tr key={programme.id}>
                    <th scope="row">
                      <a href={programmesHref(school.id, `/${encodeURIComponent(programme.id)}`)}>{programme.title}</a>
                      {programme.cipTitle && programme.cipTitle !== programme.title ? <><br /><span className="field-hint">{programme.cipTitle}</span></> : null}
                    </th>
                    <td>{programme.cipCode}</td>
                    <td className="figure-cell">{programme.occupationCount === null ? 'Crosswalk not imported' : count(programme.occupationCount)}</td>
                    <td>{s && s.total > 0 ? `${s.highWage} high-wage, ${s.highSkill} high-skill, ${s.inDemand} in-demand` : '—'}</td>
                    {canManage ? (
                      <td>
                        <ButtonForm action={programmesHref(school.id, `/${encodeURIComponent(programme.id)}/remove`)} csrf={csrf} label={`Remove ${programme.title}`} />
                      </td>
                    ) : null}
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      <h2>Download the alignment report</h2>
      <p>One row per programme and occupation, with every figure, flag and the evidence in words.</p>
      <ul>
        <li><a href={programmesHref(school.id, '/alignment.csv')} download>Alignment report (CSV)</a></li>
        <li><a href={programmesHref(school.id, '/alignment.xlsx')} download>Alignment report (Excel workbook, with the thresholds on a second sheet)</a></li>
      </ul>
      {canManage ? (
        <section aria-labelledby="add-heading">
          <h2 id="add-heading">Add a programme</h2>
          <ErrorSummary form="programme" errors={p.errors} labels={{ cipCode: 'CIP code', title: 'Title' }} />
          {p.candidates.length > 0 ? (
            <>
              <p id="cip-candidates">Codes that match what you typed — enter one of them:</p>
              <ul aria-labelledby="cip-candidates">{p.candidates.map((c) => <li key={c.cipCode}><strong>{c.cipCode}</strong> {c.title}</li>)}</ul>
            </>
          ) : null}
          <form method="post" action={programmesHref(school.id)} className="stack-form" noValidate>
            <CsrfField token={csrf} />
            <Field form="programme" name="cipCode" label="CIP 2020 code" hint="Six digits, for example 11.0201 (also accepted: 110201), or words of the programme’s title to look its code up." errors={p.errors} value={p.values.cipCode} maxLength={100} />
            <Field form="programme" name="title" label="Title (optional)" hint="How the school names the programme; by default the official CIP title." errors={p.errors} value={p.values.title} required={false} maxLength={200} />
            <button type="submit">Add programme</button>
          </form>
        </section>
      ) : null}
      <ThresholdsSection school={school} t={p.thresholds} canConfigure={p.canConfigure} values={p.thresholdValues} errors={p.thresholdErrors} csrf={csrf} />
      <DatasetNote sources={p.sources} />
    </>
  )
}

function SourceLine({ o }: { o: OccupationView }) {
  const parts = [
    o.medianAnnualWage ? `wage: ${o.medianAnnualWage.source.title}, ${periodWords(o.medianAnnualWage.source.period)}` : null,
    o.employmentChangePercent || o.annualOpenings ? `projections: ${(o.employmentChangePercent ?? o.annualOpenings)!.source.title}` : null,
  ].filter(Boolean)
  return parts.length > 0 ? <p className="field-hint">Sources — {parts.join('; ')}.</p> : null
}

export function ProgrammeView({ school, detail, sources }: { school: SchoolView; detail: ProgrammeDetail; sources: readonly Source[] }) {
  const { programme, occupations, thresholds: t } = detail
  return (
    <>
      <h1>{programme.title}</h1>
      <p><a href={programmesHref(school.id)}>All programmes of {school.name}</a></p>
      <Facts items={[
        ['CIP 2020 code', programme.cipCode],
        ['CIP title', programme.cipTitle ?? 'Not in the imported crosswalk'],
        ['Occupations', programme.occupationCount === null ? 'Crosswalk not imported' : count(programme.occupationCount)],
        ['Thresholds', t.configured ? 'Set by the school' : 'Defaults'],
      ]} />
      <DataMissing data={detail.data} />
      <h2>How the flags are decided</h2>
      <Rules t={t} />
      {occupations.length === 0 ? (
        <p>{detail.data.crosswalkImported ? 'The CIP–SOC crosswalk links this programme to no occupation.' : 'No occupations can be shown until the CIP–SOC crosswalk is imported.'}</p>
      ) : (
        <>
          <h2>Occupations this programme leads to</h2>
          <div className="table-scroll" role="region" aria-labelledby="occupations-caption" tabIndex={0}>
            <table className="wide-table">
              <caption id="occupations-caption">Occupations of {programme.title} (CIP {programme.cipCode}), national figures</caption>
              <thead>
                <tr>
                  <th scope="col">Occupation</th>
                  <th scope="col">Median annual wage</th>
                  <th scope="col">Employment change</th>
                  <th scope="col">Openings a year</th>
                  <th scope="col">Typical entry education</th>
                  <th scope="col">Flags</th>
                </tr>
              </thead>
              <tbody>
                {occupations.map((o) => (
                  <tr key={o.socCode}>
                    <th scope="row">
                      <a href={`#occupation-${o.socCode}`}>{o.title ?? `SOC ${o.socCode}`}</a>
                      {o.title ? <><br /><span className="field-hint">SOC {o.socCode}</span></> : null}
                    </th>
                    {o.medianAnnualWage ? (
                      <td className="figure-cell">
                        {o.medianAnnualWage.topCoded ? 'at least ' : ''}{usd(o.medianAnnualWage.value)}{o.wagePercentile !== null ? <><br />{ordinal(o.wagePercentile)} percentile</> : null}
                      </td>
                    ) : <td>Not published</td>}
                    {o.employmentChangePercent ? <td className="figure-cell">{formatPercent(o.employmentChangePercent.value)}{o.projectionPeriod ? `, ${o.projectionPeriod}` : ''}</td> : <td>Not published</td>}
                    {o.annualOpenings ? <td className="figure-cell">{count(o.annualOpenings.value)}</td> : <td>Not published</td>}
                    <td>{o.entryEducation?.label ?? 'Not published'}</td>
                    <td><FlagBadges o={o} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>Evidence for each occupation</h2>
          <ul className="item-cards">
            {occupations.map((o) => (
              <li key={o.socCode} className="item-card" id={`occupation-${o.socCode}`}>
                <h3 className="item-card-title">{o.title ? <>{o.title} <span className="field-hint">(SOC {o.socCode})</span></> : `SOC ${o.socCode}`}</h3>
                {o.careers.length > 0 ? (
                  <p>Careers in Pathways: {o.careers.map((c, i) => <span key={c.slug}>{i > 0 ? ', ' : ''}<a href={careerHref(c.slug)}>{c.title}</a></span>)}</p>
                ) : <p>No Pathways career carries this code yet.</p>}
                <ul>
                  {(Object.keys(FLAG_NAMES) as FlagName[]).map((name) => {
                    const flag = o.flags[name]
                    return (
                      <li key={name}>
                        <FlagBadge name={name} flag={flag} /> {flagWords(flag)}
                      </li>
                    )
                  })}
                </ul>
                <SourceLine o={o} />
              </li>
            ))}
          </ul>
        </>
      )}
      <DatasetNote sources={sources} />
    </>
  )
}

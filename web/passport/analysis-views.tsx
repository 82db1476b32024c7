/**
 * The passport's analysis pages: the gap to one career (coverage, chart and table, what teaches each
 * missing skill) and careers ranked by fit with filters in a GET form. Markup only; the routes fetch
 * the analysis service's answers.
 */
import type { GapAnswer, MatchAnswer } from '../../server/modules/analysis/analysis.schema.js'
import type { CareerRef, Source } from '../../shared/schemas.js'
import { displayTitle } from '../format.js'
import { careerHref, withQuery } from '../links.js'
import { DatasetNote } from '../ui/dataset-note.js'
import type { GapRow } from './gap-chart.js'
import { GapChartFigure, GapTable, levelWords } from './gap-chart-svg.js'
import { MatchList, pct } from './match-list.js'
import { PassportNav } from './passport-nav.js'
import { hoursWords, itemHref } from './plan-timeline.js'

/** A GET form choosing one of the careers. */
export function CareerChooser({ action, careers, current, label }: { action: string; careers: readonly CareerRef[]; current: string | undefined; label: string }) {
  if (careers.length < 2) return null
  return (
    <form method="get" action={action} className="inline-form">
      <label htmlFor="choose-career">{label}</label>
      <select id="choose-career" name="career" defaultValue={current}>
        {careers.map((c) => <option key={c.slug} value={c.slug}>{displayTitle(c.title)}</option>)}
      </select>
      <button type="submit">Show</button>
    </form>
  )
}

export const gapRows = (gap: Pick<GapAnswer, 'met' | 'gaps'>): GapRow[] => [
  ...gap.met.map((m) => ({ skill: m.skill, name: m.name, weight: m.weight, have: m.have, required: m.required })),
  ...gap.gaps.map((g) => ({ skill: g.skill, name: g.name, weight: g.weight, have: g.have, required: g.required })),
]

function Unresolved({ reading }: { reading: GapAnswer['passport'] }) {
  const unknown = reading.credentials.filter((c) => !c.known)
  if (reading.unresolved.length === 0 && unknown.length === 0) return null
  return (
    <div className="notice">
      <p>Some entries of your passport are no longer in the catalog and count for nothing: {[...reading.unresolved.map((u) => u.skill), ...unknown.map((c) => c.credential)].join(', ')}.</p>
    </div>
  )
}

function WhatTeaches({ gaps }: { gaps: GapAnswer['gaps'] }) {
  if (gaps.length === 0) return <p>You meet every skill this career needs.</p>
  return (
    <ul className="item-cards">
      {gaps.map((g) => (
        <li key={g.skill} className="item-card">
          <h3 className="item-card-title">{g.name}</h3>
          <p className="item-meta">Weight {Math.round(g.weight * 100)}% · you have {levelWords(g.have)}, needed {levelWords(g.required)} · closing it adds {pct(g.shortfall)} of the career</p>
          {g.teachers.length === 0 ? <p>Nothing in the catalog teaches it yet.</p> : (
            <>
              <p>What teaches it:</p>
              <ul className="plain-list">
                {g.teachers.map((t) => (
                  <li key={t.id}>
                    <a href={itemHref(t)}>{t.title}</a> — {t.type === 'credential' ? 'credential' : 'course or reading'}, {t.level}, reaches {levelWords(t.reach)}, about {hoursWords(t.hours)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ul>
  )
}

export interface GapsViewProps {
  gap: GapAnswer | null
  careers: readonly CareerRef[]
  sources: readonly Source[]
}

export function GapsView({ gap, careers, sources }: GapsViewProps) {
  if (!gap) {
    return (
      <>
        <h1>Your gaps</h1>
        <PassportNav current="/passport/gaps" />
        <p>Choose a target career in <a href="/passport#targets">your passport</a>, or pick one from <a href="/passport/matches">your matches</a>, to see what you still need for it.</p>
      </>
    )
  }
  const title = displayTitle(gap.career.title)
  const rows = gapRows(gap)
  return (
    <>
      <h1>Your gap to {title}</h1>
      <PassportNav current="/passport/gaps" />
      <CareerChooser action="/passport/gaps" careers={careers} current={gap.career.slug} label="Career" />
      <p className="lead">
        {gap.coverage === null ? `There is no skill data for ${title}, so no gap can be worked out.` : `You cover ${pct(gap.coverage)} of what ${title} needs.`}
        {' '}<a href={careerHref(gap.career.slug)}>About this career</a>
      </p>
      <Unresolved reading={gap.passport} />
      {rows.length > 0 ? (
        <section aria-labelledby="levels-heading">
          <h2 id="levels-heading">Your levels and what is needed</h2>
          <GapChartFigure id="gap-chart" careerTitle={title} rows={rows} />
          <GapTable rows={rows} caption={`Every skill ${title} needs, most important first`} />
        </section>
      ) : null}
      <section aria-labelledby="to-learn-heading">
        <h2 id="to-learn-heading">What to learn</h2>
        <WhatTeaches gaps={gap.gaps} />
        {gap.gaps.length > 0 ? <p><a className="button-link" href={withQuery('/passport/plans', { career: gap.career.slug })}>Make a plan for {title}</a></p> : null}
      </section>
      <DatasetNote sources={sources} />
    </>
  )
}

export interface MatchFilterValues {
  maxEducation?: string
  minPay?: string
  minGrowthPercent?: string
  origin?: string
}

const EDUCATION: readonly [string, string][] = [
  ['', 'Any'], ['none', 'No formal credential'], ['high-school', 'High school diploma'], ['some-college', 'Some college'],
  ['postsecondary-award', 'Postsecondary award'], ['associate', "Associate's degree"], ['bachelor', "Bachelor's degree"], ['master', "Master's degree"], ['doctoral', 'Doctoral degree'],
]
const ORIGINS: readonly [string, string][] = [['', 'All careers'], ['catalog', 'Curated pathways'], ['onet', 'O*NET (US)'], ['esco', 'ESCO (EU)']]

function Select({ id, name, label, options, value }: { id: string; name: string; label: string; options: readonly [string, string][]; value: string | undefined }) {
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''}>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </div>
  )
}

export function MatchFilters({ values, problems }: { values: MatchFilterValues; problems: readonly string[] }) {
  return (
    <form method="get" action="/passport/matches" className="stack-form filter-form">
      {problems.length > 0 ? <div className="error-summary" role="alert"><ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul></div> : null}
      <Select id="match-maxEducation" name="maxEducation" label="Education needed to start, at most" options={EDUCATION} value={values.maxEducation} />
      <div className="form-field">
        <label htmlFor="match-minPay">Median pay at least (USD a year)</label>
        <input id="match-minPay" name="minPay" type="number" min={0} step={1000} inputMode="numeric" defaultValue={values.minPay ?? ''} />
      </div>
      <div className="form-field">
        <label htmlFor="match-minGrowthPercent">Job growth at least (%)</label>
        <input id="match-minGrowthPercent" name="minGrowthPercent" type="number" min={-100} max={1000} step={1} defaultValue={values.minGrowthPercent ?? ''} />
      </div>
      <Select id="match-origin" name="origin" label="Which careers" options={ORIGINS} value={values.origin} />
      <button type="submit">Show matches</button>
    </form>
  )
}

export interface MatchesViewProps {
  answer: MatchAnswer | null
  values: MatchFilterValues
  problems: readonly string[]
  offset: number
  limit: number
  sources: readonly Source[]
}

export function MatchesView({ answer, values, problems, offset, limit, sources }: MatchesViewProps) {
  const page = (o: number) => withQuery('/passport/matches', { ...values, offset: o === 0 ? null : o })
  return (
    <>
      <h1>Careers that match your skills</h1>
      <PassportNav current="/passport/matches" />
      <p className="lead">Fit weighs how much of a career you cover against how much of your passport it uses. Pay, growth and education are national U.S. figures (BLS), so the filters leave out careers without them.</p>
      <MatchFilters values={values} problems={problems} />
      {answer ? (
        <section aria-labelledby="matches-heading">
          <h2 id="matches-heading">{answer.total} career{answer.total === 1 ? '' : 's'} ranked{answer.filteredOut > 0 ? ` (${answer.filteredOut} left out by the filters)` : ''}</h2>
          {answer.passport.skills.length === 0 ? <p>Add skills to <a href="/passport">your passport</a> first: with none, every career fits equally little.</p> : null}
          <MatchList items={answer.items} start={offset + 1} />
          {offset > 0 || offset + limit < answer.total ? (
            <nav aria-label="Pages of matches" className="pagination">
              <ul>
                {offset > 0 ? <li><a href={page(Math.max(0, offset - limit))}>Previous {limit}</a></li> : null}
                {offset + limit < answer.total ? <li><a href={page(offset + limit)}>Next {limit}</a></li> : null}
              </ul>
            </nav>
          ) : null}
        </section>
      ) : null}
      <DatasetNote sources={sources} />
    </>
  )
}

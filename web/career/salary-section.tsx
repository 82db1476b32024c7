/**
 * The salary panel: every national figure side by side with what it measures and why it differs
 * from the reference, the official spread of pay (percentiles), then pay by city and by
 * specialisation. Learners see that "$171,776" and "$131,450" are both true and measure different
 * things, rather than one blended number.
 */
import type { CareerProfile, Fact } from '../../shared/schemas.js'
import { salarySourcesChart } from '../charts/career-charts.js'
import { scopeLabel, scopeRelationWords, statisticWords, whenWords } from '../format.js'
import { Section, TableRegion } from '../ui/blocks.js'
import { ChartFigure } from '../ui/chart-figure.js'
import { FigureNotes } from '../ui/figure-notes.js'
import { FigureSource } from '../ui/sources.js'
import { CityPay, SpecialisationPay } from './city-pay.js'
import { PayDistributions } from './pay-distributions.js'
import { SECTIONS } from './section-list.js'

function ReferenceIntro({ reference }: { reference: Fact | null }) {
  if (!reference) return null
  return (
    <p>
      Sources disagree about pay because they measure different things: a median or an average, this exact role or a
      whole official occupation, one year or another, one country or one city. To keep them comparable, each figure is
      set against one <strong>reference figure</strong>: {reference.display}, the {statisticWords(reference.statistic).toLowerCase()}{' '}
      for {scopeLabel(reference.scope)} in {reference.place.name} ({whenWords(reference)}) from {reference.source.publisher}.
    </p>
  )
}

function NationalTable({ profile }: { profile: CareerProfile }) {
  const { rows, reference } = profile.salaryPanel
  return (
    <TableRegion label="National salary figures by source">
      <table className="wide-table">
        <caption>National salary figures, side by side</caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">Statistic</th>
            <th scope="col">Occupation scope (as the source defines it)</th>
            <th scope="col">Period</th>
            <th scope="col">Place</th>
            <th scope="col">Currency</th>
            <th scope="col">Source</th>
            <th scope="col" className="col-wide">Why it differs from the reference</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ fact, explanation }) => (
            <tr key={fact.id} className={fact.id === reference?.id ? 'reference-row' : undefined}>
              <th scope="row" className="figure-cell">
                {fact.display}
                {fact.id === reference?.id ? <span className="badge">Reference</span> : null}
              </th>
              <td>{statisticWords(fact.statistic)}</td>
              <td>
                {scopeLabel(fact.scope)}
                <span className="cell-note"> Covers {scopeRelationWords(fact.scope.relation)}.</span>
              </td>
              <td>{whenWords(fact)}</td>
              <td>{fact.place.name}</td>
              <td>{fact.currency ?? 'none stated'}</td>
              <td>
                <FigureSource fact={fact} withNote={false} />
              </td>
              <td>{explanation}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  )
}

export function SalarySection({ profile }: { profile: CareerProfile }) {
  const panel = profile.salaryPanel
  if (!SECTIONS.pay.has(profile)) return null
  return (
    <Section info={SECTIONS.pay}>
      <ReferenceIntro reference={panel.reference} />
      {panel.rows.length > 0 ? (
        <>
          <h3 id="pay-national">National figures from each source</h3>
          <ChartFigure
            id="chart-salary-sources"
            spec={salarySourcesChart(panel)}
            money
            caption="Bars show each national figure in US dollars a year; a bar that starts part-way along is a range from its low to its high end. The reference figure is drawn in a darker orange."
          />
          <NationalTable profile={profile} />
          <FigureNotes facts={panel.rows.map((r) => r.fact)} title="About each figure" name={(f) => `${f.source.publisher}, ${whenWords(f)}`} />
        </>
      ) : null}
      <PayDistributions distributions={panel.distributions} />
      <CityPay cities={panel.cities} />
      <SpecialisationPay ranges={panel.ranges} profile={profile} />
    </Section>
  )
}

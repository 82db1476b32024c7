/**
 * Pay by city (local amount, US-dollar amount and the exchange rate used) and pay ranges by
 * specialisation. City figures are converted only to put them on one chart; the local amount is
 * what the source printed and stays first.
 */
import type { CareerProfile, Fact } from '../../shared/schemas.js'
import { annualUsdSpan, citySalaryChart } from '../charts/career-charts.js'
import { formatUsd, statisticWords, whenWords } from '../format.js'
import { TableRegion } from '../ui/blocks.js'
import { ChartFigure } from '../ui/chart-figure.js'
import { FigureNotes } from '../ui/figure-notes.js'
import { FigureSource } from '../ui/sources.js'

function UsdCell({ fact }: { fact: Fact }) {
  const span = annualUsdSpan(fact)
  if (!span) return <>not converted</>
  return <>{span.low === span.high ? formatUsd(span.high) : `${formatUsd(span.low)}–${formatUsd(span.high)}`}</>
}

function RateCell({ fact }: { fact: Fact }) {
  if (fact.currency === 'USD') return <>none needed</>
  if (!fact.usd) return <>no rate on file</>
  return (
    <>
      {fact.usd.rate} {fact.currency} = $1
      <span className="cell-note">
        {fact.usd.ratePeriod} average, {fact.usd.rateSource.publisher}
      </span>
    </>
  )
}

export function CityPay({ cities }: { cities: readonly Fact[] }) {
  if (cities.length === 0) return null
  const rateSources = [...new Set(cities.flatMap((f) => (f.usd ? [f.usd.rateSource.publisher] : [])))]
  return (
    <>
      <h3 id="pay-cities">Pay by city</h3>
      <p>
        These are the figures each source gives for single cities. To draw them on one scale they are converted to US
        dollars at a stated yearly average exchange rate{rateSources.length > 0 ? ` (${rateSources.join(', ')})` : ''}.
        Conversion does not account for living costs, which differ widely between these cities.
      </p>
      <ChartFigure
        id="chart-salary-cities"
        spec={citySalaryChart(cities)}
        money
        caption="Bars show each city's figure in US dollars a year; labels give the amount in the local currency."
      />
      <TableRegion label="Salary by city">
        <table className="wide-table">
          <caption>Salary by city, in the local currency and in US dollars</caption>
          <thead>
            <tr>
              <th scope="col">City</th>
              <th scope="col">Local amount</th>
              <th scope="col">In US dollars</th>
              <th scope="col">Exchange rate used</th>
              <th scope="col">Statistic</th>
              <th scope="col">Period</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {cities.map((fact) => (
              <tr key={fact.id}>
                <th scope="row">{fact.place.name}</th>
                <td className="figure-cell">{fact.display}</td>
                <td className="figure-cell">
                  <UsdCell fact={fact} />
                </td>
                <td>
                  <RateCell fact={fact} />
                </td>
                <td>{statisticWords(fact.statistic)}</td>
                <td>{whenWords(fact)}</td>
                <td>
                  <FigureSource fact={fact} withNote={false} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <FigureNotes facts={cities} title="Notes on the city figures" name={(f) => f.place.name} collapsed />
    </>
  )
}

export function SpecialisationPay({ ranges, profile }: { ranges: readonly Fact[]; profile: CareerProfile }) {
  if (ranges.length === 0) return null
  const titles = new Map(profile.specialisations.map((s) => [s.id, s.title]))
  return (
    <>
      <h3 id="pay-specialisations">Pay by specialisation</h3>
      <TableRegion label="Salary ranges by specialisation">
        <table>
          <caption>Salary ranges for specialisation tracks</caption>
          <thead>
            <tr>
              <th scope="col">Specialisation</th>
              <th scope="col">Range</th>
              <th scope="col">Place and period</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {ranges.map((fact) => (
              <tr key={fact.id}>
                <th scope="row">{(fact.subject && titles.get(fact.subject)) ?? fact.scope.label}</th>
                <td className="figure-cell">{fact.display}</td>
                <td>
                  {fact.place.name}, {whenWords(fact)}
                  {fact.statistic !== 'range' ? <span className="cell-note"> {statisticWords(fact.statistic)}.</span> : null}
                </td>
                <td>
                  <FigureSource fact={fact} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  )
}

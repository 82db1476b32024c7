/**
 * The spread of pay from official wage percentiles (BLS OEWS): per occupation code, a small chart of
 * the 10th to 90th percentile and a table of every percentile, annual and hourly. Top-coded values
 * read "at least". All charts share one scale, so a wider occupation's spread can be compared.
 */
import type { PayDistribution } from '../../shared/schemas.js'
import {
  distributionSummary, PERCENTILE_KEYS, PERCENTILE_WORDS, percentileText, sharedDomainMax, topCodedKeys,
} from '../charts/distribution-chart.js'
import { DistributionChartSvg } from '../charts/distribution-chart-svg.js'
import { formatUsd, formatUsdCents, scopeLabel, scopeRelationWords, whenWords } from '../format.js'
import { TableRegion } from '../ui/blocks.js'
import { SourceName } from '../ui/sources.js'

function PercentileTable({ dist, name, when }: { dist: PayDistribution; name: string; when: string }) {
  const annualAtLeast = topCodedKeys(dist.annual, dist.note)
  const hourlyAtLeast = topCodedKeys(dist.hourly, dist.note)
  const hasHourly = PERCENTILE_KEYS.some((k) => dist.hourly[k] !== null)
  return (
    <TableRegion label={`Pay percentiles, ${name}`}>
      <table>
        <caption>
          Pay percentiles, {name}, {when}
        </caption>
        <thead>
          <tr>
            <th scope="col">Percentile</th>
            <th scope="col">A year</th>
            {hasHourly ? <th scope="col">An hour</th> : null}
          </tr>
        </thead>
        <tbody>
          {PERCENTILE_KEYS.map((k) => (
            <tr key={k}>
              <th scope="row">{PERCENTILE_WORDS[k]}</th>
              <td className="figure-cell figure-wrap">{cell(dist.annual[k], annualAtLeast.has(k), formatUsd)}</td>
              {hasHourly ? <td className="figure-cell figure-wrap">{cell(dist.hourly[k], hourlyAtLeast.has(k), formatUsdCents)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  )
}

function DistributionBlock({ dist, index, domainMax }: { dist: PayDistribution; index: number; domainMax: number }) {
  const atLeast = topCodedKeys(dist.annual, dist.note)
  const name = scopeLabel(dist.scope)
  const when = whenWords({ period: dist.period, asOf: null })
  const drawable = PERCENTILE_KEYS.filter((k) => dist.annual[k] !== null).length >= 2
  return (
    <div className="distribution">
      <h4>{name}</h4>
      <p className="source-line">
        Covers {scopeRelationWords(dist.scope.relation)}. Source: <SourceName source={dist.source} />. Period: {when}.
      </p>
      <div className="distribution-body">
        {drawable ? (
          <figure className="chart-figure">
            <DistributionChartSvg
              id={`chart-pay-spread-${index}`}
              title={`Spread of annual pay, ${name}, ${when}`}
              description={distributionSummary(dist.annual, atLeast)}
              values={dist.annual}
              domainMax={domainMax}
              atLeast={atLeast}
            />
            <figcaption>
              Light bar: 10th to 90th percentile. Dark band: 25th to 75th. Tick: median. The table gives every figure.
            </figcaption>
          </figure>
        ) : null}
        <PercentileTable dist={dist} name={name} when={when} />
      </div>
      {dist.note ? <p className="cell-note">{dist.note}</p> : null}
    </div>
  )
}

function cell(value: number | null, atLeast: boolean, format: (n: number) => string): string {
  if (value === null) return 'not published'
  return atLeast ? `at least ${format(value)}` : percentileText(value, false, format)
}

export function PayDistributions({ distributions }: { distributions: readonly PayDistribution[] }) {
  if (distributions.length === 0) return null
  const domainMax = sharedDomainMax(distributions.map((d) => d.annual))
  return (
    <>
      <h3 id="pay-spread">How pay is spread</h3>
      <p>
        Official wage statistics also say how pay is spread across everyone in an occupation: a tenth earn less than the
        10th percentile, half earn less than the median, and a tenth earn more than the 90th percentile. The middle 80%
        of earners fall between the 10th and the 90th, the middle half between the 25th and the 75th. The figures cover
        wage and salary workers in the whole official occupation.
        {distributions.length > 1 ? ' The charts share one scale, so you can compare them.' : ''}
      </p>
      {distributions.map((dist, i) => (
        <DistributionBlock key={`${dist.source.id}-${dist.scope.code ?? i}-${dist.period?.value ?? ''}`} dist={dist} index={i} domainMax={domainMax} />
      ))}
    </>
  )
}

/**
 * Education and entry: O*NET's job zone (how much preparation the work takes), what the U.S. Bureau
 * of Labor Statistics says a newcomer typically needs, and what people doing the job told O*NET about
 * the education and experience it takes.
 */
import type { CareerProfile } from '../../shared/schemas.js'
import { formatPercent } from '../format.js'
import { Section, TableRegion } from '../ui/blocks.js'
import { SourceLinks } from '../ui/sources.js'
import {
  categories, datasetSourceIds, occupationName, requirementsByCode, requirementWords, topCategories, type Category, type DistributionKey,
} from './imported-data.js'
import { SECTIONS } from './section-list.js'

type JobZone = NonNullable<CareerProfile['jobZone']>

/** `Job Zone Four: Considerable Preparation Needed` → `Considerable Preparation Needed`. */
export const jobZoneName = (name: string): string => name.replace(/^job zone [^:]*:\s*/i, '')

function Detail({ term, value }: { term: string; value: string | null }) {
  if (value === null) return null
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  )
}

function JobZoneBlock({ zone, sources }: { zone: JobZone; sources: string[] }) {
  return (
    <>
      <h3 id="job-zone">How much preparation it takes</h3>
      <p className="job-zone">
        <strong>
          Job zone {zone.zone} of 5: {jobZoneName(zone.name)}
        </strong>
      </p>
      <p>O*NET sorts occupations into five job zones, from little or no preparation (1) to extensive preparation (5).</p>
      <dl className="details">
        <Detail term="Education" value={zone.education} />
        <Detail term="Experience" value={zone.experience} />
        <Detail term="Training" value={zone.training} />
        <Detail term="Examples" value={zone.examples} />
      </dl>
      <SourceLinks ids={sources} />
    </>
  )
}

function Requirements({ profile }: { profile: CareerProfile }) {
  const byCode = requirementsByCode(profile.requirements)
  if (byCode.size === 0) return null
  const codes = [...byCode.keys()]
  const keys = [...new Set([...byCode.values()].flatMap((list) => list.map((r) => r.key)))]
  const sources = [...new Set(profile.requirements.map((r) => r.source))]
  const value = (code: string, key: string) => byCode.get(code)?.find((r) => r.key === key)?.value ?? 'not stated'
  return (
    <>
      <h3 id="entry-requirements">What you need to start</h3>
      <p>
        The U.S. Bureau of Labor Statistics names, for each occupation, the education, experience and on-the-job
        training most people need to enter it{codes.length > 1 ? '. This career spans more than one occupation, so each is shown' : ''}.
      </p>
      <TableRegion label="Entry requirements">
        <table>
          <caption>Typical entry requirements{codes.length > 1 ? ' by occupation' : `, ${occupationName(profile, codes[0]!)}`}</caption>
          <thead>
            <tr>
              <th scope="col">Requirement</th>
              {codes.length > 1 ? (
                codes.map((code) => (
                  <th scope="col" key={code}>
                    {occupationName(profile, code)}
                  </th>
                ))
              ) : (
                <th scope="col">Typically</th>
              )}
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key}>
                <th scope="row">{requirementWords(key)}</th>
                {codes.map((code) => (
                  <td key={code}>{value(code, key)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <SourceLinks ids={sources} />
    </>
  )
}

const SURVEYS: { key: DistributionKey; title: string; caption: string; limit: number }[] = [
  { key: 'education', title: 'Education people in the job say it needs', caption: 'Education needed, most common answers', limit: 5 },
  { key: 'relatedExperience', title: 'Related work experience they say it needs', caption: 'Related work experience needed, most common answers', limit: 3 },
]

function SurveyTable({ rows, caption }: { rows: readonly Category[]; caption: string }) {
  return (
    <TableRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Answer</th>
            <th scope="col">Share of respondents</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.category}>
              <th scope="row">{row.label}</th>
              <td className="figure-cell">{formatPercent(row.percent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  )
}

function Surveys({ profile, sources }: { profile: CareerProfile; sources: string[] }) {
  const surveys = SURVEYS.map((s) => ({ ...s, rows: topCategories(categories(profile.attributes, s.key), s.limit) })).filter((s) => s.rows.length > 0)
  if (surveys.length === 0) return null
  return (
    <>
      <h3 id="education-survey">What people in the job say</h3>
      <p>O*NET asks people working in each occupation what it takes to do the job. These are their most common answers.</p>
      {surveys.map((s) => (
        <div key={s.key}>
          <h4>{s.title}</h4>
          <SurveyTable rows={s.rows} caption={s.caption} />
        </div>
      ))}
      <SourceLinks ids={sources} />
    </>
  )
}

export function EducationSection({ profile }: { profile: CareerProfile }) {
  if (!SECTIONS.education.has(profile)) return null
  const sources = datasetSourceIds(profile)
  return (
    <Section info={SECTIONS.education}>
      {profile.jobZone ? <JobZoneBlock zone={profile.jobZone} sources={sources} /> : null}
      <Requirements profile={profile} />
      <Surveys profile={profile} sources={sources} />
    </Section>
  )
}

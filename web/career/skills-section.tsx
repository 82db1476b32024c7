/**
 * Skills as each source lists them, with scores where the source gives them, and a plain note when
 * a source says it has more skills than it shows ("states 28, lists 19"). Sources are kept apart
 * because their scales and selections differ; a short list shows what several of them agree on.
 * Imported sets read as their datasets define them: O*NET rates skills and knowledge and names
 * technologies; ESCO sorts skills into essential and optional.
 */
import type { CareerProfile } from '../../shared/schemas.js'
import { skillScoreChart } from '../charts/career-charts.js'
import { capitalise, formatNumber, statedCountsSentence } from '../format.js'
import { Section, TableRegion } from '../ui/blocks.js'
import { ChartFigure } from '../ui/chart-figure.js'
import { SourceName } from '../ui/sources.js'
import { SECTIONS } from './section-list.js'
import { groupSkills, type SkillSet } from './skill-detail.js'
import { NamedSkills, RatedSkills, TechnologyList } from './skill-lists.js'

function listedByKind(set: SkillSet): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const skill of set.skills) counts[skill.kind] = (counts[skill.kind] ?? 0) + 1
  return counts
}

function ScoredSkills({ set, index }: { set: SkillSet; index: number }) {
  const chart = skillScoreChart(set)
  if (!chart) return null
  const outOf = formatNumber(chart.domainMax)
  return (
    <>
      <ChartFigure id={`chart-skills-${index}`} spec={chart} domainMax={chart.domainMax} caption={`Bars show each skill's score on the source's scale of 0 to ${outOf}.`} />
      <TableRegion label={`Skill scores from ${set.source.publisher}`}>
        <table>
          <caption>Skill scores from {set.source.publisher}, out of {outOf}</caption>
          <thead>
            <tr>
              <th scope="col">Skill</th>
              <th scope="col">Kind</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {set.skills.map((skill) => (
              <tr key={skill.id}>
                <th scope="row">
                  {skill.name}
                  {skill.note ? <span className="cell-note"> {skill.note}</span> : null}
                </th>
                <td>{capitalise(skill.kind)}</td>
                <td className="figure-cell">{skill.score === null ? 'not scored' : skill.score.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  )
}

function SkillSetBlock({ set, index }: { set: SkillSet; index: number }) {
  const groups = groupSkills(set)
  const stated = { specialized: set.statedCounts.specialized, common: set.statedCounts.common }
  return (
    <div className="skill-set">
      <h3>Skills listed by {set.source.publisher}</h3>
      <p className="source-line">
        From <SourceName source={set.source} />.
      </p>
      <p>{statedCountsSentence(stated, listedByKind(set))}</p>
      {groups.scored.length > 0 ? (
        <ScoredSkills set={set} index={index} />
      ) : (
        <>
          {groups.rated.length === 0 && groups.technology.length > 0 ? (
            <p>This release of O*NET has no importance ratings of skills and knowledge for this occupation, only the technology people use.</p>
          ) : null}
          <RatedSkills rated={groups.rated} index={index} />
          <TechnologyList skills={groups.technology} />
          <NamedSkills skills={groups.other} />
        </>
      )}
    </div>
  )
}

export function SkillsSection({ profile }: { profile: CareerProfile }) {
  if (!SECTIONS.skills.has(profile)) return null
  const { sets, combined } = profile.skills
  const shared = combined.filter((s) => s.sources.length > 1)
  return (
    <Section info={SECTIONS.skills}>
      {sets.length > 1 ? (
        <p>
          Each source below chose its own skills and, where it scores them, its own scale. They are shown separately so
          you can see who says what.
        </p>
      ) : null}
      {shared.length > 0 ? (
        <>
          <h3>Skills more than one source names</h3>
          <ul className="chips">
            {shared.map((s) => (
              <li key={s.id}>
                {s.name} <span className="chip-note">({s.sources.length} sources)</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {sets.map((set, i) => (
        <SkillSetBlock key={set.source.id} set={set} index={i} />
      ))}
    </Section>
  )
}

/**
 * The imported ways of listing skills: O*NET's rated skills and knowledge (importance and level, a
 * chart of the most important), O*NET's technology examples with their "hot" and "in demand" badges
 * (in words, not colour alone), and ESCO's essential and optional skills. Long lists fold.
 */
import { ratedSkillChart } from '../charts/career-charts.js'
import { formatNumber } from '../format.js'
import { TableRegion } from '../ui/blocks.js'
import { ChartFigure } from '../ui/chart-figure.js'
import { Fold } from '../ui/fold.js'
import type { SkillDetail } from './skill-detail.js'

/** Bars in the importance chart; every rated skill is in the tables after it. */
export const RATED_CHART_TOP = 15
/** Table rows, technology examples and ESCO skills shown before the rest fold away. */
export const RATED_ROWS_SHOWN = 10
export const TECHNOLOGY_SHOWN = 20
export const NAMES_SHOWN = 24

const score = (n: number | null) => (n === null ? 'not rated' : n.toFixed(1))

function RatedTable({ skills, caption, withLevel, part }: { skills: readonly SkillDetail[]; caption: string; withLevel: boolean; part: 'first' | 'rest' }) {
  return (
    <TableRegion label={part === 'first' ? caption : `${caption} (continued)`}>
      <table>
        <caption>{part === 'first' ? caption : `${caption} (continued)`}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Importance (1–5)</th>
            {withLevel ? <th scope="col">Level (0–7)</th> : null}
          </tr>
        </thead>
        <tbody>
          {skills.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                {s.name}
                {s.note ? <span className="cell-note"> {s.note}</span> : null}
              </th>
              <td className="figure-cell">{score(s.importance)}</td>
              {withLevel ? <td className="figure-cell">{score(s.level)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  )
}

const RATED_GROUPS = [
  { kind: 'common', title: 'Skills', noun: 'skills' },
  { kind: 'knowledge', title: 'Knowledge', noun: 'knowledge areas' },
] as const

export function RatedSkills({ rated, index }: { rated: readonly SkillDetail[]; index: number }) {
  if (rated.length === 0) return null
  const withLevel = rated.some((s) => s.level !== null)
  return (
    <>
      <h4>Most important skills and knowledge</h4>
      <p>
        <strong>Importance</strong> says how much a skill matters in this job, from 1 (not important) to 5 (extremely
        important)
        {withLevel ? (
          <>
            ; <strong>level</strong> says how much of it the job needs, from 0 to 7
          </>
        ) : null}
        . O*NET rates them from surveys of people in the job and of occupational analysts.
      </p>
      <ChartFigure
        id={`chart-skills-${index}`}
        spec={ratedSkillChart(rated, RATED_CHART_TOP)}
        domainMax={5}
        caption="Bars show importance on O*NET's scale of 1 to 5; knowledge areas are labelled as such and drawn in green."
      />
      {RATED_GROUPS.map(({ kind, title, noun }) => {
        const skills = rated.filter((s) => s.kind === kind)
        if (skills.length === 0) return null
        return (
          <div key={kind}>
            <h4>{title}</h4>
            <Fold
              items={skills}
              first={RATED_ROWS_SHOWN}
              noun={noun}
              render={(rows, part) => <RatedTable skills={rows} caption={`${title} rated by O*NET, most important first`} withLevel={withLevel} part={part} />}
            />
          </div>
        )
      })}
    </>
  )
}

function Badges({ skill }: { skill: SkillDetail }) {
  return (
    <>
      {skill.hotTechnology ? <span className="badge badge-hot">Hot technology</span> : null}
      {skill.inDemand ? <span className="badge badge-demand">In demand</span> : null}
    </>
  )
}

export function TechnologyList({ skills }: { skills: readonly SkillDetail[] }) {
  if (skills.length === 0) return null
  const hot = skills.filter((s) => s.hotTechnology).length
  const inDemand = skills.filter((s) => s.inDemand).length
  return (
    <>
      <h4>Technology used in this job</h4>
      <p>
        Software and tools people in this job use, {formatNumber(skills.length)} in all.
        {hot + inDemand > 0 ? (
          <>
            {' '}
            <strong>Hot technology</strong> marks tools employers often name in job postings ({formatNumber(hot)} here);{' '}
            <strong>in demand</strong> marks those most often named in postings for this occupation ({formatNumber(inDemand)}). They are listed first.
          </>
        ) : null}
      </p>
      <Fold
        items={skills}
        first={TECHNOLOGY_SHOWN}
        noun="technologies"
        render={(items) => (
          <ul className="tech-list">
            {items.map((s) => (
              <li key={s.id}>
                <span className="tech-name">{s.name}</span>
                <Badges skill={s} />
              </li>
            ))}
          </ul>
        )}
      />
    </>
  )
}

function NameList({ skills, noun }: { skills: readonly SkillDetail[]; noun: string }) {
  return (
    <Fold
      items={skills}
      first={NAMES_SHOWN}
      noun={noun}
      render={(items) => (
        <ul className="chips">
          {items.map((s) => (
            <li key={s.id}>
              {s.name}
              {s.kind === 'knowledge' ? <span className="chip-note"> (knowledge)</span> : null}
            </li>
          ))}
        </ul>
      )}
    />
  )
}

/** Unscored skills: ESCO's essential and optional lists when the relation is known, else one list. */
export function NamedSkills({ skills }: { skills: readonly SkillDetail[] }) {
  if (skills.length === 0) return null
  const essential = skills.filter((s) => s.relation === 'essential')
  const optional = skills.filter((s) => s.relation === 'optional')
  const unsorted = skills.filter((s) => s.relation === null)
  return (
    <>
      {essential.length > 0 ? (
        <>
          <h4>Essential skills and knowledge ({formatNumber(essential.length)})</h4>
          <p>What the source says anyone in this occupation needs.</p>
          <NameList skills={essential} noun="essential skills" />
        </>
      ) : null}
      {optional.length > 0 ? (
        <>
          <h4>Optional skills and knowledge ({formatNumber(optional.length)})</h4>
          <p>Skills some jobs in this occupation ask for, depending on the employer or the specialism.</p>
          <NameList skills={optional} noun="optional skills" />
        </>
      ) : null}
      {unsorted.length > 0 ? (
        <>
          {essential.length + optional.length > 0 ? <h4>Other skills</h4> : null}
          <NameList skills={unsorted} noun="skills" />
        </>
      ) : null}
    </>
  )
}

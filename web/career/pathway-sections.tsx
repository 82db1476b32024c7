/**
 * The way in and the way up: first steps, the traditional route with how long each stage takes,
 * the progression from junior to lead and management, and strategies for advancing.
 */
import type { CareerProfile, PathwayStep } from '../../shared/schemas.js'
import { capitalise } from '../format.js'
import { ItemList, Section, TagList } from '../ui/blocks.js'
import { SourceLinks } from '../ui/sources.js'
import { SECTIONS } from './section-list.js'

function Step({ step, showLevel }: { step: PathwayStep; showLevel?: boolean }) {
  return (
    <li className="step">
      <p className="step-title">
        <strong>{step.title}</strong>
        {showLevel && step.level ? <span className="badge">{capitalise(step.level)}</span> : null}
        {step.duration ? <span className="badge badge-time">{step.duration.label}</span> : null}
      </p>
      <p>{step.text}</p>
      <TagList label="Skills" names={step.skills.map((s) => s.name)} />
      <TagList label="Credentials" names={step.credentials.map((c) => c.title)} />
      <SourceLinks ids={step.sources} />
    </li>
  )
}

function Steps({ steps, showLevel }: { steps: readonly PathwayStep[]; showLevel?: boolean }) {
  return (
    <ol className="steps">
      {steps.map((step, i) => (
        <Step key={i} step={step} {...(showLevel ? { showLevel } : {})} />
      ))}
    </ol>
  )
}

export function GettingStartedSection({ profile }: { profile: CareerProfile }) {
  const steps = profile.pathway.gettingStarted
  const alternatives = profile.education?.alternatives ?? []
  if (!SECTIONS.gettingStarted.has(profile)) return null
  return (
    <Section info={SECTIONS.gettingStarted}>
      {steps.length > 0 ? <Steps steps={steps} /> : null}
      {alternatives.length > 0 ? (
        <>
          <h3>Other ways in</h3>
          <ItemList items={alternatives} />
        </>
      ) : null}
    </Section>
  )
}

/** Advancement steps grouped by their group label, in first-seen order. */
function byGroup(steps: readonly PathwayStep[]): [string | null, PathwayStep[]][] {
  const groups = new Map<string | null, PathwayStep[]>()
  for (const step of steps) groups.set(step.group, [...(groups.get(step.group) ?? []), step])
  return [...groups]
}

export function CareerPathSection({ profile }: { profile: CareerProfile }) {
  const { traditionalPath, progression, advancement } = profile.pathway
  if (!SECTIONS.careerPath.has(profile)) return null
  return (
    <Section info={SECTIONS.careerPath}>
      {traditionalPath.length > 0 ? (
        <>
          <h3>The traditional route</h3>
          <Steps steps={traditionalPath} />
        </>
      ) : null}
      {progression.length > 0 ? (
        <>
          <h3>From junior to lead</h3>
          <Steps steps={progression} showLevel />
        </>
      ) : null}
      {advancement.length > 0 ? (
        <>
          <h3>Ways to advance</h3>
          {byGroup(advancement).map(([group, steps], i) => (
            <div key={group ?? i}>
              {group ? <h4>{group}</h4> : null}
              <Steps steps={steps} />
            </div>
          ))}
        </>
      ) : null}
    </Section>
  )
}

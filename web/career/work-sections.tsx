/**
 * What the work is like (O*NET's task statements, responsibilities, typical projects, personality
 * traits) and how to practise and grow (self-guided projects, growth opportunities).
 */
import type { CareerProfile } from '../../shared/schemas.js'
import { ItemList, Section } from '../ui/blocks.js'
import { Fold } from '../ui/fold.js'
import { SourceLinks } from '../ui/sources.js'
import { datasetSourceIds, tasksByType } from './imported-data.js'
import { SECTIONS } from './section-list.js'

/** Tasks shown per list before the rest fold away. */
export const TASKS_SHOWN = 12

type Item = CareerProfile['responsibilities'][number]

function Block({ title, items, className }: { title: string; items: readonly Item[]; className?: string }) {
  if (items.length === 0) return null
  return (
    <>
      <h3>{title}</h3>
      <ItemList items={items} {...(className ? { className } : {})} />
    </>
  )
}

function TaskList({ tasks, noun }: { tasks: readonly string[]; noun: string }) {
  return (
    <Fold
      items={tasks}
      first={TASKS_SHOWN}
      noun={noun}
      render={(items) => (
        <ul className="item-list compact">
          {items.map((task, i) => (
            <li key={i}>{task}</li>
          ))}
        </ul>
      )}
    />
  )
}

/** O*NET task statements: core tasks (critical to the job) first, then supplemental ones. */
function Tasks({ profile }: { profile: CareerProfile }) {
  if (profile.tasks.length === 0) return null
  const { core, supplemental, untyped } = tasksByType(profile.tasks)
  return (
    <>
      <h3 id="tasks">Tasks</h3>
      {core.length > 0 ? (
        <>
          <p>
            <strong>Core tasks</strong> are the ones people in this job rate as most important and do most often.
          </p>
          <TaskList tasks={core} noun="core tasks" />
        </>
      ) : null}
      {supplemental.length > 0 ? (
        <>
          <h4>Supplemental tasks</h4>
          <p>Tasks that are part of the job for some, or matter less.</p>
          <TaskList tasks={supplemental} noun="supplemental tasks" />
        </>
      ) : null}
      {untyped.length > 0 ? (
        <>
          {core.length + supplemental.length > 0 ? <h4>Other tasks</h4> : <p>The source does not say which of these tasks are core to the job.</p>}
          <TaskList tasks={untyped} noun="tasks" />
        </>
      ) : null}
      <SourceLinks ids={datasetSourceIds(profile)} />
    </>
  )
}

export function WorkSection({ profile }: { profile: CareerProfile }) {
  if (!SECTIONS.work.has(profile)) return null
  const { responsibilities, projects, personalityTraits } = profile
  return (
    <Section info={SECTIONS.work}>
      <Tasks profile={profile} />
      <Block title="Responsibilities" items={responsibilities} />
      <Block title="Projects you might work on" items={projects} />
      <Block title="Personality traits that help" items={personalityTraits} className="item-list compact" />
    </Section>
  )
}

export function PractiseSection({ profile }: { profile: CareerProfile }) {
  if (!SECTIONS.practise.has(profile)) return null
  const { selfGuidedProjects, growthOpportunities } = profile
  return (
    <Section info={SECTIONS.practise}>
      <Block title="Projects to try on your own" items={selfGuidedProjects} />
      <Block title="Room to grow" items={growthOpportunities} />
    </Section>
  )
}

/**
 * What the work is like (responsibilities, typical projects, personality traits) and how to
 * practise and grow (self-guided projects, growth opportunities).
 */
import type { CareerProfile } from '../../shared/schemas.js'
import { ItemList, Section } from '../ui/blocks.js'
import { SECTIONS } from './section-list.js'

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

export function WorkSection({ profile }: { profile: CareerProfile }) {
  if (!SECTIONS.work.has(profile)) return null
  const { responsibilities, projects, personalityTraits } = profile
  return (
    <Section info={SECTIONS.work}>
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

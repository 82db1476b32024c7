/**
 * Courses and reading, specialisation tracks, related careers and frequently asked questions.
 */
import type { CareerProfile } from '../../shared/schemas.js'
import { capitalise, displayTitle } from '../format.js'
import { relatedHref } from '../links.js'
import { Section, TagList } from '../ui/blocks.js'
import { Fold } from '../ui/fold.js'
import { FactSourceLine, safeHref, SourceLinks } from '../ui/sources.js'
import { SECTIONS } from './section-list.js'

export function ResourcesSection({ profile }: { profile: CareerProfile }) {
  if (!SECTIONS.resources.has(profile)) return null
  return (
    <Section info={SECTIONS.resources}>
      <ul className="item-list">
        {profile.resources.map((r) => {
          const href = safeHref(r.url)
          return (
            <li key={r.id}>
              <strong className="item-title">{href ? <a href={href}>{r.title}</a> : r.title}</strong>
              <span className="item-meta">
                {capitalise(r.kind)}
                {r.level ? `, ${r.level}` : ''}
              </span>
              {r.description ? <span className="item-text">{r.description}</span> : null}
              <TagList label="Skills" names={r.skills.map((s) => s.name)} />
              <SourceLinks ids={r.sources} />
            </li>
          )
        })}
      </ul>
    </Section>
  )
}

export function SpecialisationsSection({ profile }: { profile: CareerProfile }) {
  if (!SECTIONS.specialisations.has(profile)) return null
  return (
    <Section info={SECTIONS.specialisations}>
      <ul className="cards">
        {profile.specialisations.map((s) => (
          <li key={s.id} className="card">
            <h3>{s.title}</h3>
            <p className="item-meta">{s.focus}</p>
            <p>{s.text}</p>
            <TagList label="Skills" names={s.skills.map((k) => k.name)} />
            {s.salary ? (
              <>
                <p>
                  <span className="muted-label">Pay:</span> <strong>{s.salary.display}</strong> ({s.salary.place.name})
                </p>
                <FactSourceLine fact={s.salary} />
              </>
            ) : null}
            <SourceLinks ids={s.sources} />
          </li>
        ))}
      </ul>
    </Section>
  )
}

/** Related careers shown before the rest fold away (O*NET names 20 for most occupations). */
export const RELATED_SHOWN = 8

export function RelatedSection({ profile }: { profile: CareerProfile }) {
  if (!SECTIONS.related.has(profile)) return null
  return (
    <Section info={SECTIONS.related}>
      <Fold
        items={profile.related}
        first={RELATED_SHOWN}
        noun="related careers"
        render={(items) => (
          <ul className="item-list">
            {items.map((r) => (
              <li key={r.slug}>
                <a className="item-title" href={`/careers/${encodeURIComponent(r.slug)}`}>
                  {displayTitle(r.title)}
                </a>
                <span className="item-text">{r.summary}</span>
                {r.note ? <span className="cell-note">{r.note}</span> : null}
                <SourceLinks ids={r.sources} />
              </li>
            ))}
          </ul>
        )}
      />
      <p>
        <a href={relatedHref(profile.slug)}>Careers alike by skills, and where you could move from here</a>
      </p>
    </Section>
  )
}

export function FaqSection({ profile }: { profile: CareerProfile }) {
  if (!SECTIONS.faq.has(profile)) return null
  return (
    <Section info={SECTIONS.faq}>
      {profile.faq.map((q, i) => (
        <details key={i} className="faq">
          <summary>{q.question}</summary>
          <p>{q.answer}</p>
          <SourceLinks ids={q.sources} />
        </details>
      ))}
    </Section>
  )
}

/**
 * Credentials: who offers each one, through whom, at what level, how many courses and how long,
 * which skills it builds, and where it fits on the path (a place to start, a next step…).
 */
import type { ReactNode } from 'react'
import type { CareerProfile } from '../../shared/schemas.js'
import { capitalise, credentialRoleWords, credentialTypeWords } from '../format.js'
import { Section, TagList } from '../ui/blocks.js'
import { safeHref, SourceLinks } from '../ui/sources.js'
import { SECTIONS } from './section-list.js'

type CareerCredential = CareerProfile['credentials'][number]

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}

function CredentialCard({ credential }: { credential: CareerCredential }) {
  const href = safeHref(credential.url)
  const sources = [...new Set([...credential.careerSources, ...credential.sources])]
  return (
    <li className="card">
      <h3>
        {href ? <a href={href}>{credential.title}</a> : credential.title}
      </h3>
      {credential.titleIsDescriptive ? <p className="cell-note">The source does not print a title; this one describes the offering.</p> : null}
      <p className="badge-line">
        <span className="badge">{credentialRoleWords(credential.role)}</span>
      </p>
      {credential.summary ? <p>{credential.summary}</p> : null}
      <dl className="details">
        <Detail term="Provider">{credential.provider.name}</Detail>
        {credential.offeredVia ? <Detail term="Offered via">{credential.offeredVia.name}</Detail> : null}
        <Detail term="Type">{credentialTypeWords(credential.type)}</Detail>
        {credential.level ? <Detail term="Level">{capitalise(credential.level)}</Detail> : null}
        {credential.courseCount !== null ? <Detail term="Courses">{credential.courseCount}</Detail> : null}
        {credential.duration ? <Detail term="Duration">{credential.duration.label}</Detail> : null}
        {credential.cipCode ? <Detail term="CIP code">{credential.cipCode}</Detail> : null}
      </dl>
      <TagList label="Skills gained" names={credential.skills.map((s) => s.name)} />
      {credential.note ? <p className="cell-note">{credential.note}</p> : null}
      <SourceLinks ids={sources} />
    </li>
  )
}

export function CredentialsSection({ profile }: { profile: CareerProfile }) {
  if (!SECTIONS.credentials.has(profile)) return null
  return (
    <Section info={SECTIONS.credentials}>
      <p>Certificates and courses that sources connect with this career, with the details they publish.</p>
      <ul className="cards">
        {profile.credentials.map((credential) => (
          <CredentialCard key={credential.id} credential={credential} />
        ))}
      </ul>
    </Section>
  )
}

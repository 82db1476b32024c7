/**
 * A credential or a course / piece of reading on its own page — where a search result for one
 * leads: what it is, who offers it, the skills it builds (each linking to the careers that need it),
 * the career pathways that list it, and the sources.
 */
import type { ReactNode } from 'react'
import type { Credential, Resource, Source } from '../../shared/schemas.js'
import { capitalise, credentialRoleWords, credentialTypeWords, displayTitle } from '../format.js'
import { careerHref, SEARCH_HREF, skillHref } from '../links.js'
import { Breadcrumb } from '../ui/breadcrumb.js'
import { safeHref, SourceName } from '../ui/sources.js'

/** A career that lists the item, and the part it plays there (for credentials: a place to start…). */
export interface ListedIn {
  slug: string
  title: string
  role: string | null
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}

function Skills({ skills, label }: { skills: readonly { id: string; name: string }[]; label: string }) {
  if (skills.length === 0) return null
  return (
    <section aria-labelledby="item-skills-heading">
      <h2 id="item-skills-heading">{label}</h2>
      <p>Each skill leads to the careers that need it.</p>
      <ul className="chips">
        {skills.map((s) => (
          <li key={s.id}>
            <a href={skillHref(s.id)}>{s.name}</a>
          </li>
        ))}
      </ul>
    </section>
  )
}

function Careers({ careers }: { careers: readonly ListedIn[] }) {
  return (
    <section aria-labelledby="item-careers-heading">
      <h2 id="item-careers-heading">Career pathways that list it</h2>
      {careers.length === 0 ? (
        <p>No career pathway lists it.</p>
      ) : (
        <ul className="item-list compact">
          {careers.map((c) => (
            <li key={c.slug}>
              <a href={careerHref(c.slug)}>{displayTitle(c.title)}</a>
              {c.role ? <span className="item-meta-inline"> — {credentialRoleWords(c.role)}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function Sources({ sources }: { sources: readonly Source[] }) {
  if (sources.length === 0) return null
  return (
    <section aria-labelledby="item-sources-heading">
      <h2 id="item-sources-heading">Sources</h2>
      <ul className="item-list compact">
        {sources.map((s) => (
          <li key={s.id}>
            <SourceName source={s} />
            {s.attribution ? <span className="attribution"> {s.attribution}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

function OwnPage({ url, text }: { url: string | null; text: string }) {
  const href = safeHref(url)
  return href ? (
    <p>
      <a href={href}>{text}</a>
    </p>
  ) : null
}

export interface CredentialPageProps {
  credential: Credential
  careers: readonly ListedIn[]
  sources: readonly Source[]
}

export function CredentialPage({ credential, careers, sources }: CredentialPageProps) {
  return (
    <>
      <Breadcrumb trail={[{ text: 'Search', href: SEARCH_HREF }, { text: credential.title }]} />
      <h1>{credential.title}</h1>
      {credential.titleIsDescriptive ? <p className="cell-note">The source does not print a title; this one describes the offering.</p> : null}
      {credential.summary ? <p className="lead">{credential.summary}</p> : null}
      <dl className="details">
        <Detail term="Provider">{credential.provider.name}</Detail>
        {credential.offeredVia ? <Detail term="Offered via">{credential.offeredVia.name}</Detail> : null}
        <Detail term="Type">{credentialTypeWords(credential.type)}</Detail>
        {credential.level ? <Detail term="Level">{capitalise(credential.level)}</Detail> : null}
        {credential.courseCount !== null ? <Detail term="Courses">{credential.courseCount}</Detail> : null}
        {credential.duration ? <Detail term="Duration">{credential.duration.label}</Detail> : null}
        {credential.cipCode ? <Detail term="CIP code">{credential.cipCode}</Detail> : null}
      </dl>
      <OwnPage url={credential.url} text={`${credential.provider.name}’s page for this credential`} />
      {credential.note ? <p className="cell-note">{credential.note}</p> : null}
      <Skills skills={credential.skills} label="Skills it builds" />
      <Careers careers={careers} />
      <Sources sources={sources} />
    </>
  )
}

export interface ResourcePageProps {
  resource: Resource
  careers: readonly ListedIn[]
  sources: readonly Source[]
}

export function ResourcePage({ resource, careers, sources }: ResourcePageProps) {
  return (
    <>
      <Breadcrumb trail={[{ text: 'Search', href: SEARCH_HREF }, { text: resource.title }]} />
      <h1>{resource.title}</h1>
      <p className="item-meta">
        {capitalise(resource.kind)}
        {resource.level ? `, ${resource.level}` : ''}
      </p>
      {resource.description ? <p className="lead">{resource.description}</p> : null}
      <OwnPage url={resource.url} text="Go to it on the publisher’s site" />
      <Skills skills={resource.skills} label="Skills it covers" />
      <Careers careers={careers} />
      <Sources sources={sources} />
    </>
  )
}

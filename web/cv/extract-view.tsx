/**
 * The extraction page: the paste box, then the text with every found mention in a <mark> (React
 * escapes the text around it) and a list of the skills with why each matched, to tick and add.
 */
import type { ReactNode } from 'react'
import type { ExtractAnswer } from '../../server/modules/extraction/extraction.schema.js'
import type { CareerRef } from '../../shared/schemas.js'
import { displayTitle } from '../format.js'
import { LevelSelect } from '../passport/passport-nav.js'
import { CsrfField, ErrorSummary } from '../ui/form.js'
import { CvNav, TextArea } from './cv-parts.js'

export const MAX_TEXT = 20_000

export interface TargetGap {
  career: CareerRef
  coverage: number | null
  missing: readonly string[]
  isTarget: boolean
}

export interface ExtractProps {
  target?: TargetGap | undefined
  text: string
  found: ExtractAnswer | undefined
  errors: Readonly<Record<string, string>>
  csrf: string | undefined
}

/** The text as nodes: found spans (first come, no overlaps) marked, the rest plain. */
export function markedText(text: string, found: ExtractAnswer): ReactNode[] {
  const spans = found.skills.flatMap((s) => s.spans.map((span) => ({ ...span, skill: s.skill.name })))
    .sort((a, b) => a.start - b.start || b.end - a.end)
  const nodes: ReactNode[] = []
  let at = 0
  for (const span of spans) {
    if (span.start < at || span.end > text.length) continue
    if (span.start > at) nodes.push(text.slice(at, span.start))
    nodes.push(<mark key={span.start}>{text.slice(span.start, span.end)}<span className="visually-hidden"> (skill: {span.skill})</span></mark>)
    at = span.end
  }
  if (at < text.length) nodes.push(text.slice(at))
  return nodes
}

const REASONS: Record<string, string> = {
  'exact label': 'its own name',
  'alternative label': 'another name for it',
  'compound spelling': 'its name written joined or split',
  'inflected form': 'a plural or verb form of its name',
}

function TargetPanel({ target, csrf }: { target: TargetGap; csrf: string | undefined }) {
  const title = displayTitle(target.career.title)
  return (
    <section aria-labelledby="as-target" className="notice">
      <h2 id="as-target">Closest career: {title}</h2>
      <p>Your passport covers {target.coverage === null ? 'an unknown share' : `${Math.round(target.coverage * 100)}%`} of it.{target.missing.length ? ' It also asks for:' : ''}</p>
      {target.missing.length ? <ul className="plain-list">{target.missing.map((m) => <li key={m}>{m}</li>)}</ul> : null}
      <p><a href={`/passport/gaps?career=${encodeURIComponent(target.career.slug)}`}>Your full gap to {title}</a></p>
      {target.isTarget ? <p>It is one of your target careers.</p> : (
        <form method="post" action="/passport/targets">
          <CsrfField token={csrf} />
          <input type="hidden" name="id" value={target.career.slug} />
          <input type="hidden" name="name" value={target.career.title} />
          <button type="submit">Add {title} to my targets</button>
        </form>
      )}
    </section>
  )
}

export function ExtractView({ text, found, errors, csrf, target }: ExtractProps) {
  const labels = { text: 'Text', skill: 'Skills found', level: 'Level' }
  return (
    <>
      <h1>Find skills in a text</h1>
      <CvNav current="/passport/extract" />
      <ErrorSummary form="extract" errors={{ fields: errors, form: [] }} labels={labels} />
      <p className="lead">Paste your CV or a job ad. The skills it names are highlighted; tick the ones you have to add them to your passport.</p>
      <form method="post" action="/passport/extract" className="stack-form" noValidate>
        <CsrfField token={csrf} />
        <TextArea id="extract-text" name="text" label="Text" value={text} error={errors.text} rows={8} maxLength={MAX_TEXT} />
        <div className="cv-actions">
          <button type="submit" name="action" value="find">Find skills</button>
          <button type="submit" name="action" value="target">Use as target</button>
        </div>
      </form>
      {target ? <TargetPanel target={target} csrf={csrf} /> : null}
      {found ? (
        <>
          <h2 id="found">{found.skills.length === 0 ? 'No skills found' : `${found.skills.length} skills found`}</h2>
          {found.skills.length ? (
            <>
              <div className="extract-text">{markedText(text, found)}</div>
              <form method="post" action="/passport/extract/add" className="stack-form" noValidate>
                <CsrfField token={csrf} />
                <input type="hidden" name="text" value={text} />
                <fieldset className={errors.skill ? 'has-error' : undefined} id="extract-skill">
                  <legend>Skills to add</legend>
                  {errors.skill ? <p className="field-error"><span className="visually-hidden">Error: </span>{errors.skill}</p> : null}
                  {found.skills.map((s, i) => (
                    <div className="check-field" key={s.skill.id}>
                      <input type="checkbox" id={`found-${i}`} name="skill" value={s.skill.id} aria-describedby={`found-${i}-why`} />
                      <label htmlFor={`found-${i}`}>{s.skill.name}</label>
                      <span id={`found-${i}-why`} className="field-hint">found as “{s.span.text}”: {REASONS[s.reason] ?? s.reason}</span>
                    </div>
                  ))}
                </fieldset>
                <div className="form-field"><LevelSelect id="extract-level" label="Your level in the ticked skills" value={2} /></div>
                <button type="submit">Add to my passport</button>
              </form>
            </>
          ) : <p>Try a longer text, or name skills in full.</p>}
        </>
      ) : null}
    </>
  )
}

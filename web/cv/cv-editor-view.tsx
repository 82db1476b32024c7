/**
 * The CV editor page: one form holding the CV being edited (hidden JSON) with the basics, the
 * target career and what tailoring found (the summary suggestion applied only by its button), the
 * template, each section with move up/down buttons, a hide checkbox, its entries (edit, remove,
 * add; a skill hidden by its checkbox) and the export buttons. Plain HTML, no script.
 */
import type { CvDocument } from '../../server/modules/cv/index.js'
import type { Tailoring } from '../../server/modules/cv/cv.schema.js'
import { SECTION_TITLES } from '../../server/modules/cv/cv-layout.js'
import type { CareerRef } from '../../shared/schemas.js'
import { CsrfField, ErrorSummary, Field } from '../ui/form.js'
import { Notice } from '../ui/form.js'
import { BASICS_FIELDS, ENTRY_FIELDS, orderOf, type Open, type SectionKind } from './cv-edit.js'
import { CareerSelect, CvNav, TextArea } from './cv-parts.js'

export interface CvEditorProps {
  /** What the inputs show (as submitted, when it had errors). */
  cv: CvDocument
  /** The last valid CV, carried in the hidden field. */
  state: CvDocument
  tailoring: Tailoring | null
  targets: readonly CareerRef[]
  open: Open | undefined
  errors: Readonly<Record<string, string>>
  csrf: string | undefined
  notice?: string | undefined
  savedList: readonly SavedRef[]
  /** The saved CV open in the editor (id undefined: not saved yet) and its title. */
  saved: { id: string | undefined; title: string }
}

export interface SavedRef { id: string; title: string; updatedAt: string }

const entryTitle = (kind: SectionKind, entry: Record<string, unknown>): string => {
  const main = String(kind === 'education' ? entry.institution : kind === 'languages' ? entry.language : entry.name)
  if (kind === 'work' && entry.position) return `${String(entry.position)}, ${main}`
  if (kind === 'skills' && entry.level !== undefined) return `${main} (level ${String(entry.level)})`
  return main
}

const fieldLabel = (pointer: string): string => {
  const [, kind, index, key] = pointer.split('/')
  if (kind === 'basics') return BASICS_FIELDS.find((f) => f.key === index)?.label ?? 'Basics'
  const field = ENTRY_FIELDS[kind as SectionKind]?.find((f) => f.key === key)
  return field ? `${SECTION_TITLES[kind as SectionKind]} ${Number(index) + 1}: ${field.label}` : 'A field'
}

function EntryFields({ cv, open, errors }: { cv: CvDocument; open: Open; errors: CvEditorProps['errors'] }) {
  const entry = cv[open.kind][open.index] as Record<string, unknown> | undefined
  if (!entry) return null
  return (
    <fieldset>
      <legend>Edit {entryTitle(open.kind, entry)}</legend>
      {ENTRY_FIELDS[open.kind].map((f) => {
        const pointer = `/${open.kind}/${open.index}/${f.key}`
        const value = entry[f.key] === undefined ? '' : String(entry[f.key] as string | number)
        return f.long
          ? <TextArea key={f.key} id={`cv-${pointer}`} name={pointer} label={f.label} value={value} error={errors[pointer]} maxLength={4000} />
          : <Field key={f.key} form="cv" name={pointer} label={f.label} value={value} errors={{ fields: errors, form: [] }} required={false} type={f.level ? 'number' : 'text'} {...(f.level ? { min: 0, max: 5 } : {})} />
      })}
      <button type="submit" name="action" value="save">Save this entry</button>
    </fieldset>
  )
}

function Section({ kind, cv, position, count, open, errors }: { kind: SectionKind; cv: CvDocument; position: number; count: number; open: Open | undefined; errors: CvEditorProps['errors'] }) {
  const title = SECTION_TITLES[kind]
  const hidden = cv.layout?.hidden?.includes(kind) ?? false
  const entries = cv[kind] as readonly Record<string, unknown>[]
  return (
    <section className="item-card cv-section" aria-labelledby={`section-${kind}`}>
      <h3 id={`section-${kind}`} className="item-card-title">{title}{hidden ? ' (hidden)' : ''}</h3>
      <div className="cv-actions">
        <button type="submit" name="action" value={`up:${kind}`} disabled={position === 0}>Move up<span className="visually-hidden">: {title}</span></button>
        <button type="submit" name="action" value={`down:${kind}`} disabled={position === count - 1}>Move down<span className="visually-hidden">: {title}</span></button>
        <div className="check-field">
          <input type="checkbox" id={`hide-${kind}`} name="hide-section" value={kind} defaultChecked={hidden} />
          <label htmlFor={`hide-${kind}`}>Hide this section<span className="visually-hidden">: {title}</span></label>
        </div>
      </div>
      {entries.length === 0 ? <p>Nothing here yet.</p> : (
        <ul className="cv-entries">
          {entries.map((entry, i) => {
            const name = entryTitle(kind, entry)
            return (
              <li key={i}>
                <span className="cv-entry-name">{name}</span>
                <span className="cv-actions">
                  {kind === 'skills' ? (
                    <span className="check-field">
                      <input type="checkbox" id={`hide-skill-${i}`} name="hide-skill" value={String(i)} defaultChecked={entry.hidden === true} />
                      <label htmlFor={`hide-skill-${i}`}>Hide<span className="visually-hidden"> {name}</span></label>
                    </span>
                  ) : null}
                  <button type="submit" name="action" value={`edit:${kind}:${i}`}>Edit<span className="visually-hidden"> {name}</span></button>
                  <button type="submit" name="action" value={`remove:${kind}:${i}`} className="danger">Remove<span className="visually-hidden"> {name}</span></button>
                </span>
              </li>
            )
          })}
        </ul>
      )}
      {open?.kind === kind ? <EntryFields cv={cv} open={open} errors={errors} /> : null}
      <button type="submit" name="action" value={`add:${kind}`}>Add to {title}</button>
    </section>
  )
}

function TailoringPanel({ tailoring }: { tailoring: Tailoring }) {
  return (
    <div className="notice" id="tailoring">
      <p>Skills are ordered by what {tailoring.career.title} values most.</p>
      {tailoring.missingKeywords.length ? (
        <>
          <p>The career also asks for skills your CV does not show:</p>
          <ul className="plain-list" aria-label="Missing keywords">{tailoring.missingKeywords.map((m) => <li key={m.skill}>{m.name}</li>)}</ul>
        </>
      ) : <p>Your CV shows every skill the career asks for.</p>}
      <p>A summary you could use: <q id="summary-suggestion">{tailoring.summarySuggestion}</q></p>
      <button type="submit" name="action" value="use-summary">Use this summary</button>
    </div>
  )
}

function SavedList({ items, current }: { items: readonly SavedRef[]; current: string | undefined }) {
  return (
    <>
      <h2 id="saved">Saved CVs</h2>
      {items.length === 0 ? <p>None yet. Give this CV a title and save it to keep it.</p> : (
        <ul className="plain-list">
          {items.map((c) => (
            <li key={c.id}>
              <a href={`/cv/saved/${c.id}`} {...(c.id === current ? { 'aria-current': 'page' as const } : {})}>{c.title}</a> <span className="item-meta">saved {c.updatedAt.slice(0, 10)}</span>
            </li>
          ))}
        </ul>
      )}
      {current ? <p><a href="/cv">Start again from your passport</a></p> : null}
    </>
  )
}

export function CvEditorView({ cv, state, tailoring, targets, open, errors, csrf, notice, savedList, saved }: CvEditorProps) {
  const order = orderOf(cv)
  const labels = Object.fromEntries(Object.keys(errors).map((p) => [p, p === 'title' ? 'Title of this CV' : fieldLabel(p)]))
  const fieldErrors = { fields: errors, form: [] }
  return (
    <>
      <h1>Your CV</h1>
      <CvNav current="/cv" />
      {notice ? <Notice>{notice}</Notice> : null}
      <p className="lead">Built from your passport. Your changes stay on this page while you work; download the CV when it is ready.</p>
      <ErrorSummary form="cv" errors={fieldErrors} labels={labels} />
      <form method="post" action="/cv" className="stack-form cv-editor" noValidate>
        <CsrfField token={csrf} />
        <input type="hidden" name="state" value={JSON.stringify(state)} />
        <input type="hidden" name="layout-sent" value="1" />
        {open ? <input type="hidden" name="open" value={`${open.kind}:${open.index}`} /> : null}
        {saved.id ? <input type="hidden" name="saved" value={saved.id} /> : null}
        <fieldset>
          <legend>About you</legend>
          {BASICS_FIELDS.map((f) => {
            const pointer = `/basics/${f.key}`
            const value = (cv.basics as Record<string, unknown>)[f.key] as string | undefined
            return 'long' in f
              ? <TextArea key={f.key} id={`cv-${pointer}`} name={pointer} label={f.label} value={value} error={errors[pointer]} maxLength={2000} />
              : <Field key={f.key} form="cv" name={pointer} label={f.label} value={value ?? ''} errors={fieldErrors} required={false} />
          })}
          <button type="submit" name="action" value="save">Save changes</button>
        </fieldset>

        <h2 id="career-heading">Target career</h2>
        <CareerSelect id="cv-career" targets={targets} value={cv.career} label="Tailor the CV to" error={errors['/career']} />
        {targets.length === 0 ? <p>Add a target career in <a href="/passport#targets">your passport</a> to tailor the CV to it.</p> : null}
        <button type="submit" name="action" value="save" id="cv-tailor">Tailor</button>
        {tailoring ? <TailoringPanel tailoring={tailoring} /> : null}

        <fieldset>
          <legend>Template</legend>
          {(['classic', 'compact'] as const).map((t) => (
            <div className="check-field" key={t}>
              <input type="radio" id={`template-${t}`} name="template" value={t} defaultChecked={cv.template === t} />
              <label htmlFor={`template-${t}`}>{t === 'classic' ? 'Classic: serif, one column' : 'Compact: condensed, fits more'}</label>
            </div>
          ))}
        </fieldset>

        <h2 id="sections">Sections</h2>
        <p>Sections print in this order. Move one up or down, or hide it; hidden parts stay in your CV.</p>
        {order.map((kind, i) => <Section key={kind} kind={kind} cv={cv} position={i} count={order.length} open={open} errors={errors} />)}
        <button type="submit" name="action" value="save" id="cv-save-sections">Save changes</button>

        <h2 id="save">Save</h2>
        <Field form="cv" name="title" label="Title of this CV" hint="For you only, e.g. “Back-end roles”." value={saved.title} errors={fieldErrors} required={false} maxLength={200} />
        <button type="submit" formAction="/cv/save" id="cv-save">{saved.id ? 'Save this CV' : 'Save as a new CV'}</button>

        <h2 id="export">Download</h2>
        <div className="cv-actions">
          <button type="submit" name="action" value="export:pdf">Download PDF</button>
          <button type="submit" name="action" value="export:html">Download HTML</button>
          <button type="submit" name="action" value="export:json-resume">Download JSON Resume</button>
        </div>
      </form>
      <SavedList items={savedList} current={saved.id} />
    </>
  )
}

/**
 * Markup of the adapted-pathway pages: the school's list with the copy form, one pathway (its steps
 * in the school's order with move, edit and remove buttons, the add-a-step form, and the upstream
 * changes panel with Accept / Decline), and the local credentials. Plain HTML forms; no script.
 */
import type { ReactNode } from 'react'
import type { SchoolView } from '../../server/modules/access/index.js'
import type { AdaptedStep, ChangeView, CredentialRef, PathwayDetail, PathwaySummary, SchoolCredential } from '../../server/modules/educators/adapted-pathways.service.js'
import type { StepContent } from '../../server/modules/educators/pathway-diff.js'
import type { FormErrors } from '../forms/form-errors.js'
import { Facts } from '../account/display.js'
import { TableRegion } from '../ui/blocks.js'
import { ButtonForm, CsrfField, ErrorSummary, Field, Notice, fieldId } from '../ui/form.js'
import type { PickerChoice } from '../passport/skill-picker.js'

export const SECTION_WORDS: Record<string, string> = {
  gettingStarted: 'Getting started', traditionalPath: 'Traditional path', progression: 'Progression', advancement: 'Advancement',
}
export const DURATION_UNITS = ['weeks', 'months', 'years', 'days', 'hours'] as const
const sectionWords = (s: string): string => SECTION_WORDS[s] ?? s

export const schoolHref = (id: string, rest = ''): string => `/schools/${encodeURIComponent(id)}${rest}`
export const pathwayHref = (schoolId: string, pathwayId: string, rest = ''): string => schoolHref(schoolId, `/pathways/${encodeURIComponent(pathwayId)}${rest}`)

const NOTICES: Record<string, string> = {
  copied: 'The pathway has been copied. It keeps tracking the catalog pathway: changes there appear below for you to accept or decline.',
  renamed: 'The pathway has been renamed.',
  added: 'The step has been added.',
  saved: 'The step has been saved.',
  removed: 'The step has been removed.',
  moved: 'The step has been moved.',
  accepted: 'The change has been accepted.',
  declined: 'The change has been declined: your version stays, and you will not be asked again unless the catalog changes this step again.',
  'accepted-all': 'Every change without a conflict has been accepted.',
  deleted: 'The pathway has been deleted.',
  'credential-added': 'The local credential has been added.',
  'credential-removed': 'The local credential has been removed.',
  'credential-saved': 'The local credential has been saved.',
}

export function DoneNotice({ done }: { done: string | undefined }) {
  const message = done ? NOTICES[done] : undefined
  return message ? <Notice>{message}</Notice> : null
}

function PathwaysNav({ schoolId, current }: { schoolId: string; current: string }) {
  const items = [
    { href: schoolHref(schoolId), text: 'School overview' },
    { href: schoolHref(schoolId, '/pathways'), text: 'Adapted pathways' },
    { href: schoolHref(schoolId, '/credentials'), text: 'Local credentials' },
  ]
  return (
    <nav className="sub-nav" aria-label="School pathways">
      <ul>
        {items.map((i) => <li key={i.href}><a href={i.href} {...(i.href === current ? { 'aria-current': 'page' as const } : {})}>{i.text}</a></li>)}
      </ul>
    </nav>
  )
}

function durationText(s: Pick<StepContent, 'durationMin' | 'durationMax' | 'durationUnit'>): string | null {
  if (s.durationMin === null && s.durationMax === null) return null
  const range = s.durationMin !== null && s.durationMax !== null && s.durationMin !== s.durationMax ? `${s.durationMin}–${s.durationMax}` : String(s.durationMin ?? s.durationMax)
  return `${range} ${s.durationUnit ?? ''}`.trim()
}

// --- the list ---

export interface ListProps {
  school: SchoolView
  pathways: readonly PathwaySummary[]
  canManage: boolean
  values: Record<string, string>
  errors: FormErrors
  choices: readonly PickerChoice[]
  csrf: string | undefined
  done?: string | undefined
}

export function PathwaysListView({ school, pathways, canManage, values, errors, choices, csrf, done }: ListProps) {
  return (
    <>
      <h1>Adapted pathways of {school.name}</h1>
      <PathwaysNav schoolId={school.id} current={schoolHref(school.id, '/pathways')} />
      <DoneNotice done={done} />
      <p>Each adapted pathway is your school’s copy of a career’s pathway: add your own steps and credentials and put them in your order. The copy keeps tracking the catalog pathway, and you decide on each change made there.</p>
      {pathways.length === 0 ? <p>Your school has no adapted pathways yet.</p> : (
        <TableRegion label="Adapted pathways">
          <table>
            <caption className="visually-hidden">Adapted pathways, their careers, steps and pending catalog changes</caption>
            <thead>
              <tr><th scope="col">Pathway</th><th scope="col">Career</th><th scope="col">Steps</th><th scope="col">Catalog changes to review</th></tr>
            </thead>
            <tbody>
              {pathways.map((p) => (
                <tr key={p.id}>
                  <th scope="row"><a href={pathwayHref(school.id, p.id)}>{p.title}</a></th>
                  <td>{p.career.title ?? p.career.slug}</td>
                  <td>{p.steps.upstream} from the catalog, {p.steps.local} of your own</td>
                  <td>{p.pendingChanges === 0 ? 'None' : <strong>{p.pendingChanges}</strong>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {canManage ? (
        <>
          <h2>Copy a career’s pathway</h2>
          <ErrorSummary form="copy" errors={errors} labels={{ career: 'Career', title: 'Title' }} />
          <form method="post" action={schoolHref(school.id, '/pathways')} className="stack-form" noValidate>
            <CsrfField token={csrf} />
            <Field form="copy" name="career" label="Career" hint="Its name as in the catalog (for example “Data clerk”), or an occupation code." errors={errors} value={values.career} maxLength={200} />
            {choices.length > 0 ? (
              <fieldset>
                <legend>Did you mean one of these careers?</legend>
                {choices.map((c, i) => (
                  <div key={c.id} className="check-field">
                    <input type="radio" id={`copy-choice-${i}`} name="choice" value={c.id} />
                    <label htmlFor={`copy-choice-${i}`}>{c.title}</label>
                  </div>
                ))}
              </fieldset>
            ) : null}
            <Field form="copy" name="title" label="Title (optional)" hint="Leave empty to use the career’s name." errors={errors} value={values.title} required={false} maxLength={200} />
            <button type="submit">Copy pathway</button>
          </form>
        </>
      ) : null}
    </>
  )
}

// --- one pathway ---

function TextArea({ form, name, label, value, errors, required = true }: { form: string; name: string; label: string; value?: string | undefined; errors: FormErrors; required?: boolean }) {
  const id = fieldId(form, name)
  const error = errors.fields[name]
  return (
    <div className={error ? 'form-field has-error' : 'form-field'}>
      <label htmlFor={id}>{label}</label>
      {error ? <p id={`${id}-error`} className="field-error"><span className="visually-hidden">Error: </span>{error}</p> : null}
      <textarea id={id} name={name} rows={3} maxLength={4000} defaultValue={value ?? ''} {...(required ? { required: true } : {})}
        {...(error ? { 'aria-describedby': `${id}-error`, 'aria-invalid': true } : {})} />
    </div>
  )
}

function Select({ form, name, label, value, errors, children, hint }: { form: string; name: string; label: string; value: string; errors: FormErrors; children: ReactNode; hint?: string }) {
  const id = fieldId(form, name)
  const error = errors.fields[name]
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ')
  return (
    <div className={error ? 'form-field has-error' : 'form-field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? <p id={`${id}-hint`} className="field-hint">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="field-error"><span className="visually-hidden">Error: </span>{error}</p> : null}
      <select id={id} name={name} defaultValue={value} {...(describedBy ? { 'aria-describedby': describedBy } : {})} {...(error ? { 'aria-invalid': true } : {})}>
        {children}
      </select>
    </div>
  )
}

export interface StepFormValues {
  section?: string; title?: string; text?: string; durationMin?: string; durationMax?: string; durationUnit?: string; credential?: string; position?: string
}

export const stepFormValues = (s: AdaptedStep): StepFormValues => ({
  section: s.section, title: s.title, text: s.text, durationMin: s.durationMin === null ? '' : String(s.durationMin),
  durationMax: s.durationMax === null ? '' : String(s.durationMax), durationUnit: s.durationUnit ?? '',
  credential: s.schoolCredentialId ? `school:${s.schoolCredentialId}` : s.credentialId ? `catalog:${s.credentialId}` : '',
})

interface CredentialChoices { local: readonly CredentialRef[]; catalog: readonly CredentialRef[] }

function StepFields({ form, values, errors, credentials }: { form: string; values: StepFormValues; errors: FormErrors; credentials: CredentialChoices }) {
  const sections = Object.keys(SECTION_WORDS)
  const section = values.section ?? 'progression'
  return (
    <>
      <Select form={form} name="section" label="Section" value={section} errors={errors}>
        {sections.map((s) => <option key={s} value={s}>{SECTION_WORDS[s]}</option>)}
        {sections.includes(section) ? null : <option value={section}>{section}</option>}
      </Select>
      <Field form={form} name="title" label="Title" errors={errors} value={values.title} maxLength={200} />
      <TextArea form={form} name="text" label="What the learner does" value={values.text} errors={errors} />
      <Field form={form} name="durationMin" type="number" label="Takes at least (optional)" errors={errors} value={values.durationMin} required={false} min={0} max={1000} />
      <Field form={form} name="durationMax" type="number" label="Takes at most (optional)" errors={errors} value={values.durationMax} required={false} min={0} max={1000} />
      <Select form={form} name="durationUnit" label="Unit of time" value={values.durationUnit || 'months'} errors={errors}>
        {DURATION_UNITS.map((u) => <option key={u} value={u}>{u}</option>)}
      </Select>
      <Select form={form} name="credential" label="Credential it leads to" value={values.credential ?? ''} errors={errors} hint="A local credential of your school, or one from the catalog.">
        <option value="">None</option>
        {credentials.local.length > 0 ? (
          <optgroup label="Your school’s credentials">
            {credentials.local.map((c) => <option key={c.id} value={`school:${c.id}`}>{c.title}</option>)}
          </optgroup>
        ) : null}
        {credentials.catalog.length > 0 ? (
          <optgroup label="Catalog credentials">
            {credentials.catalog.map((c) => <option key={c.id} value={`catalog:${c.id}`}>{c.title}</option>)}
          </optgroup>
        ) : null}
      </Select>
    </>
  )
}

function ContentFacts({ content, label }: { content: StepContent; label?: string }) {
  const duration = durationText(content)
  const items: [string, ReactNode][] = [
    ...(label ? [['Version', label] as [string, ReactNode]] : []),
    ['Section', sectionWords(content.section)], ['Title', content.title], ['Text', content.text],
    ...(duration ? [['Takes', duration] as [string, ReactNode]] : []),
    ...(content.credentialId ? [['Credential', content.credentialId] as [string, ReactNode]] : []),
  ]
  return <Facts items={items} />
}

const FIELD_WORDS: Record<string, string> = {
  section: 'Section', title: 'Title', text: 'Text', durationMin: 'Takes at least', durationMax: 'Takes at most', durationUnit: 'Unit of time', credentialId: 'Credential',
}
const show = (v: string | number | null): string => (v === null || v === '' ? '(none)' : String(v))
const KIND_WORDS: Record<ChangeView['kind'], string> = { added: 'Added in the catalog', removed: 'Removed from the catalog', changed: 'Changed in the catalog' }

function ChangeCard({ schoolId, pathwayId, change, csrf, canManage }: { schoolId: string; pathwayId: string; change: ChangeView; csrf: string | undefined; canManage: boolean }) {
  const title = change.after?.title ?? change.before?.title ?? change.key
  const headingId = `change-${change.key.replace(/[^A-Za-z0-9-]/g, '-')}`
  const action = pathwayHref(schoolId, pathwayId, `/upstream/${encodeURIComponent(change.key)}`)
  const local = change.local
  return (
    <li className="item-card">
      <h3 className="item-card-title" id={headingId}>{KIND_WORDS[change.kind]}: {title}{change.conflict ? <> <span className="badge badge-warn">conflict</span></> : null}</h3>
      {change.kind === 'changed' ? (
        <TableRegion label={`What changed in “${title}”`}>
          <table>
            <thead>
              <tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">Now in the catalog</th>{local && change.conflict ? <th scope="col">Your version</th> : null}</tr>
            </thead>
            <tbody>
              {change.fields.map((f) => (
                <tr key={f.field}>
                  <th scope="row">{FIELD_WORDS[f.field] ?? f.field}</th>
                  <td>{show(f.before)}</td>
                  <td>{show(f.after)}</td>
                  {local && change.conflict ? <td>{show((local as unknown as Record<string, string | number | null>)[f.field] ?? null)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : change.kind === 'added' ? <ContentFacts content={change.after!} label="New in the catalog" /> : <ContentFacts content={change.before!} label="As it was in the catalog" />}
      {change.conflict ? (
        <p>
          {change.localState === 'deleted'
            ? 'This step is not in your pathway (you removed it, or declined it earlier). Accepting puts the catalog’s version in; declining leaves it out.'
            : 'You edited this step. Accepting replaces your version with the catalog’s; declining keeps yours.'}
        </p>
      ) : change.kind === 'removed' && change.localState === 'deleted' ? <p>You had already removed this step.</p> : null}
      {change.conflict && local ? <ContentFacts content={local} label="Your version" /> : null}
      {canManage ? (
        <div className="member-actions">
          <ButtonForm action={action} csrf={csrf} label={`Accept: ${title}`}>
            <input type="hidden" name="decision" value="accept" />
            <input type="hidden" name="hash" value={change.hash} />
          </ButtonForm>
          <ButtonForm action={action} csrf={csrf} label={`Decline: ${title}`}>
            <input type="hidden" name="decision" value="decline" />
            <input type="hidden" name="hash" value={change.hash} />
          </ButtonForm>
        </div>
      ) : null}
    </li>
  )
}

export interface DetailProps {
  school: SchoolView
  pathway: PathwayDetail
  changes: readonly ChangeView[]
  credentials: CredentialChoices
  canManage: boolean
  csrf: string | undefined
  done?: string | undefined
  /** The form with errors: 'rename', 'add', 'step-<id>' or 'upstream'. */
  errorForm?: string
  errors: FormErrors
  values: StepFormValues & { name?: string }
}

export function PathwayDetailView(props: DetailProps) {
  const { school, pathway, changes, credentials, canManage, csrf, done, errorForm, errors, values } = props
  const errorsFor = (form: string): FormErrors => (errorForm === form ? errors : { fields: {}, form: [] })
  const steps = pathway.items
  const conflicts = changes.filter((c) => c.conflict).length
  return (
    <>
      <h1>{pathway.title}</h1>
      <PathwaysNav schoolId={school.id} current="" />
      <DoneNotice done={done} />
      <Facts items={[
        ['Career', <a href={`/careers/${encodeURIComponent(pathway.career.slug)}`}>{pathway.career.title ?? pathway.career.slug}</a>],
        ['Steps', `${pathway.steps.upstream} from the catalog, ${pathway.steps.local} of your own`],
        ['School', school.name],
      ]} />

      <section aria-labelledby="upstream-heading">
        <h2 id="upstream-heading">Changes in the catalog pathway</h2>
        <ErrorSummary form="upstream" errors={errorsFor('upstream')} labels={{}} />
        {changes.length === 0 ? <p>Your copy is up to date with the catalog pathway.</p> : (
          <>
            <p>{changes.length === 1 ? 'One change' : `${changes.length} changes`} since you last reviewed{conflicts > 0 ? `, ${conflicts} touching steps you changed` : ''}. Accept a change to take it into your pathway, or decline it to keep yours; you will not be asked about it again unless the catalog changes that step again.</p>
            {canManage && changes.length > conflicts ? (
              <ButtonForm action={pathwayHref(school.id, pathway.id, '/upstream-accept-all')} csrf={csrf} label="Accept every change without a conflict" />
            ) : null}
            <ul className="item-cards">
              {changes.map((c) => <ChangeCard key={c.key} schoolId={school.id} pathwayId={pathway.id} change={c} csrf={csrf} canManage={canManage} />)}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">Steps, in your order</h2>
        {steps.length === 0 ? <p>This pathway has no steps yet.</p> : (
          <ol className="item-cards">
            {steps.map((s, i) => {
              const form = `step-${s.id}`
              const duration = durationText(s)
              return (
                <li key={s.id} id={form} className="item-card">
                  <h3 className="item-card-title">
                    {i + 1}. {s.title}{' '}
                    <span className="badge">{s.origin === 'local' ? 'your own step' : s.edited ? 'from the catalog, edited' : 'from the catalog'}</span>
                  </h3>
                  <Facts items={[
                    ['Section', sectionWords(s.section)], ['What the learner does', s.text],
                    ...(duration ? [['Takes', duration] as [string, ReactNode]] : []),
                    ...(s.schoolCredential ? [['Credential', `${s.schoolCredential.title} (your school)`] as [string, ReactNode]] : []),
                    ...(s.credential ? [['Credential', s.credential.title] as [string, ReactNode]] : []),
                  ]} />
                  {canManage ? (
                    <>
                      <div className="member-actions">
                        {i > 0 ? (
                          <ButtonForm action={pathwayHref(school.id, pathway.id, `/steps/${encodeURIComponent(s.id)}/move`)} csrf={csrf} label={`Move “${s.title}” up`}>
                            <input type="hidden" name="direction" value="up" />
                          </ButtonForm>
                        ) : null}
                        {i < steps.length - 1 ? (
                          <ButtonForm action={pathwayHref(school.id, pathway.id, `/steps/${encodeURIComponent(s.id)}/move`)} csrf={csrf} label={`Move “${s.title}” down`}>
                            <input type="hidden" name="direction" value="down" />
                          </ButtonForm>
                        ) : null}
                        <ButtonForm action={pathwayHref(school.id, pathway.id, `/steps/${encodeURIComponent(s.id)}/delete`)} csrf={csrf} label={`Remove “${s.title}”`} />
                      </div>
                      <details {...(errorForm === form ? { open: true } : {})}>
                        <summary>Edit “{s.title}”</summary>
                        <ErrorSummary form={form} errors={errorsFor(form)} labels={FIELD_WORDS} />
                        <form method="post" action={pathwayHref(school.id, pathway.id, `/steps/${encodeURIComponent(s.id)}`)} className="stack-form" noValidate>
                          <CsrfField token={csrf} />
                          <StepFields form={form} values={errorForm === form ? values : stepFormValues(s)} errors={errorsFor(form)} credentials={credentials} />
                          {s.origin === 'upstream' ? <p className="field-hint">A step from the catalog that you edit is marked edited: if the catalog changes it later, you choose between the two versions.</p> : null}
                          <button type="submit">Save step</button>
                        </form>
                      </details>
                    </>
                  ) : null}
                </li>
              )
            })}
          </ol>
        )}
      </section>

      {canManage ? (
        <>
          <section aria-labelledby="add-heading">
            <h2 id="add-heading">Add a step of your own</h2>
            <ErrorSummary form="add" errors={errorsFor('add')} labels={FIELD_WORDS} />
            <form method="post" action={pathwayHref(school.id, pathway.id, '/steps')} className="stack-form" noValidate>
              <CsrfField token={csrf} />
              <StepFields form="add" values={errorForm === 'add' ? values : {}} errors={errorsFor('add')} credentials={credentials} />
              <Select form="add" name="position" label="Place" value={errorForm === 'add' ? values.position ?? '' : ''} errors={errorsFor('add')}>
                <option value="">At the end</option>
                {steps.map((s, i) => <option key={s.id} value={String(i)}>Before step {i + 1}: {s.title}</option>)}
              </Select>
              <button type="submit">Add step</button>
            </form>
            <p>Need a credential of your own? <a href={schoolHref(school.id, '/credentials')}>Add a local credential</a>.</p>
          </section>
          <section aria-labelledby="rename-heading">
            <h2 id="rename-heading">Rename or delete</h2>
            <ErrorSummary form="rename" errors={errorsFor('rename')} labels={{ title: 'Title' }} />
            <form method="post" action={pathwayHref(school.id, pathway.id)} className="stack-form" noValidate>
              <CsrfField token={csrf} />
              <Field form="rename" name="title" label="Title" errors={errorsFor('rename')} value={errorForm === 'rename' ? values.name : pathway.title} maxLength={200} />
              <button type="submit">Rename</button>
            </form>
            <form method="post" action={pathwayHref(school.id, pathway.id, '/delete')} className="inline-form">
              <CsrfField token={csrf} />
              <button type="submit" className="danger">Delete this pathway</button>
            </form>
          </section>
        </>
      ) : null}
    </>
  )
}

// --- local credentials ---

export interface CredentialsProps {
  school: SchoolView
  credentials: readonly SchoolCredential[]
  skillNames: ReadonlyMap<string, string>
  canManage: boolean
  values: Record<string, string>
  errors: FormErrors
  csrf: string | undefined
  done?: string | undefined
  /** The credential whose edit form the errors belong to; the add form otherwise. */
  editing?: string | undefined
}

const CREDENTIAL_LABELS = { title: 'Title', issuer: 'Issuer', summary: 'Summary', hours: 'Hours', skills: 'Skills' }

function CredentialFields({ form, values, errors }: { form: string; values: Record<string, string>; errors: FormErrors }) {
  return (
    <>
      <Field form={form} name="title" label="Title" errors={errors} value={values.title} maxLength={200} />
      <Field form={form} name="issuer" label="Issuer" errors={errors} value={values.issuer} maxLength={200} />
      <Field form={form} name="summary" label="Summary (optional)" errors={errors} value={values.summary} required={false} maxLength={2000} />
      <Field form={form} name="hours" type="number" label="Hours of learning (optional)" errors={errors} value={values.hours} required={false} min={0} max={100000} />
      <Field form={form} name="skills" label="Skills it shows (optional)" hint="Skill names from the catalog, separated by commas, for example “SQL, Teamwork”." errors={errors} value={values.skills} required={false} maxLength={2000} />
    </>
  )
}

export function CredentialsView({ school, credentials, skillNames, canManage, values, errors, csrf, done, editing }: CredentialsProps) {
  return (
    <>
      <h1>Local credentials of {school.name}</h1>
      <PathwaysNav schoolId={school.id} current={schoolHref(school.id, '/credentials')} />
      <DoneNotice done={done} />
      <p>Credentials your school awards or recognises, which the steps of your adapted pathways can lead to.</p>
      {credentials.length === 0 ? <p>Your school has no local credentials yet.</p> : (
        <TableRegion label="Local credentials">
          <table>
            <caption className="visually-hidden">Local credentials, their issuers, hours and skills</caption>
            <thead>
              <tr><th scope="col">Credential</th><th scope="col">Issuer</th><th scope="col">Hours</th><th scope="col">Skills</th>{canManage ? <th scope="col">Actions</th> : null}</tr>
            </thead>
            <tbody>
              {credentials.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.title}{c.summary ? <span className="cell-note">{c.summary}</span> : null}</th>
                  <td>{c.issuer}</td>
                  <td>{c.hours ?? '—'}</td>
                  <td>{c.skills.length === 0 ? '—' : c.skills.map((s) => skillNames.get(s) ?? s).join(', ')}</td>
                  {canManage ? <td><ButtonForm action={schoolHref(school.id, `/credentials/${encodeURIComponent(c.id)}/delete`)} csrf={csrf} label={`Remove ${c.title}`} /></td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {canManage && credentials.length > 0 ? (
        <>
          <h2>Change a local credential</h2>
          {credentials.map((c) => {
            const form = `credential-${c.id}`
            const mine = editing === c.id
            const shown = mine ? values : { title: c.title, issuer: c.issuer, summary: c.summary ?? '', hours: c.hours === null ? '' : String(c.hours), skills: c.skills.map((s) => skillNames.get(s) ?? s).join(', ') }
            const own = mine ? errors : { fields: {}, form: [] }
            return (
              <details key={c.id} {...(mine ? { open: true } : {})}>
                <summary>Edit “{c.title}”</summary>
                <ErrorSummary form={form} errors={own} labels={CREDENTIAL_LABELS} />
                <form method="post" action={schoolHref(school.id, `/credentials/${encodeURIComponent(c.id)}`)} className="stack-form" noValidate>
                  <CsrfField token={csrf} />
                  <CredentialFields form={form} values={shown} errors={own} />
                  <button type="submit">Save credential</button>
                </form>
              </details>
            )
          })}
        </>
      ) : null}
      {canManage ? (
        <>
          <h2>Add a local credential</h2>
          <ErrorSummary form="credential" errors={editing ? { fields: {}, form: [] } : errors} labels={CREDENTIAL_LABELS} />
          <form method="post" action={schoolHref(school.id, '/credentials')} className="stack-form" noValidate>
            <CsrfField token={csrf} />
            <CredentialFields form="credential" values={editing ? {} : values} errors={editing ? { fields: {}, form: [] } : errors} />
            <button type="submit">Add credential</button>
          </form>
        </>
      ) : null}
    </>
  )
}

/**
 * The passport editor (/passport): the learner's skills, each with its level (a select with the six
 * level names and a Save button), where the level comes from, its evidence and a Remove button; a
 * form adding a skill through the picker; earned credentials (added through a credential picker);
 * and target careers. Every change is its own small form, so each works without JavaScript.
 */
import type { StoredPassport, StoredSkill } from '../../server/modules/passport/passport.schema.js'
import type { FormErrors } from '../forms/form-errors.js'
import { displayTitle } from '../format.js'
import { careerHref, credentialHref, skillHref, withQuery } from '../links.js'
import { ButtonForm, CsrfField, ErrorSummary, Field } from '../ui/form.js'
import { DoneNotice, LevelSelect, levelName, PassportNav, sourceWords } from './passport-nav.js'
import { Picker, type PickerChoice } from './skill-picker.js'

export interface PickerForm {
  values: Readonly<Record<string, string>>
  errors: FormErrors
  choices?: readonly PickerChoice[]
}

export interface EditorProps {
  passport: StoredPassport
  csrf: string | undefined
  done?: string
  forms: { skill: PickerForm; credential: PickerForm; target: PickerForm; evidence?: PickerForm & { skill: string } }
  pickerScript: string
}

const skillPath = (skill: string, action = ''): string => `/passport/skills/${encodeURIComponent(skill)}${action}`

function EvidenceList({ evidence }: { evidence: StoredSkill['evidence'] }) {
  if (evidence.length === 0) return <>none yet</>
  return (
    <ul className="plain-list">
      {evidence.map((e, i) => <li key={i}>{e.url && /^https?:\/\//.test(e.url) ? <a href={e.url}>{e.title}</a> : e.title}{e.date ? ` (${e.date})` : ''}</li>)}
    </ul>
  )
}

function EvidenceForm({ skill, csrf, form }: { skill: StoredSkill; csrf: string | undefined; form?: EditorProps['forms']['evidence'] }) {
  const mine = form?.skill === skill.skill ? form : undefined
  const formId = `evidence-${skill.skill.replace(/[^A-Za-z0-9_-]/g, '_')}`
  return (
    <details className="fold" {...(mine ? { open: true } : {})}>
      <summary>Add evidence<span className="visually-hidden"> for {skill.name}</span></summary>
      <form method="post" action={skillPath(skill.skill, '/evidence')} className="stack-form" noValidate>
        <CsrfField token={csrf} />
        <Field form={formId} name="title" label="What shows it" hint="A project, a job, a piece of work." errors={mine?.errors ?? { fields: {}, form: [] }} value={mine?.values.title} maxLength={200} />
        <Field form={formId} name="url" label="Link (optional)" required={false} errors={mine?.errors ?? { fields: {}, form: [] }} value={mine?.values.url} maxLength={2000} />
        <button type="submit">Save evidence</button>
      </form>
    </details>
  )
}

function SkillCard({ skill, csrf, evidenceForm }: { skill: StoredSkill; csrf: string | undefined; evidenceForm?: EditorProps['forms']['evidence'] }) {
  const selectId = `level-${skill.skill.replace(/[^A-Za-z0-9_-]/g, '_')}`
  return (
    <li className="item-card">
      <h3 className="item-card-title"><a href={skillHref(skill.skill)}>{skill.name}</a> <span className="badge">{skill.level} {levelName(skill.level)}</span></h3>
      <form method="post" action={skillPath(skill.skill)} className="inline-form">
        <CsrfField token={csrf} />
        <LevelSelect id={selectId} label={`Level of ${skill.name}`} value={skill.level} />
        <button type="submit">Save level<span className="visually-hidden"> of {skill.name}</span></button>
      </form>
      <dl className="facts">
        <div><dt>Where the level comes from</dt><dd>{sourceWords(skill.source)}</dd></div>
        <div><dt>Evidence</dt><dd><EvidenceList evidence={skill.evidence} /></dd></div>
      </dl>
      <EvidenceForm skill={skill} csrf={csrf} form={evidenceForm} />
      <ButtonForm action={skillPath(skill.skill, '/remove')} csrf={csrf} label={`Remove ${skill.name}`} />
    </li>
  )
}

function AddSkillForm({ csrf, form }: { csrf: string | undefined; form: PickerForm }) {
  const level = Number(form.values.level ?? '2')
  return (
    <form method="post" action="/passport/skills" className="stack-form" noValidate>
      <CsrfField token={csrf} />
      <Picker form="add-skill" kind="skill" label="Skill" hint="Start typing, then choose from the list; or type the skill's full name." errors={form.errors} value={form.values.name} choices={form.choices} />
      <div className="form-field">
        <LevelSelect id="add-skill-level" label="Your level" value={Number.isInteger(level) && level >= 0 && level <= 5 ? level : 2} />
      </div>
      <button type="submit">Add skill</button>
    </form>
  )
}

export function EditorView({ passport, csrf, done, forms, pickerScript }: EditorProps) {
  return (
    <>
      <h1>Your skills passport</h1>
      <PassportNav current="/passport" />
      <DoneNotice done={done} />
      <p className="lead">Your skills on one scale from 0 (none) to 5 (expert), the credentials you have earned and the careers you aim for. Gaps, matches and plans are worked out from it.</p>
      <ErrorSummary form="add-skill" errors={forms.skill.errors} labels={{ name: 'Skill', level: 'Your level' }} />
      <ErrorSummary form="add-credential" errors={forms.credential.errors} labels={{ name: 'Credential', earnedOn: 'Earned on' }} />
      <ErrorSummary form="add-target" errors={forms.target.errors} labels={{ name: 'Career' }} />

      <h2 id="skills">Your skills</h2>
      {passport.skills.length === 0 ? <p>Your passport has no skills yet. Add the first one below.</p> : (
        <ul className="item-cards">
          {passport.skills.map((s) => <SkillCard key={s.skill} skill={s} csrf={csrf} evidenceForm={forms.evidence} />)}
        </ul>
      )}
      <h2 id="add-skill">Add a skill</h2>
      <AddSkillForm csrf={csrf} form={forms.skill} />

      <h2 id="credentials">Earned credentials</h2>
      {passport.credentials.length === 0 ? <p>No earned credentials yet. A credential adds the skills it teaches to your passport.</p> : (
        <ul className="item-cards">
          {passport.credentials.map((c) => (
            <li key={c.credential} className="item-card">
              <h3 className="item-card-title">{c.title ? <a href={credentialHref(c.credential)}>{c.title}</a> : c.credential}</h3>
              <p className="item-meta">Earned on {c.earnedOn}{c.recordedBy === 'plan' ? ' · recorded from a plan' : ''}</p>
              <ButtonForm action={`/passport/credentials/${encodeURIComponent(c.credential)}/remove`} csrf={csrf} label={`Remove ${c.title ?? c.credential}`} />
            </li>
          ))}
        </ul>
      )}
      <form method="post" action="/passport/credentials" className="stack-form" noValidate>
        <CsrfField token={csrf} />
        <Picker form="add-credential" kind="credential" label="Credential you have earned" errors={forms.credential.errors} value={forms.credential.values.name} choices={forms.credential.choices} />
        <Field form="add-credential" name="earnedOn" type="date" label="Earned on (optional)" required={false} errors={forms.credential.errors} value={forms.credential.values.earnedOn} />
        <button type="submit">Add credential</button>
      </form>

      <h2 id="targets">Target careers</h2>
      {passport.targets.length === 0 ? <p>No target careers yet. Add one to see your gap to it and plan for it.</p> : (
        <ul className="item-cards">
          {passport.targets.map((c) => (
            <li key={c.slug} className="item-card">
              <h3 className="item-card-title"><a href={careerHref(c.slug)}>{displayTitle(c.title)}</a></h3>
              <p className="inline-links">
                <a href={withQuery('/passport/gaps', { career: c.slug })}>Your gap<span className="visually-hidden"> to {displayTitle(c.title)}</span></a>{' '}
                <a href={withQuery('/passport/plans', { career: c.slug })}>Plan for it<span className="visually-hidden">: {displayTitle(c.title)}</span></a>
              </p>
              <ButtonForm action="/passport/targets/remove" csrf={csrf} label={`Remove ${displayTitle(c.title)} from targets`}>
                <input type="hidden" name="career" value={c.slug} />
              </ButtonForm>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action="/passport/targets" className="stack-form" noValidate>
        <CsrfField token={csrf} />
        <Picker form="add-target" kind="career" label="Career to aim for" errors={forms.target.errors} value={forms.target.values.name} choices={forms.target.choices} />
        <button type="submit">Add target</button>
      </form>
      <script src={pickerScript} defer />
    </>
  )
}

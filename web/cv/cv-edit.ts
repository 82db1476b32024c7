/**
 * The CV editor's state and edits, pure. The page keeps the CV being edited in one hidden field
 * (JSON, checked against the Cv schema on every post — never trusted), and each post applies the
 * visible fields (named by JSON pointer), the checkboxes and one action (move a section, open, add
 * or remove an entry, take the summary suggestion). Errors come back by pointer, beside the field.
 */
import { Value } from 'typebox/value'
import { Cv, type CvDocument } from '../../server/modules/cv/index.js'
import { SECTION_KINDS, type SectionKind } from '../../server/modules/cv/cv.schema.js'
import type { FormFields } from '../forms/form-body.js'

export type { SectionKind }
export { SECTION_KINDS }

/** The fields an open entry shows, per section (the rest of an entry is kept as it is). */
export const ENTRY_FIELDS: Record<SectionKind, readonly { key: string; label: string; long?: boolean; level?: boolean }[]> = {
  work: [{ key: 'name', label: 'Employer' }, { key: 'position', label: 'Position' }, { key: 'startDate', label: 'Start (YYYY-MM)' }, { key: 'endDate', label: 'End (YYYY-MM)' }, { key: 'summary', label: 'Summary', long: true }],
  education: [{ key: 'institution', label: 'Institution' }, { key: 'area', label: 'Field of study' }, { key: 'studyType', label: 'Degree' }, { key: 'startDate', label: 'Start (YYYY)' }, { key: 'endDate', label: 'End (YYYY)' }],
  projects: [{ key: 'name', label: 'Project name' }, { key: 'description', label: 'Description', long: true }, { key: 'url', label: 'Link (https://…)' }],
  skills: [{ key: 'name', label: 'Skill' }, { key: 'level', label: 'Level (0–5)', level: true }],
  certificates: [{ key: 'name', label: 'Certificate' }, { key: 'issuer', label: 'Issuer' }, { key: 'date', label: 'Date (YYYY-MM-DD)' }],
  languages: [{ key: 'language', label: 'Language' }, { key: 'fluency', label: 'Fluency' }],
}

export const BASICS_FIELDS = [
  { key: 'name', label: 'Name' }, { key: 'label', label: 'Headline' }, { key: 'email', label: 'Email' },
  { key: 'phone', label: 'Phone' }, { key: 'url', label: 'Website (https://…)' }, { key: 'summary', label: 'Summary', long: true },
] as const

const NEW_ENTRY: Record<SectionKind, object> = {
  work: { name: 'New employer' }, education: { institution: 'New institution' }, projects: { name: 'New project' },
  skills: { name: 'New skill', level: 2 }, certificates: { name: 'New certificate' }, languages: { language: 'New language' },
}

export interface Open { kind: SectionKind; index: number }

const isKind = (k: string | undefined): k is SectionKind => (SECTION_KINDS as readonly string[]).includes(k ?? '')

/** The CV in the hidden field, if it is one. */
export function parseState(raw: string): CvDocument | undefined {
  try {
    const value: unknown = JSON.parse(raw)
    return Value.Check(Cv, value) ? (value as CvDocument) : undefined
  } catch {
    return undefined
  }
}

export function parseOpen(raw: string, cv: CvDocument): Open | undefined {
  const [kind, index] = raw.split(':')
  const i = Number(index)
  return isKind(kind) && Number.isInteger(i) && i >= 0 && i < cv[kind].length ? { kind, index: i } : undefined
}

/** Section order as shown: the layout's order, then the rest in the default order. */
export function orderOf(cv: CvDocument): SectionKind[] {
  const given = cv.layout?.order ?? []
  return [...given, ...SECTION_KINDS.filter((k) => !given.includes(k))]
}

const first = (form: FormFields, name: string): string | undefined => form[name]?.[0]

function setOptional(target: Record<string, unknown>, key: string, raw: string | undefined, asNumber = false): void {
  if (raw === undefined) return
  const value = raw.trim()
  if (value === '') delete target[key]
  else target[key] = asNumber && /^-?\d+$/.test(value) ? Number(value) : value
}

/** The visible fields and checkboxes applied to a copy of the CV (not yet validated). */
export function applyFields(cv: CvDocument, form: FormFields, open: Open | undefined): CvDocument {
  const next = structuredClone(cv) as CvDocument
  const basics = next.basics as Record<string, unknown>
  for (const f of BASICS_FIELDS) {
    const raw = first(form, `/basics/${f.key}`)
    if (f.key === 'name') { if (raw !== undefined) basics.name = raw.trim() } else setOptional(basics, f.key, raw)
  }
  if (open) {
    const entry = next[open.kind][open.index] as Record<string, unknown>
    for (const f of ENTRY_FIELDS[open.kind]) setOptional(entry, f.key, first(form, `/${open.kind}/${open.index}/${f.key}`), f.level)
  }
  const template = first(form, 'template')
  if (template === 'classic' || template === 'compact') next.template = template
  if (form['layout-sent']) {
    const hidden = (form['hide-section'] ?? []).filter(isKind)
    next.layout = { ...next.layout, hidden: [...new Set(hidden)] }
    const hiddenSkills = new Set(form['hide-skill'] ?? [])
    next.skills = next.skills.map((s, i) => {
      const skill = { ...s }
      if (hiddenSkills.has(String(i))) skill.hidden = true
      else delete skill.hidden
      return skill
    })
  }
  const career = first(form, 'career')
  if (career !== undefined) {
    if (career.trim() === '') delete next.career
    else next.career = career.trim().slice(0, 300)
  }
  return next
}

/** Schema errors by pointer ("/basics/email" → message). */
export function errorsOf(cv: CvDocument): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const e of Value.Errors(Cv, cv)) errors[e.instancePath] ??= messageFor(e.instancePath, e.message)
  return errors
}

function messageFor(pointer: string, message: string): string {
  if (/Date$|\/date$/.test(pointer)) return 'Enter a date as YYYY, YYYY-MM or YYYY-MM-DD.'
  if (/\/url$/.test(pointer)) return 'Enter a link starting with https:// or http://.'
  if (/\/email$/.test(pointer)) return 'Enter an email address like name@example.org.'
  if (/\/level$/.test(pointer)) return 'Enter a level from 0 to 5.'
  if (/must NOT have fewer than 1/.test(message)) return 'This cannot be empty.'
  if (/must NOT have more than/.test(message)) return 'This is too long.'
  return 'This value cannot be used.'
}

export type ActionResult = { cv: CvDocument; open?: Open }

/** One action of the editor's buttons applied to a valid CV. */
export function applyAction(cv: CvDocument, action: string, suggestion: string | undefined): ActionResult {
  const [verb, kind, index] = action.split(':')
  if (verb === 'use-summary' && suggestion) return { cv: { ...cv, basics: { ...cv.basics, summary: suggestion.slice(0, 2000) } } }
  if (!isKind(kind)) return { cv }
  if (verb === 'up' || verb === 'down') {
    const order = orderOf(cv)
    const at = order.indexOf(kind)
    const to = verb === 'up' ? at - 1 : at + 1
    if (to < 0 || to >= order.length) return { cv }
    ;[order[at], order[to]] = [order[to] as SectionKind, order[at] as SectionKind]
    return { cv: { ...cv, layout: { ...cv.layout, order } } }
  }
  if (verb === 'add') {
    if (cv[kind].length >= 30) return { cv }
    const entries = [...cv[kind], structuredClone(NEW_ENTRY[kind])] as never
    return { cv: { ...cv, [kind]: entries }, open: { kind, index: cv[kind].length } }
  }
  const i = Number(index)
  if (!Number.isInteger(i) || i < 0 || i >= cv[kind].length) return { cv }
  if (verb === 'edit') return { cv, open: { kind, index: i } }
  if (verb === 'remove') return { cv: { ...cv, [kind]: cv[kind].filter((_, j) => j !== i) as never } }
  return { cv }
}

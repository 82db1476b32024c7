/**
 * A picker for a skill, a credential or a career: without JavaScript a labelled text field whose name the
 * server looks up; skill-picker.js turns it into a combobox that writes the chosen catalog id into
 * the hidden field beside it. When a typed name matched nothing exactly, the page comes back with the
 * nearest catalog entries as radio buttons (`choice`), so choosing still works without the script.
 */
import type { FormErrors } from '../forms/form-errors.js'
import { fieldId } from '../ui/form.js'

export interface PickerChoice {
  id: string
  title: string
}

export interface PickerProps {
  form: string
  kind: 'skill' | 'credential' | 'career'
  label: string
  hint?: string
  errors: FormErrors
  value?: string
  /** Near matches offered after a name matched nothing exactly. */
  choices?: readonly PickerChoice[]
}

/** The form field names a picker posts: the typed text, the chosen id (script) and the offered choice (radios). */
export const PICKER_FIELDS = { text: 'name', id: 'id', choice: 'choice' } as const

export function Picker({ form, kind, label, hint, errors, value, choices = [] }: PickerProps) {
  const id = fieldId(form, PICKER_FIELDS.text)
  const error = errors.fields[PICKER_FIELDS.text]
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ')
  return (
    <div className={error ? 'form-field has-error' : 'form-field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? <p id={`${id}-hint`} className="field-hint">{hint}</p> : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <div className="suggest">
        <input
          id={id}
          name={PICKER_FIELDS.text}
          type="text"
          maxLength={300}
          autoComplete="off"
          data-picker={kind}
          data-picker-target={`${form}-picked`}
          {...(value ? { defaultValue: value } : {})}
          {...(describedBy ? { 'aria-describedby': describedBy } : {})}
          {...(error ? { 'aria-invalid': true } : {})}
        />
      </div>
      <input type="hidden" id={`${form}-picked`} name={PICKER_FIELDS.id} value="" />
      {choices.length > 0 ? (
        <fieldset className="picker-choices">
          <legend>Did you mean one of these?</legend>
          {choices.map((c, i) => (
            <div className="check-field" key={c.id}>
              <input id={`${form}-choice-${i}`} type="radio" name={PICKER_FIELDS.choice} value={c.id} />
              <label htmlFor={`${form}-choice-${i}`}>{c.title}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
    </div>
  )
}

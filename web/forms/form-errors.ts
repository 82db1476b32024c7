/**
 * What a form shows when it is sent back: a message per field (next to the field, and linked from
 * the summary at the top) and messages about the form as a whole. The services' refusals
 * (AppError with `errors[].pointer` such as `/body/password`) become field messages; the rules stay
 * in the services, this only says where each message goes.
 */
import type { AppError } from '../../server/platform/http/errors.js'

export interface FormErrors {
  /** Field name → message. */
  fields: Readonly<Record<string, string>>
  /** Messages about the whole form. */
  form: readonly string[]
}

export const NO_ERRORS: FormErrors = { fields: {}, form: [] }

export const hasErrors = (e: FormErrors): boolean => Object.keys(e.fields).length > 0 || e.form.length > 0

export function fieldError(field: string, message: string): FormErrors {
  return { fields: { [field]: message }, form: [] }
}

export const formError = (message: string): FormErrors => ({ fields: {}, form: [message] })

/** Merges messages; the first message for a field wins. */
export function mergeErrors(...all: FormErrors[]): FormErrors {
  const fields: Record<string, string> = {}
  for (const e of all) for (const [k, v] of Object.entries(e.fields)) fields[k] ??= v
  return { fields, form: all.flatMap((e) => e.form) }
}

/**
 * A service's AppError as form messages: each `errors[]` item whose pointer names one of `known`
 * goes beside that field (the error's own sentence when it names one field only), the rest above the form.
 */
export function errorsFromAppError(error: AppError, known: readonly string[]): FormErrors {
  const items = (error.extensions.errors as { pointer?: string; message?: string }[] | undefined) ?? []
  const fields: Record<string, string> = {}
  const form: string[] = []
  for (const item of items) {
    const name = item.pointer?.split('/').at(-1) ?? ''
    const message = items.length === 1 ? error.message : `${name} ${item.message ?? 'is not valid'}`
    if (known.includes(name)) fields[name] ??= message
    else form.push(message)
  }
  if (items.length === 0) form.push(error.message)
  return { fields, form }
}

/** Checks that a field has a value of at most `max` characters; the message names the field. */
export function required(values: Readonly<Record<string, string>>, checks: readonly { name: string; label: string; max: number }[]): FormErrors {
  const fields: Record<string, string> = {}
  for (const { name, label, max } of checks) {
    const value = values[name] ?? ''
    if (value.trim() === '') fields[name] = `Enter ${label}.`
    else if ([...value].length > max) fields[name] = `${capitalise(label)} must have at most ${max} characters.`
  }
  return { fields, form: [] }
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

/** Seconds as words for "try again in …". */
export function waitWords(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} minute${minutes === 1 ? '' : 's'}`
}

/**
 * What an imported file must be before its skills are read: JSON (an object, or its text), at most
 * 1 MiB, recognisably a JSON Resume document, valid against the official schema
 * (`@jsonresume/schema`, checked with ajv), and with at most 500 skill names and keywords. Each
 * refusal is a 400 with a stable code and a JSON pointer (under `/resume`) per problem.
 */
import { createRequire } from 'node:module'
import { Ajv, type ErrorObject } from 'ajv'
import addFormats from 'ajv-formats'
import { AppError } from '../../platform/http/errors.js'

export const MAX_RESUME_BYTES = 1024 * 1024
export const MAX_IMPORTED_SKILLS = 500
const MAX_REPORTED = 20

const require = createRequire(import.meta.url)
const ajv = new Ajv({ allErrors: true, strict: false })
addFormats.default(ajv)
const validate = ajv.compile(require('@jsonresume/schema/schema.json') as Record<string, unknown>)

/** The top-level fields of JSON Resume 1.x; a document with none of them is something else. */
const RESUME_FIELDS = ['basics', 'work', 'volunteer', 'education', 'awards', 'certificates', 'publications', 'skills', 'languages', 'interests', 'references', 'projects', 'meta']

type Problem = { pointer: string; message: string }
const refuse = (code: string, message: string, errors: Problem[]) => new AppError(code, 400, message, { errors })

const pointerOf = (e: ErrorObject): string => {
  const missing = e.keyword === 'required' ? `/${String((e.params as { missingProperty?: string }).missingProperty ?? '')}` : ''
  return `/resume${e.instancePath}${missing}`
}

export type Resume = Record<string, unknown>

/** The resume as an object, or a 400 naming what is wrong with it. */
export function checkResume(input: unknown): Resume {
  let value = input
  if (typeof input === 'string') {
    if (Buffer.byteLength(input) > MAX_RESUME_BYTES) throw refuse('cv_import.too_large', 'The file is larger than 1 MiB.', [{ pointer: '/resume', message: 'at most 1 MiB' }])
    try {
      value = JSON.parse(input)
    } catch {
      throw refuse('cv_import.not_json', 'The file is not JSON.', [{ pointer: '/resume', message: 'not valid JSON text' }])
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw refuse('cv_import.not_object', 'A JSON Resume document is a JSON object.', [{ pointer: '/resume', message: `expected an object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}` }])
  }
  if (typeof input !== 'string' && Buffer.byteLength(JSON.stringify(value)) > MAX_RESUME_BYTES) {
    throw refuse('cv_import.too_large', 'The file is larger than 1 MiB.', [{ pointer: '/resume', message: 'at most 1 MiB' }])
  }
  const resume = value as Resume
  if (!RESUME_FIELDS.some((field) => Object.hasOwn(resume, field))) {
    throw refuse('cv_import.not_json_resume', 'This is not a JSON Resume document: it has none of its fields.', [{ pointer: '/resume', message: `expected at least one of ${RESUME_FIELDS.join(', ')}` }])
  }
  if (!validate(resume)) {
    const errors = (validate.errors ?? []).slice(0, MAX_REPORTED).map((e) => ({ pointer: pointerOf(e), message: e.message ?? e.keyword }))
    throw refuse('cv_import.invalid', 'The file does not follow the JSON Resume schema.', errors)
  }
  const skills = Array.isArray(resume.skills) ? (resume.skills as unknown[]) : []
  const count = skills.reduce<number>((n, s) => {
    const keywords = (s as { keywords?: unknown }).keywords
    return n + 1 + (Array.isArray(keywords) ? keywords.length : 0)
  }, 0)
  if (count > MAX_IMPORTED_SKILLS) {
    throw refuse('cv_import.too_many_skills', `The file names more than ${MAX_IMPORTED_SKILLS} skills and keywords.`, [{ pointer: '/resume/skills', message: `${count} names and keywords; at most ${MAX_IMPORTED_SKILLS}` }])
  }
  return resume
}

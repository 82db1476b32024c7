/**
 * HTML form bodies (application/x-www-form-urlencoded) for the account and school pages.
 *
 * Why the body is read in an onRequest hook: the authentication hook (identity/authentication.ts)
 * checks every cookie-authenticated write in onRequest — fetch metadata or Origin, then the
 * session-bound token in the `x-csrf-token` header — before any body is parsed, and a form without
 * JavaScript cannot send a header. So for routes marked `config.form`, this hook (installed before
 * the authentication hook) reads the form, keeps it for the route's parser, and presents the form's
 * hidden `_csrf` field as that header; the authentication hook then makes exactly the API's two
 * checks. A header sent by the client is dropped first: on these routes only the field counts.
 *
 * The JSON API is untouched: the hook does nothing for other routes, and the parser that hands the
 * kept form to the handler is registered only inside the pages' encapsulated scope (`useFormBodies`),
 * which accepts no other content type.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { CSRF_HEADER } from '../../server/modules/identity/index.js'
import { AppError } from '../../server/platform/http/errors.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A page route taking an HTML form post (form-body.ts). */
    form?: true
  }
}

export const FORM_TYPE = 'application/x-www-form-urlencoded'
/** The hidden field holding the session's CSRF token. */
export const CSRF_FIELD = '_csrf'
/** Forms here are a few short fields; 64 KiB is ample and bounds what is read before access checks. */
const MAX_FORM_BYTES = 64 * 1024
const MAX_FIELDS = 50

/** A parsed form: field name → its values in order (null prototype, so no name pollutes anything). */
export type FormFields = Readonly<Record<string, readonly string[]>>

const kept = new WeakMap<FastifyRequest, FormFields>()

const isForm = (contentType: string | undefined): boolean =>
  contentType !== undefined && contentType.split(';')[0]?.trim().toLowerCase() === FORM_TYPE

export function parseForm(text: string): FormFields {
  const fields: Record<string, string[]> = Object.create(null) as Record<string, string[]>
  let count = 0
  for (const [name, value] of new URLSearchParams(text)) {
    if (++count > MAX_FIELDS) throw new AppError('request.invalid', 400, 'The form has too many fields.')
    ;(fields[name] ??= []).push(value)
  }
  return fields
}

async function readText(request: FastifyRequest): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > MAX_FORM_BYTES) throw new AppError('request.too_large', 413, 'The form is too large.')
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request.raw) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string)
    size += buffer.length
    if (size > MAX_FORM_BYTES) throw new AppError('request.too_large', 413, 'The form is too large.')
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Root-level hook; app.ts installs it before the authentication hook (see the file comment). */
export function installFormBodies(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.form !== true || request.method !== 'POST') return
    delete request.headers[CSRF_HEADER]
    if (!isForm(request.headers['content-type'])) return // the scope's parser list answers 415
    const fields = parseForm(await readText(request))
    kept.set(request, fields)
    const token = fields[CSRF_FIELD]?.[0]
    if (token !== undefined) request.headers[CSRF_HEADER] = token
  })
}

/** In the pages' scope: form posts only; the body is the form the hook kept. */
export function useFormBodies(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers()
  scope.addContentTypeParser(FORM_TYPE, (request, _payload, done) => {
    const fields = kept.get(request)
    if (fields) done(null, fields)
    else done(new AppError('request.invalid', 400, 'The form could not be read.'), undefined)
  })
}

/** The form of a request (empty when it had no body). */
export const formOf = (request: FastifyRequest): FormFields => kept.get(request) ?? (Object.create(null) as FormFields)

/** A field's first value, or '' when absent. */
export const text = (form: FormFields, name: string): string => form[name]?.[0] ?? ''

/** Every value of a repeated field (checkboxes). */
export const values = (form: FormFields, name: string): readonly string[] => form[name] ?? []

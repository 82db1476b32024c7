/**
 * Stateless CV routes for integrators under /api/v1/cv: a CV or a passport in the body, no account
 * needed, nothing stored. Every export is a download (attachment, nosniff); the HTML one also
 * carries a sandboxing CSP so it never runs as a page of this origin.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, onSendHookHandler } from 'fastify'
import * as S from '../../../shared/schemas.js'
import { CV_HTML_CSP } from './cv-html.js'
import { Cv, RenderBody, TailorAnswer, TailorBody } from './cv.schema.js'
import type { CvService, RenderedCv } from './cv.service.js'

const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, S.Problem]))

export const MAX_CV_BODY = 1024 * 1024

/** The download's own policy: nothing loads or runs, and a browser treats it as a sandboxed, opaque origin. */
export const DOWNLOAD_CSP = `${CV_HTML_CSP}; frame-ancestors 'none'; sandbox`

export const downloadHeaders: onSendHookHandler = (_request, reply, payload, done) => {
  if (reply.hasHeader('content-disposition')) reply.header('content-security-policy', DOWNLOAD_CSP)
  done(null, payload)
}

export function sendRendered(reply: FastifyReply, rendered: RenderedCv) {
  return reply
    .header('content-disposition', rendered.contentDisposition)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .type(rendered.contentType)
    .send(rendered.body)
}

/** The 200 answer of an export route, one media type per format. */
export const ExportAnswer = {
  description: 'The CV as an attachment: application/json (JSON Resume), text/html or application/pdf',
  content: {
    'application/json': { schema: { type: 'object', description: 'A JSON Resume 1.x document with `x-pathways` extension fields (skill ids, layout, tailoring)' } },
    'text/html': { schema: { type: 'string', description: 'A complete, script-free HTML document' } },
    'application/pdf': { schema: { type: 'string', format: 'binary' } },
  },
}

const SOURCE_NOTE = 'Give either `cv` (the `Cv` schema) or `passport` (the `Passport` schema; its skills, earned credentials and evidence pre-fill a CV, with `basics` for the name and contact details) — one of them, or 400 cv.source_required. With `career` (a slug or official code) the skills the career asks for come first by its importance and the summary, when empty, gets a suggested line.'

export const cvRoutes: FastifyPluginAsyncTypebox<{ cv: CvService }> = async (app, { cv }) => {
  app.addSchema(Cv)
  const tags = ['cv']

  app.post('/cv/render', {
    config: { operation: 'public' },
    bodyLimit: MAX_CV_BODY,
    onSend: downloadHeaders,
    schema: {
      tags, summary: 'Render a CV as JSON Resume, HTML or PDF',
      description: `Stateless: nothing is stored. JSON Resume validates against the official schema (\`@jsonresume/schema\`) and keeps every skill's catalog id, ESCO URI and O*NET element under \`skills[].x-pathways\`. HTML is a print-ready document with no script. PDF is made in process (A4, templates classic and compact, selectable text, embedded DejaVu fonts covering Latin, Greek, Cyrillic, Armenian and Georgian). Body at most 1 MiB. ${SOURCE_NOTE}`,
      body: RenderBody,
      response: { 200: ExportAnswer, ...problems(400, 404, 413, 415) },
    },
  }, async (req, reply) => {
    const { cv: built, tailoring } = cv.build(req.body)
    return sendRendered(reply, await cv.render(built, req.body.format, tailoring))
  })

  app.post('/cv/tailor', {
    config: { operation: 'public' },
    bodyLimit: MAX_CV_BODY,
    schema: {
      tags, summary: 'Build a CV from a passport and tailor it to a career',
      description: `Answers the CV (for an editor to show) and, with a career, what tailoring found: the matched skills by importance, the career's skills the CV lacks (\`missingKeywords\`, heaviest first) and a one-line summary suggestion from the career title and the top matched skills. The learner's own summary is never replaced. ${SOURCE_NOTE}`,
      body: TailorBody,
      response: { 200: TailorAnswer, ...problems(400, 404, 413, 415) },
    },
  }, async (req) => cv.build(req.body))
}

/**
 * Stateless cover-letter routes under /api/v1/cover-letter: a draft for a career from a CV or a
 * passport, and a letter rendered for download (attachment, nosniff, no-store; the HTML one with a
 * sandboxing CSP of its own). Public, nothing stored.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { onSendHookHandler } from 'fastify'
import * as S from '../../../shared/schemas.js'
import { LETTER_DOWNLOAD_CSP } from './cover-letter-render.js'
import { CoverLetter, DraftAnswer, DraftBody, LetterRenderBody } from './cover-letter.schema.js'
import type { CoverLetterService } from './cover-letter.service.js'
import { MAX_CV_BODY, sendRendered } from './cv.routes.js'

const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, S.Problem]))

export const letterDownloadHeaders: onSendHookHandler = (_request, reply, payload, done) => {
  if (reply.hasHeader('content-disposition')) reply.header('content-security-policy', LETTER_DOWNLOAD_CSP)
  done(null, payload)
}

export const coverLetterRoutes: FastifyPluginAsyncTypebox<{ letters: CoverLetterService }> = async (app, { letters }) => {
  app.addSchema(CoverLetter)
  const tags = ['cv']

  app.post('/cover-letter/draft', {
    config: { operation: 'public' },
    bodyLimit: MAX_CV_BODY,
    schema: {
      tags, summary: 'Draft a cover letter for a career',
      description: 'From a CV (`cv`) or a passport (`passport`, with `basics`) — exactly one — and a career (slug or official code): a greeting, why this career (its title and summary), two or three matched skills with the CV\'s projects as proof, the career\'s missing skills as what the learner is learning, and a closing. Plain data for the learner to edit; nothing is stored.',
      body: DraftBody,
      response: { 200: DraftAnswer, ...problems(400, 404, 413, 415) },
    },
  }, async (req) => ({ letter: letters.draft(req.body) }))

  app.post('/cover-letter/render', {
    config: { operation: 'public' },
    bodyLimit: MAX_CV_BODY,
    onSend: letterDownloadHeaders,
    schema: {
      tags, summary: 'Render a cover letter as HTML, PDF or JSON',
      description: 'A download (attachment): a script-free HTML document, an A4 PDF in DejaVu Serif, or the letter as JSON. Stateless.',
      body: LetterRenderBody,
      response: {
        200: {
          description: 'The letter as an attachment',
          content: {
            'text/html': { schema: { type: 'string' } },
            'application/pdf': { schema: { type: 'string', format: 'binary' } },
            'application/json': { schema: { type: 'object' } },
          },
        },
        ...problems(400, 413, 415),
      },
    },
  }, async (req, reply) => sendRendered(reply, await letters.render(req.body.letter, req.body.format)))
}

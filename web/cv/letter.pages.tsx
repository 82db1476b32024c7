/**
 * GET /cover-letter: choose a career (and who the letter is for) to draft from. POST /cover-letter:
 * "Draft" builds the letter from the learner's CV (their passport) for that career; otherwise the
 * edited letter (every field, paragraphs one per box) is checked against the schema and shown
 * again, or downloaded as HTML, PDF or JSON with the API's headers.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { Value } from 'typebox/value'
import { letterDownloadHeaders } from '../../server/modules/cv/cover-letter.routes.js'
import { CoverLetter, type CoverLetterDocument, type LetterFormat } from '../../server/modules/cv/cover-letter.index.js'
import { sendRendered } from '../../server/modules/cv/cv.routes.js'
import { AppError } from '../../server/platform/http/errors.js'
import { csrfOf, sendPage } from '../account/page-kit.js'
import { formOf, text, values, type FormFields } from '../forms/form-body.js'
import { formPost, learnerCv, readPage, type CvPagesOptions } from './cv-kit.js'
import { LetterView } from './letter-view.js'

const FORMATS: readonly LetterFormat[] = ['pdf', 'html', 'json']

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim())

/** The letter the form describes (not yet checked). */
function letterOf(form: FormFields): CoverLetterDocument {
  let career: CoverLetterDocument['career']
  try {
    const parsed = JSON.parse(text(form, 'letter-career')) as unknown
    if (parsed && typeof parsed === 'object') career = parsed as CoverLetterDocument['career']
  } catch { career = undefined }
  const recipientName = optional(text(form, 'recipient-name'))
  const organisation = optional(text(form, 'recipient-organisation'))
  const email = optional(text(form, 'sender-email'))
  const phone = optional(text(form, 'sender-phone'))
  const date = optional(text(form, 'date'))
  return {
    sender: { name: text(form, 'sender-name').trim(), ...(email ? { email } : {}), ...(phone ? { phone } : {}) },
    ...(recipientName || organisation ? { recipient: { ...(recipientName ? { name: recipientName } : {}), ...(organisation ? { organisation } : {}) } } : {}),
    ...(career ? { career } : {}),
    ...(date ? { date } : {}),
    greeting: text(form, 'greeting').trim(),
    paragraphs: values(form, 'paragraph').map((p) => p.trim()).filter((p) => p !== ''),
    closing: text(form, 'closing').trim(),
    signature: text(form, 'signature').trim(),
  }
}

export const letterPages: FastifyPluginAsync<CvPagesOptions> = async (app, options) => {
  async function page(req: FastifyRequest, reply: FastifyReply, props: { letter?: CoverLetterDocument; career?: string; errors?: Record<string, string> }, status = 200) {
    const { stored } = await learnerCv(req, options)
    return sendPage(req, reply, options, {
      title: 'Cover letter', status,
      body: <LetterView targets={stored.targets} csrf={csrfOf(req, options.identity)} letter={props.letter} career={props.career} errors={props.errors ?? {}} />,
    })
  }

  app.get('/cover-letter', readPage, async (req, reply) => page(req, reply, {}))

  app.post('/cover-letter', { ...formPost, onSend: letterDownloadHeaders }, async (req, reply) => {
    const form = formOf(req)
    const action = text(form, 'action')
    if (action === 'draft') {
      const career = text(form, 'career').trim()
      if (career === '') return page(req, reply, { errors: { career: 'Choose the career the letter is for.' } }, 400)
      const { cv } = await learnerCv(req, options)
      const recipientName = optional(text(form, 'recipient-name'))
      const organisation = optional(text(form, 'recipient-organisation'))
      try {
        const letter = options.letters.draft({ cv, career, recipient: { ...(recipientName ? { name: recipientName.slice(0, 200) } : {}), ...(organisation ? { organisation: organisation.slice(0, 200) } : {}) } })
        return page(req, reply, { letter, career })
      } catch (error) {
        if (error instanceof AppError && error.status === 404) return page(req, reply, { errors: { career: 'Choose a career from the list.' } }, 400)
        throw error
      }
    }
    const letter = letterOf(form)
    if (!Value.Check(CoverLetter, letter)) {
      const errors: Record<string, string> = {}
      for (const e of Value.Errors(CoverLetter, letter)) errors[e.instancePath] ??= /email/.test(e.instancePath) ? 'Enter an email address like name@example.org.' : 'This is too long, or cannot be used.'
      return page(req, reply, { letter, errors }, 400)
    }
    const format = FORMATS.find((f) => action === `export:${f}`)
    if (format) return sendRendered(reply, await options.letters.render(letter, format))
    return page(req, reply, { letter })
  })
}

/**
 * GET /cv: the learner's CV built from their passport, in the editor, with their saved CVs listed.
 * GET /cv/saved/{id}: a saved CV in the editor. POST /cv: the editor's one form — the CV in its
 * hidden field (checked against the schema), the fields applied, then the button's action; answers
 * the editor again (or 400 with errors beside the fields) or, for an export button, the download
 * with the API's headers (attachment, nosniff, sandboxing CSP). POST /cv/save (the Save button's
 * formaction): the same edits stored as a saved CV (new, or the one open), then 303 to it.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { downloadHeaders, sendRendered } from '../../server/modules/cv/cv.routes.js'
import type { CvFormat, Tailoring } from '../../server/modules/cv/cv.schema.js'
import type { CvDocument } from '../../server/modules/cv/index.js'
import { AppError } from '../../server/platform/http/errors.js'
import { csrfOf, seeOther, sendPage } from '../account/page-kit.js'
import { requireUser } from '../../server/modules/identity/index.js'
import { formOf, text, type FormFields } from '../forms/form-body.js'
import { applyAction, applyFields, errorsOf, parseOpen, parseState, type Open } from './cv-edit.js'
import { CvEditorView } from './cv-editor-view.js'
import { formPost, learnerCv, readPage, type CvPagesOptions } from './cv-kit.js'
import type { SavedRef } from './cv-editor-view.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const savedPage = { schema: { hide: true }, config: { operation: 'me.cv.read' as const } }
const savePost = { schema: { hide: true }, config: { operation: 'me.cv.write' as const, form: true as const } }

/** The saved CV the form names and the title typed for it. */
const savedOf = (form: FormFields): { id: string | undefined; title: string } => {
  const id = text(form, 'saved')
  return { id: UUID.test(id) ? id : undefined, title: text(form, 'title').trim() }
}

const EXPORTS: readonly CvFormat[] = ['pdf', 'html', 'json-resume']

export const cvPages: FastifyPluginAsync<CvPagesOptions> = async (app, options) => {
  const { cv: service } = options

  /** Tailored to the CV's career, the learner's own summary kept; a career the catalog lacks is an error. */
  function tailored(cv: CvDocument): { cv: CvDocument; tailoring: Tailoring | null; error?: string } {
    if (!cv.career) return { cv, tailoring: null }
    try {
      const result = service.tailor(cv, cv.career)
      const basics = { ...result.cv.basics }
      if (cv.basics.summary === undefined) delete basics.summary
      else basics.summary = cv.basics.summary
      return { cv: { ...result.cv, basics }, tailoring: result.tailoring }
    } catch (error) {
      if (error instanceof AppError && error.status === 404) return { cv, tailoring: null, error: 'Choose a career from the list.' }
      throw error
    }
  }

  type EditorPage = { cv: CvDocument; state: CvDocument; tailoring: Tailoring | null; open?: Open | undefined; errors?: Record<string, string>; notice?: string; saved?: { id: string | undefined; title: string } }
  async function editor(req: FastifyRequest, reply: FastifyReply, page: EditorPage, status = 200) {
    const { stored, userId } = await learnerCv(req, options)
    const savedList: SavedRef[] = (await options.savedCvs.list(userId)).map((c) => ({ id: c.id, title: c.title, updatedAt: c.updatedAt }))
    return sendPage(req, reply, options, {
      title: 'Your CV', status,
      body: <CvEditorView cv={page.cv} state={page.state} tailoring={page.tailoring} targets={stored.targets} open={page.open} errors={page.errors ?? {}} csrf={csrfOf(req, options.identity)} notice={page.notice} savedList={savedList} saved={page.saved ?? { id: undefined, title: '' }} />,
    })
  }

  app.get('/cv', readPage, async (req, reply) => {
    const { cv } = await learnerCv(req, options)
    return editor(req, reply, { cv, state: cv, tailoring: null })
  })

  app.get<{ Params: { id: string } }>('/cv/saved/:id', savedPage, async (req, reply) => {
    const { userId } = await learnerCv(req, options)
    if (!UUID.test(req.params.id)) throw new AppError('cv.not_found', 404, 'No such CV.')
    const saved = await options.savedCvs.get(userId, req.params.id)
    const shown = tailored(saved.cv)
    const notice = (req.query as Record<string, unknown>).done === 'saved' ? 'Your CV is saved.' : undefined
    return editor(req, reply, { cv: shown.cv, state: shown.cv, tailoring: shown.tailoring, saved: { id: saved.id, title: saved.title }, ...(notice ? { notice } : {}) })
  })

  app.post('/cv/save', savePost, async (req, reply) => {
    const userId = requireUser(req.actor).userId
    const form = formOf(req)
    const state = parseState(text(form, 'state'))
    if (!state) throw new AppError('request.invalid', 400, 'The CV on the page could not be read. Open the CV again.')
    const saved = savedOf(form)
    const open = parseOpen(text(form, 'open'), state)
    const edited = applyFields(state, form, open)
    const errors = errorsOf(edited)
    if (saved.title === '' || saved.title.length > 200) errors.title = 'Give the CV a title of at most 200 characters.'
    if (Object.keys(errors).length > 0) return editor(req, reply, { cv: edited, state, tailoring: tailored(state).tailoring, open, errors, saved }, 400)
    const first = tailored(edited)
    if (first.error) return editor(req, reply, { cv: edited, state, tailoring: null, open, errors: { '/career': first.error }, saved }, 400)
    // career: null keeps the stored CV as the learner left it (the service would fill an empty summary).
    const stored = saved.id
      ? await options.savedCvs.update(userId, saved.id, { title: saved.title, cv: first.cv, career: null })
      : await options.savedCvs.create(userId, { title: saved.title, cv: first.cv })
    return seeOther(reply, `/cv/saved/${stored.id}?done=saved`)
  })

  app.post('/cv', { ...formPost, onSend: downloadHeaders }, async (req, reply) => {
    const form = formOf(req)
    const state = parseState(text(form, 'state'))
    if (!state) throw new AppError('request.invalid', 400, 'The CV on the page could not be read. Open the CV again.')
    const open = parseOpen(text(form, 'open'), state)
    const edited = applyFields(state, form, open)
    const errors = errorsOf(edited)
    if (Object.keys(errors).length > 0) return editor(req, reply, { cv: edited, state, tailoring: tailored(state).tailoring, open, errors }, 400)

    const first = tailored(edited)
    if (first.error) return editor(req, reply, { cv: edited, state, tailoring: null, open, errors: { '/career': first.error } }, 400)
    const action = text(form, 'action')
    const format = EXPORTS.find((f) => action === `export:${f}`)
    if (format) return sendRendered(reply, await service.render(first.cv, format, first.tailoring))

    const acted = applyAction(first.cv, action, first.tailoring?.summarySuggestion)
    const next = tailored(acted.cv)
    const notice = action === 'use-summary' ? 'The suggested summary is in your CV. Edit it as you like.' : undefined
    return editor(req, reply, { cv: next.cv, state: next.cv, tailoring: next.tailoring, open: acted.open ?? (action.startsWith('remove:') ? undefined : open), saved: savedOf(form), ...(notice ? { notice } : {}) })
  })
}

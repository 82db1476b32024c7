/**
 * Cover letters: a draft from a CV (or a passport built into one) tailored to a career, and the
 * letter rendered for download. Stateless; the career's title, skills and summary come from the
 * in-memory catalog through the CV service.
 */
import type { CatalogService } from '../catalog/index.js'
import { draftCoverLetter } from './cover-letter.js'
import { letterDisposition, renderLetterHtml, renderLetterPdf } from './cover-letter-render.js'
import type { CoverLetter, DraftBody, LetterFormat } from './cover-letter.schema.js'
import type { CvService, RenderedCv } from './cv.service.js'

const TYPES: Record<LetterFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
}

export function createCoverLetterService(deps: { cv: CvService; catalog: CatalogService; now?: () => number }) {
  const now = () => new Date(deps.now?.() ?? Date.now())
  return {
    /** A draft letter for the career; 404 career.not_found, 400 cv.source_required as the CV routes. */
    draft(body: DraftBody): CoverLetter {
      const { cv, tailoring } = deps.cv.build({
        ...(body.cv ? { cv: body.cv } : {}), ...(body.passport ? { passport: body.passport } : {}),
        ...(body.basics ? { basics: body.basics } : {}), career: body.career,
      })
      if (!tailoring) throw new Error('tailoring is present whenever a career is named')
      const summary = deps.catalog.index().careers.find((c) => c.slug === tailoring.career.slug)?.summary ?? ''
      return draftCoverLetter({ cv, tailoring, careerSummary: summary, recipient: body.recipient, today: now().toISOString().slice(0, 10) })
    },

    async render(letter: CoverLetter, format: LetterFormat): Promise<RenderedCv> {
      const contentDisposition = letterDisposition(letter.sender.name, format)
      const body = format === 'html' ? renderLetterHtml(letter) : format === 'pdf' ? await renderLetterPdf(letter, now()) : JSON.stringify(letter, null, 2)
      return { body, contentType: TYPES[format], contentDisposition }
    },
  }
}

export type CoverLetterService = ReturnType<typeof createCoverLetterService>

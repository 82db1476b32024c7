/**
 * CVs: built from a passport (stateless, or the learner's stored one), tailored to a career, and
 * rendered as JSON Resume, HTML or PDF. Rendering is pure and in process; the catalog is read from
 * memory. Saved CVs live in cvs.repository.ts.
 */
import type { PassportBody } from '../analysis/index.js'
import type { CatalogService } from '../catalog/index.js'
import { AppError } from '../../platform/http/errors.js'
import { cvFromPassport, type PassportView, type Profile } from './cv-builder.js'
import { cvCatalog } from './cv-catalog.js'
import { renderCvHtml } from './cv-html.js'
import { renderCvPdf } from './cv-pdf.js'
import type { Cv, CvBasics, CvFormat, Tailoring, TailorBody } from './cv.schema.js'
import { attachmentDisposition } from './file-name.js'
import { toJsonResume } from './json-resume.js'
import { tailorCv } from './tailoring.js'

export interface RenderedCv {
  body: Buffer | string
  contentType: string
  contentDisposition: string
}

export interface TailoredCv {
  cv: Cv
  tailoring: Tailoring | null
}

const CONTENT_TYPES: Record<CvFormat, { type: string; extension: string }> = {
  'json-resume': { type: 'application/json; charset=utf-8', extension: 'json' },
  html: { type: 'text/html; charset=utf-8', extension: 'html' },
  pdf: { type: 'application/pdf', extension: 'pdf' },
}

export const sourceRequired = (): AppError => new AppError('cv.source_required', 400, 'Give either a CV (`cv`) or a passport to build one from (`passport`), not both.', {
  errors: [{ pointer: '/body', message: 'exactly one of cv and passport is required' }],
})

/** Fills the basics the passport does not hold; the learner's given fields win over the account's. */
const withBasics = (cv: Cv, basics: Partial<CvBasics> | undefined): Cv => (basics ? { ...cv, basics: { ...cv.basics, ...basics, name: basics.name ?? cv.basics.name } } : cv)

export function createCvService(deps: { catalog: CatalogService; now?: () => number }) {
  const now = () => new Date(deps.now?.() ?? Date.now())
  const catalog = () => cvCatalog(deps.catalog.index())

  /** Tailors to a career when one is named; a CV without one comes back as it is. */
  function tailor(cv: Cv, career: string | undefined): TailoredCv {
    if (career === undefined) return { cv, tailoring: null }
    const view = catalog()
    return tailorCv(cv, view.career(career), view.knowledge)
  }

  return {
    tailor,

    /** A CV from a stored or stateless passport and the account's name and email. */
    fromPassport(passport: PassportView, profile: Profile, template?: Cv['template']): Cv {
      return cvFromPassport(passport, profile, template)
    },

    /** The stateless passport body as the builder reads it. */
    passportView: (body: PassportBody): PassportView => catalog().passportView(body),

    /** The body of the stateless routes: a CV as given, or one built from a passport; then tailored. */
    build(source: TailorBody): TailoredCv {
      if ((source.cv === undefined) === (source.passport === undefined)) throw sourceRequired()
      let cv = source.cv ?? withBasics(cvFromPassport(catalog().passportView(source.passport as PassportBody), { name: '' }), source.basics)
      if (source.template) cv = { ...cv, template: source.template }
      return tailor(cv, source.career)
    },

    /** The CV in one of the export formats, with its download name. */
    async render(cv: Cv, format: CvFormat, tailoring: Tailoring | null = null): Promise<RenderedCv> {
      const { type, extension } = CONTENT_TYPES[format]
      const contentDisposition = attachmentDisposition(cv.basics.name, extension)
      switch (format) {
        case 'json-resume':
          return { body: JSON.stringify(toJsonResume(cv, { tailoring, now: now().toISOString() }), null, 2), contentType: type, contentDisposition }
        case 'html':
          return { body: renderCvHtml(cv), contentType: type, contentDisposition }
        case 'pdf':
          return { body: await renderCvPdf(cv, { now: now() }), contentType: type, contentDisposition }
      }
    },
  }
}

export type CvService = ReturnType<typeof createCvService>

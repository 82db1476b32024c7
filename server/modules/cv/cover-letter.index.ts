/**
 * Cover letters (issue 7): a draft aligned to a career from a CV or a passport, and its HTML, PDF and
 * JSON exports. Other modules import only from here: `createCoverLetterService` and
 * `coverLetterRoutes` (app.ts), `draftCoverLetter` and the renderers (the pages under web/cv).
 */
export { coverLetterRoutes } from './cover-letter.routes.js'
export { createCoverLetterService, type CoverLetterService } from './cover-letter.service.js'
export { draftCoverLetter } from './cover-letter.js'
export { CoverLetter, type CoverLetter as CoverLetterDocument, type LetterFormat } from './cover-letter.schema.js'

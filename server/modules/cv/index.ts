/**
 * CVs (issue 7): a CV model keyed to the passport, tailoring to a career, and exports as JSON Resume,
 * print-ready HTML and an in-process PDF. Other modules import only from here: `createCvService`
 * (deps.ts) and `cvRoutes` (app.ts).
 */
export { createCvService, type CvService, type RenderedCv, type TailoredCv } from './cv.service.js'
export { cvRoutes } from './cv.routes.js'
export { createSavedCvsService, MAX_SAVED_CVS, type SavedCvsService } from './saved-cvs.js'
export { savedCvRoutes } from './saved-cvs.routes.js'
export { importResume, type ImportDraft } from './cv-import.js'
export { skillMatcher, similarity, FUZZY_THRESHOLD } from './skill-matcher.js'
export { cvFromPassport, type PassportView, type Profile } from './cv-builder.js'
export { toJsonResume } from './json-resume.js'
export { renderCvHtml } from './cv-html.js'
export { renderCvPdf } from './cv-pdf.js'
export { attachmentDisposition } from './file-name.js'
export { Cv, type Cv as CvDocument } from './cv.schema.js'

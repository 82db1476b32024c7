/** The extraction module: skills found in pasted text (a CV, a job ad) with a gazetteer of the catalog's labels. */
export { createExtractionService, type ExtractionService } from './extraction.service.js'
export { extractionRoutes } from './extraction.routes.js'
export { extractSkills, type Extraction, type ExtractedSkill, type MatchReason } from './extract.js'
export { buildGazetteer, type Gazetteer, type VocabularySkill } from './gazetteer.js'
export { gazetteerOf, vocabularyOf } from './vocabulary.js'

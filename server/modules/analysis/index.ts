/** Passport analysis: gap to a career, career matching and learning plans. */
export { createAnalysisService, warmAnalysis, type AnalysisService } from './analysis.service.js'
export { analysisRoutes } from './analysis.routes.js'
export { Passport, type Passport as PassportBody, GapAnswer, MatchAnswer, MatchFilters, PlanAnswer } from './analysis.schema.js'
export { learningCatalog, type LearningItem } from './learning-items.js'
export { buildPlan, type LearningPlan, type PlanOptions } from './plan.js'
export { analyseGap, type GapAnalysis } from './gap.js'
export { resolvePassport, levelsOf } from './passport.js'
export { LEVEL_NAMES, MAX_LEVEL } from './levels.js'

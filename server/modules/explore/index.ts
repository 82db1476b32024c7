/** The explore module: browse by field, skill and interest; compare careers; related careers and moves by skill overlap. */
export { createExploreService, MAX_COMPARED, type ExploreService } from './explore.service.js'
export { exploreRoutes } from './explore.routes.js'
export { careerSkillModel, type CareerSkillModel } from './career-skills.js'
export { RIASEC } from './interests.js'
export { FIELD_SYSTEMS, type FieldSystem } from './field-tree.js'

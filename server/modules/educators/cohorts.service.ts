/** Placeholder: filled by the cohorts work (issue 8). */
import type { EducatorsDeps } from './deps.js'

export function createCohortsService(deps: EducatorsDeps) {
  void deps
  return {}
}

export type CohortsService = ReturnType<typeof createCohortsService>

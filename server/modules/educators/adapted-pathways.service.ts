/** Placeholder: filled by the adapted-pathways work (issue 8). */
import type { EducatorsDeps } from './deps.js'

export function createAdaptedPathwaysService(deps: EducatorsDeps) {
  void deps
  return {}
}

export type AdaptedPathwaysService = ReturnType<typeof createAdaptedPathwaysService>

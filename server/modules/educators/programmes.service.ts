/** Placeholder: filled by the programmes work (issue 8). */
import type { EducatorsDeps } from './deps.js'

export function createProgrammesService(deps: EducatorsDeps) {
  void deps
  return {}
}

export type ProgrammesService = ReturnType<typeof createProgrammesService>

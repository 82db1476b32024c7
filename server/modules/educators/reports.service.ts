/** Placeholder: filled by the reports work (issue 8). */
import type { EducatorsDeps } from './deps.js'

export function createReportsService(deps: EducatorsDeps) {
  void deps
  return {}
}

export type ReportsService = ReturnType<typeof createReportsService>

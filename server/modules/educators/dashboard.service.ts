/** Placeholder: filled by the dashboard work (issue 8). */
import type { EducatorsDeps } from './deps.js'

export function createDashboardService(deps: EducatorsDeps) {
  void deps
  return {}
}

export type DashboardService = ReturnType<typeof createDashboardService>

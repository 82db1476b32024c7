/** What every educator service is built from (composition in index.ts). */
import type { Kysely } from 'kysely'
import type { Database } from '../../platform/db/types.js'
import type { AnalysisService } from '../analysis/index.js'
import type { CatalogService } from '../catalog/index.js'
import type { Clock } from '../identity/index.js'
import type { PassportModule } from '../passport/index.js'

export interface EducatorsDeps {
  db: Kysely<Database>
  /** The catalog read model of the current version (careers, pathway steps, credentials, occupation facts). */
  catalog: CatalogService
  /** Gap and coverage of a passport against a career. */
  analysis: AnalysisService
  /** Learners' stored passports, plans and progress (read for dashboards and reports). */
  learner: PassportModule
  clock: Clock
}

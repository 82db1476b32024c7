/** What the educator pages share: their services and route options. */
import type { EducatorsModule } from '../../server/modules/educators/index.js'
import type { AccountPagesOptions } from '../account/page-kit.js'
import type { WebCareers, WebSearch } from '../web.routes.js'

export interface EducatorPagesOptions extends AccountPagesOptions {
  educators: EducatorsModule
  careers: WebCareers
  search: WebSearch
}

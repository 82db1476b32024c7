import type { Kysely } from 'kysely'
import { jsonColumn } from '../json.js'

/**
 * What it takes to complete a credential or a resource, for learning plans: study hours (when the
 * catalog states them; plans otherwise estimate from the duration), price, and the items to complete
 * first. All optional. Expand-only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const json = jsonColumn(db)
  for (const table of ['credentials', 'resources']) {
    await db.schema.alterTable(table).addColumn('hours', 'real').execute()
    await db.schema.alterTable(table).addColumn('cost_amount', 'real').execute()
    await db.schema.alterTable(table).addColumn('cost_currency', 'text').execute()
    await db.schema.alterTable(table).addColumn('prerequisites', json).execute()
  }
}

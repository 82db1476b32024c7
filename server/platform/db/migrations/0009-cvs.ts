import { type Kysely } from 'kysely'
import { jsonColumn } from '../json.js'

/**
 * Saved CVs (issue 7): a learner keeps up to 20 named CVs (the limit is the service's), each the
 * whole `Cv` document as JSON, the career it was tailored to and its template. Rows belong to one
 * user and go with the account (account-data.ts). Expand-only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cvs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('cv', jsonColumn(db), (c) => c.notNull())
    .addColumn('career_slug', 'text')
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('cvs_user_idx').on('cvs').columns(['user_id', 'updated_at']).execute()
}

import { sql, type Kysely } from 'kysely'

/**
 * Parental consent for learners under 13 (COPPA; SECURITY.md Z6). One row per child account while
 * consent is pending or after it was given; a refusal deletes the child's account. The birth date
 * given at sign-up is not kept — only the fact that consent is needed, the parent's address and the
 * decision. The mailed token is stored as its SHA-256 hash. Expand-only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('parental_consents')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('parent_email', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addCheckConstraint('parental_consents_status_check', sql.raw("status in ('pending', 'granted')"))
    .execute()
}

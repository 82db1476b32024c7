import type { Kysely } from 'kysely'

/**
 * The instance's Ed25519 signing keys for verifiable credentials (Open Badges 3.0). One row per key;
 * `generation` orders them and is unique, so two processes creating or rotating at once cannot both
 * win. The newest generation signs; older keys stay (retired) so credentials they signed still verify;
 * a revoked key verifies nothing. The private key is stored wrapped (AES-256-GCM under a key derived
 * from SECRET_KEY), the public key as a Multikey (z6Mk…). Expand-only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('issuer_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull().unique())
    .addColumn('public_key_multibase', 'text', (c) => c.notNull().unique())
    .addColumn('private_key_wrapped', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute()
}

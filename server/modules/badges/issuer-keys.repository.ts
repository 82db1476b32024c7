/** issuer_keys: one Kysely query per method, plain rows out. */
import type { Kysely } from 'kysely'
import type { Database, IssuerKeysTable } from '../../platform/db/types.js'

export type IssuerKeyRow = IssuerKeysTable

export function createIssuerKeysRepository(db: Kysely<Database>) {
  return {
    /** The newest key (highest generation), revoked or not. */
    latest: (): Promise<IssuerKeyRow | undefined> =>
      db.selectFrom('issuer_keys').selectAll().orderBy('generation', 'desc').limit(1).executeTakeFirst(),

    byMultikey: (multikey: string): Promise<IssuerKeyRow | undefined> =>
      db.selectFrom('issuer_keys').selectAll().where('public_key_multibase', '=', multikey).executeTakeFirst(),

    all: (): Promise<IssuerKeyRow[]> => db.selectFrom('issuer_keys').selectAll().orderBy('generation', 'desc').execute(),

    /**
     * Inserts a key unless its generation is taken (another process got there first), and retires the
     * keys before it. True when this row went in.
     */
    insertNext: (row: IssuerKeyRow): Promise<boolean> =>
      db.transaction().execute(async (tx) => {
        await tx.insertInto('issuer_keys').values(row).onConflict((oc) => oc.column('generation').doNothing()).execute()
        const stored = await tx.selectFrom('issuer_keys').select('id').where('generation', '=', row.generation).executeTakeFirst()
        if (stored?.id !== row.id) return false
        await tx.updateTable('issuer_keys').set({ retired_at: row.created_at })
          .where('generation', '<', row.generation).where('retired_at', 'is', null).execute()
        return true
      }),

    revoke: (multikey: string, at: string): Promise<unknown> =>
      db.updateTable('issuer_keys').set({ revoked_at: at }).where('public_key_multibase', '=', multikey).where('revoked_at', 'is', null).execute(),
  }
}

export type IssuerKeysRepository = ReturnType<typeof createIssuerKeysRepository>

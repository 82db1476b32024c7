/**
 * Every identity query: users and memberships, sessions, single-use tokens, API keys, the mail
 * outbox. One Kysely query per method, plain rows out; `transaction` runs work on one connection.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../platform/db/types.js'
import type { ApiKeysTable, AuthTokensTable, MailOutboxTable, SessionsTable, UsersTable } from '../../platform/db/types.js'

export type UserRow = UsersTable
export type SessionRow = SessionsTable
export type ApiKeyRow = ApiKeysTable
export type TokenPurpose = AuthTokensTable['purpose']

export interface MembershipView { schoolId: string; schoolName: string; schoolSlug: string; role: string }

export function createIdentityRepository(db: Kysely<Database>): IdentityRepository {
  return {
    ...queries(db),
    transaction: (work) => db.transaction().execute((trx) => work(queries(trx))),
  }
}

/** The queries; inside `transaction` they run on the transaction's connection. */
export type IdentityQueries = ReturnType<typeof queries>

export type IdentityRepository = IdentityQueries & {
  transaction<T>(work: (queries: IdentityQueries) => Promise<T>): Promise<T>
}

function queries(db: Kysely<Database> | Transaction<Database>) {
  return {
    // --- users ---
    insertUser: async (row: UsersTable) => {
      await db.insertInto('users').values(row).execute()
    },
    userByEmail: (email: string) => db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst(),
    userById: (id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
    updatePassword: async (id: string, passwordHash: string, at: string, changed: boolean) => {
      await db.updateTable('users')
        .set({ password_hash: passwordHash, updated_at: at, ...(changed ? { password_changed_at: at } : {}) })
        .where('id', '=', id).execute()
    },
    setEmailVerified: async (id: string, at: string) => {
      await db.updateTable('users').set({ email_verified_at: at, updated_at: at }).where('id', '=', id).where('email_verified_at', 'is', null).execute()
    },
    anyPlatformAdmin: async () =>
      (await db.selectFrom('users').select('id').where('platform_role', '=', 'platform_admin').limit(1).executeTakeFirst()) !== undefined,
    membershipsOf: async (userId: string): Promise<MembershipView[]> =>
      (await db.selectFrom('memberships').innerJoin('schools', 'schools.id', 'memberships.school_id')
        .select(['schools.id as schoolId', 'schools.name as schoolName', 'schools.slug as schoolSlug', 'memberships.role as role'])
        .where('memberships.user_id', '=', userId).orderBy('schools.name').execute()),
    isMember: async (userId: string, schoolId: string) =>
      (await db.selectFrom('memberships').select('role').where('user_id', '=', userId).where('school_id', '=', schoolId).executeTakeFirst()) !== undefined,

    // --- sessions ---
    insertSession: async (row: SessionsTable) => {
      await db.insertInto('sessions').values(row).execute()
    },
    sessionWithUser: (idHash: string) =>
      db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id')
        .select(['sessions.id_hash', 'sessions.public_id', 'sessions.user_id', 'sessions.created_at', 'sessions.last_seen_at',
          'sessions.expires_at', 'users.status', 'users.platform_role'])
        .where('sessions.id_hash', '=', idHash).executeTakeFirst(),
    touchSession: async (idHash: string, at: string) => {
      await db.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute()
    },
    deleteSession: async (idHash: string) => {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute()
    },
    deleteSessionByPublicId: async (userId: string, publicId: string) =>
      Number((await db.deleteFrom('sessions').where('user_id', '=', userId).where('public_id', '=', publicId).executeTakeFirst()).numDeletedRows),
    deleteSessionsOf: async (userId: string, exceptIdHash?: string) => {
      let query = db.deleteFrom('sessions').where('user_id', '=', userId)
      if (exceptIdHash !== undefined) query = query.where('id_hash', '!=', exceptIdHash)
      await query.execute()
    },
    sessionsOf: (userId: string) =>
      db.selectFrom('sessions').select(['public_id', 'id_hash', 'created_at', 'last_seen_at', 'expires_at', 'user_agent'])
        .where('user_id', '=', userId).orderBy('last_seen_at', 'desc').execute(),

    // --- single-use tokens ---
    insertToken: async (row: AuthTokensTable) => {
      await db.insertInto('auth_tokens').values(row).execute()
    },
    /** Marks the token used if it exists with this purpose and is unused; atomic, so only one caller wins. */
    consumeToken: (hash: string, purpose: TokenPurpose, at: string) =>
      db.updateTable('auth_tokens').set({ used_at: at })
        .where('hash', '=', hash).where('purpose', '=', purpose).where('used_at', 'is', null)
        .returning(['user_id', 'expires_at', 'created_at']).executeTakeFirst(),
    spendTokens: async (purpose: TokenPurpose, userId: string | null, at: string) => {
      let query = db.updateTable('auth_tokens').set({ used_at: at }).where('purpose', '=', purpose).where('used_at', 'is', null)
      query = userId === null ? query.where('user_id', 'is', null) : query.where('user_id', '=', userId)
      await query.execute()
    },
    unusedTokenTimes: async (purpose: TokenPurpose, userId: string) =>
      (await db.selectFrom('auth_tokens').select('created_at').where('purpose', '=', purpose).where('user_id', '=', userId)
        .where('used_at', 'is', null).execute()).map((r) => r.created_at),

    // --- API keys ---
    insertApiKey: async (row: ApiKeysTable) => {
      await db.insertInto('api_keys').values(row).execute()
    },
    apiKeyWithUser: (keyHash: string) =>
      db.selectFrom('api_keys').innerJoin('users', 'users.id', 'api_keys.user_id')
        .select(['api_keys.id', 'api_keys.user_id', 'api_keys.scopes', 'api_keys.school_id', 'api_keys.expires_at',
          'api_keys.revoked_at', 'api_keys.last_used_at', 'users.status'])
        .where('api_keys.key_hash', '=', keyHash).executeTakeFirst(),
    apiKeysOf: (userId: string) =>
      db.selectFrom('api_keys').select(['id', 'name', 'prefix', 'scopes', 'school_id', 'created_at', 'expires_at', 'revoked_at', 'last_used_at'])
        .where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id').execute(),
    revokeApiKey: async (userId: string, id: string, at: string) =>
      Number((await db.updateTable('api_keys').set({ revoked_at: at }).where('user_id', '=', userId).where('id', '=', id)
        .where('revoked_at', 'is', null).executeTakeFirst()).numUpdatedRows),
    apiKeyOwnedBy: (userId: string, id: string) =>
      db.selectFrom('api_keys').select(['id', 'revoked_at']).where('user_id', '=', userId).where('id', '=', id).executeTakeFirst(),
    touchApiKey: async (id: string, at: string) => {
      await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute()
    },

    // --- mail ---
    insertMail: async (row: MailOutboxTable) => {
      await db.insertInto('mail_outbox').values(row).execute()
    },
  }
}

/**
 * API keys for integrators (ASVS 7.2, SECURITY.md A6): `pw_live_` + 43 base62 characters (256 random
 * bits), shown once at creation. The prefix lets secret scanners recognise a leaked key; the table
 * keeps the SHA-256 and a short display prefix. Keys carry scopes (read, write, school), an optional
 * school, an expiry (at most a year), can be revoked, and record when they were last used (written at
 * most once a minute). Every use re-reads the key and its owner, so revocation, expiry and a disabled
 * owner apply to the next request on every instance.
 */
import { randomUUID } from 'node:crypto'
import { AppError, notFound } from '../../platform/http/errors.js'
import { fromJson, toJson } from '../../platform/db/json.js'
import { iso, type Clock } from './clock.js'
import type { IdentityRepository } from './identity.repository.js'
import { randomBase62, sha256 } from './secrets.js'

export const API_KEY_PREFIX = 'pw_live_'
const KEY_RE = /^pw_live_[0-9A-Za-z]{43}$/
const TOUCH_INTERVAL_MS = 60_000
export const MAX_ACTIVE_KEYS = 50

export type ApiKeyScope = 'read' | 'write' | 'school'

export interface ApiKeyActor {
  kind: 'api-key'
  userId: string
  keyId: string
  scopes: ApiKeyScope[]
  schoolId: string | null
}

export interface ApiKeyView {
  id: string
  name: string
  prefix: string
  scopes: ApiKeyScope[]
  schoolId: string | null
  createdAt: string
  expiresAt: string
  revokedAt: string | null
  lastUsedAt: string | null
}

export interface NewApiKey {
  name: string
  scopes: ApiKeyScope[]
  schoolId?: string
  expiresInDays?: number
}

export const looksLikeApiKey = (value: string): boolean => KEY_RE.test(value)

export function createApiKeyService(deps: { repo: IdentityRepository; clock: Clock }) {
  const { repo, clock } = deps
  return {
    /** Creates a key; the answer is the only time the full key exists outside the caller's hands. */
    async create(userId: string, input: NewApiKey): Promise<{ key: string; apiKey: ApiKeyView }> {
      const scopes = [...new Set(input.scopes)].sort()
      if (scopes.includes('school') !== (input.schoolId !== undefined)) {
        throw new AppError('request.invalid', 400, 'A key with the school scope needs a schoolId, and only such a key may have one.', {
          errors: [{ pointer: '/body/schoolId', message: 'must be given exactly when scopes include "school"' }],
        })
      }
      if (input.schoolId !== undefined && !(await repo.isMember(userId, input.schoolId))) throw notFound('school', input.schoolId)
      const now = clock.now()
      const active = (await repo.apiKeysOf(userId)).filter((k) => k.revoked_at === null && Date.parse(k.expires_at) > now)
      if (active.length >= MAX_ACTIVE_KEYS) throw new AppError('api_key.limit', 409, `At most ${MAX_ACTIVE_KEYS} active API keys; revoke one first.`)
      const key = `${API_KEY_PREFIX}${randomBase62(43)}`
      const row = {
        id: randomUUID(), user_id: userId, name: input.name, prefix: key.slice(0, API_KEY_PREFIX.length + 6), key_hash: sha256(key),
        scopes: toJson(scopes), school_id: input.schoolId ?? null, created_at: iso(now),
        expires_at: iso(now + (input.expiresInDays ?? 90) * 86_400_000), revoked_at: null, last_used_at: null,
      }
      await repo.insertApiKey(row)
      return { key, apiKey: view({ ...row, scopes }) }
    },

    async list(userId: string): Promise<ApiKeyView[]> {
      return (await repo.apiKeysOf(userId)).map(view)
    },

    async revoke(userId: string, id: string): Promise<void> {
      if ((await repo.revokeApiKey(userId, id, iso(clock.now()))) > 0) return
      if (!(await repo.apiKeyOwnedBy(userId, id))) throw notFound('api_key', id) // revoking twice is fine
    },

    /** The actor a presented key stands for, or undefined (malformed, unknown, revoked, expired, owner not active). */
    async authenticate(key: string): Promise<ApiKeyActor | undefined> {
      if (!looksLikeApiKey(key)) return undefined
      const row = await repo.apiKeyWithUser(sha256(key))
      const now = clock.now()
      if (!row || row.revoked_at !== null || Date.parse(row.expires_at) <= now || row.status !== 'active') return undefined
      if (row.last_used_at === null || now - Date.parse(row.last_used_at) >= TOUCH_INTERVAL_MS) await repo.touchApiKey(row.id, iso(now))
      return { kind: 'api-key', userId: row.user_id, keyId: row.id, scopes: fromJson<ApiKeyScope[]>(row.scopes, []), schoolId: row.school_id }
    },
  }
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>

function view(row: { id: string; name: string; prefix: string; scopes: unknown; school_id: string | null; created_at: string; expires_at: string; revoked_at: string | null; last_used_at: string | null }): ApiKeyView {
  return {
    id: row.id, name: row.name, prefix: row.prefix, scopes: Array.isArray(row.scopes) ? (row.scopes as ApiKeyScope[]) : fromJson<ApiKeyScope[]>(row.scopes, []),
    schoolId: row.school_id, createdAt: row.created_at, expiresAt: row.expires_at, revokedAt: row.revoked_at, lastUsedAt: row.last_used_at,
  }
}

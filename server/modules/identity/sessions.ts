/**
 * Server-side sessions (ASVS 7): an opaque 256-bit id lives only in the browser's cookie; the table
 * keeps its SHA-256. A session ends after `idleMs` without a request, at `absoluteMs` after sign-in
 * whatever happens, at sign-out, and as soon as its user is disabled or deleted: every request
 * re-reads the user's status (no cached grant). last_seen_at is written at most once a minute, so the
 * idle timeout is exact to within that minute.
 */
import { randomUUID } from 'node:crypto'
import { iso, type Clock } from './clock.js'
import type { IdentityRepository } from './identity.repository.js'
import { isSecretShaped, randomSecret, sha256 } from './secrets.js'

const TOUCH_INTERVAL_MS = 60_000

export interface ResolvedSession {
  idHash: string
  publicId: string
  userId: string
  platformRole: 'user' | 'platform_admin'
}

export interface NewSession {
  token: string
  idHash: string
  publicId: string
}

export interface SessionView {
  id: string
  createdAt: string
  lastSeenAt: string
  expiresAt: string
  userAgent: string | null
  current: boolean
}

export function createSessionService(deps: { repo: IdentityRepository; clock: Clock; idleMs: number; absoluteMs: number }) {
  const { repo, clock } = deps

  async function insert(userId: string, userAgent: string | undefined, expiresAt: number, rotatedFrom: string | null): Promise<NewSession> {
    const token = randomSecret()
    const now = iso(clock.now())
    const session = { token, idHash: sha256(token), publicId: randomUUID() }
    await repo.insertSession({
      id_hash: session.idHash, public_id: session.publicId, user_id: userId, created_at: now, last_seen_at: now,
      expires_at: iso(expiresAt), rotated_from: rotatedFrom, user_agent: userAgent?.slice(0, 300) ?? null,
    })
    return session
  }

  return {
    /** A new session for a user who has just signed in. */
    create: (userId: string, userAgent: string | undefined): Promise<NewSession> =>
      insert(userId, userAgent, clock.now() + deps.absoluteMs, null),

    /** The live session a cookie value names, or undefined (unknown, expired, idle, user not active). */
    async resolve(token: string): Promise<ResolvedSession | undefined> {
      if (!isSecretShaped(token)) return undefined
      const row = await repo.sessionWithUser(sha256(token))
      if (!row) return undefined
      const now = clock.now()
      const lastSeen = Date.parse(row.last_seen_at)
      if (row.status !== 'active' || Date.parse(row.expires_at) <= now || now - lastSeen >= deps.idleMs) {
        await repo.deleteSession(row.id_hash)
        return undefined
      }
      if (now - lastSeen >= TOUCH_INTERVAL_MS) await repo.touchSession(row.id_hash, iso(now))
      return { idHash: row.id_hash, publicId: row.public_id, userId: row.user_id, platformRole: row.platform_role }
    },

    /** Replaces a session by a new id with the same absolute end (e.g. after a password change). */
    async rotate(current: ResolvedSession, userAgent: string | undefined): Promise<NewSession> {
      const row = await repo.sessionWithUser(current.idHash)
      const expiresAt = row ? Date.parse(row.expires_at) : clock.now() + deps.absoluteMs
      await repo.deleteSession(current.idHash)
      return insert(current.userId, userAgent, expiresAt, current.publicId)
    },

    /** Ends the session a cookie value names, whether or not it is still live. */
    end: (token: string): Promise<void> => repo.deleteSession(sha256(token)),

    /** Ends one of a user's sessions by its public id; false when the user has no such session. */
    endByPublicId: async (userId: string, publicId: string): Promise<boolean> => (await repo.deleteSessionByPublicId(userId, publicId)) > 0,

    /** Ends every session of a user, or every one but `exceptIdHash`. */
    endAll: (userId: string, exceptIdHash?: string): Promise<void> => repo.deleteSessionsOf(userId, exceptIdHash),

    /** The user's live sessions, most recently used first. */
    async list(userId: string, currentIdHash: string | undefined): Promise<SessionView[]> {
      const now = clock.now()
      return (await repo.sessionsOf(userId))
        .filter((s) => Date.parse(s.expires_at) > now && now - Date.parse(s.last_seen_at) < deps.idleMs)
        .map((s) => ({
          id: s.public_id, createdAt: s.created_at, lastSeenAt: s.last_seen_at, expiresAt: s.expires_at,
          userAgent: s.user_agent, current: s.id_hash === currentIdHash,
        }))
    },
  }
}

export type SessionService = ReturnType<typeof createSessionService>

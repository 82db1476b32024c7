/**
 * Schools (tenants), their members, invitations and the access log. Every query that returns school
 * data is filtered by the school id the policy layer has already checked the caller against; a
 * member id from another school is simply not found (404). Member reads by anyone but the member
 * append an access-log row (SECURITY.md Z6); the log has no update or delete.
 */
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { AppError, notFound } from '../../platform/http/errors.js'
import type { Database } from '../../platform/db/types.js'
import type { Actor, Identity } from '../identity/index.js'
import { randomBase62, sha256 } from '../identity/secrets.js'
import { accessDenied } from './access.hook.js'
import type { SchoolRole } from './policy.js'

export interface SchoolView { id: string; name: string; slug: string; createdAt: string }
export interface MemberView { userId: string; displayName: string; role: SchoolRole; joinedAt: string }
export interface MemberRecord extends MemberView { email: string }
export interface AccessLogView { id: string; learnerId: string; actorUserId: string | null; actorKeyId: string | null; actorRole: string; schoolId: string | null; record: string; purpose: string; at: string }
export interface InvitationView { id: string; role: SchoolRole; kind: 'link' | 'code'; email: string | null; createdAt: string; expiresAt: string; maxUses: number; uses: number; revokedAt: string | null }

const iso = (ms: number) => new Date(ms).toISOString()
/** Join codes: 8 characters without look-alikes (no 0/O, 1/I/L). 31^8 ≈ 8.5e11. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
const RANK: Record<SchoolRole, number> = { learner: 0, educator: 1, school_admin: 2 }

function joinCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8))
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')
}

const normaliseCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '')

export function createSchoolsService(deps: { db: Kysely<Database>; identity: Identity }) {
  const { db, identity } = deps
  const now = () => identity.clock.now()

  async function school(id: string): Promise<SchoolView> {
    const row = await db.selectFrom('schools').selectAll().where('id', '=', id).executeTakeFirst()
    if (!row) throw notFound('school', id)
    return { id: row.id, name: row.name, slug: row.slug, createdAt: row.created_at }
  }

  async function member(schoolId: string, userId: string) {
    const row = await db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id as userId', 'users.display_name as displayName', 'users.email as email', 'memberships.role as role', 'memberships.created_at as joinedAt'])
      .where('memberships.school_id', '=', schoolId).where('memberships.user_id', '=', userId).executeTakeFirst()
    if (!row) throw notFound('member', userId)
    return row
  }

  async function addMember(schoolId: string, userId: string, role: SchoolRole): Promise<void> {
    const existing = await db.selectFrom('memberships').select('role').where('school_id', '=', schoolId).where('user_id', '=', userId).executeTakeFirst()
    if (existing) {
      if (RANK[existing.role] >= RANK[role]) return // joining never lowers a role
      await db.updateTable('memberships').set({ role }).where('school_id', '=', schoolId).where('user_id', '=', userId).execute()
      await identity.repo.deleteSessionsOf(userId)
      return
    }
    await db.insertInto('memberships').values({ user_id: userId, school_id: schoolId, role, created_at: iso(now()) }).execute()
  }

  /** Refuses to take away a school's only admin (nobody could then manage its members). */
  async function keepAnAdmin(schoolId: string): Promise<void> {
    const admins = await db.selectFrom('memberships').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('school_id', '=', schoolId).where('role', '=', 'school_admin').executeTakeFirst()
    if (Number(admins?.n ?? 0) <= 1) throw new AppError('school.last_admin', 409, 'This is the school\'s only admin: make another member admin first.')
  }

  return {
    school,

    async create(input: { name: string; slug?: string; adminUserId?: string; adminEmail?: string }): Promise<SchoolView> {
      const admin = input.adminUserId !== undefined
        ? await db.selectFrom('users').select('id').where('id', '=', input.adminUserId).executeTakeFirst()
        : input.adminEmail !== undefined
          ? await db.selectFrom('users').select('id').where('email', '=', input.adminEmail.trim().toLowerCase()).executeTakeFirst()
          : undefined
      if ((input.adminUserId !== undefined || input.adminEmail !== undefined) && !admin) throw notFound('user', input.adminUserId ?? 'by email')
      const slug = input.slug ?? `${input.name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'school'}-${randomBase62(6).toLowerCase()}`
      if (await db.selectFrom('schools').select('id').where('slug', '=', slug).executeTakeFirst()) throw new AppError('school.slug_taken', 409, 'A school already has that slug.')
      const row = { id: randomUUID(), name: input.name, slug, created_at: iso(now()) }
      await db.insertInto('schools').values(row).execute()
      if (admin) await addMember(row.id, admin.id, 'school_admin')
      return { id: row.id, name: row.name, slug: row.slug, createdAt: row.created_at }
    },

    /** Platform admins (cookie session): every school; a school-bound key: its school; others: theirs. */
    async list(actor: Actor): Promise<SchoolView[]> {
      if (actor.kind === 'anonymous') return []
      let query = db.selectFrom('schools').select(['schools.id', 'schools.name', 'schools.slug', 'schools.created_at']).orderBy('schools.name').limit(1000)
      if (!(actor.kind === 'user' && actor.platformRole === 'platform_admin')) {
        query = query.innerJoin('memberships', 'memberships.school_id', 'schools.id').where('memberships.user_id', '=', actor.userId)
        if (actor.kind === 'api-key' && actor.schoolId !== null) query = query.where('schools.id', '=', actor.schoolId)
      }
      return (await query.execute()).map((r) => ({ id: r.id, name: r.name, slug: r.slug, createdAt: r.created_at }))
    },

    async members(schoolId: string, page: { limit: number; offset: number }): Promise<MemberView[]> {
      await school(schoolId)
      return db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.id as userId', 'users.display_name as displayName', 'memberships.role as role', 'memberships.created_at as joinedAt'])
        .where('memberships.school_id', '=', schoolId).orderBy('memberships.created_at').orderBy('users.id').limit(page.limit).offset(page.offset).execute()
    },

    /** A member's record in this school; a read by anyone but the member is logged. */
    async readMember(actor: Exclude<Actor, { kind: 'anonymous' }>, via: string, schoolId: string, userId: string): Promise<MemberRecord> {
      const record = await member(schoolId, userId)
      if (actor.userId !== userId || actor.kind === 'api-key') {
        await db.insertInto('access_log').values({
          id: randomUUID(), learner_id: userId, actor_user_id: actor.userId, actor_key_id: actor.kind === 'api-key' ? actor.keyId : null,
          actor_role: actor.kind === 'api-key' ? `api_key:${via}` : via, school_id: schoolId, record: 'school.member', purpose: 'school.member.read', at: iso(now()),
        }).execute()
      }
      return record
    },

    /** Role change: the member's sessions end (they sign in again with the new role, SECURITY.md S1). */
    async changeRole(actorUserId: string, schoolId: string, userId: string, role: SchoolRole): Promise<MemberView> {
      const current = await member(schoolId, userId)
      if (current.role !== role) {
        if (current.role === 'school_admin' && userId === actorUserId) throw new AppError('member.self_demotion', 409, 'A school admin cannot change their own role; ask another admin.')
        if (current.role === 'school_admin') await keepAnAdmin(schoolId)
        await db.updateTable('memberships').set({ role }).where('school_id', '=', schoolId).where('user_id', '=', userId).execute()
        await identity.repo.deleteSessionsOf(userId)
      }
      return { userId: current.userId, displayName: current.displayName, role, joinedAt: current.joinedAt }
    },

    async removeMember(schoolId: string, userId: string): Promise<void> {
      const current = await member(schoolId, userId)
      if (current.role === 'school_admin') await keepAnAdmin(schoolId)
      await db.deleteFrom('memberships').where('school_id', '=', schoolId).where('user_id', '=', userId).execute()
    },

    async accessLogOfLearner(userId: string): Promise<AccessLogView[]> {
      return (await db.selectFrom('access_log').selectAll().where('learner_id', '=', userId).orderBy('at', 'desc').limit(1000).execute()).map(logView)
    },

    async accessLogOfSchool(schoolId: string, page: { limit: number; offset: number }): Promise<AccessLogView[]> {
      await school(schoolId)
      return (await db.selectFrom('access_log').selectAll().where('school_id', '=', schoolId).orderBy('at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute()).map(logView)
    },

    /** Educators may invite learners only; school admins and platform admins any school role. */
    async createInvitation(actor: Exclude<Actor, { kind: 'anonymous' }>, via: string, schoolId: string, input: { role: SchoolRole; kind: 'link' | 'code'; email?: string; expiresInDays?: number; maxUses?: number }) {
      await school(schoolId)
      if (via === 'educator' && input.role !== 'learner') throw accessDenied()
      const secret = input.kind === 'link' ? randomBase62(43) : joinCode()
      const at = now()
      const row = {
        id: randomUUID(), school_id: schoolId, role: input.role, kind: input.kind, email: input.email?.trim().toLowerCase() ?? null,
        secret_hash: sha256(input.kind === 'link' ? secret : normaliseCode(secret)), created_by: actor.userId, created_at: iso(at),
        expires_at: iso(at + (input.expiresInDays ?? 7) * 86_400_000), max_uses: input.maxUses ?? (input.kind === 'link' ? 1 : 30), uses: 0, revoked_at: null,
      }
      await db.insertInto('invitations').values(row).execute()
      return { invitation: invitationView(row), ...(input.kind === 'link' ? { token: secret } : { code: secret }) }
    },

    async invitations(schoolId: string): Promise<InvitationView[]> {
      await school(schoolId)
      return (await db.selectFrom('invitations').selectAll().where('school_id', '=', schoolId).orderBy('created_at', 'desc').limit(1000).execute()).map(invitationView)
    },

    async revokeInvitation(via: string, schoolId: string, id: string): Promise<void> {
      const row = await db.selectFrom('invitations').selectAll().where('school_id', '=', schoolId).where('id', '=', id).executeTakeFirst()
      if (!row) throw notFound('invitation', id)
      if (via === 'educator' && row.role !== 'learner') throw accessDenied()
      if (row.revoked_at === null) await db.updateTable('invitations').set({ revoked_at: iso(now()) }).where('id', '=', id).execute()
    },

    /** Redeems a link token or join code: unknown, revoked, expired, used up or for another address all answer the same 404. */
    async redeem(userId: string, kind: 'link' | 'code', secret: string): Promise<{ school: SchoolView; role: SchoolRole }> {
      const hash = sha256(kind === 'link' ? secret : normaliseCode(secret))
      const row = await db.selectFrom('invitations').selectAll().where('secret_hash', '=', hash).where('kind', '=', kind).executeTakeFirst()
      const user = await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst()
      const usable = row !== undefined && row.revoked_at === null && Date.parse(row.expires_at) > now() && row.uses < row.max_uses
        && (row.email === null || row.email === user?.email.toLowerCase())
      if (!usable) throw new AppError('invitation.not_found', 404, 'That invitation is unknown, expired, revoked or used up.')
      const claimed = await db.updateTable('invitations').set((eb) => ({ uses: eb('uses', '+', 1) }))
        .where('id', '=', row.id).where('uses', '<', row.max_uses).executeTakeFirst()
      if (Number(claimed.numUpdatedRows) === 0) throw new AppError('invitation.not_found', 404, 'That invitation is unknown, expired, revoked or used up.')
      await addMember(row.school_id, userId, row.role)
      return { school: await school(row.school_id), role: row.role }
    },
  }
}

export type SchoolsService = ReturnType<typeof createSchoolsService>

function logView(r: Database['access_log']): AccessLogView {
  return { id: r.id, learnerId: r.learner_id, actorUserId: r.actor_user_id, actorKeyId: r.actor_key_id, actorRole: r.actor_role, schoolId: r.school_id, record: r.record, purpose: r.purpose, at: r.at }
}

function invitationView(r: Database['invitations']): InvitationView {
  return { id: r.id, role: r.role, kind: r.kind, email: r.email, createdAt: r.created_at, expiresAt: r.expires_at, maxUses: r.max_uses, uses: r.uses, revokedAt: r.revoked_at }
}

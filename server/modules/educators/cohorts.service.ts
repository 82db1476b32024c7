/**
 * Cohorts (issue 8): a school's groups of learners run by some of its educators. A cohort has a join
 * code (8 characters, unique on the instance, null when joining is off), staff, learners and
 * assignments (cohorts.assignments.ts). Every query is filtered by the school the policy layer
 * checked; the access hook has already answered 404 for a cohort of another school and 403 for an
 * educator who does not run it. Joining by code adds the person to the school as a learner when they
 * are not a member yet — an existing role is never lowered.
 */
import { randomUUID } from 'node:crypto'
import type { Database } from '../../platform/db/types.js'
import { AppError, notFound } from '../../platform/http/errors.js'
import type { Actor, Identity } from '../identity/index.js'
import { createAssignments, type AssignmentView } from './cohorts.assignments.js'
import type { EducatorsDeps } from './deps.js'

export interface CohortPerson { userId: string; displayName: string; since: string }
export interface ProgrammeRef { id: string; title: string; cipCode: string }
export interface CohortSummary {
  id: string; schoolId: string; name: string; description: string | null; programme: ProgrammeRef | null
  archived: boolean; archivedAt: string | null; createdAt: string; joinOpen: boolean; learnerCount: number; assignmentCount: number
}
export interface CohortDetail extends CohortSummary {
  joinCode: string | null
  staff: CohortPerson[]
  learners: CohortPerson[]
  assignments: AssignmentView[]
}
export interface CohortInput { name: string; description?: string | null; programmeId?: string | null }
export interface CohortPatch extends Partial<CohortInput> { archived?: boolean }

/** Join codes: 8 characters without look-alikes (no 0/O, 1/I/L), as the schools' codes. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
const STAFF_ROLES = new Set(['educator', 'school_admin'])
const JOIN_NOT_FOUND = () => new AppError('cohort.join_not_found', 404, 'No open cohort has that join code.')

function joinCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8))
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')
}

export const normaliseCohortCode = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '')

export function createCohortsService(deps: EducatorsDeps) {
  const { db } = deps
  const nowIso = () => new Date(deps.clock.now()).toISOString()
  const assignments = createAssignments(deps)

  async function cohortRow(schoolId: string, cohortId: string) {
    const row = await db.selectFrom('cohorts').selectAll().where('id', '=', cohortId).where('school_id', '=', schoolId).executeTakeFirst()
    if (!row) throw new AppError('cohort.not_found', 404, 'No such cohort.', { resource: 'cohort', id: cohortId })
    return row
  }

  async function openCohort(schoolId: string, cohortId: string) {
    const row = await cohortRow(schoolId, cohortId)
    if (row.archived_at !== null) throw new AppError('cohort.archived', 409, 'The cohort is archived: it takes no new learners or assignments.')
    return row
  }

  async function programme(schoolId: string, id: string | null | undefined): Promise<string | null> {
    if (id === null || id === undefined) return null
    const row = await db.selectFrom('school_programmes').select('id').where('id', '=', id).where('school_id', '=', schoolId).executeTakeFirst()
    if (!row) throw notFound('programme', id)
    return row.id
  }

  async function freshCode(): Promise<string> {
    for (let i = 0; i < 8; i++) {
      const code = joinCode()
      if (!(await db.selectFrom('cohorts').select('id').where('join_code', '=', code).executeTakeFirst())) return code
    }
    throw new AppError('internal', 500, 'Could not find a free join code.')
  }

  async function summaries(schoolId: string, onlyStaffOf?: string, ids?: readonly string[]): Promise<CohortSummary[]> {
    let query = db.selectFrom('cohorts').leftJoin('school_programmes', 'school_programmes.id', 'cohorts.programme_id')
      .select(['cohorts.id', 'cohorts.school_id', 'cohorts.name', 'cohorts.description', 'cohorts.created_at', 'cohorts.archived_at', 'cohorts.join_code',
        'school_programmes.id as programme_id', 'school_programmes.title as programme_title', 'school_programmes.cip_code as programme_cip'])
      .select((eb) => [
        eb.selectFrom('cohort_members').select((e) => e.fn.countAll<number>().as('n')).whereRef('cohort_members.cohort_id', '=', 'cohorts.id').as('learner_count'),
        eb.selectFrom('cohort_assignments').select((e) => e.fn.countAll<number>().as('n')).whereRef('cohort_assignments.cohort_id', '=', 'cohorts.id').as('assignment_count'),
      ])
      .where('cohorts.school_id', '=', schoolId)
    if (onlyStaffOf !== undefined) {
      query = query.where((eb) => eb.exists(eb.selectFrom('cohort_staff').select('cohort_staff.user_id')
        .whereRef('cohort_staff.cohort_id', '=', 'cohorts.id').where('cohort_staff.user_id', '=', onlyStaffOf)))
    }
    if (ids !== undefined) query = query.where('cohorts.id', 'in', ids.length > 0 ? [...ids] : [''])
    const rows = await query.orderBy('cohorts.archived_at', (ob) => ob.asc().nullsFirst()).orderBy('cohorts.created_at', 'desc').orderBy('cohorts.id').limit(1000).execute()
    return rows.map((r) => ({
      id: r.id, schoolId: r.school_id, name: r.name, description: r.description,
      programme: r.programme_id !== null ? { id: r.programme_id, title: r.programme_title ?? '', cipCode: r.programme_cip ?? '' } : null,
      archived: r.archived_at !== null, archivedAt: r.archived_at, createdAt: r.created_at, joinOpen: r.join_code !== null && r.archived_at === null,
      learnerCount: Number(r.learner_count ?? 0), assignmentCount: Number(r.assignment_count ?? 0),
    }))
  }

  async function people(table: 'cohort_staff' | 'cohort_members', cohortId: string): Promise<CohortPerson[]> {
    if (table === 'cohort_staff') {
      return db.selectFrom('cohort_staff').innerJoin('users', 'users.id', 'cohort_staff.user_id')
        .select(['users.id as userId', 'users.display_name as displayName', 'cohort_staff.added_at as since'])
        .where('cohort_staff.cohort_id', '=', cohortId).orderBy('users.display_name').orderBy('users.id').execute()
    }
    return db.selectFrom('cohort_members').innerJoin('users', 'users.id', 'cohort_members.user_id')
      .select(['users.id as userId', 'users.display_name as displayName', 'cohort_members.joined_at as since'])
      .where('cohort_members.cohort_id', '=', cohortId).orderBy('users.display_name').orderBy('users.id').limit(5000).execute()
  }

  async function detail(schoolId: string, cohortId: string): Promise<CohortDetail> {
    const row = await cohortRow(schoolId, cohortId)
    const [summary] = await summaries(schoolId, undefined, [cohortId])
    if (!summary) throw notFound('cohort', cohortId)
    const [staff, learners, list] = await Promise.all([people('cohort_staff', cohortId), people('cohort_members', cohortId), assignments.list(schoolId, cohortId)])
    return { ...summary, joinCode: row.join_code, staff, learners, assignments: list }
  }

  /** The school role of a person, or 404 member.not_found when they are not in the school. */
  async function schoolRole(schoolId: string, userId: string) {
    const row = await db.selectFrom('memberships').select('role').where('school_id', '=', schoolId).where('user_id', '=', userId).executeTakeFirst()
    if (!row) throw notFound('member', userId)
    return row.role
  }

  /** The open cohort behind a code (name and school), for the join page; unknown, off or archived → 404. */
  async function byCode(code: string): Promise<{ id: string; name: string; schoolId: string; schoolName: string }> {
    const row = await db.selectFrom('cohorts').innerJoin('schools', 'schools.id', 'cohorts.school_id')
      .select(['cohorts.id', 'cohorts.name', 'cohorts.archived_at', 'schools.id as schoolId', 'schools.name as schoolName'])
      .where('cohorts.join_code', '=', normaliseCohortCode(code)).executeTakeFirst()
    if (!row || row.archived_at !== null) throw JOIN_NOT_FOUND()
    return { id: row.id, name: row.name, schoolId: row.schoolId, schoolName: row.schoolName }
  }

  return {
    assignments,
    detail,
    cohortRow,
    openCohort,

    /** An API key's read of my cohorts goes to my access log, as the passport's reads do. */
    noteRead: (actor: Exclude<Actor, { kind: 'anonymous' }>): Promise<void> => deps.learner.passport.noteRead(actor, 'cohorts'),

    /** School admins and platform admins: every cohort; an educator (`staffOf`): the cohorts they run. */
    list: (schoolId: string, staffOf?: string): Promise<CohortSummary[]> => summaries(schoolId, staffOf),

    /** A new cohort with a join code; `creatorId` (a member of the school's staff) runs it. */
    async create(schoolId: string, creatorId: string | null, input: CohortInput): Promise<CohortDetail> {
      const programmeId = await programme(schoolId, input.programmeId)
      const id = randomUUID()
      const at = nowIso()
      const code = await freshCode()
      await db.transaction().execute(async (tx) => {
        await tx.insertInto('cohorts').values({
          id, school_id: schoolId, name: input.name.trim(), description: input.description?.trim() || null, programme_id: programmeId,
          join_code: code, created_by: creatorId, created_at: at, archived_at: null,
        }).execute()
        if (creatorId !== null) await tx.insertInto('cohort_staff').values({ cohort_id: id, user_id: creatorId, added_at: at }).execute()
      })
      return detail(schoolId, id)
    },

    async update(schoolId: string, cohortId: string, patch: CohortPatch): Promise<CohortDetail> {
      const row = await cohortRow(schoolId, cohortId)
      const changes: Partial<Database['cohorts']> = {}
      if (patch.name !== undefined) changes.name = patch.name.trim()
      if (patch.description !== undefined) changes.description = patch.description?.trim() || null
      if (patch.programmeId !== undefined) changes.programme_id = await programme(schoolId, patch.programmeId)
      if (patch.archived !== undefined && patch.archived !== (row.archived_at !== null)) changes.archived_at = patch.archived ? nowIso() : null
      if (Object.keys(changes).length > 0) await db.updateTable('cohorts').set(changes).where('id', '=', cohortId).where('school_id', '=', schoolId).execute()
      return detail(schoolId, cohortId)
    },

    async remove(schoolId: string, cohortId: string): Promise<void> {
      await cohortRow(schoolId, cohortId)
      await db.deleteFrom('cohorts').where('id', '=', cohortId).where('school_id', '=', schoolId).execute()
    },

    /** A new join code (the old one stops working); `null` switches joining off. */
    async setJoinCode(schoolId: string, cohortId: string, open: boolean): Promise<CohortDetail> {
      await cohortRow(schoolId, cohortId)
      await db.updateTable('cohorts').set({ join_code: open ? await freshCode() : null }).where('id', '=', cohortId).where('school_id', '=', schoolId).execute()
      return detail(schoolId, cohortId)
    },

    learners: async (schoolId: string, cohortId: string): Promise<CohortPerson[]> => (await cohortRow(schoolId, cohortId), people('cohort_members', cohortId)),

    /** Adds a member of the school (any role) as a learner of the cohort; adding twice changes nothing. */
    async addLearner(schoolId: string, cohortId: string, userId: string): Promise<CohortPerson> {
      await openCohort(schoolId, cohortId)
      await schoolRole(schoolId, userId)
      await db.insertInto('cohort_members').values({ cohort_id: cohortId, user_id: userId, joined_at: nowIso() })
        .onConflict((oc) => oc.columns(['cohort_id', 'user_id']).doNothing()).execute()
      const person = (await people('cohort_members', cohortId)).find((p) => p.userId === userId)
      if (!person) throw notFound('cohort_member', userId)
      return person
    },

    async removeLearner(schoolId: string, cohortId: string, userId: string): Promise<void> {
      await cohortRow(schoolId, cohortId)
      const result = await db.deleteFrom('cohort_members').where('cohort_id', '=', cohortId).where('user_id', '=', userId).executeTakeFirst()
      if (Number(result.numDeletedRows) === 0) throw notFound('cohort_member', userId)
    },

    /** Adds one of the school's educators or admins to the cohort's staff. */
    async addStaff(schoolId: string, cohortId: string, userId: string): Promise<CohortPerson[]> {
      await cohortRow(schoolId, cohortId)
      if (!STAFF_ROLES.has(await schoolRole(schoolId, userId))) {
        throw new AppError('cohort_staff.not_staff', 409, 'Only the school\'s educators and administrators can run a cohort.')
      }
      await db.insertInto('cohort_staff').values({ cohort_id: cohortId, user_id: userId, added_at: nowIso() })
        .onConflict((oc) => oc.columns(['cohort_id', 'user_id']).doNothing()).execute()
      return people('cohort_staff', cohortId)
    },

    async removeStaff(schoolId: string, cohortId: string, userId: string): Promise<void> {
      await cohortRow(schoolId, cohortId)
      const result = await db.deleteFrom('cohort_staff').where('cohort_id', '=', cohortId).where('user_id', '=', userId).executeTakeFirst()
      if (Number(result.numDeletedRows) === 0) throw notFound('cohort_staff', userId)
    },

    byCode,

    /** Joins the cohort of a code: a learner of the school first if not a member (a role is never lowered). */
    async join(userId: string, code: string): Promise<{ id: string; name: string; schoolId: string; schoolName: string }> {
      const cohort = await byCode(code)
      const at = nowIso()
      await db.transaction().execute(async (tx) => {
        await tx.insertInto('memberships').values({ user_id: userId, school_id: cohort.schoolId, role: 'learner', created_at: at })
          .onConflict((oc) => oc.columns(['user_id', 'school_id']).doNothing()).execute()
        await tx.insertInto('cohort_members').values({ cohort_id: cohort.id, user_id: userId, joined_at: at })
          .onConflict((oc) => oc.columns(['cohort_id', 'user_id']).doNothing()).execute()
      })
      return cohort
    },
  }
}

export type CohortsService = ReturnType<typeof createCohortsService>

/** Joining by code with the guessing throttle (per person and per client address), for the API and the pages. */
export async function cohortCodeThrottled<T>(identity: Identity, input: { userId: string; ip: string }, work: () => Promise<T>): Promise<T> {
  const keys = [{ kind: 'account' as const, id: `cohort-join:${input.userId}` }, { kind: 'ip' as const, id: `cohort-join:${input.ip}` }]
  const wait = await identity.throttle.retryAfterMs(keys)
  if (wait > 0) throw new AppError('auth.throttled', 429, 'Too many attempts; try again later.', { retryAfter: Math.ceil(wait / 1000) })
  try {
    return await work()
  } catch (error) {
    if (error instanceof AppError && error.code === 'cohort.join_not_found') await identity.throttle.fail(keys)
    throw error
  }
}

/**
 * What the dashboard and the attainment report read about a school's cohorts and their learners:
 * the cohort with its programme, its assignments resolved against the catalog and the school's
 * adapted pathways, the learners' step marks, earned credentials (catalog and local) and progress
 * events, always inside one school and in bounded `in (…)` chunks. Also: the access-log rows a
 * staff read of learners' records appends (SECURITY.md Z6).
 */
import { randomUUID } from 'node:crypto'
import { fromJson } from '../../platform/db/json.js'
import { AppError } from '../../platform/http/errors.js'
import type { Actor } from '../identity/index.js'
import type { EducatorsDeps } from './deps.js'
import { chunks } from './insight-stats.js'

export type StaffActor = Exclude<Actor, { kind: 'anonymous' }>

export interface CohortInfo {
  id: string
  name: string
  programme: { id: string; title: string } | null
  archivedAt: string | null
}

export interface AssignmentInfo {
  id: string
  kind: 'career' | 'pathway'
  title: string
  /** The career it targets (a career assignment, or the career an adapted pathway was copied from). */
  career: { slug: string; title: string } | null
  pathwayId: string | null
  dueOn: string | null
  /** Steps of its pathway: the catalog pathway of the career, or the adapted pathway's steps. */
  steps: { key: string; title: string }[]
}

export interface StepMark { userId: string; assignmentKey: string; stepKey: string; doneAt: string }

export interface EarnedCredential {
  userId: string
  kind: 'catalog' | 'local'
  id: string
  /** YYYY-MM-DD: the catalog credential's `earned_on`, or the day the local credential's step was marked done. */
  earnedOn: string
}

export const cohortNotFound = (): AppError => new AppError('cohort.not_found', 404, 'No such cohort.', { resource: 'cohort' })
export const memberNotFound = (id: string): AppError =>
  new AppError('cohort_member.not_found', 404, 'The cohort has no learner with that id.', { resource: 'cohort_member', id })

export function createInsightReader(deps: EducatorsDeps) {
  const { db } = deps

  async function cohort(schoolId: string, cohortId: string): Promise<CohortInfo> {
    const row = await db.selectFrom('cohorts').leftJoin('school_programmes', 'school_programmes.id', 'cohorts.programme_id')
      .select(['cohorts.id', 'cohorts.name', 'cohorts.archived_at', 'school_programmes.id as programmeId', 'school_programmes.title as programmeTitle'])
      .where('cohorts.id', '=', cohortId).where('cohorts.school_id', '=', schoolId).executeTakeFirst()
    if (!row) throw cohortNotFound()
    return {
      id: row.id, name: row.name, archivedAt: row.archived_at,
      programme: row.programmeId === null || row.programmeTitle === null ? null : { id: row.programmeId, title: row.programmeTitle },
    }
  }

  /** The cohort's assignments in their order; a career gone from the catalog keeps its slug as title. */
  async function assignments(schoolId: string, cohortId: string): Promise<AssignmentInfo[]> {
    const view = deps.learner.passport.view()
    const rows = await db.selectFrom('cohort_assignments').leftJoin('adapted_pathways', (j) => j.onRef('adapted_pathways.id', '=', 'cohort_assignments.pathway_id').on('adapted_pathways.school_id', '=', schoolId))
      .select(['cohort_assignments.id', 'cohort_assignments.kind', 'cohort_assignments.career_slug', 'cohort_assignments.pathway_id', 'cohort_assignments.due_on',
        'adapted_pathways.title as pathwayTitle', 'adapted_pathways.career_slug as pathwayCareer'])
      .where('cohort_assignments.cohort_id', '=', cohortId).orderBy('cohort_assignments.position').orderBy('cohort_assignments.id').limit(200).execute()
    const pathwayIds = rows.flatMap((r) => (r.kind === 'pathway' && r.pathway_id !== null && r.pathwayTitle !== null ? [r.pathway_id] : []))
    const steps = new Map<string, { key: string; title: string }[]>()
    for (const ids of chunks(pathwayIds)) {
      const found = await db.selectFrom('adapted_pathway_steps').select(['id', 'pathway_id', 'title']).where('pathway_id', 'in', ids).orderBy('pathway_id').orderBy('position').execute()
      for (const s of found) {
        let list = steps.get(s.pathway_id)
        if (!list) steps.set(s.pathway_id, (list = []))
        list.push({ key: s.id, title: s.title })
      }
    }
    const careerOf = (slug: string | null) => (slug === null ? null : { slug, title: view.careerRef(slug)?.title ?? slug })
    return rows.flatMap((r): AssignmentInfo[] => {
      if (r.kind === 'career' && r.career_slug !== null) {
        return [{
          id: r.id, kind: 'career', title: careerOf(r.career_slug)!.title, career: careerOf(r.career_slug), pathwayId: null, dueOn: r.due_on,
          steps: view.steps(r.career_slug).map((s) => ({ key: `${s.section}/${s.position}`, title: s.title })),
        }]
      }
      if (r.kind === 'pathway' && r.pathway_id !== null && r.pathwayTitle !== null) {
        return [{ id: r.id, kind: 'pathway', title: r.pathwayTitle, career: careerOf(r.pathwayCareer), pathwayId: r.pathway_id, dueOn: r.due_on, steps: steps.get(r.pathway_id) ?? [] }]
      }
      return [] // a pathway of another school: never shown
    })
  }

  /** The careers the assignments target, each once, in assignment order. */
  const careersOf = (list: readonly AssignmentInfo[]): { slug: string; title: string }[] =>
    [...new Map(list.flatMap((a) => (a.career ? [[a.career.slug, a.career] as const] : []))).values()]

  /** Learners of the cohort (oldest members first), at most `limit`; and how many there are. */
  async function members(cohortId: string, limit: number): Promise<{ total: number; rows: { userId: string; displayName: string; joinedAt: string }[] }> {
    const count = await db.selectFrom('cohort_members').select((eb) => eb.fn.countAll<number | string>().as('n')).where('cohort_id', '=', cohortId).executeTakeFirst()
    const rows = await db.selectFrom('cohort_members').innerJoin('users', 'users.id', 'cohort_members.user_id')
      .select(['cohort_members.user_id as userId', 'users.display_name as displayName', 'cohort_members.joined_at as joinedAt'])
      .where('cohort_members.cohort_id', '=', cohortId).orderBy('cohort_members.joined_at').orderBy('cohort_members.user_id').limit(limit).execute()
    return { total: Number(count?.n ?? 0), rows }
  }

  async function member(cohortId: string, userId: string): Promise<{ userId: string; displayName: string; joinedAt: string }> {
    const row = await db.selectFrom('cohort_members').innerJoin('users', 'users.id', 'cohort_members.user_id')
      .select(['cohort_members.user_id as userId', 'users.display_name as displayName', 'cohort_members.joined_at as joinedAt'])
      .where('cohort_members.cohort_id', '=', cohortId).where('cohort_members.user_id', '=', userId).executeTakeFirst()
    if (!row) throw memberNotFound(userId)
    return row
  }

  /**
   * Step marks of the learners on the assignments' pathways: catalog steps (`career:<slug>`) that
   * still exist, and adapted steps (`pathway:<id>`).
   */
  async function stepMarks(userIds: readonly string[], list: readonly AssignmentInfo[]): Promise<StepMark[]> {
    const marks: StepMark[] = []
    const careers = [...new Set(list.flatMap((a) => (a.kind === 'career' && a.career ? [a.career.slug] : [])))]
    const pathways = [...new Set(list.flatMap((a) => (a.pathwayId ? [a.pathwayId] : [])))]
    const existing = new Map(careers.map((slug) => [slug, new Set(list.find((a) => a.kind === 'career' && a.career?.slug === slug)?.steps.map((s) => s.key))]))
    for (const ids of chunks(userIds)) {
      if (careers.length > 0) {
        const rows = await db.selectFrom('pathway_steps_done').selectAll().where('user_id', 'in', ids).where('career_slug', 'in', careers).execute()
        for (const r of rows) {
          const key = `${r.section}/${r.position}`
          if (existing.get(r.career_slug)?.has(key)) marks.push({ userId: r.user_id, assignmentKey: `career:${r.career_slug}`, stepKey: key, doneAt: r.done_at })
        }
      }
      if (pathways.length > 0) {
        const rows = await db.selectFrom('adapted_steps_done').innerJoin('adapted_pathway_steps', 'adapted_pathway_steps.id', 'adapted_steps_done.step_id')
          .select(['adapted_steps_done.user_id', 'adapted_steps_done.step_id', 'adapted_pathway_steps.pathway_id', 'adapted_steps_done.done_at'])
          .where('adapted_steps_done.user_id', 'in', ids).where('adapted_pathway_steps.pathway_id', 'in', pathways).execute()
        for (const r of rows) marks.push({ userId: r.user_id, assignmentKey: `pathway:${r.pathway_id}`, stepKey: r.step_id, doneAt: r.done_at })
      }
    }
    return marks
  }

  /**
   * Credentials the learners earned: catalog ones from their passports, and the school's local
   * credentials, earned when a step carrying one is marked done (first such mark counts), optionally
   * limited to earned dates from–to (inclusive).
   */
  async function credentials(schoolId: string, userIds: readonly string[], range?: { from: string; to: string }): Promise<EarnedCredential[]> {
    const out: EarnedCredential[] = []
    for (const ids of chunks(userIds)) {
      let catalog = db.selectFrom('passport_credentials').select(['user_id', 'credential_id', 'earned_on']).where('user_id', 'in', ids)
      if (range) catalog = catalog.where('earned_on', '>=', range.from).where('earned_on', '<=', range.to)
      for (const r of await catalog.execute()) out.push({ userId: r.user_id, kind: 'catalog', id: r.credential_id, earnedOn: r.earned_on.slice(0, 10) })
      const local = await db.selectFrom('adapted_steps_done')
        .innerJoin('adapted_pathway_steps', 'adapted_pathway_steps.id', 'adapted_steps_done.step_id')
        .innerJoin('school_credentials', 'school_credentials.id', 'adapted_pathway_steps.school_credential_id')
        .select(['adapted_steps_done.user_id', 'school_credentials.id as credentialId', 'adapted_steps_done.done_at'])
        .where('school_credentials.school_id', '=', schoolId).where('adapted_steps_done.user_id', 'in', ids).execute()
      const first = new Map<string, EarnedCredential>()
      for (const r of local) {
        const key = `${r.user_id}\u0000${r.credentialId}`
        const earnedOn = r.done_at.slice(0, 10)
        const seen = first.get(key)
        if (!seen || earnedOn < seen.earnedOn) first.set(key, { userId: r.user_id, kind: 'local', id: r.credentialId, earnedOn })
      }
      for (const c of first.values()) if (!range || (c.earnedOn >= range.from && c.earnedOn <= range.to)) out.push(c)
    }
    return out
  }

  /** Titles, types and providers of credentials (catalog from the current catalog version, local from the school). */
  async function credentialInfo(schoolId: string, earned: readonly EarnedCredential[]): Promise<Map<string, { title: string; type: string; provider: string }>> {
    const view = deps.learner.passport.view()
    const info = new Map<string, { title: string; type: string; provider: string }>()
    for (const c of earned) {
      if (c.kind !== 'catalog' || info.has(`catalog:${c.id}`)) continue
      const known = view.credential(c.id)
      info.set(`catalog:${c.id}`, { title: known?.title ?? c.id, type: known?.type ?? 'credential', provider: known?.provider ?? '' })
    }
    const local = [...new Set(earned.flatMap((c) => (c.kind === 'local' ? [c.id] : [])))]
    for (const ids of chunks(local)) {
      const rows = await db.selectFrom('school_credentials').select(['id', 'title', 'issuer']).where('school_id', '=', schoolId).where('id', 'in', ids).execute()
      for (const r of rows) info.set(`local:${r.id}`, { title: r.title, type: 'local', provider: r.issuer })
    }
    return info
  }

  /** Progress events of the learners since `since` (oldest first, at most `cap`), and each one's last event before it. */
  async function events(userIds: readonly string[], since: string, cap: number) {
    type Ev = { userId: string; at: string; coverage: { career: string; coverage: number | null }[] }
    const within: Ev[] = []
    const before: Ev[] = []
    const lastAt = new Map<string, string>()
    for (const ids of chunks(userIds)) {
      const rows = await db.selectFrom('progress_events').select(['user_id', 'at', 'coverage']).where('user_id', 'in', ids).where('at', '>=', since)
        .orderBy('at').orderBy('id').limit(cap).execute()
      for (const r of rows) within.push({ userId: r.user_id, at: r.at, coverage: fromJson(r.coverage, []) })
      const baseline = await db.selectFrom('progress_events as e').select(['e.user_id', 'e.at', 'e.coverage']).where('e.user_id', 'in', ids)
        .where('e.at', '=', (eb) => eb.selectFrom('progress_events as p').select((p) => p.fn.max('p.at').as('m')).whereRef('p.user_id', '=', 'e.user_id').where('p.at', '<', since))
        .execute()
      for (const r of baseline) before.push({ userId: r.user_id, at: r.at, coverage: fromJson(r.coverage, []) })
      const latest = await db.selectFrom('progress_events').select(['user_id', (eb) => eb.fn.max('at').as('at')]).where('user_id', 'in', ids).groupBy('user_id').execute()
      for (const r of latest) if (r.at !== null) lastAt.set(r.user_id, String(r.at))
    }
    within.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    return { within: within.slice(0, cap), before, lastAt }
  }

  /** The newest passport change (skills) and credential record of each learner. */
  async function passportTouched(userIds: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>()
    const keep = (id: string, at: unknown) => {
      if (at === null || at === undefined) return
      const text = String(at)
      if ((out.get(id) ?? '') < text) out.set(id, text)
    }
    for (const ids of chunks(userIds)) {
      for (const r of await db.selectFrom('passport_skills').select(['user_id', (eb) => eb.fn.max('updated_at').as('at')]).where('user_id', 'in', ids).groupBy('user_id').execute()) keep(r.user_id, r.at)
      for (const r of await db.selectFrom('passport_credentials').select(['user_id', (eb) => eb.fn.max('created_at').as('at')]).where('user_id', 'in', ids).groupBy('user_id').execute()) keep(r.user_id, r.at)
    }
    return out
  }

  /** One access-log row per learner whose record a staff member read (none for reading oneself in a session). */
  async function logReads(actor: StaffActor, via: string, schoolId: string, learnerIds: readonly string[], record: string, purpose: string): Promise<void> {
    const at = new Date(deps.clock.now()).toISOString()
    const rows = learnerIds.filter((id) => id !== actor.userId || actor.kind === 'api-key').map((learnerId) => ({
      id: randomUUID(), learner_id: learnerId, actor_user_id: actor.userId, actor_key_id: actor.kind === 'api-key' ? actor.keyId : null,
      actor_role: actor.kind === 'api-key' ? `api_key:${via}` : via, school_id: schoolId, record, purpose, at,
    }))
    for (const part of chunks(rows, 100)) await db.insertInto('access_log').values(part).execute()
  }

  return { cohort, assignments, careersOf, members, member, stepMarks, credentials, credentialInfo, events, passportTouched, logReads }
}

export type InsightReader = ReturnType<typeof createInsightReader>

/**
 * What a cohort assigns its learners: a target career of the catalog (its catalog pathway) or one of
 * the school's adapted pathways. The learner's side — their cohorts with each assignment resolved and
 * their done marks — is `mine`; done marks on an adapted pathway's steps are accepted only for a
 * pathway one of the learner's cohorts assigns.
 */
import { randomUUID } from 'node:crypto'
import { AppError, notFound } from '../../platform/http/errors.js'
import type { EducatorsDeps } from './deps.js'

export interface AssignmentView {
  id: string; kind: 'career' | 'pathway'; career: { slug: string; title: string } | null; pathway: { id: string; title: string } | null
  dueOn: string | null; note: string | null; position: number; createdAt: string
}
export interface AssignmentInput { kind: 'career' | 'pathway'; career?: string; pathwayId?: string; dueOn?: string; note?: string }
export interface AssignmentPatch { dueOn?: string | null; note?: string | null }

export interface LearnerStep { id: string; section: string; position: number; title: string; done: boolean; doneAt: string | null }
export interface LearnerAssignment {
  id: string; kind: 'career' | 'pathway'; dueOn: string | null; note: string | null
  career: { slug: string; title: string } | null
  pathway: { id: string; title: string } | null
  steps: LearnerStep[]; done: number; total: number
}
export interface MyCohort {
  id: string; name: string; description: string | null; archived: boolean; joinedAt: string
  school: { id: string; name: string }
  assignments: LearnerAssignment[]
}

const invalid = (field: string, message: string) =>
  new AppError('request.invalid', 400, `Invalid body field ${field}: ${message}`, { errors: [{ pointer: `/body/${field}`, message }] })

/** A real calendar date written YYYY-MM-DD. */
export function validDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

/** A catalog pathway step's id in answers and URLs: `section:position`. */
export const careerStepId = (section: string, position: number): string => `${section}:${position}`

export function createAssignments(deps: EducatorsDeps) {
  const { db } = deps
  const nowIso = () => new Date(deps.clock.now()).toISOString()
  const view = () => deps.learner.passport.view()

  async function cohortOf(schoolId: string, cohortId: string) {
    const row = await db.selectFrom('cohorts').select(['id', 'archived_at']).where('id', '=', cohortId).where('school_id', '=', schoolId).executeTakeFirst()
    if (!row) throw new AppError('cohort.not_found', 404, 'No such cohort.', { resource: 'cohort', id: cohortId })
    return row
  }

  async function list(schoolId: string, cohortId: string): Promise<AssignmentView[]> {
    await cohortOf(schoolId, cohortId)
    const rows = await db.selectFrom('cohort_assignments').leftJoin('adapted_pathways', 'adapted_pathways.id', 'cohort_assignments.pathway_id')
      .select(['cohort_assignments.id', 'cohort_assignments.kind', 'cohort_assignments.career_slug', 'cohort_assignments.pathway_id', 'cohort_assignments.due_on',
        'cohort_assignments.note', 'cohort_assignments.position', 'cohort_assignments.created_at', 'adapted_pathways.title as pathway_title'])
      .where('cohort_assignments.cohort_id', '=', cohortId).orderBy('cohort_assignments.position').orderBy('cohort_assignments.id').execute()
    const catalog = view()
    return rows.map((r) => ({
      id: r.id, kind: r.kind,
      career: r.career_slug !== null ? { slug: r.career_slug, title: catalog.careerRef(r.career_slug)?.title ?? r.career_slug } : null,
      pathway: r.pathway_id !== null ? { id: r.pathway_id, title: r.pathway_title ?? '' } : null,
      dueOn: r.due_on, note: r.note, position: r.position, createdAt: r.created_at,
    }))
  }

  async function target(schoolId: string, input: AssignmentInput): Promise<{ career_slug: string | null; pathway_id: string | null }> {
    if (input.kind === 'career') {
      if (input.pathwayId !== undefined) throw invalid('pathwayId', 'a career assignment names no pathway')
      if (input.career === undefined || input.career.trim() === '') throw invalid('career', 'name the career by its slug or an occupation code')
      const slug = view().careerSlug(input.career)
      if (slug === undefined) throw notFound('career', input.career)
      return { career_slug: slug, pathway_id: null }
    }
    if (input.career !== undefined) throw invalid('career', 'a pathway assignment names no career')
    if (input.pathwayId === undefined) throw invalid('pathwayId', 'name one of the school\'s adapted pathways')
    const row = await db.selectFrom('adapted_pathways').select('id').where('id', '=', input.pathwayId).where('school_id', '=', schoolId).executeTakeFirst()
    if (!row) throw notFound('adapted_pathway', input.pathwayId)
    return { career_slug: null, pathway_id: row.id }
  }

  async function rowOf(cohortId: string, assignmentId: string) {
    const row = await db.selectFrom('cohort_assignments').selectAll().where('id', '=', assignmentId).where('cohort_id', '=', cohortId).executeTakeFirst()
    if (!row) throw notFound('assignment', assignmentId)
    return row
  }

  const one = async (schoolId: string, cohortId: string, id: string): Promise<AssignmentView> => {
    const found = (await list(schoolId, cohortId)).find((a) => a.id === id)
    if (!found) throw notFound('assignment', id)
    return found
  }

  return {
    list,

    /** Adds an assignment at the end; an archived cohort takes none (409), the same target twice is refused (409). */
    async add(schoolId: string, cohortId: string, input: AssignmentInput): Promise<AssignmentView> {
      const cohort = await cohortOf(schoolId, cohortId)
      if (cohort.archived_at !== null) throw new AppError('cohort.archived', 409, 'The cohort is archived: it takes no new learners or assignments.')
      if (input.dueOn !== undefined && !validDay(input.dueOn)) throw invalid('dueOn', 'a calendar date written YYYY-MM-DD')
      const goal = await target(schoolId, input)
      const id = randomUUID()
      await db.transaction().execute(async (tx) => {
        let same = tx.selectFrom('cohort_assignments').select('id').where('cohort_id', '=', cohortId)
        same = goal.career_slug !== null ? same.where('career_slug', '=', goal.career_slug) : same.where('pathway_id', '=', goal.pathway_id)
        if (await same.executeTakeFirst()) throw new AppError('assignment.duplicate', 409, 'The cohort already has this assignment.')
        const last = await tx.selectFrom('cohort_assignments').select((eb) => eb.fn.max('position').as('p')).where('cohort_id', '=', cohortId).executeTakeFirst()
        await tx.insertInto('cohort_assignments').values({
          id, cohort_id: cohortId, kind: input.kind, ...goal, due_on: input.dueOn ?? null, note: input.note?.trim() || null,
          position: last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1, created_at: nowIso(),
        }).execute()
      })
      return one(schoolId, cohortId, id)
    },

    async update(schoolId: string, cohortId: string, assignmentId: string, patch: AssignmentPatch): Promise<AssignmentView> {
      await cohortOf(schoolId, cohortId)
      await rowOf(cohortId, assignmentId)
      if (patch.dueOn !== undefined && patch.dueOn !== null && !validDay(patch.dueOn)) throw invalid('dueOn', 'a calendar date written YYYY-MM-DD')
      const changes: { due_on?: string | null; note?: string | null } = {}
      if (patch.dueOn !== undefined) changes.due_on = patch.dueOn
      if (patch.note !== undefined) changes.note = patch.note?.trim() || null
      if (Object.keys(changes).length > 0) await db.updateTable('cohort_assignments').set(changes).where('id', '=', assignmentId).where('cohort_id', '=', cohortId).execute()
      return one(schoolId, cohortId, assignmentId)
    },

    async remove(schoolId: string, cohortId: string, assignmentId: string): Promise<void> {
      await cohortOf(schoolId, cohortId)
      await rowOf(cohortId, assignmentId)
      await db.deleteFrom('cohort_assignments').where('id', '=', assignmentId).where('cohort_id', '=', cohortId).execute()
    },

    /** The school's adapted pathways to choose from (id and title). */
    async pathwayChoices(schoolId: string): Promise<{ id: string; title: string }[]> {
      return db.selectFrom('adapted_pathways').select(['id', 'title']).where('school_id', '=', schoolId).orderBy('title').orderBy('id').limit(1000).execute()
    },

    /** My cohorts with their school and each assignment resolved, with my done marks. */
    async mine(userId: string): Promise<MyCohort[]> {
      const cohorts = await db.selectFrom('cohort_members').innerJoin('cohorts', 'cohorts.id', 'cohort_members.cohort_id').innerJoin('schools', 'schools.id', 'cohorts.school_id')
        .select(['cohorts.id', 'cohorts.name', 'cohorts.description', 'cohorts.archived_at', 'cohort_members.joined_at', 'schools.id as schoolId', 'schools.name as schoolName'])
        .where('cohort_members.user_id', '=', userId).orderBy('cohort_members.joined_at', 'desc').orderBy('cohorts.id').limit(200).execute()
      if (cohorts.length === 0) return []
      const ids = cohorts.map((c) => c.id)
      const assigned = await db.selectFrom('cohort_assignments').leftJoin('adapted_pathways', 'adapted_pathways.id', 'cohort_assignments.pathway_id')
        .select(['cohort_assignments.id', 'cohort_assignments.cohort_id', 'cohort_assignments.kind', 'cohort_assignments.career_slug', 'cohort_assignments.pathway_id',
          'cohort_assignments.due_on', 'cohort_assignments.note', 'adapted_pathways.title as pathway_title'])
        .where('cohort_assignments.cohort_id', 'in', ids).orderBy('cohort_assignments.position').orderBy('cohort_assignments.id').execute()
      const pathwayIds = [...new Set(assigned.flatMap((a) => (a.pathway_id !== null ? [a.pathway_id] : [])))]
      const [steps, adaptedDone, careerDone] = await Promise.all([
        pathwayIds.length === 0 ? [] : db.selectFrom('adapted_pathway_steps').select(['id', 'pathway_id', 'section', 'position', 'title'])
          .where('pathway_id', 'in', pathwayIds).orderBy('position').orderBy('id').execute(),
        db.selectFrom('adapted_steps_done').select(['step_id', 'done_at']).where('user_id', '=', userId).execute(),
        db.selectFrom('pathway_steps_done').select(['career_slug', 'section', 'position', 'done_at']).where('user_id', '=', userId).execute(),
      ])
      const adaptedMarks = new Map(adaptedDone.map((d) => [d.step_id, d.done_at]))
      const careerMarks = new Map(careerDone.map((d) => [`${d.career_slug}/${careerStepId(d.section, d.position)}`, d.done_at]))
      const catalog = view()
      const resolve = (a: (typeof assigned)[number]): LearnerAssignment => {
        const list: LearnerStep[] = a.career_slug !== null
          ? catalog.steps(a.career_slug).map((s) => {
            const id = careerStepId(s.section, s.position)
            const doneAt = careerMarks.get(`${a.career_slug}/${id}`) ?? null
            return { id, section: s.section, position: s.position, title: s.title, done: doneAt !== null, doneAt }
          })
          : steps.filter((s) => s.pathway_id === a.pathway_id).map((s) => {
            const doneAt = adaptedMarks.get(s.id) ?? null
            return { id: s.id, section: s.section, position: s.position, title: s.title, done: doneAt !== null, doneAt }
          })
        return {
          id: a.id, kind: a.kind, dueOn: a.due_on, note: a.note,
          career: a.career_slug !== null ? { slug: a.career_slug, title: catalog.careerRef(a.career_slug)?.title ?? a.career_slug } : null,
          pathway: a.pathway_id !== null ? { id: a.pathway_id, title: a.pathway_title ?? '' } : null,
          steps: list, done: list.filter((s) => s.done).length, total: list.length,
        }
      }
      return cohorts.map((c) => ({
        id: c.id, name: c.name, description: c.description, archived: c.archived_at !== null, joinedAt: c.joined_at,
        school: { id: c.schoolId, name: c.schoolName },
        assignments: assigned.filter((a) => a.cohort_id === c.id).map(resolve),
      }))
    },

    /** Marks (or takes back) a step of a career's catalog pathway that one of my cohorts assigns, as the passport does (with its progress event). */
    async markCareerStep(userId: string, cohortId: string, career: string, section: string, position: number, done: boolean) {
      const assigned = await db.selectFrom('cohort_assignments').innerJoin('cohort_members', 'cohort_members.cohort_id', 'cohort_assignments.cohort_id')
        .select('cohort_assignments.id').where('cohort_members.user_id', '=', userId).where('cohort_assignments.cohort_id', '=', cohortId)
        .where('cohort_assignments.career_slug', '=', career).executeTakeFirst()
      if (!assigned) throw notFound('assignment', career)
      return deps.learner.plans.markStep(userId, career, section, position, done)
    },

    /** Marks (or takes back) a step of an adapted pathway that one of my cohorts assigns; anything else is 404. */
    async markAdaptedStep(userId: string, cohortId: string, pathwayId: string, stepId: string, done: boolean) {
      const assigned = await db.selectFrom('cohort_assignments').innerJoin('cohort_members', 'cohort_members.cohort_id', 'cohort_assignments.cohort_id')
        .select('cohort_assignments.id').where('cohort_members.user_id', '=', userId).where('cohort_assignments.cohort_id', '=', cohortId)
        .where('cohort_assignments.pathway_id', '=', pathwayId).executeTakeFirst()
      if (!assigned) throw notFound('assignment', pathwayId)
      const step = await db.selectFrom('adapted_pathway_steps').select(['id', 'title']).where('id', '=', stepId).where('pathway_id', '=', pathwayId).executeTakeFirst()
      if (!step) throw notFound('adapted_step', stepId)
      if (done) {
        await db.insertInto('adapted_steps_done').values({ user_id: userId, step_id: step.id, pathway_id: pathwayId, done_at: nowIso() })
          .onConflict((oc) => oc.columns(['user_id', 'step_id']).doNothing()).execute()
      } else {
        await db.deleteFrom('adapted_steps_done').where('user_id', '=', userId).where('step_id', '=', step.id).execute()
      }
      return { cohortId, pathwayId, stepId: step.id, title: step.title, done }
    },
  }
}

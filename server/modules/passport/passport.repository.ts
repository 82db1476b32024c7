/**
 * The learner's stored passport, plans, steps done and progress events: one Kysely query per method,
 * plain rows out. Build one on a transaction to make several calls atomic.
 */
import type { Kysely } from 'kysely'
import { fromJson, toJson } from '../../platform/db/json.js'
import type { Database, LearningPlansTable, PassportCredentialsTable, PassportSkillsTable } from '../../platform/db/types.js'

export interface SkillRow {
  skillId: string
  level: number
  source: PassportSkillsTable['source']
  evidence: EvidenceItem[]
  updatedAt: string
}

export interface EvidenceItem {
  kind: 'link' | 'project' | 'work' | 'other'
  title: string
  url?: string
  description?: string
  date?: string
}

export type CredentialRow = PassportCredentialsTable
export type PlanRow = LearningPlansTable

export interface EventRow {
  at: string
  kind: string
  coverage: { career: string; coverage: number | null }[]
  itemsDone: number
  stepsDone: number
}

const skillOf = (r: PassportSkillsTable): SkillRow => ({
  skillId: r.skill_id, level: r.level, source: r.source, evidence: fromJson<EvidenceItem[]>(r.evidence, []), updatedAt: r.updated_at,
})

export function createPassportRepository(db: Kysely<Database>) {
  return {
    async skills(userId: string): Promise<SkillRow[]> {
      return (await db.selectFrom('passport_skills').selectAll().where('user_id', '=', userId).orderBy('skill_id').execute()).map(skillOf)
    },

    async putSkill(userId: string, row: SkillRow): Promise<void> {
      const values = { level: row.level, source: row.source, evidence: toJson(row.evidence) ?? '[]', updated_at: row.updatedAt }
      await db.insertInto('passport_skills').values({ user_id: userId, skill_id: row.skillId, ...values })
        .onConflict((oc) => oc.columns(['user_id', 'skill_id']).doUpdateSet(values)).execute()
    },

    async deleteSkill(userId: string, skillId: string): Promise<void> {
      await db.deleteFrom('passport_skills').where('user_id', '=', userId).where('skill_id', '=', skillId).execute()
    },

    async credentials(userId: string): Promise<CredentialRow[]> {
      return db.selectFrom('passport_credentials').selectAll().where('user_id', '=', userId).orderBy('earned_on').orderBy('credential_id').execute()
    },

    async putCredential(row: CredentialRow): Promise<void> {
      await db.insertInto('passport_credentials').values(row)
        .onConflict((oc) => oc.columns(['user_id', 'credential_id']).doUpdateSet({ earned_on: row.earned_on, added_by_plan: row.added_by_plan })).execute()
    },

    async deleteCredential(userId: string, credentialId: string): Promise<boolean> {
      const result = await db.deleteFrom('passport_credentials').where('user_id', '=', userId).where('credential_id', '=', credentialId).executeTakeFirst()
      return Number(result.numDeletedRows) > 0
    },

    async targets(userId: string): Promise<string[]> {
      return (await db.selectFrom('passport_targets').select('career_slug').where('user_id', '=', userId).orderBy('position').execute()).map((r) => r.career_slug)
    },

    async setTargets(userId: string, slugs: readonly string[]): Promise<void> {
      await db.deleteFrom('passport_targets').where('user_id', '=', userId).execute()
      if (slugs.length > 0) await db.insertInto('passport_targets').values(slugs.map((career_slug, position) => ({ user_id: userId, career_slug, position }))).execute()
    },

    /** Removes every skill and earned credential (targets are set on their own). */
    async clearPassport(userId: string): Promise<void> {
      await db.deleteFrom('passport_skills').where('user_id', '=', userId).execute()
      await db.deleteFrom('passport_credentials').where('user_id', '=', userId).execute()
    },

    async plans(userId: string): Promise<PlanRow[]> {
      return db.selectFrom('learning_plans').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute()
    },

    /** A plan of this user; undefined for someone else's (the caller answers 404 either way). */
    async plan(userId: string, id: string): Promise<PlanRow | undefined> {
      return db.selectFrom('learning_plans').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst()
    },

    async insertPlan(row: PlanRow): Promise<void> {
      await db.insertInto('learning_plans').values(row).execute()
    },

    async deletePlan(userId: string, id: string): Promise<boolean> {
      await db.deleteFrom('learning_plan_items_done').where('user_id', '=', userId).where('plan_id', '=', id).execute()
      const result = await db.deleteFrom('learning_plans').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst()
      return Number(result.numDeletedRows) > 0
    },

    async itemsDone(userId: string, planId?: string): Promise<{ planId: string; itemId: string; doneAt: string }[]> {
      let query = db.selectFrom('learning_plan_items_done').select(['plan_id', 'item_id', 'done_at']).where('user_id', '=', userId)
      if (planId !== undefined) query = query.where('plan_id', '=', planId)
      return (await query.orderBy('done_at').orderBy('item_id').execute()).map((r) => ({ planId: r.plan_id, itemId: r.item_id, doneAt: r.done_at }))
    },

    async markItem(userId: string, planId: string, itemId: string, at: string): Promise<void> {
      await db.insertInto('learning_plan_items_done').values({ plan_id: planId, user_id: userId, item_id: itemId, done_at: at })
        .onConflict((oc) => oc.columns(['plan_id', 'item_id']).doNothing()).execute()
    },

    async unmarkItem(userId: string, planId: string, itemId: string): Promise<boolean> {
      const result = await db.deleteFrom('learning_plan_items_done').where('user_id', '=', userId).where('plan_id', '=', planId).where('item_id', '=', itemId).executeTakeFirst()
      return Number(result.numDeletedRows) > 0
    },

    async stepsDone(userId: string): Promise<{ career: string; section: string; position: number; doneAt: string }[]> {
      return (await db.selectFrom('pathway_steps_done').selectAll().where('user_id', '=', userId).orderBy('career_slug').orderBy('section').orderBy('position').execute())
        .map((r) => ({ career: r.career_slug, section: r.section, position: r.position, doneAt: r.done_at }))
    },

    async markStep(userId: string, career: string, section: string, position: number, at: string): Promise<void> {
      await db.insertInto('pathway_steps_done').values({ user_id: userId, career_slug: career, section, position, done_at: at })
        .onConflict((oc) => oc.columns(['user_id', 'career_slug', 'section', 'position']).doNothing()).execute()
    },

    async unmarkStep(userId: string, career: string, section: string, position: number): Promise<boolean> {
      const result = await db.deleteFrom('pathway_steps_done').where('user_id', '=', userId).where('career_slug', '=', career)
        .where('section', '=', section).where('position', '=', position).executeTakeFirst()
      return Number(result.numDeletedRows) > 0
    },

    async appendEvent(userId: string, event: EventRow & { id: string; ref: string }): Promise<void> {
      await db.insertInto('progress_events').values({
        id: event.id, user_id: userId, at: event.at, kind: event.kind, ref: event.ref, coverage: toJson(event.coverage) ?? '[]',
        items_done: event.itemsDone, steps_done: event.stepsDone,
      }).execute()
    },

    /** The newest `limit` events, oldest first. */
    async events(userId: string, limit: number): Promise<EventRow[]> {
      const rows = await db.selectFrom('progress_events').select(['at', 'kind', 'coverage', 'items_done', 'steps_done']).where('user_id', '=', userId)
        .orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute()
      return rows.reverse().map((r) => ({
        at: r.at, kind: r.kind, coverage: fromJson<EventRow['coverage']>(r.coverage, []), itemsDone: r.items_done, stepsDone: r.steps_done,
      }))
    },
  }
}

export type PassportRepository = ReturnType<typeof createPassportRepository>

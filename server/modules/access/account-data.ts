/**
 * The account holder's own data: GET /me/export (everything kept about them, as a JSON download) and
 * DELETE /me (with the current password) removing it everywhere in one transaction:
 * - deleted: the user row, sessions, API keys, single-use tokens, memberships, mail in the outbox
 *   addressed to them, a child's parental-consent record and the consent mails to the parent, invitations addressed to their email, the skills passport, plans,
 *   pathway steps done, progress events, saved CVs, cohort places (as learner or staff) and adapted
 *   pathway steps done, and access-log rows about them (the
 *   log of who read their record is their personal data; their schools' logs lose those rows);
 * - anonymised: access-log rows where they were the reader (actor ids set to null, the role kept),
 *   so a learner still sees that a member of staff read their record; invitations they created keep
 *   no link to them (created_by set to null), nor do cohorts, adapted pathways, sync decisions and
 *   alignment thresholds they made for a school (those stay with the school).
 * Secrets are never exported: no password, session, token or key hashes, no mail bodies (they may
 * hold live links).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import * as S from '../../../shared/schemas.js'
import { AppError } from '../../platform/http/errors.js'
import type { Database } from '../../platform/db/types.js'
import { requireUser, type Identity } from '../identity/index.js'
import { CONSENT_MAIL_SUBJECT } from '../identity/consent.js'
import { clearSessionCookie } from '../identity/auth.routes.js'

const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, S.Problem]))

export async function exportAccount(db: Kysely<Database>, userId: string) {
  const user = await db.selectFrom('users')
    .select(['id', 'email', 'display_name', 'email_verified_at', 'platform_role', 'status', 'created_at', 'updated_at', 'password_changed_at'])
    .where('id', '=', userId).executeTakeFirst()
  if (!user) return undefined
  const [memberships, sessions, apiKeys, readsOfMe, readsByMe, invitationsCreated, mail, parentalConsent] = await Promise.all([
    db.selectFrom('memberships').innerJoin('schools', 'schools.id', 'memberships.school_id')
      .select(['schools.id as schoolId', 'schools.name as schoolName', 'memberships.role as role', 'memberships.created_at as joinedAt'])
      .where('memberships.user_id', '=', userId).execute(),
    db.selectFrom('sessions').select(['public_id as id', 'created_at as createdAt', 'last_seen_at as lastSeenAt', 'expires_at as expiresAt', 'user_agent as userAgent'])
      .where('user_id', '=', userId).execute(),
    db.selectFrom('api_keys').select(['id', 'name', 'prefix', 'scopes', 'school_id as schoolId', 'created_at as createdAt', 'expires_at as expiresAt', 'revoked_at as revokedAt', 'last_used_at as lastUsedAt'])
      .where('user_id', '=', userId).execute(),
    db.selectFrom('access_log').select(['actor_user_id as actorUserId', 'actor_key_id as actorKeyId', 'actor_role as actorRole', 'school_id as schoolId', 'record', 'purpose', 'at'])
      .where('learner_id', '=', userId).orderBy('at').execute(),
    db.selectFrom('access_log').select(['learner_id as learnerId', 'school_id as schoolId', 'record', 'purpose', 'at'])
      .where('actor_user_id', '=', userId).orderBy('at').execute(),
    db.selectFrom('invitations').select(['id', 'school_id as schoolId', 'role', 'kind', 'email', 'created_at as createdAt', 'expires_at as expiresAt', 'uses', 'revoked_at as revokedAt'])
      .where('created_by', '=', userId).execute(),
    db.selectFrom('mail_outbox').select(['subject', 'created_at as createdAt']).where('to_address', '=', user.email).execute(),
    db.selectFrom('parental_consents').select(['parent_email as parentEmail', 'status', 'requested_at as requestedAt', 'decided_at as decidedAt'])
      .where('user_id', '=', userId).executeTakeFirst(),
  ])
  const learning = await exportLearning(db, userId)
  return {
    exportedAt: new Date().toISOString(),
    account: {
      id: user.id, email: user.email, displayName: user.display_name, emailVerifiedAt: user.email_verified_at, platformRole: user.platform_role,
      status: user.status, createdAt: user.created_at, updatedAt: user.updated_at, passwordChangedAt: user.password_changed_at,
    },
    memberships, sessions,
    apiKeys: apiKeys.map((k) => ({ ...k, scopes: typeof k.scopes === 'string' ? (JSON.parse(k.scopes) as unknown) : k.scopes })),
    accessLog: { readsOfMyRecord: readsOfMe, recordsIRead: readsByMe },
    invitationsCreated, mail,
    parentalConsent: parentalConsent ?? null,
    ...learning,
  }
}

/** The skills passport, plans, steps done and progress events (0008), saved CVs (0009), cohorts and adapted steps done (0010). */
async function exportLearning(db: Kysely<Database>, userId: string) {
  const [skills, credentials, targets, plans, planItemsDone, pathwayStepsDone, progressEvents] = await Promise.all([
    db.selectFrom('passport_skills').select(['skill_id as skill', 'level', 'source', 'evidence', 'updated_at as updatedAt']).where('user_id', '=', userId).orderBy('skill_id').execute(),
    db.selectFrom('passport_credentials').select(['credential_id as credential', 'earned_on as earnedOn', 'added_by_plan as addedByPlan', 'created_at as createdAt']).where('user_id', '=', userId).execute(),
    db.selectFrom('passport_targets').select(['career_slug as career', 'position']).where('user_id', '=', userId).orderBy('position').execute(),
    db.selectFrom('learning_plans').select(['id', 'career_slug as career', 'hours_per_week as hoursPerWeek', 'optimise', 'created_at as createdAt']).where('user_id', '=', userId).execute(),
    db.selectFrom('learning_plan_items_done').select(['plan_id as planId', 'item_id as item', 'done_at as doneAt']).where('user_id', '=', userId).execute(),
    db.selectFrom('pathway_steps_done').select(['career_slug as career', 'section', 'position', 'done_at as doneAt']).where('user_id', '=', userId).execute(),
    db.selectFrom('progress_events').select(['at', 'kind', 'ref', 'coverage', 'items_done as itemsDone', 'steps_done as stepsDone']).where('user_id', '=', userId).orderBy('at').execute(),
  ])
  const cvs = await db.selectFrom('cvs').select(['id', 'title', 'career_slug as career', 'template', 'cv', 'created_at as createdAt', 'updated_at as updatedAt']).where('user_id', '=', userId).orderBy('created_at').execute()
  const [cohorts, cohortsTaught, adaptedStepsDone] = await Promise.all([
    db.selectFrom('cohort_members').innerJoin('cohorts', 'cohorts.id', 'cohort_members.cohort_id')
      .select(['cohorts.id as cohortId', 'cohorts.school_id as schoolId', 'cohorts.name as name', 'cohort_members.joined_at as joinedAt']).where('cohort_members.user_id', '=', userId).execute(),
    db.selectFrom('cohort_staff').innerJoin('cohorts', 'cohorts.id', 'cohort_staff.cohort_id')
      .select(['cohorts.id as cohortId', 'cohorts.school_id as schoolId', 'cohorts.name as name', 'cohort_staff.added_at as addedAt']).where('cohort_staff.user_id', '=', userId).execute(),
    db.selectFrom('adapted_steps_done').innerJoin('adapted_pathway_steps', 'adapted_pathway_steps.id', 'adapted_steps_done.step_id')
      .select(['adapted_steps_done.pathway_id as pathwayId', 'adapted_steps_done.step_id as stepId', 'adapted_pathway_steps.title as title', 'adapted_steps_done.done_at as doneAt'])
      .where('adapted_steps_done.user_id', '=', userId).execute(),
  ])
  const json = (value: unknown) => (typeof value === 'string' ? (JSON.parse(value) as unknown) : value)
  return {
    cohorts, cohortsTaught, adaptedStepsDone,
    passport: { skills: skills.map((s) => ({ ...s, evidence: json(s.evidence) })), credentials, targets },
    plans: plans.map((p) => ({ ...p, itemsDone: planItemsDone.filter((d) => d.planId === p.id).map(({ item, doneAt }) => ({ item, doneAt })) })),
    pathwayStepsDone,
    progressEvents: progressEvents.map((e) => ({ ...e, coverage: json(e.coverage) })),
    cvs: cvs.map((c) => ({ ...c, cv: json(c.cv) })),
  }
}

export async function deleteAccount(db: Kysely<Database>, userId: string, email: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('access_log').where('learner_id', '=', userId).execute()
    await tx.updateTable('access_log').set({ actor_user_id: null, actor_key_id: null }).where('actor_user_id', '=', userId).execute()
    await tx.updateTable('invitations').set({ created_by: null }).where('created_by', '=', userId).execute()
    // What they made for a school stays with the school, without their name on it.
    for (const table of ['cohorts', 'adapted_pathways'] as const) await tx.updateTable(table).set({ created_by: null }).where('created_by', '=', userId).execute()
    await tx.updateTable('adapted_pathway_decisions').set({ decided_by: null }).where('decided_by', '=', userId).execute()
    await tx.updateTable('alignment_thresholds').set({ updated_by: null }).where('updated_by', '=', userId).execute()
    await tx.deleteFrom('invitations').where('email', '=', email.toLowerCase()).execute()
    await tx.deleteFrom('mail_outbox').where('to_address', '=', email).execute()
    // A child's account: the parent's address and the consent mails that named the child.
    const consent = await tx.selectFrom('parental_consents').select('parent_email').where('user_id', '=', userId).executeTakeFirst()
    if (consent) await tx.deleteFrom('mail_outbox').where('to_address', '=', consent.parent_email).where('subject', '=', CONSENT_MAIL_SUBJECT).execute()
    await tx.deleteFrom('parental_consents').where('user_id', '=', userId).execute()
    await tx.deleteFrom('sessions').where('user_id', '=', userId).execute()
    await tx.deleteFrom('api_keys').where('user_id', '=', userId).execute()
    await tx.deleteFrom('auth_tokens').where('user_id', '=', userId).execute()
    await tx.deleteFrom('memberships').where('user_id', '=', userId).execute()
    for (const table of ['adapted_steps_done', 'cohort_members', 'cohort_staff', 'cvs', 'progress_events', 'pathway_steps_done', 'learning_plan_items_done', 'learning_plans', 'passport_targets', 'passport_credentials', 'passport_skills'] as const) {
      await tx.deleteFrom(table).where('user_id', '=', userId).execute()
    }
    await tx.deleteFrom('users').where('id', '=', userId).execute()
  })
}

/**
 * Deletes an account once its current password is given (API DELETE /me and the web page share
 * it): throttled per account, 401 auth.invalid_credentials for a wrong password.
 */
export async function deleteAccountWithPassword(identity: Identity, db: Kysely<Database>, userId: string, password: string): Promise<void> {
  const keys = [{ kind: 'account' as const, id: `delete:${userId}` }]
  const wait = await identity.throttle.retryAfterMs(keys)
  if (wait > 0) throw new AppError('auth.throttled', 429, 'Too many attempts; try again later.', { retryAfter: Math.ceil(wait / 1000) })
  const user = await db.selectFrom('users').select(['email', 'password_hash']).where('id', '=', userId).executeTakeFirst()
  if (!user || !(await identity.hasher.verify(user.password_hash, password))) {
    await identity.throttle.fail(keys)
    throw new AppError('auth.invalid_credentials', 401, 'The password is not correct.')
  }
  await deleteAccount(db, userId, user.email)
}

const DeleteBody = Type.Object({ password: Type.String({ minLength: 1, maxLength: 4096 }) }, { additionalProperties: false })

export const accountDataRoutes: FastifyPluginAsyncTypebox<{ identity: Identity; db: Kysely<Database> }> = async (app, { identity, db }) => {
  app.get('/me/export', {
    config: { operation: 'me.export' },
    schema: {
      tags: ['me'], summary: 'Download all my data (JSON)',
      description: 'Everything kept about the account holder, as an attachment. No secrets: no password, session, token or key hashes, no mail bodies.',
      response: { 200: Type.Unknown(), ...problems(401, 403) },
    },
  }, async (req, reply) => {
    const data = await exportAccount(db, requireUser(req.actor).userId)
    if (!data) throw new AppError('auth.required', 401, 'Sign in again.')
    return reply
      .header('content-disposition', 'attachment; filename="pathways-export.json"')
      .header('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2))
  })

  app.delete('/me', {
    config: { operation: 'me.delete' },
    schema: {
      tags: ['me'], summary: 'Delete my account and my personal data',
      description: 'Needs the current password. Removes the account, sessions, API keys, tokens, memberships, mail to the address and the access-log rows about the account; access-log rows where the account was the reader keep the role but lose the ids.',
      body: DeleteBody, response: { 204: Type.Null(), ...problems(400, 401, 403, 429) },
    },
  }, async (req, reply) => {
    const actor = requireUser(req.actor)
    await deleteAccountWithPassword(identity, db, actor.userId, req.body.password)
    req.log.info({ event: 'account.deleted', actorId: actor.userId }, 'security event')
    clearSessionCookie(reply)
    return reply.code(204).send(null)
  })
}

/**
 * Field-level access for GraphQL through the same policy table as REST (policy.ts): a resolver names
 * the POLICY operation of the matching REST route and the objects it touches (school, owner, cohort);
 * `authorize` builds the same context as access.hook.ts (actor, memberships, cohort staff) and calls
 * `decide`. Queries count as reads (GET) and mutations as writes (POST) for API-key scopes. A denial is
 * an AppError with the REST code, which the error formatter turns into `extensions.code`.
 */
import type { FastifyRequest } from 'fastify'
import type { GraphQLResolveInfo } from 'graphql'
import type { Kysely } from 'kysely'
import type { Database } from '../platform/db/types.js'
import { AppError } from '../platform/http/errors.js'
import { consentPending } from '../modules/identity/consent.js'
import { decide, POLICY, type AccessContext, type Decision, type OperationId, type SchoolRole } from '../modules/access/policy.js'
import type { Actor } from '../modules/identity/actor.js'

export interface GraphqlContext {
  request: FastifyRequest
  actor: Actor
  db: Kysely<Database>
  /** The actor's school roles, read once per request. */
  memberships(): Promise<ReadonlyMap<string, SchoolRole>>
}

export function contextFor(request: FastifyRequest, db: Kysely<Database>): GraphqlContext {
  let roles: Promise<ReadonlyMap<string, SchoolRole>> | undefined
  const actor = request.actor
  return {
    request, actor, db,
    memberships() {
      if (actor.kind === 'anonymous') return Promise.resolve(new Map())
      roles ??= db.selectFrom('memberships').select(['school_id', 'role']).where('user_id', '=', actor.userId).execute()
        .then((rows) => new Map(rows.map((r) => [r.school_id, r.role])))
      return roles
    },
  }
}

export interface Target { schoolId?: string; ownerId?: string; cohortId?: string }

export type Allowed = Extract<Decision, { allow: true }>

/** Decides one field; returns the allowing decision (its `via`) or throws the REST route's error. */
export async function authorize(ctx: GraphqlContext, info: GraphQLResolveInfo, operation: OperationId, target: Target = {}): Promise<Allowed> {
  const rule = POLICY[operation]
  const memberships = 'public' in rule ? new Map<string, SchoolRole>() : await ctx.memberships()
  const access: AccessContext = {
    actor: ctx.actor, memberships, method: info.operation.operation === 'query' ? 'GET' : 'POST',
    ...(target.schoolId === undefined ? {} : { schoolId: target.schoolId }),
    ...(target.ownerId === undefined ? {} : { ownerId: target.ownerId }),
  }
  if ('cohortStaff' in rule && target.cohortId !== undefined && ctx.actor.kind !== 'anonymous' && target.schoolId !== undefined && memberships.has(target.schoolId)) {
    access.cohortStaff = await cohortStaff(ctx.db, target.schoolId, target.cohortId, ctx.actor.userId)
  }
  const decision = decide(rule, access)
  if (decision.allow) {
    if ('consent' in rule && ctx.actor.kind !== 'anonymous' && (await consentIsPending(ctx.db, ctx.actor.userId))) throw consentPending()
    return decision
  }
  if (decision.status === 401) throw new AppError('auth.required', 401, 'Sign in, or send an API key in the Authorization header.')
  if (decision.status === 404) throw new AppError('school.not_found', 404, 'No such school.')
  if (decision.sessionRequired) throw new AppError('auth.session_required', 403, 'This operation needs a signed-in session, not an API key.')
  throw new AppError('access.denied', 403, 'You may not do this.')
}

/** As the REST hook: whether the user runs the cohort; a cohort that is not the school's is not found. */
async function cohortStaff(db: Kysely<Database>, schoolId: string, cohortId: string, userId: string): Promise<boolean> {
  const cohort = await db.selectFrom('cohorts').select('id').where('id', '=', cohortId).where('school_id', '=', schoolId).executeTakeFirst()
  if (!cohort) throw new AppError('cohort.not_found', 404, 'No such cohort.')
  const staff = await db.selectFrom('cohort_staff').select('user_id').where('cohort_id', '=', cohortId).where('user_id', '=', userId).executeTakeFirst()
  return staff !== undefined
}

async function consentIsPending(db: Kysely<Database>, userId: string): Promise<boolean> {
  const row = await db.selectFrom('parental_consents').select('status').where('user_id', '=', userId).executeTakeFirst()
  return row?.status === 'pending'
}

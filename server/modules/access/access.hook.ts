/**
 * Enforces the policy table (policy.ts) on every request: an onRoute hook records each route's
 * operation id, a preValidation hook decides before the body is validated or the handler runs (so an
 * anonymous caller learns nothing from validation errors), and `app.ready` fails when a route has
 * no operation id or one the table does not know (SECURITY.md Z2).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { AppError } from '../../platform/http/errors.js'
import { consentPending as consentPendingError } from '../identity/consent.js'
import type { Database } from '../../platform/db/types.js'
import { decide, isOperation, POLICY, type Rule, type AccessContext, type Decision, type OperationId, type SchoolRole } from './policy.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The policy operation this route performs (policy.ts); required on every route. */
    operation?: string
  }
  interface FastifyRequest {
    /** The policy decision for this request, set before validation. */
    access: { operation: OperationId; decision: Decision; memberships: ReadonlyMap<string, SchoolRole> }
  }
}

/** Routes added by third-party plugins (the API documentation UI), which take no route config. */
const PLUGIN_PUBLIC_PREFIXES = ['/docs']

export interface RouteOperation { method: string; url: string; operation: string | undefined }

const tables = new WeakMap<FastifyInstance, RouteOperation[]>()

/** Every route of the app with its operation id, as registered (for the authorisation matrix test). */
export const routeOperations = (app: FastifyInstance): readonly RouteOperation[] => tables.get(app) ?? []

export const accessDenied = (): AppError => new AppError('access.denied', 403, 'You may not do this.')

export function installAccessControl(app: FastifyInstance, db: Kysely<Database>): RouteOperation[] {
  const routes: RouteOperation[] = []
  tables.set(app, routes)
  app.decorateRequest('access')

  app.addHook('onRoute', (route) => {
    if (route.config?.operation === undefined && PLUGIN_PUBLIC_PREFIXES.some((p) => route.url === p || route.url.startsWith(`${p}/`))) {
      route.config = { ...route.config, operation: 'public' }
    }
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, operation: route.config?.operation })
  })

  app.addHook('onReady', async () => {
    const bad = routes.filter((r) => !isOperation(r.operation))
    if (bad.length > 0) {
      throw new Error(`Routes without a known policy operation (config.operation): ${bad.map((r) => `${r.method} ${r.url} → ${String(r.operation)}`).join('; ')}`)
    }
  })

  app.addHook('preValidation', async (request) => {
    if (request.is404) return // the not-found handler serves nothing
    const operation = request.routeOptions.config.operation
    if (!isOperation(operation)) throw accessDenied() // unreachable after the boot check; deny by default
    const rule: Rule = POLICY[operation]
    const memberships = rule.public ? new Map<string, SchoolRole>() : await membershipsOf(db, request)
    const params = (request.params ?? {}) as Record<string, unknown>
    const ctx: AccessContext = {
      actor: request.actor, memberships, method: request.method,
      ...(typeof params.schoolId === 'string' ? { schoolId: params.schoolId } : {}),
      ...(typeof params.userId === 'string' ? { ownerId: params.userId } : {}),
    }
    if (rule.cohortStaff && typeof params.cohortId === 'string' && request.actor.kind !== 'anonymous' && ctx.schoolId !== undefined && memberships.has(ctx.schoolId)) {
      ctx.cohortStaff = await cohortStaff(db, ctx.schoolId, params.cohortId, request.actor.userId)
    }
    const decision = decide(rule, ctx)
    request.access = { operation, decision, memberships }
    if (decision.allow) {
      if (rule.consent && request.actor.kind !== 'anonymous' && (await consentPending(db, request.actor.userId))) throw consentPendingError()
      return
    }
    if (decision.status === 401) throw new AppError('auth.required', 401, 'Sign in, or send an API key in the Authorization header.')
    if (decision.status === 404) throw new AppError('school.not_found', 404, 'No such school.', { resource: 'school' })
    if (decision.sessionRequired) throw new AppError('auth.session_required', 403, 'This operation needs a signed-in session, not an API key.')
    throw accessDenied()
  })
  return routes
}

/** Whether the user runs the cohort; a cohort that is not this school's is not found. */
async function cohortStaff(db: Kysely<Database>, schoolId: string, cohortId: string, userId: string): Promise<boolean> {
  const cohort = await db.selectFrom('cohorts').select('id').where('id', '=', cohortId).where('school_id', '=', schoolId).executeTakeFirst()
  if (!cohort) throw new AppError('cohort.not_found', 404, 'No such cohort.', { resource: 'cohort' })
  const staff = await db.selectFrom('cohort_staff').select('user_id').where('cohort_id', '=', cohortId).where('user_id', '=', userId).executeTakeFirst()
  return staff !== undefined
}

async function consentPending(db: Kysely<Database>, userId: string): Promise<boolean> {
  const row = await db.selectFrom('parental_consents').select('status').where('user_id', '=', userId).executeTakeFirst()
  return row?.status === 'pending'
}

async function membershipsOf(db: Kysely<Database>, request: FastifyRequest): Promise<Map<string, SchoolRole>> {
  const actor = request.actor
  if (actor.kind === 'anonymous') return new Map()
  const rows = await db.selectFrom('memberships').select(['school_id', 'role']).where('user_id', '=', actor.userId).execute()
  return new Map(rows.map((r) => [r.school_id, r.role]))
}

/**
 * The policy layer (SECURITY.md Z1–Z3, Z6): one declarative table, operation id → rule, and one pure
 * function deciding a request from the rule, the actor, the actor's memberships and the object's
 * school and owner. Every route names its operation in `config.operation`; access.hook.ts enforces
 * the decision before validation and the handler, and fails the boot for a route without an
 * operation or with one not in this table.
 *
 * Rule fields:
 * - `public`: anyone, signed in or not.
 * - `platformAdmin`: a signed-in platform admin (cookie session) passes.
 * - `roles`: school roles that pass in the object's school (`tenant: 'school'`, the `schoolId` path
 *   parameter), or in any school of theirs when the rule has no tenant.
 * - `owner`: the person the object belongs to (the `userId` path parameter) passes too.
 * - `authenticated`: any signed-in person or API key passes (the handler scopes the answer to them).
 * - `session`: API keys are refused (403) — account management and school creation need a person.
 * - `cohortStaff`: on a route with a `cohortId` path parameter, an educator passes only for a cohort
 *   they run (its staff); school admins and platform admins pass for every cohort of the school. An
 *   unknown cohort, or one of another school, is 404 `cohort.not_found` (access.hook.ts resolves it).
 * - `consent`: refused (403 consent.pending) to a child under 13 whose parent has not agreed yet —
 *   the operations that export, share or connect a learner's record (SECURITY.md Z6).
 * API keys act for their owner with the owner's school roles, never as a platform admin; scope
 * `read` allows GET/HEAD only, `write` the other methods; a key bound to a school (scope `school`)
 * reaches only that school's objects.
 *
 * Denials: anonymous → 401 (signing in might help); a school the actor has no part in (or a key bound
 * to another school) → 404 as if it did not exist, so ids do not leak across tenants; anything else
 * → 403 `access.denied`.
 */
import type { ApiKeyScope } from '../identity/api-keys.js'

export type SchoolRole = 'learner' | 'educator' | 'school_admin'

export interface Rule {
  public?: true
  authenticated?: true
  session?: true
  platformAdmin?: true
  roles?: readonly SchoolRole[]
  tenant?: 'school'
  owner?: true
  consent?: true
  cohortStaff?: true
  /** Shown in the OpenAPI description and the matrix test's report. */
  description: string
}

const STAFF: readonly SchoolRole[] = ['school_admin', 'educator']
const ANY_ROLE: readonly SchoolRole[] = ['school_admin', 'educator', 'learner']

export const POLICY = {
  public: { public: true, description: 'Catalog, health, documentation and sign-in routes: anyone.' },
  graphql: { public: true, description: 'The /graphql endpoint itself: anyone may send a document; each field reaching personal or school data decides with its own operation of this table.' },
  'me.read': { authenticated: true, description: 'My own account: the person or their API key.' },
  'me.manage': { authenticated: true, session: true, description: 'Password, API keys, sessions: the signed-in person only.' },
  'me.export': { authenticated: true, session: true, consent: true, description: 'Download all my data: the signed-in person only (under 13: once a parent has agreed).' },
  'me.api_keys.create': { authenticated: true, session: true, consent: true, description: 'Create an API key for another application: the signed-in person only (under 13: once a parent has agreed).' },
  'me.consent.resend': { authenticated: true, session: true, description: 'Mail my parent or guardian the consent link again: the signed-in person only.' },
  'me.delete': { authenticated: true, session: true, description: 'Delete my account (with the current password): the signed-in person only.' },
  'me.passport.read': { authenticated: true, description: 'My skills passport, gaps, matches, plans and progress: the person or their API key (a key\'s reads are logged).' },
  'me.passport.write': { authenticated: true, session: true, consent: true, description: 'Build my skills passport, plans and progress: the signed-in person only (under 13: once a parent has agreed).' },
  'me.passport.share': { authenticated: true, session: true, consent: true, description: 'My passport or an earned credential as a signed verifiable credential: the signed-in person only (under 13: once a parent has agreed).' },
  'me.cv.read': { authenticated: true, description: 'My saved CVs: the person or their API key (a key\'s reads are logged).' },
  'me.cv.write': { authenticated: true, session: true, consent: true, description: 'Save, change and delete my CVs: the signed-in person only (under 13: once a parent has agreed).' },
  'me.cv.export': { authenticated: true, session: true, consent: true, description: 'Download a saved CV to share it: the signed-in person only (under 13: once a parent has agreed).' },
  'me.access_log.read': { authenticated: true, description: 'Who read my record: the person or their API key.' },
  'school.create': { platformAdmin: true, session: true, description: 'Create a school: platform admins.' },
  'school.list': { authenticated: true, description: 'Schools: platform admins see all, others their own.' },
  'school.read': { platformAdmin: true, roles: ANY_ROLE, tenant: 'school', description: 'A school: its members and platform admins.' },
  'school.members.list': { platformAdmin: true, roles: STAFF, tenant: 'school', description: 'The roster: school staff and platform admins.' },
  'school.member.read': { platformAdmin: true, roles: STAFF, tenant: 'school', owner: true, description: 'A member\'s record: staff (logged), platform admins (logged), the member themself.' },
  'school.member.update': { platformAdmin: true, roles: ['school_admin'], tenant: 'school', description: 'Change a member\'s role: school admins and platform admins.' },
  'school.member.remove': { platformAdmin: true, roles: ['school_admin'], tenant: 'school', owner: true, description: 'Remove a member: school admins, platform admins, or the member leaving.' },
  'school.access_log.read': { platformAdmin: true, roles: ['school_admin'], tenant: 'school', description: 'The school\'s access log: school admins and platform admins.' },
  'school.invitations.manage': { platformAdmin: true, roles: STAFF, tenant: 'school', description: 'Invitations: school admins (any role) and educators (learners only).' },
  'invitation.accept': { authenticated: true, session: true, consent: true, description: 'Accept an invitation link or join code: a signed-in person (under 13: once a parent has agreed).' },
  'school.cohorts.read': { platformAdmin: true, roles: STAFF, tenant: 'school', description: 'A school\'s cohorts: school admins and platform admins see all, educators the cohorts they run.' },
  'school.cohorts.create': { platformAdmin: true, roles: STAFF, tenant: 'school', description: 'Create a cohort: school staff (the creator runs it) and platform admins.' },
  'school.cohort.read': { platformAdmin: true, roles: STAFF, tenant: 'school', cohortStaff: true, description: 'A cohort, its learners, assignments and dashboard: its educators, school admins and platform admins (a learner\'s record read is logged).' },
  'school.cohort.manage': { platformAdmin: true, roles: STAFF, tenant: 'school', cohortStaff: true, description: 'Change a cohort, its join code, staff, learners and assignments: its educators, school admins and platform admins.' },
  'school.pathways.read': { platformAdmin: true, roles: STAFF, tenant: 'school', description: 'The school\'s adapted pathways, local credentials and upstream changes: school staff and platform admins.' },
  'school.pathways.manage': { platformAdmin: true, roles: STAFF, tenant: 'school', description: 'Copy, adapt and reconcile pathways, manage local credentials: school staff and platform admins.' },
  'school.programmes.read': { platformAdmin: true, roles: STAFF, tenant: 'school', description: 'The school\'s programmes and their occupation alignment: school staff and platform admins.' },
  'school.programmes.manage': { platformAdmin: true, roles: STAFF, tenant: 'school', description: 'Add and remove the school\'s programmes: school staff and platform admins.' },
  'school.alignment.configure': { platformAdmin: true, roles: ['school_admin'], tenant: 'school', description: 'The thresholds for high-wage, high-skill and in-demand: school admins and platform admins.' },
  'school.reports.read': { platformAdmin: true, roles: STAFF, tenant: 'school', description: 'Attainment reports: school admins and platform admins over every cohort, educators over the cohorts they run.' },
  'me.cohorts.read': { authenticated: true, description: 'My cohorts and what they assign me: the person or their API key.' },
  'cohort.join': { authenticated: true, session: true, consent: true, description: 'Join a cohort with its code: a signed-in person (under 13: once a parent has agreed).' },
  'operator.outbox.read': { platformAdmin: true, session: true, description: 'The mail outbox of an instance without SMTP (web page): platform admins, signed in.' },
} as const satisfies Record<string, Rule>

export type OperationId = keyof typeof POLICY

export const isOperation = (value: unknown): value is OperationId => typeof value === 'string' && Object.hasOwn(POLICY, value)

/** Everything a decision looks at, already resolved from the request. */
export interface AccessContext {
  actor:
    | { kind: 'anonymous' }
    | { kind: 'user'; userId: string; platformRole: 'user' | 'platform_admin' }
    | { kind: 'api-key'; userId: string; scopes: readonly ApiKeyScope[]; schoolId: string | null }
  /** The actor's school roles (for a key: its owner's). */
  memberships: ReadonlyMap<string, SchoolRole>
  method: string
  /** The `schoolId` path parameter, when the route has one. */
  schoolId?: string
  /** The `userId` path parameter, when the route has one. */
  ownerId?: string
  /** On a route with a `cohortId`: whether the actor is on that cohort's staff. */
  cohortStaff?: boolean
}

export type Decision =
  | { allow: true; via: 'public' | 'authenticated' | 'platform_admin' | 'owner' | SchoolRole }
  | { allow: false; status: 401 | 403 | 404; sessionRequired?: true }

const READ_METHODS = new Set(['GET', 'HEAD'])

export function decide(rule: Rule, ctx: AccessContext): Decision {
  if (rule.public) return { allow: true, via: 'public' }
  const { actor } = ctx
  if (actor.kind === 'anonymous') return { allow: false, status: 401 }
  if (actor.kind === 'api-key') {
    if (rule.session) return { allow: false, status: 403, sessionRequired: true }
    // Another school stays hidden (404) even when the key's scopes would refuse the method anyway.
    const foreign = ctx.schoolId === undefined || (actor.schoolId !== null && actor.schoolId !== ctx.schoolId) || !ctx.memberships.has(ctx.schoolId)
    if (rule.tenant === 'school' && foreign) return { allow: false, status: 404 }
    const needed: ApiKeyScope = READ_METHODS.has(ctx.method) ? 'read' : 'write'
    if (!actor.scopes.includes(needed)) return { allow: false, status: 403 }
  }
  if (rule.authenticated) return { allow: true, via: 'authenticated' }
  if (rule.platformAdmin && actor.kind === 'user' && actor.platformRole === 'platform_admin') return { allow: true, via: 'platform_admin' }
  if (rule.tenant === 'school') {
    const role = ctx.schoolId === undefined ? undefined : ctx.memberships.get(ctx.schoolId)
    if (role === undefined) return { allow: false, status: 404 }
    if (rule.roles?.includes(role)) {
      // An educator reaches only the cohorts they run.
      if (rule.cohortStaff && role === 'educator' && ctx.cohortStaff !== true) return { allow: false, status: 403 }
      return { allow: true, via: role }
    }
    if (rule.owner && ctx.ownerId !== undefined && ctx.ownerId === actor.userId) return { allow: true, via: 'owner' }
    return { allow: false, status: 403 }
  }
  if (rule.roles && [...ctx.memberships.values()].some((r) => rule.roles?.includes(r))) return { allow: true, via: 'authenticated' }
  return { allow: false, status: 403 }
}

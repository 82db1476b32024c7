/**
 * Resolvers: each validates its arguments (with the REST routes' bounds), decides access through
 * access.ts with the REST route's policy operation, calls the same service method as that route
 * (including the ones that write the access log) and maps the answer to the schema's shape. No rule
 * of the domain lives here.
 */
import type { GraphQLResolveInfo } from 'graphql'
import { Type, type TSchema } from 'typebox'
import { Value } from 'typebox/value'
import type { Deps } from '../deps.js'
import { AppError } from '../platform/http/errors.js'
import type { CohortSummary } from '../modules/educators/cohorts.service.js'
import type { SearchQuery } from '../modules/search/search.schema.js'
import { authorize, type GraphqlContext } from './access.js'
import { MAX_FIRST } from './schema.js'

type Args = Record<string, unknown>

const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9a-fA-F-]{1,64}$' })
const CatalogId = Type.String({ minLength: 1, maxLength: 300 })
const Cursor = Type.String({ minLength: 1, maxLength: 200 })
const First = Type.Integer({ minimum: 1, maximum: MAX_FIRST })
const Offset = Type.Integer({ minimum: 0, maximum: 1_000_000 })
const Query = Type.String({ minLength: 1, maxLength: 200 })
const Targets = Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 20 })
const CohortName = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })
const CohortDescription = Type.String({ maxLength: 2000 })

/** An argument checked against its bound; refused as request.invalid naming the argument. */
function arg<T>(schema: TSchema, value: unknown, name: string): T {
  if (!Value.Check(schema, value)) {
    const code = name === 'first' && typeof value === 'number' && value > MAX_FIRST ? 'graphql.list_limit' : 'request.invalid'
    throw new AppError(code, 400, `Invalid argument ${name}: ${[...Value.Errors(schema, value)][0]?.message ?? 'out of bounds'}.`, { argument: name })
  }
  return value as T
}
const optional = <T>(schema: TSchema, value: unknown, name: string): T | undefined => (value === undefined || value === null ? undefined : arg<T>(schema, value, name))
const first = (args: Args, fallback: number): number => optional<number>(First, args.first, 'first') ?? fallback
const take = <T>(items: readonly T[], args: Args, fallback: number): T[] => items.slice(0, first(args, fallback))

const signedIn = (ctx: GraphqlContext) => {
  if (ctx.actor.kind === 'anonymous') throw new AppError('auth.required', 401, 'Sign in, or send an API key in the Authorization header.')
  return ctx.actor
}

interface SchoolParent { id: string }
interface MeParent { id: string }

export function resolversFor(deps: Deps) {
  const { careers, search, learner, schools, educators } = deps
  return {
    Query: {
      career: (_: unknown, args: Args) => careers.profile(arg<string>(CatalogId, args.slug, 'slug')),
      careers: (_: unknown, args: Args) => {
        const field = optional<string>(Type.String({ minLength: 1, maxLength: 120 }), args.field, 'field')
        const after = optional<string>(Cursor, args.after, 'after')
        return careers.list({ limit: first(args, 20), ...(field === undefined ? {} : { field }), ...(after === undefined ? {} : { cursor: after }) })
      },
      search: (_: unknown, args: Args) => {
        const types = args.type as string[] | null | undefined
        const after = optional<string>(Cursor, args.after, 'after')
        const query: SearchQuery = {
          q: arg<string>(Query, args.q, 'q'), limit: arg<number>(Type.Integer({ minimum: 1, maximum: 50 }), args.first ?? 10, 'first'),
          ...(types && types.length > 0 ? { type: [...new Set(types)].join(',') } : {}), ...(after === undefined ? {} : { cursor: after }),
        }
        return search.search(query)
      },
      skill: (_: unknown, args: Args) => careers.skill(arg<string>(CatalogId, args.id, 'id')),
      credential: (_: unknown, args: Args) => careers.credential(arg<string>(CatalogId, args.id, 'id')),
      me: async (_: unknown, _args: Args, ctx: GraphqlContext, info: GraphQLResolveInfo): Promise<MeParent & { kind: string }> => {
        await authorize(ctx, info, 'me.read')
        const actor = signedIn(ctx)
        return { id: actor.userId, kind: actor.kind }
      },
      school: async (_: unknown, args: Args, ctx: GraphqlContext, info: GraphQLResolveInfo) => {
        const id = arg<string>(Id, args.id, 'id')
        await authorize(ctx, info, 'school.read', { schoolId: id })
        return schools.school(id)
      },
    },
    Mutation: {
      setPassportTargets: async (_: unknown, args: Args, ctx: GraphqlContext, info: GraphQLResolveInfo) => {
        const targets = arg<string[]>(Targets, args.targets, 'targets')
        await authorize(ctx, info, 'me.passport.write')
        if (ctx.actor.kind !== 'user') throw new AppError('auth.session_required', 403, 'This operation needs a signed-in session, not an API key.')
        return learner.passport.setTargets(ctx.actor.userId, targets)
      },
      createCohort: async (_: unknown, args: Args, ctx: GraphqlContext, info: GraphQLResolveInfo) => {
        const schoolId = arg<string>(Id, args.schoolId, 'schoolId')
        const name = arg<string>(CohortName, args.name, 'name')
        const description = optional<string>(CohortDescription, args.description, 'description')
        await authorize(ctx, info, 'school.cohorts.create', { schoolId })
        const actor = signedIn(ctx)
        const role = (await ctx.memberships()).get(schoolId)
        const creator = role === 'educator' || role === 'school_admin' ? actor.userId : null
        return educators.cohorts.create(schoolId, creator, { name, ...(description === undefined ? {} : { description }) })
      },
    },
    Career: {
      skills: (p: { skills: { combined: unknown[] } }, args: Args) => take(p.skills.combined, args, 20),
      credentials: (p: { credentials: unknown[] }, args: Args) => take(p.credentials, args, 20),
    },
    Skill: { careers: (p: { careers: string[] }, args: Args) => take(p.careers, args, 20).map((slug) => careers.profile(slug)) },
    CareerSkill: { skill: (p: { id: string }) => careers.skill(p.id) },
    Credential: { skills: (p: { skills: unknown[] }, args: Args) => take(p.skills, args, 20) },
    Me: {
      passport: async (p: MeParent, _args: Args, ctx: GraphqlContext, info: GraphQLResolveInfo) => {
        await authorize(ctx, info, 'me.passport.read')
        await learner.passport.noteRead(signedIn(ctx), 'passport')
        return learner.passport.read(p.id)
      },
      plans: async (p: MeParent, args: Args, ctx: GraphqlContext, info: GraphQLResolveInfo) => {
        const n = first(args, 20)
        await authorize(ctx, info, 'me.passport.read')
        await learner.passport.noteRead(signedIn(ctx), 'plans')
        return (await learner.plans.list(p.id)).slice(0, n)
      },
      cohorts: async (p: MeParent, args: Args, ctx: GraphqlContext, info: GraphQLResolveInfo) => {
        const n = first(args, 20)
        await authorize(ctx, info, 'me.cohorts.read')
        await educators.cohorts.noteRead(signedIn(ctx))
        return (await educators.cohorts.assignments.mine(p.id)).slice(0, n)
      },
    },
    School: {
      members: async (p: SchoolParent, args: Args, ctx: GraphqlContext, info: GraphQLResolveInfo) => {
        const page = { limit: first(args, 100), offset: optional<number>(Offset, args.offset, 'offset') ?? 0 }
        await authorize(ctx, info, 'school.members.list', { schoolId: p.id })
        return schools.members(p.id, page)
      },
      member: async (p: SchoolParent, args: Args, ctx: GraphqlContext, info: GraphQLResolveInfo) => {
        const userId = arg<string>(Id, args.userId, 'userId')
        const decision = await authorize(ctx, info, 'school.member.read', { schoolId: p.id, ownerId: userId })
        return schools.readMember(signedIn(ctx), decision.via, p.id, userId)
      },
      cohorts: async (p: SchoolParent, args: Args, ctx: GraphqlContext, info: GraphQLResolveInfo) => {
        const n = first(args, 20)
        const decision = await authorize(ctx, info, 'school.cohorts.read', { schoolId: p.id })
        const staffOf = decision.via === 'educator' ? signedIn(ctx).userId : undefined
        return (await educators.cohorts.list(p.id, staffOf)).slice(0, n)
      },
    },
    Cohort: {
      learners: async (p: CohortSummary, args: Args, ctx: GraphqlContext, info: GraphQLResolveInfo) => {
        const n = first(args, 100)
        await authorize(ctx, info, 'school.cohort.read', { schoolId: p.schoolId, cohortId: p.id })
        return (await educators.cohorts.learners(p.schoolId, p.id)).slice(0, n)
      },
      staff: async (p: CohortSummary, args: Args, ctx: GraphqlContext, info: GraphQLResolveInfo) => {
        const n = first(args, 100)
        await authorize(ctx, info, 'school.cohort.read', { schoolId: p.schoolId, cohortId: p.id })
        return (await educators.cohorts.detail(p.schoolId, p.id)).staff.slice(0, n)
      },
    },
  }
}

/**
 * The API's query surface is an allowlist (SECURITY.md Z5), for every route under /api/:
 *
 * - at boot, a route's querystring schema must refuse unknown properties (`additionalProperties:
 *   false`), cap `limit` at MAX_PAGE_SIZE, and a route that hands out `nextCursor` must take
 *   `cursor` and `limit` back; otherwise `app.ready()` fails, naming the route;
 * - per request (preValidation, after the policy hook so anonymous callers learn nothing): a
 *   parameter the route does not declare → 400 request.invalid, also on routes with no querystring
 *   schema at all (which Fastify would otherwise not look at); a parameter given twice whose schema
 *   is not an array → 400 query.duplicate_parameter, before type coercion could pick one value.
 *
 * `limit` above the cap is refused (400 request.invalid), not clamped: a client asking for a million
 * rows learns that it gets at most 100 instead of silently receiving fewer. The HTML pages outside
 * /api are not covered: browsers add tracking parameters we should not refuse.
 */
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify'
import { AppError } from './errors.js'

/** The largest page any list route may serve. */
export const MAX_PAGE_SIZE = 100

const API_PREFIX = '/api/'

type JsonSchema = { type?: unknown; properties?: Record<string, JsonSchema>; additionalProperties?: unknown; maximum?: unknown; anyOf?: JsonSchema[] }

interface QueryRules {
  allowed: ReadonlySet<string>
  repeatable: ReadonlySet<string>
}

/** RFC 6901 escaping, so a parameter named `a/b` points at itself. */
const pointer = (name: string) => `/querystring/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`

const isArraySchema = (schema: JsonSchema | undefined): boolean =>
  schema !== undefined && (schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array')) || (schema.anyOf ?? []).some(isArraySchema))

function rulesOf(schema: JsonSchema | undefined): QueryRules {
  const properties = schema?.properties ?? {}
  const names = Object.keys(properties)
  return { allowed: new Set(names), repeatable: new Set(names.filter((n) => isArraySchema(properties[n]))) }
}

/** What is wrong with a route's query schemas (empty when nothing is). */
export function querySchemaProblems(route: Pick<RouteOptions, 'url' | 'schema'>): string[] {
  const query = route.schema?.querystring as JsonSchema | undefined
  const ok = (route.schema?.response as Record<string, JsonSchema> | undefined)?.[200]
  const problems: string[] = []
  if (query !== undefined) {
    if (query.additionalProperties !== false) problems.push('its querystring schema allows unknown parameters (set additionalProperties: false)')
    const limit = query.properties?.limit
    if (limit !== undefined && !(typeof limit.maximum === 'number' && limit.maximum <= MAX_PAGE_SIZE)) problems.push(`its limit has no maximum of at most ${MAX_PAGE_SIZE}`)
  }
  if (ok?.properties?.nextCursor !== undefined && (query?.properties?.cursor === undefined || query.properties.limit === undefined)) {
    problems.push('it answers nextCursor but takes no cursor and limit back')
  }
  return problems
}

function checkQuery(request: FastifyRequest, rules: QueryRules): void {
  const query = request.query as Record<string, unknown> | null | undefined
  if (query === null || typeof query !== 'object') return
  for (const name of Object.keys(query)) {
    if (!rules.allowed.has(name)) {
      throw new AppError('request.invalid', 400, `Unknown query parameter ${JSON.stringify(name.slice(0, 100))}.`, { errors: [{ pointer: pointer(name), message: 'is not allowed' }] })
    }
    if (Array.isArray(query[name]) && !rules.repeatable.has(name)) {
      throw new AppError('query.duplicate_parameter', 400, `The query parameter ${name} was given more than once.`, { errors: [{ pointer: pointer(name), message: 'must be given once' }] })
    }
  }
}

export interface QueryRoute { method: string; url: string; parameters: readonly string[] }

const tables = new WeakMap<FastifyInstance, QueryRoute[]>()

/** Every API route with the query parameters it takes, as registered (for tests that crawl the surface). */
export const queryRoutes = (app: FastifyInstance): readonly QueryRoute[] => tables.get(app) ?? []

/** Installs the boot check and the per-request rule; call before any route is registered. */
export function installQuerySurface(app: FastifyInstance): void {
  const bad: string[] = []
  const routes: QueryRoute[] = []
  tables.set(app, routes)
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(API_PREFIX)) return
    for (const problem of querySchemaProblems(route)) bad.push(`${[route.method].flat().join(',')} ${route.url}: ${problem}`)
    const rules = rulesOf(route.schema?.querystring as JsonSchema | undefined)
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, parameters: [...rules.allowed] })
    const own = async (request: FastifyRequest) => checkQuery(request, rules)
    route.preValidation = [...[route.preValidation ?? []].flat(), own]
  })
  app.addHook('onReady', async () => {
    if (bad.length > 0) throw new Error(`Query surface not allowlisted (SECURITY.md Z5): ${bad.join('; ')}`)
  })
}

/**
 * GraphQL at /graphql (Mercurius): GET for queries and POST for queries and mutations, per GraphQL
 * over HTTP, over the same services and the same policy table as the REST API (resolvers.ts,
 * access.ts). The route's own operation is `graphql` (anyone may send a document); every field that
 * reaches personal or school data decides on its own.
 *
 * Before anything runs: the document's size and, for POST, its content type (JSON or
 * application/graphql only — simple content types a cross-site form could send are refused); then
 * parsing with a token cap and validation with the limits rule (limits.ts). Batching is off.
 * Introspection and "Did you mean" suggestions follow `config.graphql.introspection` (off in
 * production unless GRAPHQL_INTROSPECTION=true). GraphiQL is not served.
 *
 * Cookie-authenticated POSTs need the same CSRF token and same-origin headers as REST writes (the
 * authentication hook checks every non-GET request); API keys go in the Authorization header only.
 *
 * Errors: every error carries `extensions.code` — the REST problem code for refusals from the policy
 * and the services (auth.required, access.denied, school.not_found, career.not_found …), a
 * graphql.* code for refused documents, `internal` for anything unexpected (its message hidden).
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import mercurius from 'mercurius'
import type { ExecutionResult, GraphQLError as GraphQLErrorType } from 'graphql'
import type { Deps } from '../deps.js'
import { AppError } from '../platform/http/errors.js'
import { contextFor } from './access.js'
import { graphql } from './graphql-js.js'
import { LIMITS, limitsRule } from './limits.js'
import { resolversFor } from './resolvers.js'
import { typeDefs } from './schema.js'

export { LIMITS } from './limits.js'

const { GraphQLError, NoSchemaIntrospectionCustomRule } = graphql

const ACCEPTED_BODIES = new Set(['application/json', 'application/graphql'])
const SUGGESTION = / ?Did you mean .*\?$/
const RESPONSE_TYPE = 'application/graphql-response+json'

/** Whether application/json comes before the GraphQL response type in an Accept header. */
function prefersJson(accept: string): boolean {
  const json = accept.indexOf('application/json')
  return json >= 0 && json < accept.indexOf(RESPONSE_TYPE)
}

interface Formatted { message: string; locations?: unknown; path?: unknown; extensions: Record<string, unknown> }

const documentOf = (request: FastifyRequest): unknown =>
  request.method === 'GET' ? (request.query as { query?: unknown } | undefined)?.query : (request.body as { query?: unknown } | null | undefined)?.query

/** The list of GraphQL errors behind one reported error (Mercurius wraps validation errors in one). */
function flatten(errors: readonly GraphQLErrorType[]): GraphQLErrorType[] {
  return errors.flatMap((e) => {
    const inner = (e.originalError as { errors?: unknown } | undefined)?.errors
    return Array.isArray(inner) ? inner.map((x) => (x instanceof GraphQLError ? x : new GraphQLError(String((x as Error).message ?? x), { originalError: x as Error }))) : [e]
  })
}

/** 400 for a refused document, the AppError's status, Mercurius's own status (405 for a GET mutation). */
function statusOf(error: GraphQLErrorType): number | undefined {
  const original = error.originalError
  if (original instanceof AppError) return original.status
  const status = (original as { statusCode?: unknown } | undefined)?.statusCode
  return typeof status === 'number' ? status : undefined
}

export const graphqlRoutes: FastifyPluginAsync<{ deps: Deps }> = async (app, { deps }) => {
  const introspection = deps.config.graphql.introspection

  const format = (error: GraphQLErrorType, log: FastifyRequest['log']): Formatted => {
    const original = error.originalError
    const where = { ...(error.locations ? { locations: error.locations } : {}), ...(error.path ? { path: error.path } : {}) }
    let message = error.message
    let code: string
    const extra: Record<string, unknown> = {}
    if (original instanceof AppError) {
      code = original.code
      if (typeof original.extensions.argument === 'string') extra.argument = original.extensions.argument
    } else if (typeof error.extensions?.code === 'string') {
      code = error.extensions.code
      for (const key of ['limit', 'actual'] as const) if (error.extensions[key] !== undefined) extra[key] = error.extensions[key]
    } else if (/Document contains more that \d+ tokens/.test(message)) {
      code = 'graphql.token_limit'
      extra.limit = LIMITS.maxTokens
    } else if (statusOf(error) === 415) {
      code = 'graphql.unsupported_media_type'
    } else if (/introspection has been disabled/i.test(message)) {
      code = 'graphql.introspection_disabled'
    } else if (original === undefined || original instanceof GraphQLError || statusOf(error) !== undefined) {
      code = 'graphql.invalid' // parse, validation and variable errors of graphql-js and Mercurius
    } else {
      log.error({ err: original }, 'GraphQL resolver failed')
      code = 'internal'
      message = 'Internal error.'
    }
    if (!introspection) message = message.replace(SUGGESTION, '')
    return { message, ...where, extensions: { code, ...extra } }
  }

  // GraphQL over HTTP's own media type, for clients that ask for it (the body is the same JSON).
  app.addHook('onSend', async (request, reply, payload) => {
    const accept = String(request.headers.accept ?? '')
    if (request.routeOptions.url === '/graphql' && accept.includes(RESPONSE_TYPE) && !prefersJson(accept)) reply.header('content-type', `${RESPONSE_TYPE}; charset=utf-8`)
    return payload
  })

  await app.register(mercurius, {
    schema: typeDefs,
    resolvers: resolversFor(deps) as never,
    path: '/graphql',
    graphiql: false,
    ide: false,
    jit: 0,
    allowBatchedQueries: false,
    context: (request) => contextFor(request, deps.db.kysely),
    graphql: {
      parseOptions: { maxTokens: LIMITS.maxTokens },
      // graphql 16.11+ option, not yet in Mercurius's types
      validateOptions: { hideSuggestions: !introspection } as Record<string, unknown>,
    },
    validationRules: introspection ? [limitsRule] : [limitsRule, NoSchemaIntrospectionCustomRule],
    errorFormatter: (execution: ExecutionResult & { statusCode?: number }, context) => {
      const log = (context as { reply?: { log: FastifyRequest['log'] } }).reply?.log ?? app.log
      const errors = flatten(execution.errors ?? [])
      let statusCode = execution.data ? 200 : (execution.statusCode ?? 200)
      if (!execution.data && execution.statusCode === undefined && execution.errors?.length === 1) {
        statusCode = statusOf(execution.errors[0]!) ?? 200
      }
      const formatted = errors.map((e) => format(e, log)) as never
      // A request refused before execution has no `data` entry at all (GraphQL over HTTP); one that ran has data, maybe null.
      return { statusCode, response: execution.data === undefined ? { errors: formatted } : { data: execution.data, errors: formatted } }
    },
    additionalRouteOptions: {
      config: { operation: 'graphql' },
      bodyLimit: 64 * 1024,
      // GraphQL over HTTP lets a client send null for the optional members; Mercurius's body schema does not.
      preValidation: async (request: FastifyRequest) => {
        if (request.method !== 'POST' || !request.body || typeof request.body !== 'object' || Array.isArray(request.body)) return
        const body = request.body as Record<string, unknown>
        for (const key of ['extensions', 'variables', 'operationName']) if (body[key] === null) delete body[key]
        // The members' types, so a malformed request is a 400 naming the member rather than a failure deeper in.
        for (const [key, type] of [['query', 'string'], ['operationName', 'string'], ['variables', 'object'], ['extensions', 'object']] as const) {
          const value = body[key]
          if (value !== undefined && (typeof value !== type || (type === 'object' && Array.isArray(value)))) {
            throw new AppError('graphql.invalid', 400, `The request's ${key} must be ${type === 'string' ? 'a string' : 'a JSON object'}.`)
          }
        }
      },
      preHandler: async (request: FastifyRequest) => {
        if (request.method === 'POST') {
          const type = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
          if (!ACCEPTED_BODIES.has(type)) throw new AppError('graphql.unsupported_media_type', 415, 'Send GraphQL as application/json (or application/graphql).')
        }
        const document = documentOf(request)
        if (typeof document === 'string' && document.length > LIMITS.maxDocumentChars) {
          throw new AppError('graphql.document_too_large', 400, `The document has ${document.length} characters; at most ${LIMITS.maxDocumentChars} are allowed.`)
        }
      },
    },
  })
}

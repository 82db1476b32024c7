/**
 * buildApp(deps): the Fastify instance without listen. Tests drive it with app.inject; main.ts
 * listens. Modules get their services as plugin options — no decorators, no service locator.
 */
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import { webRoutes } from '../web/web.routes.js'
import type { Deps } from './deps.js'
import { careerRoutes } from './modules/careers/index.js'
import { PROBLEM_CODES } from './platform/http/errors.js'
import { healthRoutes } from './platform/http/health.routes.js'
import { installProblemHandlers } from './platform/http/problem.js'
import { installSecurityHeaders } from './platform/http/security-headers.js'

export interface AppOptions {
  /** A pino logger; omitted in tests, which log nothing. */
  logger?: FastifyBaseLogger
}

export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  installProblemHandlers(app)
  installSecurityHeaders(app, { hsts: deps.config.production })
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id)
    return payload
  })

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Pathways API',
        version: '1',
        description: `Careers with every figure's provenance, skills, credentials and pathways.\n\nErrors are application/problem+json (RFC 9457) with a stable \`code\`:\n\n${Object.entries(PROBLEM_CODES).map(([c, d]) => `- \`${c}\`: ${d}`).join('\n')}`,
        license: { name: 'MIT' },
      },
      servers: [{ url: '/' }],
      tags: [
        { name: 'careers', description: 'Career profiles and their sourced facts' },
        { name: 'skills' }, { name: 'credentials' }, { name: 'sources' }, { name: 'health' },
      ],
    },
  })
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true }, staticCSP: false })

  await app.register(healthRoutes, { db: deps.db, catalog: deps.catalog })
  await app.register(async (api) => {
    await api.register(careerRoutes, { careers: deps.careers })
    api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  }, { prefix: '/api/v1' })
  await app.register(webRoutes, { careers: deps.careers })
  return app
}

/**
 * buildApp(deps): the Fastify instance without listen. Tests drive it with app.inject; main.ts
 * listens. Modules get their services as plugin options — no decorators, no service locator.
 */
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import { accountRoutes } from '../web/account/account-routes.js'
import { loadPickerScript, loadScript, loadStylesheet } from '../web/assets.js'
import { passportPageRoutes } from '../web/passport/passport-routes.js'
import { installFormBodies } from '../web/forms/form-body.js'
import { webRoutes } from '../web/web.routes.js'
import type { Deps } from './deps.js'
import { careerRoutes } from './modules/careers/index.js'
import { exploreRoutes } from './modules/explore/index.js'
import { analysisRoutes } from './modules/analysis/index.js'
import { authRoutes, installAuthentication, meRoutes } from './modules/identity/index.js'
import { accountDataRoutes, consentRoutes, installAccessControl, schoolRoutes } from './modules/access/index.js'
import { searchRoutes } from './modules/search/index.js'
import { badgeRoutes } from './modules/badges/index.js'
import { passportModuleRoutes } from './modules/passport/index.js'
import { extractionRoutes } from './modules/extraction/index.js'
import { cvRoutes, savedCvRoutes } from './modules/cv/index.js'
import { coverLetterRoutes, createCoverLetterService } from './modules/cv/cover-letter.index.js'
import { cvPageRoutes } from '../web/cv/cv-routes.js'
import { educatorPageRoutes } from '../web/educators/educator-routes.js'
import { educatorRoutes } from './modules/educators/index.js'
import { graphqlRoutes } from './graphql/index.js'
import { PROBLEM_CODES } from './platform/http/errors.js'
import { healthRoutes } from './platform/http/health.routes.js'
import { installProblemHandlers } from './platform/http/problem.js'
import { installQuerySurface } from './platform/http/query-surface.js'
import { installSecurityHeaders } from './platform/http/security-headers.js'
import { installOps, OPS_SERVER_OPTIONS, type Lifecycle } from './platform/ops/index.js'

export interface AppOptions {
  /** A pino logger; omitted in tests, which log nothing. */
  logger?: FastifyBaseLogger
  /** Shutdown state set by main.ts on SIGTERM; /readyz answers 503 while draining. */
  lifecycle?: Lifecycle
}

export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const letters = createCoverLetterService({ cv: deps.cv, catalog: deps.catalog, now: () => deps.identity.clock.now() })
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    ...OPS_SERVER_OPTIONS, // request ids (a safe incoming x-request-id is kept), serving while draining
    // request.ip is the peer's address unless the peer is a configured proxy (SECURITY.md H4).
    trustProxy: deps.config.auth.trustedProxies.length > 0 ? deps.config.auth.trustedProxies.join(',') : false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  installProblemHandlers(app)
  await installOps(app, deps) // first: load shedding, then metrics (its token is checked before authentication)
  installSecurityHeaders(app, { hsts: deps.config.production })
  // Before the authentication hook: it reads a page form's hidden CSRF field (see form-body.ts).
  installFormBodies(app)
  installAuthentication(app, deps.identity)
  installAccessControl(app, deps.db.kysely)
  installQuerySurface(app) // after the policy hook: its per-route check runs once access is decided
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id)
    return payload
  })

  await app.register(swagger, {
    // Shared schemas (app.addSchema with an $id, e.g. Passport) keep their name under components.schemas.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
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
        { name: 'search', description: 'One search over careers, skills, credentials and resources' },
        { name: 'browse', description: 'Careers by field hierarchy, by skill and by interest' },
        { name: 'analysis', description: 'A passport against the catalog: gap to a career, careers ranked by fit, learning plans (stateless)' },
        { name: 'skills' }, { name: 'credentials' }, { name: 'sources' }, { name: 'health' },
        { name: 'auth', description: 'Sign-up, sign-in and -out, email verification, password reset, first-run setup' },
        { name: 'me', description: 'The signed-in account: password, API keys, sessions' },
        { name: 'schools', description: 'Schools (tenants), members, invitations and the access log' },
        { name: 'passport', description: 'My skills passport, gaps, matches, learning plans, progress and signed exports' },
        { name: 'cv', description: 'CVs: built from a passport, tailored to a career, exported as JSON Resume, HTML and PDF' },
        { name: 'cohorts', description: 'A school\'s cohorts: join codes, learners, assignments, dashboards; and my cohorts as a learner' },
        { name: 'adapted-pathways', description: 'A school\'s copies of career pathways with local steps and credentials, reconciled with their upstream' },
        { name: 'programmes', description: 'A school\'s programmes (CIP) and the occupations they lead to, flagged high-wage, high-skill, in-demand by the school\'s thresholds' },
        { name: 'reports', description: 'Credential attainment per cohort and programme, as JSON, CSV and XLSX' },
        { name: 'verifiable-credentials', description: 'Open Badges 3.0 credentials signed by this instance: the issuer and its keys, verification' },
      ],
    },
  })
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true }, staticCSP: false })

  const lifecycle = options.lifecycle
  await app.register(healthRoutes, { db: deps.db, catalog: deps.catalog, readiness: deps.ops.readiness, draining: () => lifecycle?.draining === true })
  await app.register(graphqlRoutes, { deps })
  await app.register(async (api) => {
    await api.register(careerRoutes, { careers: deps.careers })
    await api.register(searchRoutes, { search: deps.search })
    await api.register(exploreRoutes, { explore: deps.explore })
    await api.register(analysisRoutes, { analysis: deps.analysis })
    await api.register(authRoutes, { identity: deps.identity })
    await api.register(meRoutes, { identity: deps.identity })
    await api.register(schoolRoutes, { identity: deps.identity, schools: deps.schools })
    await api.register(accountDataRoutes, { identity: deps.identity, db: deps.db.kysely })
    await api.register(consentRoutes, { identity: deps.identity, db: deps.db.kysely })
    await api.register(badgeRoutes, { badges: deps.badges })
    await api.register(passportModuleRoutes, { learner: deps.learner })
    await api.register(extractionRoutes, { extraction: deps.extraction })
    await api.register(cvRoutes, { cv: deps.cv })
    await api.register(savedCvRoutes, { savedCvs: deps.savedCvs, passport: deps.learner.passport })
    await api.register(coverLetterRoutes, { letters })
    await api.register(educatorRoutes, { educators: deps.educators, identity: deps.identity })
    api.get('/openapi.json', { schema: { hide: true }, config: { operation: 'public' } }, async () => app.swagger())
  }, { prefix: '/api/v1' })
  const stylesheet = loadStylesheet()
  const script = loadScript()
  await app.register(webRoutes, { careers: deps.careers, search: deps.search, explore: deps.explore, stylesheet, script })
  await app.register(accountRoutes, {
    identity: deps.identity, schools: deps.schools, db: deps.db.kysely,
    assets: { stylesheet: stylesheet.href, script: script.href },
  })
  await app.register(passportPageRoutes, {
    identity: deps.identity, schools: deps.schools, db: deps.db.kysely, assets: { stylesheet: stylesheet.href, script: script.href },
    learner: deps.learner, careers: deps.careers, search: deps.search, picker: loadPickerScript(),
  })
  await app.register(cvPageRoutes, {
    identity: deps.identity, schools: deps.schools, db: deps.db.kysely, assets: { stylesheet: stylesheet.href, script: script.href },
    learner: deps.learner, cv: deps.cv, savedCvs: deps.savedCvs, letters, extraction: deps.extraction,
  })
  await app.register(educatorPageRoutes, {
    identity: deps.identity, schools: deps.schools, db: deps.db.kysely, assets: { stylesheet: stylesheet.href, script: script.href },
    educators: deps.educators, careers: deps.careers, search: deps.search,
  })
  return app
}

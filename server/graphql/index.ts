/** Placeholder: GraphQL at /graphql (issue 9) is registered here. */
import type { FastifyPluginAsync } from 'fastify'
import type { Deps } from '../deps.js'

export const graphqlRoutes: FastifyPluginAsync<{ deps: Deps }> = async () => {}

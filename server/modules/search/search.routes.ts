/** GET /api/v1/search: one search box over careers, skills, credentials and resources. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import * as S from '../../../shared/schemas.js'
import { sendCached } from '../../platform/http/cached-response.js'
import { SearchQuery } from './search.schema.js'
import type { SearchService } from './search.service.js'

export const searchRoutes: FastifyPluginAsyncTypebox<{ search: SearchService }> = async (app, { search }) => {
  app.get('/search', {
    config: { operation: 'public' },
    schema: {
      tags: ['search'], summary: 'Search careers, skills, credentials and resources',
      description: 'Matches titles, alternative titles and skill labels, whole words or the start of the last word, with typos tolerated. Exact title and alternative-title matches come first, then by relevance. Facet counts cover every match; filters narrow the items. Matched words are marked in `highlight` as segments (no markup), so clients decide how to show them.',
      querystring: SearchQuery,
      response: { 200: S.SearchResults, 304: { type: 'null' }, 400: S.Problem },
    },
  }, async (req, reply) => sendCached(req, reply, search.searchCached(req.query), { type: 'application/json; charset=utf-8', cacheControl: 'public, max-age=60' }))
}

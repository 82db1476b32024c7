/**
 * Server-rendered public pages: the home page (curated pathways), the A–Z list of every career a
 * hundred to a page, one page per career (404 page for an unknown slug or list page), the
 * stylesheet and script, and — registered from search.routes.ts and explore.routes.ts — search,
 * browse, compare and related careers. Pages are rendered once per catalog version (and address)
 * and then served from memory with an ETag; none of them appears in the OpenAPI document.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { CareerProfile, CareerSummary } from '../shared/schemas.js'
import type { CareerService } from '../server/modules/careers/index.js'
import type { ExploreService } from '../server/modules/explore/index.js'
import type { SearchService } from '../server/modules/search/index.js'
import { AppError } from '../server/platform/http/errors.js'
import { loadScript, loadStylesheet, STYLESHEET_PATH, type Asset, type Stylesheet } from './assets.js'
import { explorePages } from './explore.routes.js'
import { createPageReplies } from './page-replies.js'
import { searchPages } from './search.routes.js'
import { sendCached } from '../server/platform/http/cached-response.js'
import { createIdentityCache, createVersionedCache } from './page-cache.js'
import { parsePage } from './career-index.js'
import { renderCareerIndexPage, renderCareerPage, renderHomePage, renderNotFoundPage } from './render.js'

/** The parts of the services the pages read. */
export type WebCareers = Pick<CareerService, 'summaries' | 'profile' | 'sources' | 'credential' | 'resource'>
export type WebSearch = Pick<SearchService, 'search'>
export type WebExplore = Pick<
  ExploreService,
  'fieldSystems' | 'fieldTree' | 'fieldCareers' | 'skillCareers' | 'interests' | 'interestCareers' | 'compare' | 'related' | 'moves' | 'resolveCareer'
>

export interface WebRoutesOptions {
  careers: WebCareers
  search: WebSearch
  explore: WebExplore
  /** Overrides the stylesheet read from web/pathways.css (tests). */
  stylesheet?: Stylesheet
  /** Overrides the script read from web/search.js (tests). */
  script?: Asset
}

const hidden = { schema: { hide: true }, config: { operation: 'public' } }
// no-cache = revalidate every time; with the ETag a repeat visit costs a 304 and no body.
const HTML = { type: 'text/html; charset=utf-8', cacheControl: 'no-cache' }
const CSS_TYPE = 'text/css; charset=utf-8'
const IMMUTABLE = 'public, max-age=31536000, immutable'

/** The profile, or undefined for an unknown slug; any other failure propagates. */
function findProfile(careers: WebCareers, slug: string): CareerProfile | undefined {
  try {
    return careers.profile(slug)
  } catch (error) {
    if (error instanceof AppError && error.code === 'career.not_found') return undefined
    throw error
  }
}

export const webRoutes: FastifyPluginAsync<WebRoutesOptions> = async (app, options) => {
  const { careers, search, explore } = options
  const stylesheet = options.stylesheet ?? loadStylesheet()
  const script = options.script ?? loadScript()
  const assets = { stylesheet: stylesheet.href, script: script.href }
  const careerPages = createVersionedCache()
  const listPages = createIdentityCache<readonly CareerSummary[]>()
  const pages = createPageReplies({ summaries: () => careers.summaries(), assets })
  await app.register(searchPages, { careers, search, pages, script })
  await app.register(explorePages, { careers, explore, pages })

  app.get('/', hidden, async (request, reply) => {
    const summaries = careers.summaries()
    const page = listPages.get(summaries, 'home', () => renderHomePage(summaries, assets))
    return sendCached(request, reply, page, HTML)
  })

  // Page 0, a page past the last, or anything but a plain page number answers the 404 page: there is
  // no such page, and a redirect would hide a broken link instead of showing it.
  app.get<{ Querystring: { page?: string } }>('/careers', hidden, async (request, reply) => {
    const summaries = careers.summaries()
    const page = parsePage(request.query.page, summaries.length)
    if (page === null) {
      const missing = listPages.get(summaries, 'list-not-found', () => renderNotFoundPage(summaries, assets, 'list-page'))
      return sendCached(request, reply, missing, { ...HTML, status: 404 })
    }
    const html = listPages.get(summaries, `list-${page}`, () => renderCareerIndexPage(summaries, page, assets))
    return sendCached(request, reply, html, HTML)
  })

  app.get<{ Params: { slug: string } }>('/careers/:slug', hidden, async (request, reply) => {
    const profile = findProfile(careers, request.params.slug)
    if (!profile) {
      const summaries = careers.summaries()
      const page = listPages.get(summaries, 'not-found', () => renderNotFoundPage(summaries, assets))
      return sendCached(request, reply, page, { ...HTML, status: 404 })
    }
    const page = careerPages.get(profile.slug, profile.catalogVersion, () => renderCareerPage(profile, assets))
    return sendCached(request, reply, page, HTML)
  })

  app.get<{ Querystring: { v?: string } }>(STYLESHEET_PATH, hidden, async (request, reply) => {
    // Only the current versioned URL may be cached for a year; any other asks the browser to revalidate.
    const current = request.query.v !== undefined && stylesheet.href.endsWith(`?v=${request.query.v}`)
    return sendCached(request, reply, stylesheet, { type: CSS_TYPE, cacheControl: current ? IMMUTABLE : 'no-cache' })
  })
}

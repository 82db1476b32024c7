/**
 * Server-rendered public pages: the home page (curated pathways), the A–Z list of every career a
 * hundred to a page, one page per career (404 page for an unknown slug or list page) and the
 * stylesheet. Pages are rendered once per catalog version (and list page) and then served from
 * memory with an ETag; none of them appears in the OpenAPI document.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { CareerProfile, CareerSummary } from '../shared/schemas.js'
import type { CareerService } from '../server/modules/careers/index.js'
import { AppError } from '../server/platform/http/errors.js'
import { loadStylesheet, STYLESHEET_PATH, type Stylesheet } from './assets.js'
import { sendCached } from '../server/platform/http/cached-response.js'
import { createIdentityCache, createVersionedCache } from './page-cache.js'
import { parsePage } from './career-index.js'
import { renderCareerIndexPage, renderCareerPage, renderHomePage, renderNotFoundPage } from './render.js'

/** The part of the career service the pages read. */
export type WebCareers = Pick<CareerService, 'summaries' | 'profile'>

export interface WebRoutesOptions {
  careers: WebCareers
  /** Overrides the stylesheet read from web/pathways.css (tests). */
  stylesheet?: Stylesheet
}

const hidden = { schema: { hide: true } }
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

export const webRoutes: FastifyPluginAsync<WebRoutesOptions> = async (app, { careers, stylesheet: given }) => {
  const stylesheet = given ?? loadStylesheet()
  const careerPages = createVersionedCache()
  const listPages = createIdentityCache<readonly CareerSummary[]>()

  app.get('/', hidden, async (request, reply) => {
    const summaries = careers.summaries()
    const page = listPages.get(summaries, 'home', () => renderHomePage(summaries, stylesheet.href))
    return sendCached(request, reply, page, HTML)
  })

  // Page 0, a page past the last, or anything but a plain page number answers the 404 page: there is
  // no such page, and a redirect would hide a broken link instead of showing it.
  app.get<{ Querystring: { page?: string } }>('/careers', hidden, async (request, reply) => {
    const summaries = careers.summaries()
    const page = parsePage(request.query.page, summaries.length)
    if (page === null) {
      const missing = listPages.get(summaries, 'list-not-found', () => renderNotFoundPage(summaries, stylesheet.href, 'list-page'))
      return sendCached(request, reply, missing, { ...HTML, status: 404 })
    }
    const html = listPages.get(summaries, `list-${page}`, () => renderCareerIndexPage(summaries, page, stylesheet.href))
    return sendCached(request, reply, html, HTML)
  })

  app.get<{ Params: { slug: string } }>('/careers/:slug', hidden, async (request, reply) => {
    const profile = findProfile(careers, request.params.slug)
    if (!profile) {
      const summaries = careers.summaries()
      const page = listPages.get(summaries, 'not-found', () => renderNotFoundPage(summaries, stylesheet.href))
      return sendCached(request, reply, page, { ...HTML, status: 404 })
    }
    const page = careerPages.get(profile.slug, profile.catalogVersion, () => renderCareerPage(profile, stylesheet.href))
    return sendCached(request, reply, page, HTML)
  })

  app.get<{ Querystring: { v?: string } }>(STYLESHEET_PATH, hidden, async (request, reply) => {
    // Only the current versioned URL may be cached for a year; any other asks the browser to revalidate.
    const current = request.query.v !== undefined && stylesheet.href.endsWith(`?v=${request.query.v}`)
    return sendCached(request, reply, stylesheet, { type: CSS_TYPE, cacheControl: current ? IMMUTABLE : 'no-cache' })
  })
}

/**
 * Browse (fields, skills, interests), compare and related-career pages. Thin handlers: read the
 * address, call the explore service inside the page cache's render, let page-replies turn its
 * refusals into 404 and 400 pages. Lists page by the service's cursor, carried in `?cursor=`.
 */
import type { FastifyPluginAsync } from 'fastify'
import { FIELD_SYSTEMS, type FieldSystem } from '../server/modules/explore/index.js'
import { hasErrors, readCompareRequest, type CareerResolver, type CompareRequest } from './compare/compare-input.js'
import { datasetSources, skillOrigin } from './datasets.js'
import { compareHref } from './links.js'
import type { PageReplies } from './page-replies.js'
import {
  renderBrowsePage, renderComparePage, renderFieldGroupPage, renderFieldTreePage, renderInterestPage, renderRelatedPage, renderSkillPage,
} from './render-explore.js'
import type { WebCareers, WebExplore } from './web.routes.js'

export interface ExplorePagesOptions {
  careers: WebCareers
  explore: WebExplore
  pages: PageReplies
}

const hidden = { schema: { hide: true }, config: { operation: 'public' } }
/** Careers per page of the browse lists. */
export const BROWSE_PAGE_SIZE = 50
/** Careers per page of "where you could move". */
export const MOVES_PAGE_SIZE = 20
/** Related careers offered as one-click comparisons when only one career is chosen. */
const COMPARE_SUGGESTIONS = 6

type CursorQuery = { Querystring: { cursor?: unknown } }

/** The `cursor` of the address: null when absent, undefined when it cannot be one the site made. */
function cursorOf(query: { cursor?: unknown }): string | null | undefined {
  const raw = query.cursor
  if (raw === undefined) return null
  return typeof raw === 'string' && raw.length > 0 && raw.length <= 200 ? raw : undefined
}

const BAD_CURSOR = ['The “next page” link is not one this site made; start again from the first page.']

const isSystem = (system: string): system is FieldSystem => Object.hasOwn(FIELD_SYSTEMS, system)

/** The dataset a hierarchy's groups come from: ISCO labels from ESCO, SOC job families as O*NET uses them. */
const SYSTEM_DATASET: Record<FieldSystem, string[]> = { isco: ['esco'], soc: ['onet'], pathways: [] }

const originsOf = (refs: readonly { origin: string }[]) => refs.map((r) => r.origin)

/**
 * The service resolves a slug, a title or an alternative title, taking the first career that
 * matches either; a career's own title should win over another's alternative title ("Software
 * Developers" is an O*NET title and one of ESCO's names for "software developer"), so an exact
 * title is looked up first.
 */
function resolverOf(careers: WebCareers, explore: WebExplore): CareerResolver {
  const titled = (text: string) => {
    const lower = text.trim().toLowerCase()
    return careers.summaries().find((c) => c.title.toLowerCase() === lower)
  }
  return {
    resolve: (text) => {
      const resolved = explore.resolveCareer(text)
      return resolved === text.trim() ? resolved : (titled(text)?.slug ?? resolved)
    },
    title: (slug) => careers.summaries().find((c) => c.slug === slug)?.title,
  }
}

export const explorePages: FastifyPluginAsync<ExplorePagesOptions> = async (app, { careers, explore, pages }) => {
  const datasets = (origins: Iterable<string>) => datasetSources(careers.summaries(), careers.sources(), origins)
  const assets = pages.assets

  app.get('/browse', hidden, async (request, reply) =>
    pages.send(request, reply, 'browse', () => renderBrowsePage(explore.fieldSystems(), explore.interests(), datasets(['onet', 'esco']), assets)),
  )

  app.get<{ Params: { system: string } }>('/browse/fields/:system', hidden, async (request, reply) => {
    const { system } = request.params
    if (!isSystem(system)) return pages.notFound(request, reply, 'field')
    return pages.send(request, reply, `fields:${system}`, () => renderFieldTreePage(explore.fieldTree(system), datasets(SYSTEM_DATASET[system]), assets))
  })

  // A wildcard, so a curated field code's slashes may come encoded (as links write them) or not.
  app.get<{ Params: { system: string; '*': string } } & CursorQuery>('/browse/fields/:system/*', hidden, async (request, reply) => {
    const { system, '*': code } = request.params
    const cursor = cursorOf(request.query)
    if (!isSystem(system) || code === '') return pages.notFound(request, reply, 'field')
    if (cursor === undefined) return pages.badRequest(request, reply, BAD_CURSOR)
    return pages.send(request, reply, `field:${system}:${code}:${cursor ?? ''}`, () => {
      const result = explore.fieldCareers(system, code, { limit: BROWSE_PAGE_SIZE, ...(cursor ? { cursor } : {}) })
      const origins = [...SYSTEM_DATASET[system], ...originsOf(result.items)]
      return renderFieldGroupPage({ result, systemTitle: FIELD_SYSTEMS[system].title, cursor, datasets: datasets(origins) }, assets)
    })
  })

  app.get<{ Params: { id: string } } & CursorQuery>('/browse/skills/:id', hidden, async (request, reply) => {
    const { id } = request.params
    const cursor = cursorOf(request.query)
    if (cursor === undefined) return pages.badRequest(request, reply, BAD_CURSOR)
    return pages.send(request, reply, `skill:${id}:${cursor ?? ''}`, () => {
      const result = explore.skillCareers(id, { limit: BROWSE_PAGE_SIZE, ...(cursor ? { cursor } : {}) })
      const origins = [skillOrigin(id), ...result.sameAs.map((s) => skillOrigin(s.id)), ...originsOf(result.items.map((i) => i.career))]
      return renderSkillPage({ result, cursor, datasets: datasets(origins) }, assets)
    })
  })

  app.get<{ Params: { code: string } } & CursorQuery>('/browse/interests/:code', hidden, async (request, reply) => {
    const code = request.params.code.toUpperCase()
    const cursor = cursorOf(request.query)
    if (cursor === undefined) return pages.badRequest(request, reply, BAD_CURSOR)
    return pages.send(request, reply, `interest:${code}:${cursor ?? ''}`, () => {
      const result = explore.interestCareers(code, { limit: BROWSE_PAGE_SIZE, ...(cursor ? { cursor } : {}) })
      return renderInterestPage({ result, interests: explore.interests(), cursor, datasets: datasets(['onet']) }, assets)
    })
  })

  app.get<{ Querystring: Record<string, unknown> }>('/compare', hidden, async (request, reply) => {
    const compare = readCompareRequest(request.query, resolverOf(careers, explore))
    const failed = hasErrors(compare)
    // The form's boxes (`?career=…&career=…`) land on the address a link to the same comparison has.
    if (!failed && !compare.canonical) return reply.redirect(compareHref(compare.slugs), 303)
    const key = `compare:${JSON.stringify([compare.entries.map((e) => e.text), compare.problems])}`
    return pages.send(request, reply, key, () => renderCompare(compare, failed), failed ? 400 : 200)
  })

  function renderCompare(compare: CompareRequest, failed: boolean): string {
    const comparison = !failed && compare.slugs.length >= 2 ? explore.compare(compare.slugs) : null
    const only = !failed && compare.slugs.length === 1 ? careers.profile(compare.slugs[0] as string) : null
    const single = only && {
      slug: only.slug, title: only.title,
      related: only.related.slice(0, COMPARE_SUGGESTIONS).map((r) => ({ slug: r.slug, title: r.title })),
    }
    const shown: { origin: string }[] = comparison ? comparison.careers.map((c) => c.career) : only ? [only] : []
    return renderComparePage(
      { request: compare, comparison, single, sources: new Map(careers.sources().map((s) => [s.id, s])), datasets: datasets(originsOf(shown)) },
      assets,
    )
  }

  app.get<{ Params: { slug: string } } & CursorQuery>('/careers/:slug/related', hidden, async (request, reply) => {
    const { slug } = request.params
    const cursor = cursorOf(request.query)
    if (cursor === undefined) return pages.badRequest(request, reply, BAD_CURSOR)
    return pages.send(request, reply, `related:${slug}:${cursor ?? ''}`, () => {
      const related = explore.related(slug)
      const moves = explore.moves(slug, { limit: MOVES_PAGE_SIZE, ...(cursor ? { cursor } : {}) })
      const profile = careers.profile(slug)
      const listed = [related.career, ...related.bySkills.map((o) => o.career), ...moves.items.map((m) => m.career)]
      return renderRelatedPage(
        { related, moves, cursor, sources: new Map(profile.sources.map((s) => [s.id, s])), datasets: datasets(originsOf(listed)) },
        assets,
      )
    })
  })
}

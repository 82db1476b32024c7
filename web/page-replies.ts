/**
 * Sending the search and explore pages: each is rendered once per catalog version and address, kept
 * in a bounded cache and served as bytes with an ETag; the services' refusals become pages (an
 * unknown skill the 404 page, a broken cursor the 400 page) instead of problem+json.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { CareerSummary } from '../shared/schemas.js'
import { sendCached } from '../server/platform/http/cached-response.js'
import { AppError } from '../server/platform/http/errors.js'
import { createVersionedCache } from './page-cache.js'
import { MISSING, type Missing } from './pages/not-found-page.js'
import { renderBadRequestPage, renderNotFoundPage, type PageAssets } from './render.js'

// no-cache = revalidate every time; with the ETag a repeat visit costs a 304 and no body.
export const HTML = { type: 'text/html; charset=utf-8', cacheControl: 'no-cache' }

const versions = new WeakMap<object, number>()
let lastVersion = 0

/**
 * A number that grows with each catalog version: the catalog replaces its career list whole when a
 * new version is published, so the list's identity stands for the version.
 */
export function versionOf(careers: readonly CareerSummary[]): number {
  let version = versions.get(careers)
  if (version === undefined) versions.set(careers, (version = ++lastVersion))
  return version
}

const isMissing = (what: string): what is Missing => Object.hasOwn(MISSING, what)

/** Words for a request.invalid the page cannot avoid (its fields come from the address). */
function problemsOf(error: AppError): string[] {
  const errors = (error.extensions.errors as { pointer?: string; message?: string }[] | undefined) ?? []
  const words = errors.map((e) =>
    e.pointer?.endsWith('/cursor') ? 'The “next page” link is not one this site made; start again from the first page.' : `${e.pointer?.split('/').at(-1) ?? 'A value'} ${e.message ?? 'is not valid'}.`,
  )
  return words.length > 0 ? words : [error.message]
}

export function createPageReplies({ summaries, assets }: { summaries: () => readonly CareerSummary[]; assets: PageAssets }) {
  const pages = createVersionedCache()

  const notFound = (request: FastifyRequest, reply: FastifyReply, what: Missing) => {
    const careers = summaries()
    const page = pages.get(`404:${what}`, versionOf(careers), () => renderNotFoundPage(careers, assets, what))
    return sendCached(request, reply, page, { ...HTML, status: 404 })
  }

  const badRequest = (request: FastifyRequest, reply: FastifyReply, problems: readonly string[]) => {
    const careers = summaries()
    const page = pages.get(`400:${JSON.stringify(problems)}`, versionOf(careers), () => renderBadRequestPage(careers, assets, problems))
    return sendCached(request, reply, page, { ...HTML, status: 400 })
  }

  return {
    assets,
    notFound,
    badRequest,
    /**
     * The page under `key` for the current catalog version, rendered by `render` on first ask. A
     * service's not_found becomes the 404 page, request.invalid and query.invalid_cursor the 400 page; anything else
     * propagates (a 500).
     */
    send(request: FastifyRequest, reply: FastifyReply, key: string, render: () => string, status = 200) {
      try {
        const page = pages.get(key, versionOf(summaries()), render)
        return sendCached(request, reply, page, { ...HTML, status })
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        const missing = error.code.endsWith('.not_found') ? error.code.slice(0, -'.not_found'.length) : null
        if (missing !== null && isMissing(missing)) return notFound(request, reply, missing)
        if (error.code === 'request.invalid' || error.code === 'query.invalid_cursor') return badRequest(request, reply, problemsOf(error))
        throw error
      }
    },
  }
}
export type PageReplies = ReturnType<typeof createPageReplies>

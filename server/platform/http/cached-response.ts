/**
 * Sending a cached body: ETag revalidation (304 with no body) and a pre-compressed copy when the
 * client accepts one (compression is the platform's `precompressed`, done once per body and
 * encoding). Each encoding gets its own ETag, as the bytes differ.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { negotiateEncoding, precompressed, type Effort, type Precompressed } from './precompressed.js'

export type CachedBody = Precompressed

export const cachedBody = (body: string, etag: string, effort: Effort = 'max'): CachedBody => precompressed(body, etag, effort)

/** True when the client's cached copy (If-None-Match) is the current one. */
export function isFresh(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match']
  if (!header) return false
  return header === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}

export interface SendOptions {
  type: string
  cacheControl: string
  status?: number
}

export function sendCached(request: FastifyRequest, reply: FastifyReply, cached: CachedBody, options: SendOptions): FastifyReply {
  const status = options.status ?? 200
  const encoding = negotiateEncoding(request.headers['accept-encoding'])
  const etag = encoding === 'identity' ? cached.etag : `${cached.etag.slice(0, -1)}-${encoding}"`
  reply.type(options.type).header('cache-control', options.cacheControl).header('vary', 'accept-encoding').header('etag', etag)
  if (status === 200 && isFresh(request, etag)) return reply.code(304).send()
  if (encoding !== 'identity') reply.header('content-encoding', encoding)
  return reply.code(status).send(cached.bytes(encoding))
}

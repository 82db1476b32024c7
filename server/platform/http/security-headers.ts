/**
 * Security headers on every response (SECURITY.md H1): a strict CSP with no inline scripts and
 * frame-ancestors 'none', nosniff, a referrer policy; Fastify sends no X-Powered-By.
 */
import type { FastifyInstance } from 'fastify'

const directives = (styleSrc: string) => [
  "default-src 'self'",
  "script-src 'self'",
  `style-src ${styleSrc}`,
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

const CSP = directives("'self'")
// Swagger UI sets inline styles on its elements; only the /docs pages allow them.
const DOCS_CSP = directives("'self' 'unsafe-inline'")

export function installSecurityHeaders(app: FastifyInstance, options: { hsts: boolean }): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('content-security-policy', request.url.startsWith('/docs') ? DOCS_CSP : CSP)
    reply.header('x-content-type-options', 'nosniff')
    reply.header('referrer-policy', 'strict-origin-when-cross-origin')
    reply.header('x-frame-options', 'DENY')
    reply.header('cross-origin-opener-policy', 'same-origin')
    if (options.hsts) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains')
    return payload
  })
}

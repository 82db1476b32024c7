/**
 * Keeps credentials sent in a URL out of the request log (ASVS 16.2.5). Fastify logs each request's
 * URL before any hook runs, so a key in a query string (refused with 401 auth.key_in_query) or a
 * token would otherwise be written to the log. main.ts installs `serializeRequest` as pino's `req`
 * serializer; it logs what Fastify's own does, with such values replaced.
 */
const SECRET_PARAMETERS = /^(api[_-]?key|apikey|key|access[_-]?token|token|password|secret)$/i

/** The URL with key-like values and values of credential-named parameters replaced by [redacted]. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?')
  if (q < 0) return url
  const parts = url.slice(q + 1).split('&').map((pair) => {
    const eq = pair.indexOf('=')
    const name = eq < 0 ? pair : pair.slice(0, eq)
    const value = eq < 0 ? '' : pair.slice(eq + 1)
    let decodedName = name
    try {
      decodedName = decodeURIComponent(name)
    } catch {
      // keep the raw name
    }
    return SECRET_PARAMETERS.test(decodedName) || /pw_live_/i.test(value) ? `${name}=[redacted]` : pair
  })
  return `${url.slice(0, q)}?${parts.join('&')}`
}

interface LoggedRequest {
  method?: string
  url?: string
  host?: string
  ip?: string
  headers?: Record<string, unknown>
  socket?: { remotePort?: number }
}

/** pino `req` serializer: Fastify's fields, URL redacted, no headers. */
export function serializeRequest(req: LoggedRequest) {
  return {
    method: req.method,
    url: req.url === undefined ? undefined : redactUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  }
}

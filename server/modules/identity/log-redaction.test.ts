import { describe, expect, it } from 'vitest'
import { redactUrl, serializeRequest } from './log-redaction.js'

describe('redactUrl', () => {
  it.each([
    ['/api/v1/careers?limit=5', '/api/v1/careers?limit=5'],
    ['/api/v1/me?api_key=pw_live_abc', '/api/v1/me?api_key=[redacted]'],
    ['/api/v1/me?key=abc&limit=2', '/api/v1/me?key=[redacted]&limit=2'],
    ['/x?q=pw_live_AAAA', '/x?q=[redacted]'],
    ['/x?access_token=t&token=u&Password=p', '/x?access_token=[redacted]&token=[redacted]&Password=[redacted]'],
    ['/x?api%5Fkey=v', '/x?api%5Fkey=[redacted]'],
    ['/x?q=backend', '/x?q=backend'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected)
  })

  it('serialises a request like Fastify does, without headers and with the URL redacted', () => {
    expect(serializeRequest({ method: 'GET', url: '/me?api_key=pw_live_x', host: 'h', ip: '127.0.0.1', headers: { cookie: 'secret' }, socket: { remotePort: 5 } }))
      .toEqual({ method: 'GET', url: '/me?api_key=[redacted]', host: 'h', remoteAddress: '127.0.0.1', remotePort: 5 })
  })
})

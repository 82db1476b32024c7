import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOpsTestApp, type OpsTestApp } from './support.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

describe('request ids and log redaction', () => {
  let t: OpsTestApp
  beforeAll(async () => {
    t = await createOpsTestApp({ log: true })
  })
  afterAll(() => t.close())

  const linesFor = (id: string) => t.lines.filter((l) => l.reqId === id)

  it('keeps a safe incoming x-request-id, echoes it, and puts it on every line of the request', async () => {
    const id = 'edge-7f3a.42'
    const res = await t.app.inject({ url: '/api/v1/careers/back-end-developer', headers: { 'x-request-id': id } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['x-request-id']).toBe(id)
    const lines = linesFor(id)
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']))
    expect(lines.every((l) => typeof l.time === 'number' && typeof l.level === 'number')).toBe(true)
  })

  it('replaces an unsafe or oversized x-request-id with a fresh UUID', async () => {
    for (const given of ['two words', 'x'.repeat(200), '<script>', '../etc', 'id\u00e9']) {
      const res = await t.app.inject({ url: '/livez', headers: { 'x-request-id': given } })
      const echoed = String(res.headers['x-request-id'])
      expect(echoed).toMatch(UUID)
      expect(linesFor(echoed).length).toBeGreaterThan(0)
      expect(JSON.stringify(t.lines)).not.toContain(given)
    }
  })

  it('never writes credentials to the log: headers, cookies, CSRF tokens, keys and tokens in URLs', async () => {
    const secrets = ['pw_live_SECRETKEYVALUE0123456789', 'SESSIONCOOKIESECRET0123', 'CSRFTOKENSECRET0123', 'QUERYKEYSECRET0123', 'QUERYTOKENSECRET0123']
    await t.app.inject({ url: '/api/v1/careers', headers: { authorization: `Bearer ${secrets[0]}` } })
    await t.app.inject({ url: '/api/v1/me', headers: { cookie: `pathways_session=${secrets[1]}`, 'x-csrf-token': secrets[2] } })
    await t.app.inject({ url: `/api/v1/careers?api_key=${secrets[3]}` })
    await t.app.inject({ url: `/api/v1/search?q=nurse&token=${secrets[4]}` })
    // Code that logs a header object itself is covered by the redaction paths.
    t.app.log.info({ headers: { authorization: `Bearer ${secrets[0]}`, cookie: secrets[1], 'x-csrf-token': secrets[2] } }, 'headers logged by hand')
    const text = JSON.stringify(t.lines)
    expect(t.lines.length).toBeGreaterThan(8)
    expect(text).toContain('headers logged by hand')
    expect(text).toContain('[redacted]')
    for (const secret of secrets) expect(text).not.toContain(secret)
    // …while the requests themselves are still logged, each with its id.
    expect(t.lines.filter((l) => l.msg === 'incoming request' && String((l.req as { url?: string }).url).startsWith('/api/v1/careers?api_key=')).length).toBe(1)
  })
})

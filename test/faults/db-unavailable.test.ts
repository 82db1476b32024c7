/**
 * The pieces the outage test relies on, fast and without a database: real connection failures from
 * `pg` (a refused port, a server that accepts and never answers) are recognised as "database
 * unavailable" and answered 503 service.unavailable + Retry-After by the problem handler, while a
 * query's own errors stay 500s.
 */
import Fastify from 'fastify'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { isDatabaseUnavailable, openDb } from '../../server/platform/db/client.js'
import { installProblemHandlers } from '../../server/platform/http/problem.js'
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js'
import { freePort } from '../support/own-postgres.js'

async function connectError(url: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 })
  client.on('error', () => undefined)
  return client.connect().then(
    () => new Error('connected unexpectedly'),
    (error: unknown) => error,
  )
}

describe('database unavailable → 503', () => {
  const proxies: FaultProxy[] = []
  afterAll(async () => {
    for (const p of proxies) await p.close()
  })

  it('recognises a refused connection and a connect timeout, not a query error', async () => {
    const refused = await connectError(`postgres://postgres@127.0.0.1:${await freePort()}/none`)
    expect(isDatabaseUnavailable(refused)).toBe(true)

    const hung = await startFaultProxy({ port: await freePort() })
    proxies.push(hung)
    hung.mode = 'blackhole'
    const timedOut = await connectError(`postgres://postgres@127.0.0.1:${hung.port}/none`)
    expect(isDatabaseUnavailable(timedOut)).toBe(true)

    const queryError = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), { code: '23505' })
    expect(isDatabaseUnavailable(queryError)).toBe(false)
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false)
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true)
  })

  it('answers 503 service.unavailable with Retry-After for a pool that cannot connect, 500 for other errors', async () => {
    const db = openDb({ kind: 'postgres', url: `postgres://postgres@127.0.0.1:${await freePort()}/none` })
    const app = Fastify({ logger: false })
    installProblemHandlers(app)
    app.get('/db', async () => db.kysely.selectFrom('users').select('id').execute())
    app.get('/bug', async () => {
      throw new Error('a bug')
    })
    try {
      const down = await app.inject({ url: '/db' })
      expect(down.statusCode).toBe(503)
      expect(down.headers['retry-after']).toBe('5')
      expect(down.headers['content-type']).toContain('application/problem+json')
      expect(down.json()).toMatchObject({ code: 'service.unavailable', status: 503 })
      const bug = await app.inject({ url: '/bug' })
      expect(bug.statusCode).toBe(500)
      expect(bug.headers['retry-after']).toBeUndefined()
    } finally {
      await app.close()
      await db.close()
    }
  })
})

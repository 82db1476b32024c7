import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOpsTestApp, type OpsTestApp } from './support.js'

describe('/readyz with adapter checks and draining', () => {
  let t: OpsTestApp
  let storeUp = true
  let redisUp = true
  beforeAll(async () => {
    t = await createOpsTestApp({
      prepare: (deps) => {
        deps.ops.readiness.push({ name: 'store', check: async () => { if (!storeUp) throw new Error('connection refused') } })
        deps.ops.readiness.push({ name: 'redis', check: async () => { if (!redisUp) throw new Error('connection refused') }, degradable: true })
      },
    })
  })
  afterAll(() => t.close())

  it('is ready with every check named', async () => {
    storeUp = true
    const res = await t.app.inject('/readyz')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'ok', checks: { database: 'ok', migrations: 'ok', store: 'ok', redis: 'ok' } })
  })

  it('stays ready when a degradable check fails (Redis: the adapters fall back), naming it degraded', async () => {
    redisUp = false
    const res = await t.app.inject('/readyz')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'ok', checks: { database: 'ok', store: 'ok', redis: 'degraded' } })
    redisUp = true
  })

  it('answers 503 service.unavailable with Retry-After naming a failing adapter check', async () => {
    storeUp = false
    const res = await t.app.inject('/readyz')
    expect(res.statusCode).toBe(503)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
    expect(res.json()).toMatchObject({ code: 'service.unavailable', failing: ['store'], checks: { database: 'ok', store: 'unavailable' } })
    storeUp = true
  })

  it('answers 503 while draining, and /livez stays 200', async () => {
    t.lifecycle.draining = true
    try {
      const res = await t.app.inject('/readyz')
      expect(res.statusCode).toBe(503)
      expect(res.json()).toMatchObject({ code: 'service.unavailable', failing: ['shutdown'], checks: { shutdown: 'draining' } })
      expect((await t.app.inject('/livez')).statusCode).toBe(200)
    } finally {
      t.lifecycle.draining = false
    }
  })
})

describe('/metrics', () => {
  let t: OpsTestApp
  beforeAll(async () => {
    t = await createOpsTestApp({
      prepare: (deps) => {
        deps.ops.gauges.push({ name: 'test.widgets-waiting', help: 'Widgets waiting (a test gauge).', read: async () => 7 })
      },
    })
  })
  afterAll(() => t.close())

  it('exports latency by route pattern, event-loop delay, heap and adapter gauges in the Prometheus format', async () => {
    await t.app.inject('/api/v1/careers/back-end-developer')
    await t.app.inject('/api/v1/careers/no-such-career-at-all')
    const res = await t.app.inject('/metrics')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/plain')
    const body = res.body
    expect(body).toMatch(/pathways_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/v1\/careers\/:slug",status_class="2xx"\} \d+/)
    expect(body).toMatch(/pathways_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/careers\/:slug",status_class="4xx"\} 1/)
    expect(body).not.toContain('back-end-developer')
    expect(body).toMatch(/pathways_event_loop_delay_seconds\{quantile="0.99"\} [0-9.e-]+/)
    expect(body).toMatch(/pathways_event_loop_utilization_ratio [0-9.e-]+/)
    expect(body).toMatch(/pathways_heap_used_bytes \d+/)
    expect(body).toContain('# HELP test_widgets_waiting Widgets waiting (a test gauge).')
    expect(body).toMatch(/\ntest_widgets_waiting 7\n/)
    if (t.deps.db.engine === 'postgres') expect(body).toMatch(/pathways_db_pool_connections\{state="total"\} \d+/)
    else expect(body).not.toContain('pathways_db_pool_connections')
  })

  it('gives every unmatched path one route label, so scans cannot grow the series', async () => {
    for (let i = 0; i < 20; i++) await t.app.inject(`/random-${i}-${Math.random()}`)
    const body = (await t.app.inject('/metrics')).body
    expect(body).toMatch(/pathways_http_request_duration_seconds_count\{method="GET",route="\(unmatched\)",status_class="4xx"\} 20/)
    expect(body).not.toContain('random-')
  })
})

describe('/metrics with METRICS_TOKEN', () => {
  const token = 'metrics-token-0123456789abcdef'
  let t: OpsTestApp
  beforeAll(async () => {
    t = await createOpsTestApp({ env: { METRICS_TOKEN: token } })
  })
  afterAll(() => t.close())

  it('refuses a scrape without the token or with a wrong one (401 metrics.unauthorized)', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-token-0123456789abcdef' }, { authorization: token }]) {
      const res = await t.app.inject({ url: '/metrics', headers })
      expect(res.statusCode).toBe(401)
      expect(res.json()).toMatchObject({ code: 'metrics.unauthorized' })
      expect(res.headers['www-authenticate']).toContain('Bearer')
    }
  })

  it('serves the metrics with the bearer token, which is not mistaken for an API key', async () => {
    const res = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${token}` } })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('pathways_http_request_duration_seconds')
  })

  it('leaves other routes to normal API-key authentication', async () => {
    const res = await t.app.inject({ url: '/api/v1/careers', headers: { authorization: `Bearer ${token}` } })
    expect(res.statusCode).toBe(401)
    expect(res.json()).toMatchObject({ code: 'auth.invalid_key' })
  })
})

/**
 * /metrics in the Prometheus text format, from a prom-client Registry of this app's own (never the
 * global one): request latency by method, route pattern and status class; event-loop delay and
 * utilisation; heap; the PostgreSQL pool; and every gauge adapters add to `deps.ops.gauges`
 * (job queue depth…). Labels come from fixed sets and route patterns, never from raw URLs, so a
 * scan of random paths cannot grow the series (every unmatched request shares one route label).
 */
import { timingSafeEqual, createHash } from 'node:crypto'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { Gauge, Histogram, Registry } from 'prom-client'
import type { Db } from '../db/client.js'
import { problem, sendProblem } from '../http/problem.js'

export const METRICS_PATH = '/metrics'
const UNMATCHED_ROUTE = '(unmatched)'
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

export interface OpsGauge {
  name: string
  help: string
  read(): Promise<number>
}

export interface MetricsOptions {
  db: Db
  /** Read at every scrape, so gauges an adapter adds after start-up are exported too. */
  gauges: readonly OpsGauge[]
  /** When set, a scrape must send `Authorization: Bearer <token>`. */
  token: string | undefined
}

/** A Prometheus metric name made from an adapter's gauge name (invalid characters become `_`). */
export function metricName(name: string): string {
  const cleaned = name.replace(/[^a-zA-Z0-9_:]/g, '_')
  return /^[a-zA-Z_:]/.test(cleaned) ? cleaned : `_${cleaned}`
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}

/**
 * Installs the request-duration hook, the token check for /metrics (before authentication, which
 * would otherwise take the bearer token for an API key) and the /metrics route.
 */
export function installMetrics(app: FastifyInstance, options: MetricsOptions): Registry {
  const registry = new Registry()

  const duration = new Histogram({
    name: 'pathways_http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status class.',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })

  const loop = monitorEventLoopDelay({ resolution: 10 })
  loop.enable()
  let lastElu = performance.eventLoopUtilization()
  new Gauge({
    name: 'pathways_event_loop_delay_seconds',
    help: 'Event-loop delay since the previous scrape: quantiles 0.5 and 0.99, and the maximum.',
    labelNames: ['quantile'] as const,
    registers: [registry],
    collect() {
      this.set({ quantile: '0.5' }, loop.percentile(50) / 1e9)
      this.set({ quantile: '0.99' }, loop.percentile(99) / 1e9)
      this.set({ quantile: '1' }, loop.max / 1e9)
      loop.reset()
    },
  })
  new Gauge({
    name: 'pathways_event_loop_utilization_ratio',
    help: 'Share of time the event loop was busy since the previous scrape (0-1).',
    registers: [registry],
    collect() {
      const now = performance.eventLoopUtilization()
      this.set(performance.eventLoopUtilization(now, lastElu).utilization)
      lastElu = now
    },
  })
  new Gauge({
    name: 'pathways_heap_used_bytes',
    help: 'V8 heap in use.',
    registers: [registry],
    collect() {
      this.set(process.memoryUsage().heapUsed)
    },
  })
  const poolStats = options.db.poolStats?.bind(options.db)
  if (poolStats) {
    new Gauge({
      name: 'pathways_db_pool_connections',
      help: 'PostgreSQL pool connections: total open, idle, and queries waiting for one.',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const stats = poolStats()
        this.set({ state: 'total' }, stats.total)
        this.set({ state: 'idle' }, stats.idle)
        this.set({ state: 'waiting' }, stats.waiting)
      },
    })
  }

  const registered = new Set<string>()
  const registerGauges = () => {
    for (const gauge of options.gauges) {
      const name = metricName(gauge.name)
      if (registered.has(name)) continue
      registered.add(name)
      new Gauge({
        name,
        help: gauge.help,
        registers: [registry],
        async collect() {
          try {
            this.set(await gauge.read())
          } catch {
            this.set(Number.NaN) // the source (Redis…) is down: the series says "unknown", the scrape still works
          }
        },
      })
    }
  }

  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE
    duration.observe(
      { method: METHODS.has(request.method) ? request.method : 'OTHER', route, status_class: `${Math.floor(reply.statusCode / 100)}xx` },
      reply.elapsedTime / 1000,
    )
  })

  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url !== METRICS_PATH || options.token === undefined) return
    const bearer = /^Bearer +(\S+) *$/i.exec(request.headers.authorization ?? '')?.[1]
    if (bearer === undefined || !sameSecret(bearer, options.token)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"')
      return sendProblem(reply, problem(401, 'metrics.unauthorized', 'Metrics need `Authorization: Bearer <METRICS_TOKEN>`.'))
    }
    // The token is not an API key: hide it from authentication (and from anything logging headers).
    delete request.headers.authorization
  })

  app.get(METRICS_PATH, {
    config: { operation: 'public' },
    schema: { tags: ['health'], summary: 'Prometheus metrics (Bearer METRICS_TOKEN when configured)' },
  }, async (_request, reply) => {
    registerGauges()
    const body = await registry.metrics()
    return reply.header('cache-control', 'no-store').type(registry.contentType).send(body)
  })

  app.addHook('onClose', async () => {
    loop.disable()
  })
  return registry
}

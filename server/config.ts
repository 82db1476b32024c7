/**
 * The only reader of process.env. Every setting is declared here with one doc line, validated, and
 * frozen; a bad value stops start-up with a message naming the variable.
 */
import { isIP } from 'node:net'
import path from 'node:path'
import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'

const EnvSchema = Type.Object({
  /** TCP port the HTTP server listens on. */
  PORT: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })),
  /** Interface to bind; 0.0.0.0 to accept connections from other machines. */
  HOST: Type.Optional(Type.String({ minLength: 1 })),
  /** Folder for the embedded SQLite database and other local state. */
  DATA_DIR: Type.Optional(Type.String({ minLength: 1 })),
  /** postgres:// URL; when set Pathways runs in server mode on PostgreSQL instead of SQLite. */
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  /** redis:// or rediss:// URL; when set, caches, rate limits, catalog-change notices and jobs are shared through Redis (server mode). */
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://' })),
  /** Folder holding the curated catalog YAML files. */
  CATALOG_DIR: Type.Optional(Type.String({ minLength: 1 })),
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: Type.Optional(
    Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l))),
  ),
  /** Seconds between checks for a new catalog version written by another process (an import). */
  CATALOG_POLL_SECONDS: Type.Optional(Type.String({ pattern: '^[0-9]+(\\.[0-9]+)?$' })),
  /** For crash tests only: the import CLI kills itself (SIGKILL) after this many committed batches. */
  PATHWAYS_TEST_CRASH_AFTER_BATCH: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  /** Minutes without a request after which a signed-in session ends (idle timeout). */
  SESSION_IDLE_MINUTES: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
  /** Hours after sign-in at which a session ends however active it is (absolute timeout). */
  SESSION_ABSOLUTE_HOURS: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
  /** argon2id memory cost in KiB for new password hashes; at least the OWASP floor, 19456. */
  ARGON2_MEMORY_KIB: Type.Optional(Type.String({ pattern: '^[0-9]{1,8}$' })),
  /** argon2id time cost (passes) for new password hashes; at least 2. */
  ARGON2_TIME_COST: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })),
  /** The origin browsers reach Pathways at (https://pathways.example.org); checked against Origin on cookie-authenticated writes and used in mailed links. */
  PUBLIC_ORIGIN: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  /** Proxies whose X-Forwarded-For is believed: comma-separated addresses or CIDR ranges, or loopback, linklocal, uniquelocal. */
  TRUST_PROXY: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  /** Server key (at least 32 bytes) for CSRF tokens and log pseudonyms; required in production, generated into DATA_DIR otherwise. */
  SECRET_KEY: Type.Optional(Type.String({ minLength: 1 })),
  /** GraphQL: true serves introspection and "Did you mean" suggestions in production too (always on outside production); false turns them off everywhere. */
  GRAPHQL_INTROSPECTION: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  /** production or development (anything else is rejected). */
  NODE_ENV: Type.Optional(
    Type.Union([Type.Literal('production'), Type.Literal('development'), Type.Literal('test')]),
  ),
  // Operations (issue 9): ports of the worker role, /metrics protection, shutdown and load shedding.
  /** Port of the worker role's small HTTP listener (/livez, /readyz, /metrics); defaults to PORT. */
  WORKER_PORT: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })),
  /** When set, /metrics requires `Authorization: Bearer <METRICS_TOKEN>` (at least 16 characters). */
  METRICS_TOKEN: Type.Optional(Type.String({ minLength: 16, maxLength: 500, pattern: '^[\\x21-\\x7e]+$' })),
  /** Seconds in-flight requests get to finish after SIGTERM before the process exits anyway (default 20). */
  SHUTDOWN_GRACE_SECONDS: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
  /** Seconds after SIGTERM during which /readyz fails but new connections are still served, so a balancer can notice (default 0). */
  SHUTDOWN_DRAIN_SECONDS: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })),
  /** Load shedding: answer 503 when the mean event-loop delay passes this many milliseconds (default 1000, 0 under NODE_ENV=test; 0 turns it off). */
  SHED_EVENT_LOOP_DELAY_MS: Type.Optional(Type.String({ pattern: '^[0-9]{1,6}$' })),
  /** Load shedding: answer 503 when the V8 heap in use passes this many MiB (default 0: off). */
  SHED_HEAP_USED_MB: Type.Optional(Type.String({ pattern: '^[0-9]{1,7}$' })),
  /** Load shedding: answer 503 when event-loop utilisation (0–1) passes this fraction (default 0: off). */
  SHED_EVENT_LOOP_UTILIZATION: Type.Optional(Type.String({ pattern: '^(0(\\.[0-9]+)?|1(\\.0+)?)$' })),
})
type Env = Static<typeof EnvSchema>

export type Role = 'all' | 'api' | 'worker' | 'migrate'
export const ROLES: readonly Role[] = ['all', 'api', 'worker', 'migrate']

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string }

export interface Config {
  readonly port: number
  readonly host: string
  readonly dataDir: string
  readonly database: DatabaseConfig
  /** Redis, shared by every process of a scaled-out installation; undefined: in-memory twins (one process). */
  readonly redisUrl: string | undefined
  readonly catalogDir: string
  readonly logLevel: string
  readonly production: boolean
  /** Milliseconds between catalog-version checks; 0 turns watching off. */
  readonly catalogPollMs: number
  readonly testCrashAfterBatch: number | undefined
  readonly auth: AuthConfig
  /** GraphQL at /graphql: whether the schema may be introspected and errors suggest names. */
  readonly graphql: { readonly introspection: boolean }
  readonly ops: OpsConfig
}

/** Operations: the worker's listener, /metrics protection, graceful shutdown, load shedding. */
export interface OpsConfig {
  readonly workerPort: number
  /** undefined: /metrics is open (bind it to a private interface or put it behind the proxy). */
  readonly metricsToken: string | undefined
  readonly shutdownGraceMs: number
  /** Pause between failing /readyz and closing the listener (the grace time counts from after it). */
  readonly shutdownDrainMs: number
  /** Limits past which requests are shed with 503; 0 turns a limit off. */
  readonly shed: { readonly eventLoopDelayMs: number; readonly heapUsedBytes: number; readonly eventLoopUtilization: number }
}

/** Sign-in, sessions and password hashing. */
export interface AuthConfig {
  readonly sessionIdleMs: number
  readonly sessionAbsoluteMs: number
  readonly argon2: { readonly memoryCost: number; readonly timeCost: number; readonly parallelism: number }
  /** Normalised origin (scheme://host[:port]) or undefined: then writes are checked against the Host header. */
  readonly publicOrigin: string | undefined
  /** SECRET_KEY as given; undefined means "not set" (main.ts then refuses production or uses DATA_DIR/secret-key). */
  readonly secretKey: string | undefined
  /**
   * Peers trusted to say who the client is (X-Forwarded-For), as addresses, CIDR ranges or the names
   * loopback / linklocal / uniquelocal; empty: the connection's own address is the client (the default,
   * so a client cannot pick the address its sign-in attempts are counted against).
   */
  readonly trustedProxies: readonly string[]
}

/** The OWASP floor for argon2id (Password Storage Cheat Sheet): m=19456 KiB, t=2, p=1. */
export const ARGON2_FLOOR = Object.freeze({ memoryCost: 19456, timeCost: 2, parallelism: 1 })

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid ${variable}: ${message}`)
    this.name = 'ConfigError'
  }
}

const KEYS = Object.keys(EnvSchema.properties) as (keyof Env)[]

/** Reads and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const picked: Record<string, string> = {}
  for (const key of KEYS) {
    const value = env[key]
    if (value !== undefined && value !== '') picked[key] = value
  }
  for (const error of Value.Errors(EnvSchema, picked)) {
    const variable = error.instancePath.replace(/^\//, '') || 'environment'
    throw new ConfigError(variable, `${JSON.stringify(picked[variable])} ${error.message}`)
  }
  const parsed = picked as Env
  const port = parsed.PORT === undefined ? 3000 : Number(parsed.PORT)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError('PORT', `${JSON.stringify(parsed.PORT)} must be a whole number from 1 to 65535`)
  }
  if (parsed.DATABASE_URL !== undefined) assertUrl(parsed.DATABASE_URL)
  const dataDir = path.resolve(cwd, parsed.DATA_DIR ?? 'data')
  return Object.freeze({
    port,
    host: parsed.HOST ?? '127.0.0.1',
    dataDir,
    database: parsed.DATABASE_URL
      ? { kind: 'postgres', url: parsed.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(dataDir, 'pathways.sqlite') },
    redisUrl: parsed.REDIS_URL,
    catalogDir: path.resolve(cwd, parsed.CATALOG_DIR ?? 'catalog'),
    logLevel: parsed.LOG_LEVEL ?? 'info',
    production: parsed.NODE_ENV === 'production',
    catalogPollMs: Math.round(Number(parsed.CATALOG_POLL_SECONDS ?? 2) * 1000),
    testCrashAfterBatch: parsed.PATHWAYS_TEST_CRASH_AFTER_BATCH === undefined ? undefined : Number(parsed.PATHWAYS_TEST_CRASH_AFTER_BATCH),
    auth: authConfig(parsed),
    graphql: Object.freeze({ introspection: parsed.GRAPHQL_INTROSPECTION === undefined ? parsed.NODE_ENV !== 'production' : parsed.GRAPHQL_INTROSPECTION === 'true' }),
    ops: Object.freeze({
      workerPort: parsed.WORKER_PORT === undefined ? port : boundedInt('WORKER_PORT', parsed.WORKER_PORT, port, 1, 65535),
      metricsToken: parsed.METRICS_TOKEN,
      shutdownGraceMs: boundedInt('SHUTDOWN_GRACE_SECONDS', parsed.SHUTDOWN_GRACE_SECONDS, 20, 1, 3600) * 1000,
      shutdownDrainMs: boundedInt('SHUTDOWN_DRAIN_SECONDS', parsed.SHUTDOWN_DRAIN_SECONDS, 0, 0, 600) * 1000,
      shed: Object.freeze({
        // Off by default under NODE_ENV=test: test files block their own loop (seeding, hashing) on purpose.
        eventLoopDelayMs: boundedInt('SHED_EVENT_LOOP_DELAY_MS', parsed.SHED_EVENT_LOOP_DELAY_MS, parsed.NODE_ENV === 'test' ? 0 : 1000, 0, 600_000),
        heapUsedBytes: boundedInt('SHED_HEAP_USED_MB', parsed.SHED_HEAP_USED_MB, 0, 0, 1_000_000) * 1024 * 1024,
        eventLoopUtilization: Number(parsed.SHED_EVENT_LOOP_UTILIZATION ?? 0),
      }),
    }),
  } satisfies Config)
}

function authConfig(parsed: Env): AuthConfig {
  const idleMinutes = boundedInt('SESSION_IDLE_MINUTES', parsed.SESSION_IDLE_MINUTES, 30, 1, 24 * 60)
  const absoluteHours = boundedInt('SESSION_ABSOLUTE_HOURS', parsed.SESSION_ABSOLUTE_HOURS, 12, 1, 30 * 24)
  if (absoluteHours * 60 < idleMinutes) {
    throw new ConfigError('SESSION_ABSOLUTE_HOURS', `${absoluteHours} hours is shorter than SESSION_IDLE_MINUTES (${idleMinutes})`)
  }
  const secretKey = parsed.SECRET_KEY
  if (secretKey !== undefined) assertSecretKey(secretKey)
  return Object.freeze({
    sessionIdleMs: idleMinutes * 60_000,
    sessionAbsoluteMs: absoluteHours * 3_600_000,
    argon2: Object.freeze({
      memoryCost: boundedInt('ARGON2_MEMORY_KIB', parsed.ARGON2_MEMORY_KIB, ARGON2_FLOOR.memoryCost, ARGON2_FLOOR.memoryCost, 4 * 1024 * 1024),
      timeCost: boundedInt('ARGON2_TIME_COST', parsed.ARGON2_TIME_COST, ARGON2_FLOOR.timeCost, ARGON2_FLOOR.timeCost, 100),
      parallelism: ARGON2_FLOOR.parallelism,
    }),
    publicOrigin: parsed.PUBLIC_ORIGIN === undefined ? undefined : parseOrigin(parsed.PUBLIC_ORIGIN),
    secretKey,
    trustedProxies: Object.freeze(parsed.TRUST_PROXY === undefined ? [] : parseTrustedProxies(parsed.TRUST_PROXY)),
  })
}

function boundedInt(variable: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(variable, `${JSON.stringify(value)} must be a whole number from ${min} to ${max}`)
  return n
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])

/** TRUST_PROXY: every item an address, an address/prefix, or one of the named ranges; nothing else. */
function parseTrustedProxies(value: string): string[] {
  const items = value.split(',').map((item) => item.trim()).filter((item) => item !== '')
  for (const item of items) {
    if (PROXY_NAMES.has(item)) continue
    const [address = '', prefix, ...rest] = item.split('/')
    const family = isIP(address)
    const bits = family === 4 ? 32 : 128
    const prefixOk = prefix === undefined || (/^[0-9]{1,3}$/.test(prefix) && Number(prefix) <= bits)
    if (family === 0 || !prefixOk || rest.length > 0) {
      throw new ConfigError('TRUST_PROXY', `${JSON.stringify(item)} is not an IP address, a CIDR range (10.0.0.0/8) or one of loopback, linklocal, uniquelocal`)
    }
  }
  if (items.length === 0) throw new ConfigError('TRUST_PROXY', 'names no proxy')
  return items
}

function parseOrigin(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigError('PUBLIC_ORIGIN', `${JSON.stringify(value)} is not a URL`)
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new ConfigError('PUBLIC_ORIGIN', `${JSON.stringify(value)} must be an origin such as https://pathways.example.org (no path, query or credentials)`)
  }
  return url.origin
}

/** A usable SECRET_KEY: at least 32 bytes and not a repeated or trivial string. */
export function assertSecretKey(value: string): void {
  if (Buffer.byteLength(value, 'utf8') < 32) throw new ConfigError('SECRET_KEY', 'must be at least 32 bytes (for example `openssl rand -base64 48`)')
  if (new Set(value).size < 8) throw new ConfigError('SECRET_KEY', 'is too repetitive to be a secret (for example `openssl rand -base64 48`)')
}

function assertUrl(url: string): void {
  try {
    const parsed = new URL(url)
    if (!parsed.hostname && !parsed.searchParams.get('host')) throw new Error('no host')
  } catch {
    throw new ConfigError('DATABASE_URL', 'must be a valid postgres:// URL with a host')
  }
}

/** Parses `--role=X` from the command line; throws ConfigError for an unknown role. */
export function parseRole(argv: readonly string[]): Role {
  const arg = argv.find((a) => a.startsWith('--role'))
  if (!arg) return 'all'
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[argv.indexOf(arg) + 1]
  if (ROLES.includes(value as Role)) return value as Role
  throw new ConfigError('--role', `${JSON.stringify(value)} is not one of ${ROLES.join(', ')}`)
}

/**
 * The only reader of process.env. Every setting is declared here with one doc line, validated, and
 * frozen; a bad value stops start-up with a message naming the variable.
 */
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
  /** production or development (anything else is rejected). */
  NODE_ENV: Type.Optional(
    Type.Union([Type.Literal('production'), Type.Literal('development'), Type.Literal('test')]),
  ),
})
type Env = Static<typeof EnvSchema>

export type Role = 'all' | 'api' | 'migrate'
export const ROLES: readonly Role[] = ['all', 'api', 'migrate']

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string }

export interface Config {
  readonly port: number
  readonly host: string
  readonly dataDir: string
  readonly database: DatabaseConfig
  readonly catalogDir: string
  readonly logLevel: string
  readonly production: boolean
  /** Milliseconds between catalog-version checks; 0 turns watching off. */
  readonly catalogPollMs: number
  readonly testCrashAfterBatch: number | undefined
}

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
    catalogDir: path.resolve(cwd, parsed.CATALOG_DIR ?? 'catalog'),
    logLevel: parsed.LOG_LEVEL ?? 'info',
    production: parsed.NODE_ENV === 'production',
    catalogPollMs: Math.round(Number(parsed.CATALOG_POLL_SECONDS ?? 2) * 1000),
    testCrashAfterBatch: parsed.PATHWAYS_TEST_CRASH_AFTER_BATCH === undefined ? undefined : Number(parsed.PATHWAYS_TEST_CRASH_AFTER_BATCH),
  } satisfies Config)
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

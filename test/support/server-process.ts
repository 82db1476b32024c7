/**
 * Real Pathways processes for fault, scale and entrypoint tests: `node --import tsx server/main.ts`
 * with an environment built from scratch (only what the test names, plus PATH), waiting for the
 * "Pathways is ready" log line, and stopped with SIGTERM (SIGKILL after a bound).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { ROOT } from './test-app.js'

export type Env = Record<string, string>

/** The lowest argon2 cost config.ts accepts, so sign-ups in load tests stay cheap. */
export const CHEAP_ARGON2: Env = { ARGON2_MEMORY_KIB: '19456', ARGON2_TIME_COST: '2' }

export const MAIN = ['--import', 'tsx', 'server/main.ts']

export function processEnv(extra: Env): Env {
  // Shedding off unless a test sets it: a start-up or a slow first request on a loaded CI machine
  // delays the loop past the 1 s limit and would answer these tests' requests 503 service.overloaded.
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', LOG_LEVEL: 'warn', SHED_EVENT_LOOP_DELAY_MS: '0', ...extra }
}

/**
 * Runs `--role=migrate` to completion; throws with its output when it fails. Asynchronous on purpose:
 * a fault proxy in this process must keep forwarding while the child talks to the database.
 */
export async function migrate(env: Env, timeout = 90_000): Promise<void> {
  const child = spawn(process.execPath, [...MAIN, '--role=migrate'], { cwd: ROOT, env: processEnv(env), stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (out += d.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), timeout)
  const [code, signal] = (await once(child, 'exit')) as [number | null, string | null]
  clearTimeout(timer)
  if (code !== 0) throw new Error(`migrate failed (${code ?? signal}): ${out}`)
}

export interface ServerProcess {
  readonly child: ChildProcess
  readonly port: number
  readonly base: string
  /** Everything the process wrote so far (stdout + stderr). */
  output(): string
  alive(): boolean
  stop(): Promise<number | null>
}

/** Spawns a server with `args` (e.g. ['--role=api']) and waits until it says it is ready. */
export async function startServer(args: string[], env: Env, port: number, readyWithinMs = 60_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...MAIN, ...args], {
    cwd: ROOT,
    env: processEnv({ LOG_LEVEL: 'info', ...env, PORT: String(port), HOST: '127.0.0.1' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  // The last 256 KiB only: a process under load logs every request.
  const keep = (d: Buffer) => (out = (out + d.toString()).slice(-262_144))
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const proc: ServerProcess = {
    child,
    port,
    base: `http://127.0.0.1:${port}`,
    output: () => out,
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (!proc.alive()) return child.exitCode
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      const [code] = (await exited) as [number | null]
      clearTimeout(timer)
      return code
    },
  }
  const deadline = Date.now() + readyWithinMs
  while (!out.includes('Pathways is ready') && Date.now() < deadline && proc.alive()) await new Promise((r) => setTimeout(r, 100))
  if (!out.includes('Pathways is ready')) {
    await proc.stop()
    throw new Error(`server ${args.join(' ')} did not become ready: ${out.slice(-3000)}`)
  }
  // Right after start-up the event loop may still be slow enough for load shedding to answer 503:
  // wait (bounded) until /readyz says 200, as a balancer would.
  if (!(await waitForStatus(`${proc.base}/readyz`, 200, 30_000))) {
    await proc.stop()
    throw new Error(`server ${args.join(' ')} never answered /readyz 200: ${out.slice(-3000)}`)
  }
  return proc
}

/** Only for processes without a ready line (a worker): spawn and return at once. */
export function spawnProcess(args: string[], env: Env): ServerProcess {
  const child = spawn(process.execPath, [...MAIN, ...args], { cwd: ROOT, env: processEnv(env), stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
  const proc: ServerProcess = {
    child,
    port: 0,
    base: '',
    output: () => out,
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (!proc.alive()) return child.exitCode
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      const [code] = (await exited) as [number | null]
      clearTimeout(timer)
      return code
    },
  }
  return proc
}

/** Polls `url` until it answers `status` or the bound passes; returns whether it did. */
export async function waitForStatus(url: string, status: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) })
      await res.arrayBuffer()
      if (res.status === status) return true
    } catch {
      // not listening yet, or too slow: try again
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  return false
}

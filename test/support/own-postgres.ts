/**
 * A PostgreSQL server a test starts for itself: its own data folder in a temporary directory, its
 * own free port on 127.0.0.1, trust authentication and fsync off. Fault tests stop it hard
 * (`pg_ctl stop -m immediate`, like a crash) and start it again on the same port and data. It never
 * touches the machine's shared server.
 *
 * initdb refuses to run as root; when the test runs as root the binaries run as the `postgres`
 * user (runuser) and the temporary directory is handed to that user.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin'

export interface OwnPostgres {
  readonly port: number
  /** postgres:// URL of the test database on this server. */
  readonly url: string
  start(): void
  /** Stops like a crash: no checkpoint, every connection cut. */
  stopImmediate(): void
  /** Stops (immediately) and removes the temporary directory. */
  destroy(): void
}

/** True when the PostgreSQL binaries are installed here. */
export function ownPostgresAvailable(): boolean {
  return fs.existsSync(path.join(PG_BIN, 'initdb')) && fs.existsSync(path.join(PG_BIN, 'pg_ctl'))
}

/** A TCP port nobody listens on right now (asks the kernel for one, then frees it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0

/** Runs a PostgreSQL binary, as the postgres user when we are root; throws with its output on failure. */
function runPg(binary: string, args: string[], timeout = 60_000): string {
  const file = path.join(PG_BIN, binary)
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args]
  const run = spawnSync(command, argv, { encoding: 'utf8', timeout, cwd: os.tmpdir(), env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' } })
  if (run.status !== 0) {
    throw new Error(`${binary} ${args.join(' ')} failed (${run.status ?? run.signal}): ${run.stderr || run.stdout}`)
  }
  return run.stdout
}

/**
 * initdb + start on a free port, then creates database `pathways`. Call destroy() in afterAll
 * (also on failure) so no server or folder is left behind.
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pathways-own-pg-'))
  if (asRoot) execFileSync('chown', ['postgres:postgres', root])
  fs.chmodSync(root, 0o700)
  const data = path.join(root, 'data')
  const logFile = path.join(root, 'server.log')
  const port = await freePort()
  let running = false

  const start = () => {
    // Only loopback TCP, the socket in our own folder (not /var/run/postgresql), no fsync (a stop
    // -m immediate keeps the OS cache, so nothing committed is lost). synchronous_commit stays on:
    // off, an immediate stop loses acknowledged commits, which is the very thing the tests check.
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${root} -c fsync=off -c max_connections=60`
    runPg('pg_ctl', ['start', '-D', data, '-l', logFile, '-w', '-t', '60', '-o', options])
    running = true
  }
  const stopImmediate = () => {
    if (!running) return
    runPg('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '30'])
    running = false
  }
  const destroy = () => {
    try {
      stopImmediate()
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  }

  try {
    runPg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'])
    start()
    runPg('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-q', '-c', 'create database pathways'])
  } catch (error) {
    destroy()
    throw error
  }
  return { port, url: `postgres://postgres@127.0.0.1:${port}/pathways`, start, stopImmediate, destroy }
}

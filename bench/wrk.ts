/** wrk (C; `apt-get install wrk`) for the HTTP benchmarks: checked present, and its report read. */
import { execFileSync } from 'node:child_process'

/** Exits with a clear message when wrk is not installed. */
export function requireWrk(): void {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' })
  } catch (error) {
    if ((error as { status?: number }).status !== 1) { // wrk --version exits 1 after printing
      console.error('wrk not found: apt-get install -y wrk')
      process.exit(1)
    }
  }
}

export interface WrkReport {
  rps: number
  requests: number
  /** Latency percentiles in milliseconds (from --latency). */
  ms(percentile: '50' | '75' | '90' | '99'): number
  /** Socket errors: connect, read, write, timeout; undefined when wrk printed none. */
  socket: { connect: number; read: number; write: number; timeout: number } | undefined
  non2xx: boolean
}

export function readWrk(out: string): WrkReport {
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out)
  return {
    rps: Number(/Requests\/sec:\s+([0-9.]+)/.exec(out)?.[1]),
    requests: Number(/(\d+) requests in/.exec(out)?.[1]),
    ms(p) {
      const found = new RegExp(`${p}%\\s+([0-9.]+)(us|ms|s)`).exec(out)
      if (!found) return NaN
      const v = Number(found[1])
      return found[2] === 'us' ? v / 1000 : found[2] === 's' ? v * 1000 : v
    },
    socket: socket ? { connect: Number(socket[1]), read: Number(socket[2]), write: Number(socket[3]), timeout: Number(socket[4]) } : undefined,
    non2xx: /Non-2xx/.test(out),
  }
}

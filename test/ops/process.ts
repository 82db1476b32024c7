/** Spawning the server (server/main.ts through tsx) for the operations tests, and reading its JSON log. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { once } from 'node:events'
import { ROOT } from '../support/test-app.js'

export interface Running {
  child: ChildProcessWithoutNullStreams
  stdout(): string
  stderr(): string
  /** JSON log lines so far. */
  lines(): Record<string, unknown>[]
  exit: Promise<number | null>
}

export function startServer(role: string, env: Record<string, string>): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', `--role=${role}`], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'info', SHED_EVENT_LOOP_DELAY_MS: '0', ...env }, // shedding has its own test
  })
  let out = ''
  let err = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  const exit = once(child, 'exit').then(([code]) => code as number | null)
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    lines: () => out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>),
    exit,
  }
}

/** Waits until the log has a line matching `test`, or fails naming what the process printed. */
export async function waitForLog(run: Running, test: (line: Record<string, unknown>) => boolean, timeoutMs = 45_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const line = run.lines().find(test)
    if (line) return line
    if (run.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`the server did not log the expected line (exit ${run.child.exitCode}); stderr: ${run.stderr().slice(0, 2000)}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

export const freePort = () => 20000 + Math.floor(Math.random() * 20000)

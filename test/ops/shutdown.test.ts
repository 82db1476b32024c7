import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort, startServer, waitForLog, type Running } from './process.js'

// A real process in the embedded mode (SQLite): runs everywhere, no PostgreSQL or Redis needed.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pathways-shutdown-'))
let server: Running | undefined
afterAll(() => {
  if (server?.child.exitCode === null) server.child.kill('SIGKILL')
  fs.rmSync(dataDir, { recursive: true, force: true })
})

interface Answer { status: number; body: string }

function get(port: number, url: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: url, agent: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      res.on('error', reject)
    })
    req.on('error', reject)
  })
}

/** A POST whose body is held back: the request is accepted and in flight until `finish` is called. */
function slowPost(port: number, url: string, body: string): { finish(): void; answer: Promise<Answer> } {
  const bytes = Buffer.from(body)
  const half = Math.floor(bytes.length / 2)
  let req!: http.ClientRequest
  const answer = new Promise<Answer>((resolve, reject) => {
    req = http.request({ host: '127.0.0.1', port, path: url, method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': String(bytes.length) } }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (text += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
      res.on('error', reject)
    })
    req.on('error', reject)
  })
  req.flushHeaders()
  req.write(bytes.subarray(0, half))
  return { finish: () => req.end(bytes.subarray(half)), answer }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('graceful shutdown under load (real process)', () => {
  it('SIGTERM with requests in flight: /readyz 503 while draining, every accepted request answered, exit 0 within the grace time', async () => {
    const port = freePort()
    const graceSeconds = 20
    server = startServer('all', {
      DATA_DIR: dataDir, PORT: String(port), CATALOG_POLL_SECONDS: '0',
      SHUTDOWN_DRAIN_SECONDS: '2', SHUTDOWN_GRACE_SECONDS: String(graceSeconds),
      SHED_EVENT_LOOP_DELAY_MS: '0', // the machine is shared and noisy: this test is about shutdown, not shedding
    })
    await waitForLog(server, (l) => typeof l.msg === 'string' && l.msg.startsWith('Pathways is ready'), 60_000)

    const fast = [
      ...Array.from({ length: 12 }, (_, i) => `/api/v1/search?q=${['nurse', 'developer', 'data', 'electric'][i % 4]}`),
      ...Array.from({ length: 12 }, () => '/api/v1/careers/back-end-developer'),
      ...Array.from({ length: 6 }, () => '/api/v1/careers?limit=50'),
    ].map((url) => get(port, url))
    const matches = JSON.stringify({ passport: { skills: [{ skill: 'python', level: 3 }] }, limit: 10 })
    const slow = Array.from({ length: 8 }, () => slowPost(port, '/api/v1/analysis/matches', matches))
    const total = fast.length + slow.length

    const incoming = () => server!.lines().filter((l) => l.msg === 'incoming request').length
    const deadline = Date.now() + 30_000
    while (incoming() < total && Date.now() < deadline) await sleep(25)
    expect(incoming()).toBe(total) // every request has been accepted by the server

    const signalledAt = Date.now()
    server.child.kill('SIGTERM')
    await waitForLog(server, (l) => l.msg === 'shutting down: draining', 10_000)
    // Draining: not ready (balancers stop sending), still alive, still serving.
    const ready = await get(port, '/readyz')
    expect(ready.status).toBe(503)
    expect(JSON.parse(ready.body)).toMatchObject({ code: 'service.unavailable', checks: { shutdown: 'draining' } })
    expect((await get(port, '/livez')).status).toBe(200)

    // Finish the held-back bodies only once the listener is closing: they are in flight through it.
    await sleep(2500)
    for (const request of slow) request.finish()

    const answers = await Promise.allSettled([...fast, ...slow.map((s) => s.answer)])
    const failed = answers.filter((a) => a.status === 'rejected' || a.value.status !== 200)
    expect(failed.map((a) => (a.status === 'rejected' ? String(a.reason) : `${a.value.status} ${a.value.body.slice(0, 200)}`))).toEqual([])

    const code = await server.exit
    const exitedAfter = Date.now() - signalledAt
    process.stderr.write(`[ops/shutdown] ${total} requests in flight at SIGTERM (${slow.length} with bodies still arriving), ${failed.length} failed; exit ${code} ${exitedAfter} ms after SIGTERM (2 s of it draining)\n`)
    expect(code).toBe(0)
    expect(exitedAfter).toBeLessThan((2 + graceSeconds) * 1000)
    expect(server.lines().some((l) => l.msg === 'shut down cleanly')).toBe(true)
    // After close, the port no longer accepts connections.
    await expect(get(port, '/livez')).rejects.toThrow()
  }, 120_000)
})

/**
 * The whole path in real processes (TEST_REDIS_URL): a server started with `--role=all` on an
 * embedded database and REDIS_URL runs its worker on BullMQ; `pathways jobs enqueue … --watch` in
 * another process imports a dataset through it; the server's catalog follows the new version on the
 * Redis notice (its poll is set to an hour), and /readyz and /metrics show Redis and the queue.
 */
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type ServerProcess } from '../support/server-process.js'
import { ROOT } from '../support/test-app.js'
import { deleteKeys } from './redis-keys.js'
import { eventually } from './shared-contract.js'

const redisUrl = process.env.TEST_REDIS_URL

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe.skipIf(!redisUrl)('a server process with REDIS_URL runs jobs the CLI enqueues', () => {
  const prefix = `pathways-test:${process.pid}-${randomUUID().slice(0, 8)}:`
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pathways-worker-'))
  const env = {
    DATA_DIR: dataDir, CATALOG_DIR: path.join(ROOT, 'test/fixtures/catalog-min'), CATALOG_POLL_SECONDS: '3600',
    REDIS_URL: `${(redisUrl ?? '').replace(/\/?$/, '/')}?prefix=${prefix}`,
  }
  let server: ServerProcess | undefined

  beforeAll(async () => {
    server = await startServer(['--role=all'], env, await freePort(), 90_000)
  }, 120_000)
  afterAll(async () => {
    await server?.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
    if (redisUrl) await deleteKeys(redisUrl, `${prefix}*`)
  })

  it('imports through the worker, reloads the catalog on the notice, and reports Redis and the queue', async () => {
    const result = await new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', 'jobs', 'enqueue', 'import', 'onet', path.join(ROOT, 'test/fixtures/import/onet'), '--watch'], {
        cwd: ROOT, env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 90_000,
      }, (error, stdout, stderr) => resolve({ status: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }))
    })
    expect(result.stderr).toContain('completed')
    expect(result.status).toBe(0)
    const { catalogVersion } = JSON.parse(result.stdout.trim().split('\n')[1]!) as { catalogVersion: number }
    expect(catalogVersion).toBeGreaterThan(1)

    // The log line comes from the notice: the poll would not run for an hour.
    const reloaded = await eventually(async () => server!.output(), (out) => out.includes('catalog reloaded'), 20_000)
    expect(reloaded).toMatch(new RegExp(`"catalogVersion":${catalogVersion}[,}].*catalog reloaded`))

    const ready = await fetch(`${server!.base}/readyz`)
    expect(ready.status).toBe(200)
    expect(JSON.stringify(await ready.json())).toContain('redis')
    const metrics = await (await fetch(`${server!.base}/metrics`)).text()
    expect(metrics).toMatch(/^pathways_job_queue_depth 0$/m)
  }, 120_000)
})

describe.skipIf(redisUrl)('a server process with REDIS_URL runs jobs the CLI enqueues', () => {
  it.skip('needs TEST_REDIS_URL: the server-plus-CLI job run is not run', () => undefined)
})

import { afterEach, describe, expect, it } from 'vitest'
import { createOpsTestApp, type OpsTestApp } from './support.js'

/** Keeps this process's event loop busy (the app runs in it, so it is the app's loop). */
function blockLoop(ms: number): void {
  const end = Date.now() + ms
  while (Date.now() < end) {
    // busy on purpose
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('load shedding', () => {
  let t: OpsTestApp | undefined
  afterEach(async () => {
    await t?.close()
    t = undefined
  })

  async function expectShedThenRecover(app: OpsTestApp, blockMs: number): Promise<void> {
    let shed: Awaited<ReturnType<typeof app.app.inject>> | undefined
    let livez = 0
    let metrics = 0
    for (let attempt = 0; attempt < 3 && !shed; attempt++) {
      blockLoop(blockMs)
      const deadline = Date.now() + 1500
      while (Date.now() < deadline) {
        const res = await app.app.inject('/api/v1/careers/back-end-developer')
        if (res.statusCode === 503) {
          shed = res
          livez = (await app.app.inject('/livez')).statusCode
          metrics = (await app.app.inject('/metrics')).statusCode
          break
        }
        await sleep(20)
      }
    }
    expect(shed?.statusCode).toBe(503)
    expect(shed?.headers['content-type']).toContain('application/problem+json')
    expect(Number(shed?.headers['retry-after'])).toBeGreaterThan(0)
    expect(shed?.json()).toMatchObject({ status: 503, code: 'service.overloaded' })
    expect(livez).toBe(200) // never shed: the process is alive, only busy
    expect(metrics).toBe(200) // never shed: the overload must stay visible
    // Once the loop is idle again the next samples are low and requests go through.
    const deadline = Date.now() + 15_000
    let status = 0
    while (Date.now() < deadline) {
      status = (await app.app.inject('/api/v1/careers/back-end-developer')).statusCode
      if (status === 200) break
      await sleep(200)
    }
    expect(status).toBe(200)
  }

  it('sheds with 503 service.overloaded and Retry-After past the event-loop utilisation limit, then recovers', async () => {
    t = await createOpsTestApp({ env: { SHED_EVENT_LOOP_UTILIZATION: '0.5', SHED_EVENT_LOOP_DELAY_MS: '0' } })
    await sleep(1200) // the first samples, taken while the app was being built, are behind us
    await expectShedThenRecover(t, 1500)
  }, 60_000)

  it('sheds past the event-loop delay limit, then recovers', async () => {
    t = await createOpsTestApp({ env: { SHED_EVENT_LOOP_DELAY_MS: '25' } })
    await sleep(1200)
    await expectShedThenRecover(t, 3000)
  }, 60_000)

  it('does not shed an idle process with the production default limit (1000 ms)', async () => {
    t = await createOpsTestApp({ env: { SHED_EVENT_LOOP_DELAY_MS: '1000' } })
    await sleep(1200)
    for (let i = 0; i < 5; i++) expect((await t.app.inject('/api/v1/careers/back-end-developer')).statusCode).toBe(200)
  })
})

/**
 * The contract every implementation of the shared adapters keeps, memory or Redis: one suite, run
 * by shared.test.ts with a factory per backend. `open(namespace)` returns a handle on that namespace:
 * two handles on one namespace are two processes of one installation (for the memory twin, the same
 * handle), handles on different namespaces must not see each other.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { createThrottle, DEFAULT_POLICIES } from '../../server/modules/identity/throttle.js'
import type { JobView } from '../../server/platform/jobs/queue.js'
import type { Shared } from '../../server/platform/shared/index.js'

export interface SharedFactory {
  open(namespace: string): Shared
  /** Removes everything the handles wrote and closes them. */
  cleanup(): Promise<void>
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `read` until `done` holds (or `timeoutMs` passes, then returns the last value). */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs
  let value = await read()
  while (!done(value) && Date.now() < until) {
    await sleep(50)
    value = await read()
  }
  return value
}

const clock = { now: () => Date.now() }

export function sharedContract(name: string, factory: () => Promise<SharedFactory>): void {
  describe(`shared adapters contract: ${name}`, () => {
    let made: SharedFactory | undefined
    const open = async (namespace: string) => {
      made ??= await factory()
      return made.open(namespace)
    }
    afterAll(async () => {
      await made?.cleanup()
    })

    describe('cache', () => {
      it('stores, reads, overwrites and deletes a value', async () => {
        const { cache } = await open('a')
        expect(await cache.get('k')).toBeUndefined()
        await cache.set('k', 'one', 60_000)
        expect(await cache.get('k')).toBe('one')
        await cache.set('k', 'two', 60_000)
        expect(await cache.get('k')).toBe('two')
        await cache.delete('k')
        expect(await cache.get('k')).toBeUndefined()
      })

      it('forgets a value once its time to live is over', async () => {
        const { cache } = await open('a')
        await cache.set('short', 'x', 300)
        await cache.set('long', 'y', 60_000)
        expect(await cache.get('short')).toBe('x')
        await sleep(900) // generous: the machine is noisy
        expect(await cache.get('short')).toBeUndefined()
        expect(await cache.get('long')).toBe('y')
      })

      it('shares values within a namespace and keeps namespaces apart', async () => {
        const a1 = await open('a')
        const a2 = await open('a')
        const b = await open('b')
        await a1.cache.set('shared-key', 'from a', 60_000)
        expect(await a2.cache.get('shared-key')).toBe('from a')
        expect(await b.cache.get('shared-key')).toBeUndefined()
      })
    })

    describe('throttle counters', () => {
      it('counts 200 failures made at once exactly, across two handles of one installation', async () => {
        const one = createThrottle({ store: (await open('a')).throttleStore, clock })
        const two = createThrottle({ store: (await open('a')).throttleStore, clock })
        const key = { kind: 'ip' as const, id: '192.0.2.7' }
        await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? one : two).fail([key])))
        const record = await (await open('a')).throttleStore.get('ip:192.0.2.7')
        expect(record?.failures).toBe(200)
        // 200 failures against a policy of 50 free ones: blocked, and both handles say so.
        expect(await one.retryAfterMs([key])).toBeGreaterThan(0)
        expect(await two.retryAfterMs([key])).toBeGreaterThan(0)
        expect(await createThrottle({ store: (await open('b')).throttleStore, clock }).retryAfterMs([key])).toBe(0)
      })

      it('blocks from the sixth failure of an account and forgets the key on clear', async () => {
        const store = (await open('a')).throttleStore
        const throttle = createThrottle({ store, clock })
        const key = { kind: 'account' as const, id: 'someone@example.org' }
        for (let i = 0; i < DEFAULT_POLICIES.account.freeFailures - 1; i++) await throttle.fail([key])
        expect(await throttle.retryAfterMs([key])).toBe(0)
        await throttle.fail([key])
        const wait = await throttle.retryAfterMs([key])
        expect(wait).toBeGreaterThan(0)
        expect(wait).toBeLessThanOrEqual(DEFAULT_POLICIES.account.baseDelayMs)
        await throttle.clear(key)
        expect(await throttle.retryAfterMs([key])).toBe(0)
        expect(await store.get('account:someone@example.org')).toBeUndefined()
      })

      it('lets a counter expire with its quiet period', async () => {
        const store = (await open('a')).throttleStore
        const throttle = createThrottle({ store, clock, policies: { account: { freeFailures: 1, baseDelayMs: 100, maxDelayMs: 100, quietMs: 300 } } })
        await throttle.fail([{ kind: 'account', id: 'quiet@example.org' }])
        expect((await store.get('account:quiet@example.org'))?.failures).toBe(1)
        await sleep(900)
        expect(await store.get('account:quiet@example.org')).toBeUndefined()
      })
    })

    describe('notices', () => {
      it('delivers a notice to every subscriber of the namespace, and none elsewhere', async () => {
        const a1 = await open('a')
        const a2 = await open('a')
        const b = await open('b')
        const got: string[] = []
        const stops = [
          await a1.notices.subscribe('catalog.version', (m) => got.push(`a1:${m}`)),
          await a1.notices.subscribe('catalog.version', (m) => got.push(`a1bis:${m}`)),
          await a2.notices.subscribe('catalog.version', (m) => got.push(`a2:${m}`)),
          await b.notices.subscribe('catalog.version', (m) => got.push(`b:${m}`)),
          await a2.notices.subscribe('other', (m) => got.push(`other:${m}`)),
        ]
        await a1.notices.publish('catalog.version', '42')
        await eventually(async () => got.length, (n) => n >= 3)
        await sleep(200) // anything misrouted would arrive by now
        // Two handles on one namespace in memory are one handle, so "a2" may be "a1" there.
        expect(got.filter((g) => g.endsWith(':42')).length).toBe(3)
        expect(got.some((g) => g.startsWith('b:') || g.startsWith('other:'))).toBe(false)
        for (const stop of stops) await stop()
        await a1.notices.publish('catalog.version', '43')
        await sleep(300)
        expect(got.some((g) => g.endsWith(':43'))).toBe(false)
      })
    })

    describe('jobs', () => {
      it('runs an enqueued job on a worker, with progress and the result visible', async () => {
        const producer = (await open('jobs-ok')).jobs
        const seen: number[] = []
        let release: () => void = () => undefined
        const gate = new Promise<void>((resolve) => { release = resolve })
        const worker = await (await open('jobs-ok')).jobs.work({
          async echo(data, ctx) {
            await ctx.progress(40)
            seen.push(40)
            await gate
            return { echoed: data.text, attempt: ctx.attempt }
          },
        })
        try {
          const job = await producer.enqueue('echo', { text: 'hello' })
          expect(['waiting', 'active']).toContain(job.state)
          const midway = await eventually(() => producer.get(job.id), (v) => v?.progress === 40)
          expect(midway).toMatchObject({ state: 'active', progress: 40, kind: 'echo' })
          expect(await producer.depth()).toBeGreaterThanOrEqual(1)
          release()
          const done = await eventually(() => producer.get(job.id), (v) => v?.state === 'completed')
          expect(done).toMatchObject({ state: 'completed', progress: 100, result: { echoed: 'hello', attempt: 1 }, attempts: 1 })
          expect((await producer.list()).map((j) => j.id)).toContain(job.id)
          expect(await producer.depth()).toBe(0)
          expect(await (await open('b')).jobs.get(job.id)).toBeUndefined()
        } finally {
          release()
          await worker.close()
        }
      })

      it('retries a failing job with backoff, then fails it keeping the reason', async () => {
        const jobs = (await open('jobs-fail')).jobs
        const attempts: number[] = []
        const worker = await jobs.work({
          async flaky(_data, ctx) {
            attempts.push(Date.now())
            throw new Error(`source file missing (attempt ${ctx.attempt})`)
          },
        })
        try {
          const job = await jobs.enqueue('flaky', {}, { attempts: 3, backoffMs: 200 })
          const failed: JobView | undefined = await eventually(() => jobs.get(job.id), (v) => v?.state === 'failed')
          expect(failed).toMatchObject({ state: 'failed', attempts: 3, maxAttempts: 3, failedReason: 'source file missing (attempt 3)' })
          expect(attempts).toHaveLength(3)
          // Exponential backoff: at least 200 ms before the second try and 400 ms before the third.
          expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(190)
          expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(390)
        } finally {
          await worker.close()
        }
      })

      it('succeeds on a retry after a failed first attempt', async () => {
        const jobs = (await open('jobs-retry')).jobs
        const worker = await jobs.work({
          async once(_data, ctx) {
            if (ctx.attempt === 1) throw new Error('transient')
            return 'ok'
          },
        })
        try {
          const job = await jobs.enqueue('once', {}, { attempts: 2, backoffMs: 100 })
          const done = await eventually(() => jobs.get(job.id), (v) => v?.state === 'completed')
          expect(done).toMatchObject({ state: 'completed', attempts: 2, result: 'ok' })
        } finally {
          await worker.close()
        }
      })
    })
  })
}

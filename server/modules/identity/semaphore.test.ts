import { describe, expect, it } from 'vitest'
import { createSemaphore } from './semaphore.js'

describe('semaphore', () => {
  it('runs at most `slots` jobs at once, queues the next ones in order and refuses beyond the queue', async () => {
    const limit = createSemaphore(2, 2)
    let running = 0
    let peak = 0
    const order: number[] = []
    const releases: (() => void)[] = []
    const job = (n: number) => limit.run(async () => {
      running += 1
      peak = Math.max(peak, running)
      await new Promise<void>((resolve) => releases.push(resolve))
      order.push(n)
      running -= 1
      return n
    })
    const jobs = [1, 2, 3, 4].map(job)
    await expect(job(5)).rejects.toMatchObject({ code: 'service.busy', status: 503 })
    expect(limit.stats()).toEqual({ active: 2, waiting: 2 })
    while (releases.length > 0 || order.length < 4) {
      await new Promise((resolve) => setImmediate(resolve))
      releases.shift()?.()
    }
    expect(await Promise.all(jobs)).toEqual([1, 2, 3, 4])
    expect(peak).toBe(2)
    expect(limit.stats()).toEqual({ active: 0, waiting: 0 })
  })

  it('frees the slot when a job fails', async () => {
    const limit = createSemaphore(1, 0)
    await expect(limit.run(async () => { throw new Error('boom') })).rejects.toThrow('boom')
    expect(await limit.run(async () => 'ok')).toBe('ok')
  })
})

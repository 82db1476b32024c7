import { describe, expect, it } from 'vitest'
import { blockFor, createMemoryThrottleStore, createThrottle, DEFAULT_POLICIES, type ThrottleKey } from './throttle.js'

function setup() {
  let t = 1_000_000
  const clock = { now: () => t }
  const store = createMemoryThrottleStore({ clock })
  return { throttle: createThrottle({ store, clock }), advance: (ms: number) => { t += ms }, store, clock }
}

const account: ThrottleKey = { kind: 'account', id: 'a@example.org' }
const ip: ThrottleKey = { kind: 'ip', id: '203.0.113.7' }

describe('backoff', () => {
  it('is free for the first failures, then 1 s doubling up to 15 minutes', () => {
    const policy = DEFAULT_POLICIES.account
    expect([1, 2, 3, 4].map((n) => blockFor(policy, n))).toEqual([0, 0, 0, 0])
    expect([5, 6, 7, 8].map((n) => blockFor(policy, n))).toEqual([1000, 2000, 4000, 8000])
    expect(blockFor(policy, 14)).toBe(512_000)
    expect(blockFor(policy, 15)).toBe(900_000) // 1,024 s capped at 15 min
    expect(blockFor(policy, 1000)).toBe(900_000)
  })

  it('gives an IP address more room than an account', () => {
    expect(blockFor(DEFAULT_POLICIES.ip, 49)).toBe(0)
    expect(blockFor(DEFAULT_POLICIES.ip, 50)).toBe(1000)
  })
})

describe('throttle', () => {
  it('blocks an account after five failures, for a time that doubles, and lets it in when the time has passed', async () => {
    const { throttle, advance } = setup()
    for (let i = 0; i < 4; i++) await throttle.fail([account])
    expect(await throttle.retryAfterMs([account])).toBe(0)
    await throttle.fail([account])
    expect(await throttle.retryAfterMs([account])).toBe(1000)
    advance(1000)
    expect(await throttle.retryAfterMs([account])).toBe(0)
    await throttle.fail([account])
    expect(await throttle.retryAfterMs([account])).toBe(2000)
    advance(500)
    expect(await throttle.retryAfterMs([account, ip])).toBe(1500)
  })

  it('never locks out for good: the block is capped and counters are forgotten after an hour without failures', async () => {
    const { throttle, advance } = setup()
    for (let i = 0; i < 40; i++) await throttle.fail([account])
    expect(await throttle.retryAfterMs([account])).toBe(15 * 60_000)
    advance(15 * 60_000)
    expect(await throttle.retryAfterMs([account])).toBe(0)
    advance(45 * 60_000)
    await throttle.fail([account]) // a quiet hour later this is a first failure again
    expect(await throttle.retryAfterMs([account])).toBe(0)
  })

  it('clears an account on success but leaves its IP address counting', async () => {
    const { throttle } = setup()
    const policies = { account: { ...DEFAULT_POLICIES.account }, ip: { ...DEFAULT_POLICIES.ip, freeFailures: 5 } }
    const t2 = createThrottle({ store: createMemoryThrottleStore({ clock: { now: () => 0 } }), clock: { now: () => 0 }, policies })
    for (let i = 0; i < 5; i++) await t2.fail([account, ip])
    await t2.clear(account)
    expect(await t2.retryAfterMs([account])).toBe(0)
    expect(await t2.retryAfterMs([ip])).toBe(1000)
    expect(await throttle.retryAfterMs([account])).toBe(0)
  })

  it('keeps at most maxKeys counters, expired and oldest first', async () => {
    let t = 0
    const clock = { now: () => t }
    const store = createMemoryThrottleStore({ clock, maxKeys: 10 })
    for (let i = 0; i < 25; i++) await store.set(`k${i}`, { failures: 1, lastFailureAt: t, blockedUntil: t }, t + 1000)
    expect(await store.get('k0')).toBeUndefined()
    expect(await store.get('k24')).toBeDefined()
    t = 2000
    expect(await store.get('k24')).toBeUndefined()
  })
})

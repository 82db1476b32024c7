import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createAuthTestApp, GOOD_PASSWORD, makeUser, uniqueEmail, type AuthTestApp } from '../support/auth.js'

let t: AuthTestApp
beforeAll(async () => {
  t = await createAuthTestApp()
})
afterAll(() => t.close())

const attempt = (email: string, password: string, ip = '198.51.100.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/signin', remoteAddress: ip, payload: { email, password } })

describe('sign-in throttling', () => {
  it('answers 429 with Retry-After after five failures, without running argon2, then lets the right password in once the time has passed', async () => {
    const user = await makeUser(t)
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await attempt(user.email, `wrong password ${i}`)).statusCode)
    expect(statuses).toEqual([401, 401, 401, 401, 401])

    const verify = vi.spyOn(t.deps.identity.hasher, 'verify')
    const dummy = vi.spyOn(t.deps.identity.hasher, 'dummyVerify')
    const hash = vi.spyOn(t.deps.identity.hasher, 'hash')
    const blocked = await attempt(user.email, GOOD_PASSWORD) // even the right password waits
    expect(blocked.statusCode).toBe(429)
    expect(blocked.headers['retry-after']).toBe('1')
    expect(blocked.headers['content-type']).toContain('application/problem+json')
    expect(blocked.json()).toMatchObject({ code: 'auth.throttled', retryAfter: 1 })
    expect(verify).not.toHaveBeenCalled()
    expect(dummy).not.toHaveBeenCalled()
    expect(hash).not.toHaveBeenCalled()
    vi.restoreAllMocks()

    t.clock.advance(1000)
    expect((await attempt(user.email, 'wrong again')).statusCode).toBe(401) // the 6th failure: 2 s
    expect((await attempt(user.email, GOOD_PASSWORD)).headers['retry-after']).toBe('2')
    t.clock.advance(2000)
    expect((await attempt(user.email, GOOD_PASSWORD)).statusCode).toBe(200)
    // success clears the account: five more failures are free again
    for (let i = 0; i < 4; i++) expect((await attempt(user.email, 'nope nope nope')).statusCode).toBe(401)
  })

  it('keeps doubling under a sustained attack up to 15 minutes, never a permanent lockout', async () => {
    const user = await makeUser(t)
    let last = 0
    for (let i = 0; i < 30; i++) {
      const res = await attempt(user.email, 'still wrong', '198.51.100.2')
      if (res.statusCode === 429) {
        last = Number(res.headers['retry-after'])
        t.clock.advance(last * 1000)
      }
    }
    expect(last).toBeGreaterThanOrEqual(256)
    expect(last).toBeLessThanOrEqual(900)
    t.clock.advance(900_000)
    expect((await attempt(user.email, GOOD_PASSWORD, '198.51.100.2')).statusCode).toBe(200)
  })

  it('throttles an unknown address exactly like a known one (no account enumeration through the throttle)', async () => {
    const user = await makeUser(t)
    const ghost = uniqueEmail('ghost')
    const known: number[] = []
    const unknown: number[] = []
    for (let i = 0; i < 7; i++) {
      known.push((await attempt(user.email, 'wrong', '198.51.100.3')).statusCode)
      unknown.push((await attempt(ghost, 'wrong', '198.51.100.4')).statusCode)
    }
    expect(unknown).toEqual(known)
    expect(known).toEqual([401, 401, 401, 401, 401, 429, 429])
    const a = await attempt(user.email, 'wrong', '198.51.100.3')
    const b = await attempt(ghost, 'wrong', '198.51.100.4')
    expect(a.body.replace(user.email, '')).toBe(b.body.replace(ghost, ''))
  })

  it('throttles one IP address trying many accounts', async () => {
    t.clock.advance(2 * 3_600_000) // earlier tests' counters are forgotten
    const ip = '203.0.113.50'
    const codes: number[] = []
    for (let i = 0; i < 51; i++) codes.push((await attempt(uniqueEmail('spray'), 'Spring2026!', ip)).statusCode)
    expect(codes.slice(0, 50).every((c) => c === 401)).toBe(true)
    expect(codes[50]).toBe(429)
    const user = await makeUser(t)
    expect((await attempt(user.email, GOOD_PASSWORD, ip)).statusCode).toBe(429)
    expect((await attempt(user.email, GOOD_PASSWORD, '203.0.113.51')).statusCode).toBe(200)
  })

  it('logs throttled and failed sign-ins without the address or password in clear', async () => {
    const events = t.logs.filter((l) => l.security === true).map((l) => l.event)
    expect(events).toEqual(expect.arrayContaining(['auth.signin.failure', 'auth.signin.throttled', 'auth.signin.success']))
    const text = t.logText()
    expect(text).not.toContain('still wrong')
    expect(text).not.toContain('Spring2026!')
    expect(text).not.toMatch(/spray-\d+-[0-9a-f]{8}@example\.org/)
    const failure = t.logs.find((l) => l.event === 'auth.signin.failure')!
    expect(failure.email).toMatch(/^e_[A-Za-z0-9_-]{16}$/)
    expect(failure.reqId).toEqual(expect.any(String))
  })
})

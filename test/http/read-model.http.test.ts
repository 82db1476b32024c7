import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/test-app.js'

// The catalog is served from in-memory indexes built at start: with the database gone, profiles and
// lists still answer, while readiness reports the outage.
let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
  await t.testDb.db.close()
})
afterAll(async () => {
  await t?.close()
})

describe('catalog reads with the database closed', () => {
  it('still serves the whole career profile and its facts', async () => {
    const profile = await t.app.inject('/api/v1/careers/back-end-developer')
    expect(profile.statusCode).toBe(200)
    expect(profile.json().slug).toBe('back-end-developer')
    expect((await t.app.inject('/api/v1/careers/back-end-developer/facts?kind=salary')).statusCode).toBe(200)
    expect((await t.app.inject('/api/v1/careers')).json().total).toBe(8)
  })

  it('reports not ready, with 503 problem+json and Retry-After', async () => {
    const ready = await t.app.inject('/readyz')
    expect(ready.statusCode).toBe(503)
    expect(ready.headers['retry-after']).toBe('5')
    expect(ready.json()).toMatchObject({ code: 'service.unavailable', checks: { database: 'unavailable' } })
  })
})

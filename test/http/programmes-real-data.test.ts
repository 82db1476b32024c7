/**
 * Programme alignment on the real datasets (../shared/data: the NCES CIP–SOC crosswalk, BLS OEWS May
 * 2024 and Employment Projections 2024–34): Computer Science (11.0701) leads to Software Developers
 * (15-1252), whose national median is above the median of all occupations' medians, and the default
 * in-demand growth is the all-occupations projection. Skipped, naming the folder, when it is absent.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browser, createAuthTestApp, makeUser, signin, type AuthTestApp, type Session } from '../support/auth.js'
import { importFixtures } from '../support/imported-app.js'
import { SHARED_DATA } from '../support/shared-data.js'
import type { TestApp } from '../support/test-app.js'

const FOLDERS = [
  ['cip-soc', 'nces-cip2020-soc2018-crosswalk'], ['bls-oews', 'bls-oews-may2024-national'], ['bls-projections', 'bls-employment-projections-2024-34'],
] as const
const present = FOLDERS.every(([, folder]) => fs.existsSync(path.join(SHARED_DATA, folder)))

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

describe.skipIf(!present)(`programme alignment on the real datasets in ${SHARED_DATA} (skipped when absent)`, () => {
  let t: AuthTestApp
  let admin: Session
  let schoolId = ''

  beforeAll(async () => {
    t = await createAuthTestApp()
    // importFixtures reads folders under test/fixtures/import; the real ones are reached from there.
    await importFixtures(t as unknown as TestApp, FOLDERS.map(([source, folder]) => [source, path.relative(path.resolve('test/fixtures/import'), path.join(SHARED_DATA, folder))] as const))
    const root = await makeUser(t, { platform_role: 'platform_admin' })
    const rootSession = await signin(t, root.email, root.password)
    const user = await makeUser(t)
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/schools', headers: browser(rootSession), payload: { name: 'Real Data High', adminEmail: user.email } })
    schoolId = created.json<{ id: string }>().id
    admin = await signin(t, user.email, user.password)
  }, 240_000)

  afterAll(async () => {
    await t?.close()
  })

  it('links Computer Science to Software Developers with a median above the median of all occupations', async () => {
    const added = await t.app.inject({ method: 'POST', url: `/api/v1/schools/${schoolId}/programmes`, headers: browser(admin), payload: { cipCode: '11.0701' } })
    expect(added.statusCode).toBe(201)
    expect(added.json<Json>()).toMatchObject({ cipCode: '11.0701', title: 'Computer Science' })
    const detail = (await t.app.inject({ url: `/api/v1/schools/${schoolId}/programmes/${added.json<Json>().id}`, headers: browser(admin) })).json<Json>()
    expect(detail.data.message).toBeNull()
    const dev = detail.occupations.find((o: Json) => o.socCode === '15-1252')
    expect(dev).toBeDefined()
    expect(dev.title).toBe('Software Developers')
    expect(dev.medianAnnualWage.value).toBe(133_080)
    expect(dev.wagePercentile).toBeGreaterThan(90)
    expect(dev.flags.highWage.value).toBe(true)
    expect(dev.flags.highWage.evidence[0].threshold).toBeLessThan(dev.medianAnnualWage.value)
    expect(dev.flags.highSkill.value).toBe(true)
    expect(dev.flags.inDemand.value).toBe(true)
    // The all-occupations projection BLS publishes for 2024–34 is 3.1 %; the weighted line items agree.
    expect(detail.thresholds.growthPercent).toBeCloseTo(3.1, 0)
  })
})

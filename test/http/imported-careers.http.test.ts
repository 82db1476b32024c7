import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createImportRepository, createImportService, IMPORTERS, openInput } from '../../server/modules/importers/index.js'
import type { CareerProfile } from '../../shared/schemas.js'
import { createTestApp, ROOT, type TestApp } from '../support/test-app.js'

// Fixture copies of the datasets imported into a test app: the API joins them by official codes.
let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
  const service = createImportService({ repo: createImportRepository(t.deps.db) })
  for (const [source, folder] of [['onet', 'onet'], ['bls-oews', 'bls-oews'], ['bls-projections', 'bls-projections'], ['cip-soc', 'cip-soc']] as const) {
    const input = await openInput(path.join(ROOT, 'test/fixtures/import', folder))
    await service.run(IMPORTERS[source]!, input)
    await input.close()
  }
  await t.deps.catalog.refresh()
})
afterAll(async () => {
  await t?.close()
})

describe(`imported careers on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('serves an O*NET career by its title slug with OEWS percentiles, projections, requirements and programmes', async () => {
    const res = await t.app.inject('/api/v1/careers/software-developers')
    expect(res.statusCode).toBe(200)
    const p = res.json() as CareerProfile
    expect(p).toMatchObject({ origin: 'onet', title: 'Software Developers' })
    expect(p.codes).toEqual(expect.arrayContaining([expect.objectContaining({ system: 'onet-soc', code: '15-1252.00', granularity: 'exact' })]))
    expect(p.salaryPanel.distributions[0]).toMatchObject({ scope: { code: '15-1252', relation: 'same-role' }, annual: { median: 133080 } })
    expect(p.facts.some((f) => f.kind === 'growth' && f.source.id === 'bls-ep-2024-2034')).toBe(true)
    expect(p.requirements.map((r) => r.key)).toContain('typical-entry-education')
    expect(p.programmes.length).toBeGreaterThan(0)
    expect(p.tasks.length).toBeGreaterThan(0)
    expect(p.jobZone?.zone).toBe(4)
    expect(p.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['onet-29-3', 'bls-oews-2024-05']))
  })

  it('adds the official figures of its codes to a curated career, explained against its reference', async () => {
    const p = (await t.app.inject('/api/v1/careers/back-end-developer')).json() as CareerProfile
    expect(p.salaryPanel.reference?.value).toBe(90930)
    const mean = p.salaryPanel.rows.find((r) => r.fact.source.id === 'bls-oews-2024-05' && r.fact.statistic === 'mean' && r.fact.scope.code === '15-1252')
    expect(mean?.differences.map((d) => d.dimension)).toEqual(expect.arrayContaining(['statistic', 'scope']))
    expect(p.salaryPanel.rows.filter((r) => r.fact.value === 133080)).toHaveLength(1) // quoted and imported: shown once
    // Its official occupations, imported for the codes it carries, with the granularity of the mapping.
    expect(p.equivalents).toEqual(expect.arrayContaining([expect.objectContaining({ slug: 'software-developers', system: 'onet-soc', code: '15-1252.00', granularity: 'broader', via: 'shared-code' })]))
  })

  it('resolves O*NET-SOC, SOC and curated codes to careers', async () => {
    const onet = (await t.app.inject('/api/v1/careers/by-code/15-1252.00')).json()
    expect(onet.matches[0]).toMatchObject({ system: 'onet-soc', code: '15-1252.00' })
    expect(onet.matches[0].careers.map((c: { slug: string }) => c.slug)).toEqual(expect.arrayContaining(['software-developers', 'back-end-developer']))
    const soc = (await t.app.inject('/api/v1/careers/by-code/15-1254')).json()
    expect(soc.matches.map((m: { system: string }) => m.system)).toContain('soc-2018')
  })

  it('answers 404 for a code nobody carries and 400 for something that is not a code', async () => {
    const missing = await t.app.inject('/api/v1/careers/by-code/99-9998')
    expect(missing.statusCode).toBe(404)
    expect(missing.json().code).toBe('code.not_found')
    const bad = await t.app.inject('/api/v1/careers/by-code/hello')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0].pointer).toBe('/params/code')
  })
})

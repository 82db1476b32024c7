import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app.js'
import { loadConfig } from '../../server/config.js'
import { createDeps } from '../../server/deps.js'
import { openDb } from '../../server/platform/db/client.js'
import type { FastifyInstance } from 'fastify'
import type { CareerMoves, CareerProfile, InterestCareers, SearchResults, SkillCareers } from '../../shared/schemas.js'
import { tableChecksums } from '../support/sqlite-checksums.js'
import { ROOT } from '../support/test-app.js'

// The real datasets from ../shared/data (CI has them; elsewhere this file says why it skips).
const DATA = path.resolve(ROOT, '../shared/data')
const present = fs.existsSync(path.join(DATA, 'onet-29.3', 'Occupation Data.txt'))
const temps: string[] = []
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

/** The real datasets imported once into a temporary folder, served by the app (shared by the tests below). */
let full: { app: FastifyInstance; close: () => Promise<void> } | undefined
async function fullCatalog(): Promise<FastifyInstance> {
  if (full) return full.app
  const dataDir = tempDir()
  const run = spawnSync(process.execPath, cliArgs(['import', 'all', DATA]), { cwd: ROOT, env: env(dataDir), encoding: 'utf8', timeout: 280_000 })
  expect(run.status, run.stderr).toBe(0)
  const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test' }, ROOT)
  const db = openDb(config.database)
  const deps = createDeps(config, db, { info: () => undefined })
  await deps.catalog.refresh()
  const app = await buildApp(deps)
  full = { app, close: async () => { await app.close(); await db.close() } }
  return app
}
afterAll(async () => {
  await full?.close()
})

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'real-'))
  temps.push(dir)
  return dir
}

const cliArgs = (args: string[]) => ['--import', 'tsx', 'server/cli/main.ts', ...args]
const env = (dataDir: string) => ({ PATH: process.env.PATH, DATA_DIR: dataDir })

function checksum(dataDir: string): Record<string, string> {
  return tableChecksums(path.join(dataDir, 'pathways.sqlite'), ['careers', 'career_aliases', 'career_tasks', 'skills', 'career_skills', 'career_relations'])
}

describe.skipIf(!present)(`real datasets from ${DATA} (skipped when that folder is absent)`, () => {
  it('imports everything into 4,000+ sourced careers; software-developers shows OEWS percentiles and the 2024–34 projection', { timeout: 300_000 }, async () => {
    const app = await fullCatalog()
    const list = (await app.inject('/api/v1/careers?limit=1')).json()
    expect(list.total).toBeGreaterThanOrEqual(4000)
    const profile = (await app.inject('/api/v1/careers/software-developers')).json() as CareerProfile
    const oews = profile.salaryPanel.distributions.find((d) => d.source.id === 'bls-oews-2024-05')
    expect(oews?.annual).toMatchObject({ p10: 79850, median: 133080, p90: 211450 })
    expect(oews?.period?.label).toBe('May 2024')
    const growth = profile.facts.find((f) => f.kind === 'growth' && f.unit === 'percent')
    expect(growth).toMatchObject({ value: 15.8, period: { value: '2024/2034' }, source: { id: 'bls-ep-2024-2034' } })
    expect(profile.sources.find((s) => s.id === 'onet-29-3')?.attribution).toContain('O*NET')
    const backEnd = (await app.inject('/api/v1/careers/back-end-developer')).json() as CareerProfile
    expect(backEnd.salaryPanel.rows.some((r) => r.fact.value === 171776)).toBe(true)
    expect(backEnd.salaryPanel.distributions.map((d) => d.scope.code).sort()).toEqual(['15-1252', '15-1254'])
    expect(backEnd.equivalents.length).toBeGreaterThan(0)
    const byCode = (await app.inject(`/api/v1/careers/by-code/${encodeURIComponent('http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1')}`)).json()
    expect(byCode.matches[0].careers.length).toBeGreaterThan(0)
  })

  it('searches the full catalog: exact, alias, as typed, typos, skill labels and codes', { timeout: 120_000 }, async () => {
    const app = await fullCatalog()
    const search = async (q: string, extra = '') => {
      const res = await app.inject(`/api/v1/search?q=${encodeURIComponent(q)}&limit=10${extra}`)
      expect(res.statusCode, res.body).toBe(200)
      return res.json() as SearchResults
    }
    const keys = async (q: string, extra = '') => (await search(q, extra)).items.map((i) => i.slug ?? i.id)
    const titles = async (q: string, extra = '') => (await search(q, extra)).items.map((i) => i.title)
    // Exact title and alias first, whatever the spelling of "back end".
    for (const q of ['back end developer', 'backend developer', 'Back-End Developer', 'backend dev', 'back-end engineer']) {
      expect((await keys(q))[0], q).toBe('back-end-developer')
    }
    expect((await keys('registered nurse', '&type=career')).slice(0, 3)).toContain('registered-nurses')
    expect((await titles('accountant', '&type=career'))[0]?.toLowerCase()).toBe('accountant')
    expect((await search('software engineer', '&type=career')).items[0]?.matchedOn).not.toBe('other')
    // Typos: no indexed text has these words, so a near word is taken.
    expect((await titles('devloper', '&type=career')).some((t) => /developer/i.test(t))).toBe(true)
    expect((await titles('sofware developer', '&type=career')).slice(0, 3).some((t) => /software developer/i.test(t))).toBe(true)
    // The typo read as "software engineer" meets that exact alternative title of Software Developers.
    expect((await keys('sofware engineer', '&type=career'))[0]).toBe('software-developers')
    expect((await titles('nurce', '&type=career')).slice(0, 5).some((t) => /nurse/i.test(t))).toBe(true)
    expect((await titles('electrican', '&type=career'))[0]?.toLowerCase()).toMatch(/electrician/)
    // Prefixes, as typed.
    expect((await titles('data scien', '&type=career')).slice(0, 3).some((t) => /data scien/i.test(t))).toBe(true)
    expect((await titles('kubern', '&type=skill'))[0]).toBe('Kubernetes')
    // Skills by ESCO alternative label, and O*NET technologies.
    const alt = await search('manage music staff', '&type=skill')
    expect(alt.items[0]).toMatchObject({ title: 'manage musical staff', matchedOn: 'alias' })
    expect((await titles('c++', '&type=skill'))[0]).toBe('C++')
    // Codes.
    expect(await keys('15-1252.00', '&type=career')).toContain('software-developers')
    // Facets over the full catalog.
    const developer = await search('developer')
    expect(developer.facets.type.map((f) => f.value)).toEqual(expect.arrayContaining(['career', 'skill', 'credential']))
    expect(developer.facets.origin.map((f) => f.value)).toEqual(expect.arrayContaining(['catalog', 'onet', 'esco']))
    // Browse by skill and interest on the full catalog.
    const kubernetes = (await app.inject('/api/v1/skills/onet-tech%3Akubernetes/careers')).json() as SkillCareers
    expect(kubernetes.total).toBeGreaterThan(5)
    expect(kubernetes.items.map((i) => i.career.slug)).toContain('back-end-developer')
    const realistic = (await app.inject('/api/v1/interests/R/careers?limit=5')).json() as InterestCareers
    expect(realistic.total).toBeGreaterThan(200)
    const moves = (await app.inject('/api/v1/careers/registered-nurses/moves?limit=5')).json() as CareerMoves
    expect(moves.items.length).toBe(5)
    expect(moves.items[0]!.coverage).toBeGreaterThan(0.8)
  })

  it('matches passports to the careers people would expect, and plans for them', { timeout: 120_000 }, async () => {
    const app = await fullCatalog()
    const matches = async (skills: [string, number][]) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/analysis/matches', payload: { passport: { skills: skills.map(([skill, level]) => ({ skill, level })) }, limit: 10 } })
      expect(res.statusCode, res.body).toBe(200)
      return res.json() as { items: { career: { slug: string }; score: number }[]; passport: { unresolved: unknown[] } }
    }
    const developer = await matches([
      ['Python', 4], ['SQL', 3], ['JavaScript', 3], ['Git', 3], ['Linux', 3], ['Docker', 3],
      ['Programming', 4], ['Computers and Electronics', 4], ['Complex Problem Solving', 3], ['Critical Thinking', 3], ['Mathematics', 3],
    ])
    /** How many of the top ten careers carry a SOC code in one of the major groups. */
    const inGroups = async (items: { career: { slug: string } }[], groups: RegExp) => {
      let n = 0
      for (const { career } of items) {
        const profile = (await app.inject(`/api/v1/careers/${career.slug}`)).json() as { codes: { system: string; code: string }[] }
        if (profile.codes.some((c) => (c.system === 'soc-2018' || c.system === 'onet-soc') && groups.test(c.code))) n++
      }
      return n
    }
    expect(developer.passport.unresolved).toEqual([])
    // Computer and mathematical occupations (SOC 15-).
    expect(await inGroups(developer.items, /^15-/), developer.items.map((i) => i.career.slug).join(', ')).toBeGreaterThanOrEqual(4)
    const nurse = await matches([
      ['Medicine and Dentistry', 4], ['Psychology', 3], ['Biology', 3], ['Service Orientation', 4], ['Social Perceptiveness', 4],
      ['Active Listening', 4], ['Monitoring', 3], ['Customer and Personal Service', 4], ['Therapy and Counseling', 3],
    ])
    // Healthcare practitioners and support (SOC 29-, 31-).
    expect(await inGroups(nurse.items, /^(29|31)-/), nurse.items.map((i) => i.career.slug).join(', ')).toBeGreaterThanOrEqual(6)
    const plan = await app.inject({ method: 'POST', url: '/api/v1/analysis/plan', payload: { passport: { skills: [{ skill: 'Python', level: 2 }] }, career: 'back-end-developer', hoursPerWeek: 10 } })
    expect(plan.statusCode).toBe(200)
    expect(plan.json().items.length).toBeGreaterThan(2)
  })

  it('ends exactly like an uninterrupted import after kill -9 at random moments', { timeout: 300_000 }, async () => {
    const onet = path.join(DATA, 'onet-29.3')
    const clean = tempDir()
    expect(spawnSync(process.execPath, cliArgs(['import', 'onet', onet]), { cwd: ROOT, env: env(clean), timeout: 120_000 }).status).toBe(0)
    const crashed = tempDir()
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000)
    let state = seed
    const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
    for (let attempt = 0; attempt < 3; attempt++) {
      const child = spawn(process.execPath, cliArgs(['import', 'onet', onet]), { cwd: ROOT, env: env(crashed), stdio: 'ignore' })
      const delay = 1500 + Math.floor(random() * 6000)
      const timer = setTimeout(() => child.kill('SIGKILL'), delay)
      await new Promise((resolve) => child.on('exit', resolve))
      clearTimeout(timer)
    }
    const resumed = spawnSync(process.execPath, cliArgs(['import', 'onet', onet]), { cwd: ROOT, env: env(crashed), encoding: 'utf8', timeout: 120_000 })
    expect(resumed.status, `seed ${seed}: ${resumed.stderr}`).toBe(0)
    expect(checksum(crashed), `seed ${seed}`).toEqual(checksum(clean))
  })
})

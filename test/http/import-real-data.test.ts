import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app.js'
import { loadConfig } from '../../server/config.js'
import { createDeps } from '../../server/deps.js'
import { openDb } from '../../server/platform/db/client.js'
import type { CareerProfile } from '../../shared/schemas.js'
import { tableChecksums } from '../support/sqlite-checksums.js'
import { ROOT } from '../support/test-app.js'

// The real datasets from ../shared/data (CI has them; elsewhere this file says why it skips).
const DATA = path.resolve(ROOT, '../shared/data')
const present = fs.existsSync(path.join(DATA, 'onet-29.3', 'Occupation Data.txt'))
const temps: string[] = []
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

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
    const dataDir = tempDir()
    const run = spawnSync(process.execPath, cliArgs(['import', 'all', DATA]), { cwd: ROOT, env: env(dataDir), encoding: 'utf8', timeout: 280_000 })
    expect(run.status, run.stderr).toBe(0)
    const config = loadConfig({ DATA_DIR: dataDir }, ROOT)
    const db = openDb(config.database)
    const deps = createDeps(config, db, { info: () => undefined })
    await deps.catalog.refresh()
    const app = await buildApp(deps)
    try {
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
    } finally {
      await app.close()
      await db.close()
    }
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

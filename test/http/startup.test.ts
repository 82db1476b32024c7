import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from '../support/test-app.js'

const temps: string[] = []
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

function start(env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pathways-start-'))
  temps.push(dataDir)
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', '--role=migrate'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, LOG_LEVEL: 'silent', SHED_EVENT_LOOP_DELAY_MS: '0', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  })
}

describe('start-up', () => {
  it('stops with a message naming the variable when PORT is bad', () => {
    const run = start({ PORT: 'eighty' })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('Invalid PORT')
  })

  it('stops with a message naming DATABASE_URL when it is not a postgres URL', () => {
    const run = start({ DATABASE_URL: 'mysql://localhost/x' })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('Invalid DATABASE_URL')
  })

  it('stops naming the catalog file, the path inside it and the problem when a catalog file is bad', () => {
    const catalog = fs.mkdtempSync(path.join(os.tmpdir(), 'pathways-catalog-'))
    temps.push(catalog)
    fs.cpSync(path.join(ROOT, 'test/fixtures/catalog-min'), catalog, { recursive: true })
    fs.writeFileSync(path.join(catalog, 'places.yaml'), 'places:\n  - { id: london, name: London, kind: town, country: GB, currency: GBP }\n')
    const run = start({ CATALOG_DIR: catalog })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/places\.yaml: at \/places\/0\/kind \(line 2, column \d+\)/)
  })

  it('migrates and loads a good catalog with the migrate role, then exits 0', () => {
    const run = start({ CATALOG_DIR: path.join(ROOT, 'test/fixtures/catalog-min') })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
  })
})

import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildZip } from '../fixtures/import-input/raw-zip.js'
import { buildApp } from '../../server/app.js'
import { loadConfig } from '../../server/config.js'
import { createDeps } from '../../server/deps.js'
import { openDb } from '../../server/platform/db/client.js'
import { tableChecksums } from '../support/sqlite-checksums.js'
import { ROOT } from '../support/test-app.js'

// The `pathways import` command as a person runs it: real processes, real SQLite files, real kill -9.
const ONET = path.join(ROOT, 'test/fixtures/import/onet')
const OEWS = path.join(ROOT, 'test/fixtures/import/bls-oews')
const temps: string[] = []
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  temps.push(dir)
  return dir
}

function cli(dataDir: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  })
}

const TABLES = ['careers', 'career_codes', 'career_aliases', 'career_tasks', 'skills', 'career_skills', 'career_relations', 'occupation_facts', 'sources']

/** A checksum per table over rows in a canonical order: equal dumps mean equal published data. */
function dump(dataDir: string): Record<string, string> {
  return tableChecksums(path.join(dataDir, 'pathways.sqlite'), TABLES)
}

function copyOnet(change?: (dir: string) => void): string {
  const dir = tempDir('onet-')
  fs.cpSync(ONET, dir, { recursive: true })
  change?.(dir)
  return dir
}

describe('pathways import', () => {
  it('imports a source, prints a summary, and changes nothing when run again', () => {
    const data = tempDir('data-')
    const first = cli(data, ['import', 'onet', ONET])
    expect(first.stderr).not.toMatch(/error/i)
    expect(first.status).toBe(0)
    expect(first.stdout).toMatch(/onet from .*: published as catalog version \d+/)
    expect(first.stdout).toMatch(/careers\s+3/)
    const before = dump(data)
    expect(before.careers).toMatch(/^11:/) // 8 curated careers + 3 imported
    const again = cli(data, ['import', 'onet', ONET])
    expect(again.status).toBe(0)
    expect(again.stdout).toContain('already imported, nothing changed')
    expect(dump(data)).toEqual(before)
  })

  it('a running server sees the imported careers without a restart', async () => {
    const data = tempDir('data-')
    expect(cli(data, ['import', 'bls-oews', OEWS]).status).toBe(0) // creates the database and curated catalog
    const config = loadConfig({ DATA_DIR: data, NODE_ENV: 'test' }, ROOT)
    const db = openDb(config.database)
    const deps = createDeps(config, db, { info: () => undefined })
    await deps.catalog.refresh()
    const stop = deps.catalog.watch(100)
    const app = await buildApp(deps)
    try {
      expect((await app.inject('/api/v1/careers/software-developers')).statusCode).toBe(404)
      expect(cli(data, ['import', 'onet', ONET]).status).toBe(0)
      await expect.poll(async () => (await app.inject('/api/v1/careers/software-developers')).statusCode, { timeout: 10_000 }).toBe(200)
      const profile = (await app.inject('/api/v1/careers/software-developers')).json()
      expect(profile.salaryPanel.distributions[0].annual.median).toBeGreaterThan(0) // OEWS joined by SOC code
    } finally {
      stop()
      await app.close()
      await db.close()
    }
  })

  it('answers --help for the command and rejects an unknown source', () => {
    const data = tempDir('data-')
    const help = cli(data, ['import', '--help'])
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('bls-projections')
    const unknown = cli(data, ['import', 'nasa', ONET])
    expect(unknown.status).not.toBe(0)
    expect(unknown.stderr).toContain('must be one of')
  })

  it('resumes after kill -9 and ends exactly like an uninterrupted run', () => {
    const clean = tempDir('data-')
    expect(cli(clean, ['import', 'onet', ONET, '--batch-size', '5']).status).toBe(0)
    const crashed = tempDir('data-')
    for (const after of [3, 7]) {
      const killed = cli(crashed, ['import', 'onet', ONET, '--batch-size', '5'], { PATHWAYS_TEST_CRASH_AFTER_BATCH: String(after) })
      expect(killed.signal).toBe('SIGKILL')
      expect(dump(crashed).careers).toMatch(/^8:/) // nothing of the interrupted import is visible
    }
    const resumed = cli(crashed, ['import', 'onet', ONET, '--batch-size', '5'])
    expect(resumed.status).toBe(0)
    expect(resumed.stdout).toMatch(/resumed after [\d,]+ rows/)
    expect(dump(crashed)).toEqual(dump(clean))
  }, 90_000) // four CLI processes, each compiling the CLI with tsx: slow on a busy 2-core machine

  describe('bad input exits 2, names file, line and column, and leaves the database unchanged', () => {
    const data = tempDir('data-')
    const baseline = () => {
      if (!fs.existsSync(path.join(data, 'pathways.sqlite'))) expect(cli(data, ['import', 'bls-oews', OEWS]).status).toBe(0)
      return dump(data)
    }
    const cases: [string, () => string, RegExp][] = [
      ['a missing file', () => copyOnet((d) => fs.rmSync(path.join(d, 'Skills.txt'))), /Skills\.txt/],
      ['a missing column', () => copyOnet((d) => rewrite(d, 'Task Statements.txt', (t) => t.replace('Task Type', 'Kind'))), /Task Statements\.txt.*Task Type/s],
      ['a ragged row', () => copyOnet((d) => rewrite(d, 'Job Zones.txt', (t) => t.replace(/\n([^\n]+)\n/, '\n$1\textra\n'))), /Job Zones\.txt:\d+/],
      ['the wrong encoding', () => copyOnet((d) => rewrite(d, 'Occupation Data.txt', (t) => t, (b) => Buffer.concat([b.subarray(0, 200), Buffer.from([0xe9, 0x20]), b.subarray(200)]))), /Occupation Data\.txt:\d+:\d+.*UTF-8/],
      ['a zip with ../ in an entry name', () => zipFolder([{ name: '../evil.txt', data: 'x' }]), /evil|relative|unsafe/i],
      ['a zip with an absolute path', () => zipFolder([{ name: '/etc/passwd', data: 'x' }]), /absolute|unsafe|invalid/i],
      ['a zip bomb', () => zipFolder([{ name: 'occupations_en.csv', data: Buffer.alloc(20 * 1024 * 1024) }]), /ratio|limit/i],
      ['a nested archive', () => zipFolder([{ name: 'inner.zip', data: 'PK' }]), /nested|archive/i],
    ]
    it.each(cases)('%s', (_name, make, message) => {
      const before = baseline()
      const source = make().includes('zip-') ? 'esco' : 'onet'
      const run = cli(data, ['import', source, make()])
      expect(run.status, run.stderr).toBe(2)
      expect(run.stderr).toMatch(message)
      expect(run.stderr).toContain('Nothing was changed')
      expect(dump(data)).toEqual(before)
    })
  })
})

function rewrite(dir: string, file: string, text: (t: string) => string, bytes?: (b: Buffer) => Buffer): void {
  const full = path.join(dir, file)
  const changed = Buffer.from(text(fs.readFileSync(full, 'utf8')))
  fs.writeFileSync(full, bytes ? bytes(changed) : changed)
}

/** A folder holding one crafted zip, as the ESCO import expects. */
function zipFolder(entries: Parameters<typeof buildZip>[0]): string {
  const dir = tempDir('zip-')
  fs.writeFileSync(path.join(dir, 'esco_v1.1.1_classification_en_csv.zip'), buildZip(entries))
  return dir
}

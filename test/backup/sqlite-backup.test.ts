/**
 * Backup and restore of the embedded (SQLite) installation: real CLI processes for the round trip and
 * the exit codes, the command functions for the rest. The oracle for "same data" is the independent
 * checksum helper of the import tests (test/support/sqlite-checksums.ts), not the code under test.
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backupSqlite, BackupFailure, BackupInputError, readManifest, restoreSqlite } from '../../server/platform/db/backup/index.js'
import { tableChecksums } from '../support/sqlite-checksums.js'
import { ROOT } from '../support/test-app.js'
import { seedEmbedded, type Seeded } from './seed.js'

const temps: string[] = []
const tempDir = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  temps.push(dir)
  return dir
}
const RETAINED: unknown[] = [] // better-sqlite3 objects are never left to the GC (see server/platform/db/client.ts)

function cli(dataDir: string, args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], {
    cwd: ROOT, env: { PATH: process.env.PATH, DATA_DIR: dataDir }, encoding: 'utf8', timeout: 60_000,
  })
}

function allTables(file: string): string[] {
  const db = new Database(file, { readonly: true })
  RETAINED.push(db)
  const statement = db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`)
  RETAINED.push(statement)
  const names = (statement.all() as { name: string }[]).map((r) => r.name)
  db.close()
  return names
}

/** Rewrites a backup's payload with `change` (a function over the extracted SQLite file), keeping its manifest. */
function tamper(backup: string, out: string, change: (payloadFile: string) => void): void {
  const bytes = fs.readFileSync(backup)
  const length = bytes.readUInt32BE(16)
  const manifest = JSON.parse(bytes.subarray(20, 20 + length).toString('utf8')) as { payloadBytes: number }
  const payloadFile = `${out}.payload`
  fs.writeFileSync(payloadFile, bytes.subarray(20 + length))
  change(payloadFile)
  const payload = fs.readFileSync(payloadFile)
  manifest.payloadBytes = payload.length
  const json = Buffer.from(JSON.stringify(manifest))
  const head = Buffer.alloc(20)
  bytes.copy(head, 0, 0, 16)
  head.writeUInt32BE(json.length, 16)
  fs.writeFileSync(out, Buffer.concat([head, json, payload]))
}

let seeded: Seeded
let source = ''
let backup = ''

beforeAll(async () => {
  source = tempDir('backup-src-')
  seeded = await seedEmbedded(source)
  backup = path.join(tempDir('backup-out-'), 'pathways.backup')
}, 60_000)
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

describe('pathways backup / restore on SQLite', () => {
  it('round-trips through real processes: every table has rows, and the restored file equals the source table by table', () => {
    const tables = allTables(seeded.file)
    const expected = tableChecksums(seeded.file, tables)
    expect(Object.entries(expected).filter(([, sum]) => sum.startsWith('0:')).map(([t]) => t)).toEqual([])

    const made = cli(source, ['backup', backup])
    expect(made.stderr).toBe('')
    expect(made.status).toBe(0)
    expect(made.stdout).toMatch(/Backed up sqlite \(10 migrations, \d+ tables, \d+ rows\)/)
    const { manifest } = readManifest(backup)
    expect(manifest).toMatchObject({ format: 1, kind: 'sqlite' })
    expect(manifest.migrations).toContain('0010-educators')
    expect(Object.keys(manifest.tables).sort()).toEqual(tables.filter((t) => !t.startsWith('kysely_')))
    expect(manifest.tables.careers!.rows).toBeGreaterThan(8)

    const target = tempDir('backup-dst-')
    const restored = cli(target, ['restore', backup])
    expect(restored.stderr).toBe('')
    expect(restored.status).toBe(0)
    expect(restored.stdout).toContain('every table\'s checksum matches the backup')
    expect(tableChecksums(path.join(target, 'pathways.sqlite'), tables)).toEqual(expected)
  }, 120_000)

  it('refuses a non-empty database (exit 1) and replaces it with --force, keeping the old file beside it', async () => {
    const target = tempDir('backup-force-')
    const file = path.join(target, 'pathways.sqlite')
    await restoreSqlite(backup, file)
    const db = new Database(file)
    RETAINED.push(db)
    db.exec(`update schools set name = 'Changed after the backup'`)
    db.close()
    const changed = tableChecksums(file, ['schools'])

    const refused = cli(target, ['restore', backup])
    expect(refused.status).toBe(1)
    expect(refused.stderr).toMatch(/already holds data; nothing was changed\. Use --force/)
    expect(tableChecksums(file, ['schools'])).toEqual(changed)

    const forced = await restoreSqlite(backup, file, { force: true })
    expect(forced.replacedBy).toMatch(/pathways\.sqlite\.replaced-/)
    expect(tableChecksums(file, ['schools'])).toEqual(tableChecksums(seeded.file, ['schools']))
    expect(tableChecksums(forced.replacedBy!, ['schools'])).toEqual(changed)
  }, 120_000)

  it('refuses a backup whose rows were changed, naming the table, and leaves no database behind', async () => {
    const out = path.join(tempDir('tamper-'), 'changed.backup')
    tamper(backup, out, (file) => {
      const db = new Database(file)
      RETAINED.push(db)
      db.exec(`update passport_skills set level = 5 where user_id = '${seeded.learner.id}'`)
      db.close()
    })
    const target = path.join(tempDir('tamper-dst-'), 'pathways.sqlite')
    const failure = await restoreSqlite(out, target).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(BackupFailure)
    expect((failure as Error).message).toMatch(/checksums differ from the manifest for table\(s\) passport_skills$/)
    expect(fs.readdirSync(path.dirname(target))).toEqual([])
  })

  it('refuses a backup with one bit flipped inside a row (exit 1, naming the table)', () => {
    const out = path.join(tempDir('flip-'), 'flipped.backup')
    tamper(backup, out, (file) => {
      const bytes = fs.readFileSync(file)
      const at = bytes.indexOf(Buffer.from('Riverside “High”'))
      expect(at).toBeGreaterThan(0)
      bytes[at] = bytes[at]! ^ 0x01 // R → S
      fs.writeFileSync(file, bytes)
    })
    const target = tempDir('flip-dst-')
    const run = cli(target, ['restore', out])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('for table(s) schools')
    expect(fs.existsSync(path.join(target, 'pathways.sqlite'))).toBe(false)
  }, 60_000)

  it('exits 2 for a missing file, a file that is not a backup, a truncated one and a PostgreSQL backup', async () => {
    const dir = tempDir('bad-')
    const missing = cli(dir, ['restore', path.join(dir, 'nope.backup')])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('no such backup file')

    const garbage = path.join(dir, 'garbage.backup')
    fs.writeFileSync(garbage, 'SQLite format 3\u0000 but not ours')
    await expect(restoreSqlite(garbage, path.join(dir, 'db.sqlite'))).rejects.toThrow(BackupInputError)
    await expect(restoreSqlite(garbage, path.join(dir, 'db.sqlite'))).rejects.toThrow(/not a Pathways backup/)

    const truncated = path.join(dir, 'truncated.backup')
    fs.writeFileSync(truncated, fs.readFileSync(backup).subarray(0, fs.statSync(backup).size - 4096))
    await expect(restoreSqlite(truncated, path.join(dir, 'db.sqlite'))).rejects.toThrow(/corrupt backup .*truncated/)

    const pgKind = path.join(dir, 'pg.backup')
    const bytes = fs.readFileSync(backup)
    const length = bytes.readUInt32BE(16)
    const json = Buffer.from(bytes.subarray(20, 20 + length).toString('utf8').replace('"kind":"sqlite"', '"kind":"postgres"'))
    const head = Buffer.from(bytes.subarray(0, 20))
    head.writeUInt32BE(json.length, 16)
    fs.writeFileSync(pgKind, Buffer.concat([head, json, bytes.subarray(20 + length)]))
    await expect(restoreSqlite(pgKind, path.join(dir, 'db.sqlite'))).rejects.toThrow(/is a postgres backup; this installation is embedded/)

    const future = path.join(dir, 'future.backup')
    const newer = Buffer.from(bytes.subarray(20, 20 + length).toString('utf8').replace('"0010-educators"', '"0010-educators","9999-from-the-future"'))
    const newerHead = Buffer.from(bytes.subarray(0, 20))
    newerHead.writeUInt32BE(newer.length, 16)
    fs.writeFileSync(future, Buffer.concat([newerHead, newer, bytes.subarray(20 + length)]))
    await expect(restoreSqlite(future, path.join(dir, 'db.sqlite'))).rejects.toThrow(/made by a newer Pathways \(migrations 9999-from-the-future are unknown here\)/)
    expect(fs.existsSync(path.join(dir, 'db.sqlite'))).toBe(false)
  }, 60_000)

  it('takes consistent backups while another process keeps writing', async () => {
    const live = tempDir('live-')
    fs.copyFileSync(seeded.file, path.join(live, 'pathways.sqlite'))
    const file = path.join(live, 'pathways.sqlite')
    // The writer inserts a meta row and a place row in one transaction, over and over.
    const writer = spawn(process.execPath, ['-e', `
      const Database = require('better-sqlite3')
      const db = new Database(${JSON.stringify(file)})
      db.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000')
      const meta = db.prepare("insert into meta (key, value) values (?, 'x')")
      const place = db.prepare("insert into places (id, name, kind, country, currency) values (?, 'Writer', 'city', 'US', 'USD')")
      const pair = db.transaction((i) => { meta.run('w-' + i); place.run('w-' + i) })
      let i = 0
      for (;;) { pair(i++); if (i % 50 === 0) { const until = Date.now() + 2; while (Date.now() < until); } }
    `], { cwd: ROOT, stdio: 'ignore' })
    const counts: number[] = []
    try {
      const db = new Database(file, { readonly: true })
      RETAINED.push(db)
      const started = db.prepare(`select count(*) as n from meta where key like 'w-%'`)
      RETAINED.push(started)
      await expect.poll(() => (started.get() as { n: number }).n, { timeout: 20_000 }).toBeGreaterThan(0)
      db.close()
      for (let round = 0; round < 3; round++) {
        const out = path.join(live, `round-${round}.backup`)
        await backupSqlite(file, out)
        const restored = path.join(live, `restored-${round}`, 'pathways.sqlite')
        await restoreSqlite(out, restored) // recomputes every checksum against the manifest
        const check = new Database(restored, { readonly: true })
        RETAINED.push(check)
        const q = check.prepare(`select (select count(*) from meta where key like 'w-%') as meta, (select count(*) from places where id like 'w-%') as places`)
        RETAINED.push(q)
        const { meta, places } = q.get() as { meta: number; places: number }
        check.close()
        expect(meta).toBe(places) // never half a transaction
        counts.push(meta)
        await new Promise((r) => setTimeout(r, 200))
      }
    } finally {
      writer.kill('SIGKILL')
    }
    expect(counts[0]).toBeGreaterThan(0)
    expect(counts[2]).toBeGreaterThan(counts[0]!) // the writer kept going between backups
  }, 60_000)
})

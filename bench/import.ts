/**
 * Benchmark: `pathways import all ../shared/data` on SQLite and on PostgreSQL (wall time and rows/s
 * per source, from the CLI's own summary), then the resident memory of a server with the whole
 * catalog loaded, after opening a sample of career pages. Needs ../shared/data and, for PostgreSQL,
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test; a scratch schema is used).
 *
 *   npm run bench:import
 */
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const data = path.resolve(root, '../shared/data')
if (!fs.existsSync(data)) throw new Error(`${data} not found: the import benchmark needs the real datasets`)
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' })
const cli = path.join(root, 'dist/server/cli/main.js')
const main = path.join(root, 'dist/server/main.js')

function importAll(env: Record<string, string>): { seconds: number; lines: string[] } {
  const started = performance.now()
  const out = execFileSync(process.execPath, [cli, 'import', 'all', data], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  return { seconds: (performance.now() - started) / 1000, lines: out.split('\n') }
}

function rows(lines: string[]): number {
  return lines.map((l) => /^\s+[a-z_]+\s+([\d,]+)$/.exec(l)?.[1]).filter((v): v is string => v !== undefined).reduce((a, v) => a + Number(v.replace(/,/g, '')), 0)
}

async function serverRss(env: Record<string, string>): Promise<number> {
  const port = 20000 + Math.floor(Math.random() * 20000)
  const server = spawn(process.execPath, [main], { cwd: root, env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', PORT: String(port), ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise<void>((resolve, reject) => {
    let out = ''
    server.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      if (out.includes('Pathways is ready')) resolve()
    })
    server.on('exit', (code) => reject(new Error(`server exited ${code}`)))
  })
  const list = (await (await fetch(`http://127.0.0.1:${port}/api/v1/careers?limit=100`)).json()) as { items: { slug: string }[] }
  for (const { slug } of list.items) await fetch(`http://127.0.0.1:${port}/careers/${slug}`)
  const status = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8')
  server.kill('SIGTERM')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024
}

const sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'))
const sqlite = importAll({ DATA_DIR: sqliteDir })
const rss = await serverRss({ DATA_DIR: sqliteDir })

const schema = `bench_${process.pid}`
const admin = new pg.Client({ connectionString: pgUrl })
await admin.connect()
await admin.query(`create schema ${schema}`)
const url = `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
execFileSync(process.execPath, [main, '--role=migrate'], { cwd: root, env: { PATH: process.env.PATH ?? '', DATABASE_URL: url, LOG_LEVEL: 'warn' }, stdio: 'inherit' })
const postgres = importAll({ DATABASE_URL: url })
await admin.query(`drop schema ${schema} cascade`)
await admin.end()
fs.rmSync(sqliteDir, { recursive: true, force: true })

const total = rows(sqlite.lines)
console.log(`node ${process.version}; ${total.toLocaleString('en-US')} rows from ${data}`)
console.log('| engine | import all: wall time | rows/s |')
console.log('|---|---:|---:|')
console.log(`| SQLite (embedded) | ${sqlite.seconds.toFixed(1)} s | ${Math.round(total / sqlite.seconds).toLocaleString('en-US')} |`)
console.log(`| PostgreSQL 15 | ${postgres.seconds.toFixed(1)} s | ${Math.round(rows(postgres.lines) / postgres.seconds).toLocaleString('en-US')} |`)
console.log(`server RSS with the whole catalog loaded, after 100 career pages: ${rss.toFixed(0)} MB`)

/**
 * A fresh database per test file: a SQLite file in a temp folder, or — when TEST_DATABASE_URL is
 * set — a PostgreSQL schema of its own, dropped afterwards.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createSchema, dropSchema, openDb, type Db } from '../../server/platform/db/client.js'

export interface TestDb {
  db: Db
  engine: 'sqlite' | 'postgres'
  cleanup(): Promise<void>
}

export async function openTestDb(): Promise<TestDb> {
  const url = process.env.TEST_DATABASE_URL
  if (url) {
    const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
    await createSchema(url, schema)
    const db = openDb({ kind: 'postgres', url }, { schema })
    return {
      db,
      engine: 'postgres',
      async cleanup() {
        await db.close().catch(() => undefined) // a test may have closed it already
        await dropSchema(url, schema)
      },
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pathways-test-'))
  const db = openDb({ kind: 'sqlite', file: path.join(dir, 'test.sqlite') })
  return {
    db,
    engine: 'sqlite',
    async cleanup() {
      await db.close().catch(() => undefined)
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

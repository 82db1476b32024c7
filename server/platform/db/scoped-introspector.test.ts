import { afterAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { createSchema, dropSchema, openDb } from './client.js'
import { migrateToLatest } from './migrate.js'

// PostgreSQL only; runs in the PostgreSQL suite (TEST_DATABASE_URL set).
const url = process.env.TEST_DATABASE_URL

describe.skipIf(!url)('schema-scoped introspection on PostgreSQL (skipped without TEST_DATABASE_URL; runs in the PostgreSQL suite)', () => {
  const ours = `t_intro_${process.pid}_a`
  const other = `t_intro_${process.pid}_b`
  afterAll(async () => {
    await dropSchema(url!, ours)
    await dropSchema(url!, other)
  })

  it('sees only its own schema, so migrations survive other schemas being dropped meanwhile', async () => {
    await createSchema(url!, ours)
    const db = openDb({ kind: 'postgres', url: url! }, { schema: ours })
    try {
      // Another schema that appears and disappears over and over while we migrate.
      let churning = true
      const churn = (async () => {
        let rounds = 0
        while (churning || rounds < 3) {
          await createSchema(url!, other)
          const side = openDb({ kind: 'postgres', url: url! }, { schema: other })
          await sql`create table ${sql.id(other, 'facts')} (id serial primary key, value text)`.execute(side.kysely)
          await side.close()
          await dropSchema(url!, other)
          rounds++
        }
        return rounds
      })()
      await migrateToLatest(db)
      churning = false
      expect(await churn).toBeGreaterThanOrEqual(3)

      const tables = await db.kysely.introspection.getTables({ withInternalKyselyTables: true })
      expect(new Set(tables.map((t) => t.schema))).toEqual(new Set([ours]))
      expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['kysely_migration', 'users', 'facts']))
      const withoutInternal = await db.kysely.introspection.getTables()
      expect(withoutInternal.some((t) => t.name.startsWith('kysely_migration'))).toBe(false)
      const users = tables.find((t) => t.name === 'users')!
      expect(users.columns.map((c) => c.name)).toContain('email')
    } finally {
      await db.close()
    }
  })
})

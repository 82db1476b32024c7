/**
 * A populated embedded installation for the backup tests: the real curated catalog, two fixture
 * imports, people created and signed in through the API (sessions, a passport, a school, a cohort a
 * learner joined by code), and then one synthetic row in every table still empty — with awkward
 * values (Unicode, quotes, newlines, 0.1, nested JSON with unordered keys) — so every table is
 * covered by the checksums.
 */
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { buildApp } from '../../server/app.js'
import { loadConfig } from '../../server/config.js'
import { createDeps } from '../../server/deps.js'
import { createImportRepository, createImportService, IMPORTERS, openInput, type Importer } from '../../server/modules/importers/index.js'
import { openDb } from '../../server/platform/db/client.js'
import { migrateToLatest } from '../../server/platform/db/migrate.js'
import { openSqliteReader, quote } from '../../server/platform/db/backup/reader.js'
import { declaredJsonColumns, describeTables, insertOrder } from '../../server/platform/db/backup/tables.js'
import { TEST_SECRET_KEY } from '../support/auth.js'
import { REAL_CATALOG, ROOT } from '../support/test-app.js'

export const PASSWORD = 'correct horse battery staple'

export interface Seeded {
  file: string
  learner: { id: string; email: string }
  cohortId: string
  schoolId: string
  /** Tables filled with a synthetic row because no API call above wrote to them. */
  synthetic: string[]
}

const quiet = { info: () => undefined }

export async function seedEmbedded(dataDir: string): Promise<Seeded> {
  const config = loadConfig({ DATA_DIR: dataDir, CATALOG_DIR: REAL_CATALOG, NODE_ENV: 'test' }, ROOT)
  if (config.database.kind !== 'sqlite') throw new Error('expected SQLite')
  const db = openDb(config.database)
  const deps = createDeps(config, db, quiet, { secretKey: TEST_SECRET_KEY })
  await migrateToLatest(db)
  await deps.catalog.sync()
  const imports = createImportService({ repo: createImportRepository(db) })
  for (const source of ['onet', 'bls-oews']) {
    const input = await openInput(path.join(ROOT, 'test/fixtures/import', source))
    try {
      await imports.run(IMPORTERS[source] as Importer, input, { batchSize: 50 })
    } finally {
      await input.close()
    }
  }
  await deps.catalog.refresh()
  const app = await buildApp(deps)
  await app.ready()
  const now = new Date().toISOString()
  const person = async (label: string, platformRole: 'user' | 'platform_admin' = 'user') => {
    const user = {
      id: randomUUID(), email: `${label}-${randomUUID().slice(0, 6)}@example.org`, display_name: `${label} Ünïcødé`, password_hash: await deps.identity.hasher.hash(PASSWORD),
      email_verified_at: now, platform_role: platformRole, status: 'active', created_at: now, updated_at: now, password_changed_at: now,
    } as const
    await db.kysely.insertInto('users').values(user).execute()
    return user
  }
  // Load shedding may answer 503 while argon2 hashes on a busy machine: retried as a client would.
  const inject = async (request: InjectOptions): Promise<LightMyRequestResponse> => {
    for (let attempt = 0; ; attempt++) {
      const res = await app.inject(request)
      if (res.statusCode !== 503 || attempt >= 20) return res
      await new Promise((r) => setTimeout(r, 500))
    }
  }
  const signin = async (email: string) => {
    const res = await inject({ method: 'POST', url: '/api/v1/auth/signin', headers: { 'sec-fetch-site': 'same-origin' }, payload: { email, password: PASSWORD } })
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`)
    const cookie = String([res.headers['set-cookie']].flat().find((c) => String(c).startsWith('__Host-sid='))).split(';')[0]!
    return { cookie, 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken, 'sec-fetch-site': 'same-origin' }
  }
  const call = async (headers: Record<string, string>, method: 'POST' | 'PUT', url: string, payload: object) => {
    const res = await inject({ method, url: `/api/v1${url}`, headers, payload })
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`)
    return res.json<Record<string, unknown>>()
  }
  const schoolId = randomUUID()
  await db.kysely.insertInto('schools').values({ id: schoolId, name: 'Riverside “High”', slug: 'riverside', created_at: now }).execute()
  const admin = await person('admin')
  await db.kysely.insertInto('memberships').values({ user_id: admin.id, school_id: schoolId, role: 'school_admin', created_at: now }).execute()
  const learner = await person('learner')
  const adminSession = await signin(admin.email)
  const learnerSession = await signin(learner.email)
  await call(learnerSession, 'PUT', '/me/passport', { skills: [{ skill: 'Python', level: 3 }, { skill: 'sql', level: 2 }], targets: ['back-end-developer'] })
  const cohort = await call(adminSession, 'POST', `/schools/${schoolId}/cohorts`, { name: 'Year 10 — “Bakers”' })
  await call(learnerSession, 'POST', '/cohorts/join', { code: String(cohort.joinCode) })
  await app.close()
  await db.close()

  const synthetic = await fillEmptyTables(config.database.file)
  return { file: config.database.file, learner: { id: learner.id, email: learner.email }, cohortId: String(cohort.id), schoolId, synthetic }
}

/** Values the tables' CHECK constraints demand. */
const CHECKED: Record<string, Record<string, unknown>> = {
  users: { platform_role: 'user', status: 'disabled' },
  memberships: { role: 'educator' },
  auth_tokens: { purpose: 'reset_password' },
  parental_consents: { status: 'pending' },
  passport_skills: { level: 4, source: 'evidence' },
  learning_plans: { optimise: 'cost' },
  adapted_pathway_decisions: { decision: 'declined' },
  cohort_assignments: { kind: 'pathway', career_slug: null },
}

/** One row in every empty table, foreign keys pointing at existing rows. */
async function fillEmptyTables(file: string): Promise<string[]> {
  const reader = openSqliteReader(file, { readonly: false })
  const json = await declaredJsonColumns()
  const filled: string[] = []
  try {
    for (const table of insertOrder(await describeTables(reader))) {
      if ((await reader.query(`select 1 from ${quote(table.name)} limit 1`)).length > 0) continue
      const info = await reader.query(`select name, type from pragma_table_info(?)`, [table.name])
      const fks = await reader.query(`select id, "table" as target, "from" as col, "to" as ref from pragma_foreign_key_list(?)`, [table.name])
      const row: Record<string, unknown> = {}
      for (const c of info) {
        const name = String(c.name)
        const type = String(c.type).toLowerCase()
        row[name] = json.get(table.name)?.has(name) ? '{"b":[1,2.5,null,true],"a":{"z":"é\\n","y":null}}'
          : type.includes('int') ? 1
          : type.includes('double') || type.includes('real') ? 0.1
          : `${name} ✓ "q" ' \n ${randomUUID().slice(0, 4)}`
      }
      Object.assign(row, CHECKED[table.name])
      for (const id of new Set(fks.map((f) => Number(f.id)))) {
        const parts = fks.filter((f) => Number(f.id) === id)
        const target = String(parts[0]!.target)
        const refs = parts.map((p) => String(p.ref ?? 'id'))
        const [found] = await reader.query(`select ${refs.map(quote).join(', ')} from ${quote(target)} limit 1`)
        if (found) parts.forEach((p, i) => (row[String(p.col)] = found[refs[i]!]))
      }
      const cols = Object.keys(row)
      await reader.query(`insert into ${quote(table.name)} (${cols.map(quote).join(', ')}) values (${cols.map(() => '?').join(', ')})`, cols.map((c) => row[c]))
      filled.push(table.name)
    }
  } finally {
    reader.close()
  }
  return filled
}

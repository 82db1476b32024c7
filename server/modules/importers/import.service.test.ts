import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { memoryInput } from '../../../test/support/memory-input.js'
import { openTestDb, type TestDb } from '../../../test/support/test-db.js'
import { migrateToLatest } from '../../platform/db/migrate.js'
import { ImportInputError, type Importer } from './import-types.js'
import { countByOrigin, createImportRepository } from './import.repository.js'
import { createImportService } from './import.service.js'

/** A small importer: one source, one career per row of `jobs`, one wage fact per career. */
const jobsImporter: Importer = {
  origin: 'jobs',
  description: 'test jobs',
  files: () => ['jobs'],
  recognises: (input) => input.has('jobs'),
  async run(input, sink) {
    await sink.add('sources', { id: 'jobs-v1', origin: 'jobs', publisher: 'Test', title: 'Jobs', kind: 'official-statistics', version: '1', url: null, licence: null, attribution: null, published: null, retrieved: null, seed_document: null, note: null })
    let n = 0
    for await (const row of input.rows('jobs', { columns: ['code', 'title', 'wage'] })) {
      const wage = Number(row.values.wage)
      if (Number.isNaN(wage)) throw new ImportInputError(row.file, 'column wage is not a number', row.line)
      await sink.add('careers', { id: `jobs:${row.values.code}`, origin: 'jobs', slug: `job-${row.values.code}`, title: row.values.title ?? '', summary: 's', description: null, field_path: '[]', education: null, experience: null, position: n, job_zone: null, attributes: null })
      await sink.add('occupation_facts', { id: `jobs-v1/${row.values.code}`, origin: 'jobs', system: 'soc-2018', code: row.values.code ?? '', title: row.values.title ?? '', kind: 'salary', statistic: 'median', value: wage, low: null, high: null, label: null, unit: 'per-year', currency: 'USD', period: '2024-05', place_id: 'united-states', source_id: 'jobs-v1', as_of: null, note: null, position: n })
      n += 1
    }
    return { rows: { careers: n }, notes: [] }
  },
}

const rows = (count: number, wage = (i: number) => String(50000 + i)) =>
  Array.from({ length: count }, (_, i) => ({ code: `11-${String(1000 + i)}`, title: `Job ${i}`, wage: wage(i) }))

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  await migrateToLatest(t.db)
})
afterEach(async () => {
  await t.cleanup()
})

async function dump() {
  const k = t.db.kysely
  return {
    careers: await k.selectFrom('careers').selectAll().orderBy('id').execute(),
    facts: await k.selectFrom('occupation_facts').selectAll().orderBy('id').execute(),
    sources: await k.selectFrom('sources').selectAll().orderBy('id').execute(),
  }
}

describe('import engine', () => {
  it('publishes everything and bumps the catalog version', async () => {
    const service = createImportService({ repo: createImportRepository(t.db) })
    const result = await service.run(jobsImporter, memoryInput({ jobs: rows(25) }), { batchSize: 7 })
    expect(result).toMatchObject({ status: 'published', rowsStaged: 51, catalogVersion: 1 })
    expect(await countByOrigin(t.db, 'jobs')).toMatchObject({ careers: 25, occupation_facts: 25, sources: 1 })
    expect(await t.db.kysely.selectFrom('import_staging').selectAll().execute()).toEqual([])
  })

  it('changes nothing when the same input is imported again', async () => {
    const service = createImportService({ repo: createImportRepository(t.db) })
    await service.run(jobsImporter, memoryInput({ jobs: rows(5) }))
    const before = await dump()
    const again = await service.run(jobsImporter, memoryInput({ jobs: rows(5) }))
    expect(again.status).toBe('unchanged')
    expect(await dump()).toEqual(before)
  })

  it('resumes after a crash between batches and ends exactly like an uninterrupted run', async () => {
    const service = createImportService({ repo: createImportRepository(t.db) })
    const crash = new Error('crash after batch 3')
    await expect(service.run(jobsImporter, memoryInput({ jobs: rows(40) }), { batchSize: 6, afterBatch: (b) => { if (b === 3) throw crash } })).rejects.toBe(crash)
    expect(await countByOrigin(t.db, 'jobs')).toMatchObject({ careers: 0 }) // nothing half-imported is visible
    const resumed = await service.run(jobsImporter, memoryInput({ jobs: rows(40) }), { batchSize: 6 })
    expect(resumed.resumedAfterRows).toBe(18)
    const afterResume = await dump()

    const clean = await openTestDb()
    await migrateToLatest(clean.db)
    await createImportService({ repo: createImportRepository(clean.db) }).run(jobsImporter, memoryInput({ jobs: rows(40) }), { batchSize: 6 })
    const k = clean.db.kysely
    const uninterrupted = {
      careers: await k.selectFrom('careers').selectAll().orderBy('id').execute(),
      facts: await k.selectFrom('occupation_facts').selectAll().orderBy('id').execute(),
      sources: await k.selectFrom('sources').selectAll().orderBy('id').execute(),
    }
    await clean.cleanup()
    expect(afterResume).toEqual(uninterrupted)
  })

  it('leaves the published data untouched when the input turns out to be bad', async () => {
    const service = createImportService({ repo: createImportRepository(t.db) })
    await service.run(jobsImporter, memoryInput({ jobs: rows(5) }))
    const before = await dump()
    const bad = rows(30, (i) => (i === 20 ? 'lots' : String(60000 + i)))
    await expect(service.run(jobsImporter, memoryInput({ jobs: bad }), { batchSize: 4 })).rejects.toThrow(/jobs:22: column wage is not a number/)
    expect(await dump()).toEqual(before)
  })

  it('replaces an origin’s rows when a newer input is imported', async () => {
    const service = createImportService({ repo: createImportRepository(t.db) })
    await service.run(jobsImporter, memoryInput({ jobs: rows(10) }))
    await service.run(jobsImporter, memoryInput({ jobs: rows(3, (i) => String(70000 + i)) }))
    const { facts } = await dump()
    expect(facts.map((f) => f.value)).toEqual([70000, 70001, 70002])
  })
})

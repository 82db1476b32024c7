import type { Kysely } from 'kysely'
import { jsonColumn } from '../json.js'

/**
 * Imported public datasets (O*NET, ESCO, BLS, NCES, BEA) beside the curated catalog. Figures and
 * programmes are keyed by official occupation codes, not by career, so that every career carrying a
 * code — curated or imported, whichever source was imported first — sees them. Imports are staged in
 * committed batches with a checkpoint and published in one transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const json = jsonColumn(db)
  await db.schema.alterTable('careers').addColumn('job_zone', 'integer').execute()
  await db.schema.alterTable('careers').addColumn('attributes', json).execute()
  await db.schema.alterTable('career_skills').addColumn('importance', 'double precision').execute()
  await db.schema.alterTable('career_skills').addColumn('level', 'double precision').execute()
  await db.schema.alterTable('career_skills').addColumn('relation', 'text').execute()
  await db.schema.alterTable('career_skills').addColumn('hot_technology', 'integer').execute()
  await db.schema.alterTable('career_skills').addColumn('in_demand', 'integer').execute()
  await db.schema.alterTable('career_relations').addColumn('relatedness', 'text').execute()

  await db.schema
    .createTable('career_tasks')
    .addColumn('career_id', 'text', (c) => c.notNull().references('careers.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('task', 'text', (c) => c.notNull())
    .addColumn('task_type', 'text')
    .addPrimaryKeyConstraint('career_tasks_pk', ['career_id', 'position'])
    .execute()

  await db.schema
    .createTable('occupation_facts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('system', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('statistic', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('low', 'double precision')
    .addColumn('high', 'double precision')
    .addColumn('label', 'text')
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('currency', 'text')
    .addColumn('period', 'text')
    .addColumn('place_id', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addColumn('as_of', 'text')
    .addColumn('note', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('occupation_facts_code_idx').on('occupation_facts').columns(['system', 'code']).execute()

  await db.schema
    .createTable('occupation_attributes')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('system', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addPrimaryKeyConstraint('occupation_attributes_pk', ['system', 'code', 'key', 'source_id'])
    .execute()

  await db.schema
    .createTable('occupation_programmes')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('soc_code', 'text', (c) => c.notNull())
    .addColumn('cip_code', 'text', (c) => c.notNull())
    .addColumn('cip_title', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addPrimaryKeyConstraint('occupation_programmes_pk', ['soc_code', 'cip_code'])
    .execute()

  await db.schema
    .createTable('code_links')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('from_system', 'text', (c) => c.notNull())
    .addColumn('from_code', 'text', (c) => c.notNull())
    .addColumn('to_system', 'text', (c) => c.notNull())
    .addColumn('to_code', 'text', (c) => c.notNull())
    .addColumn('granularity', 'text', (c) => c.notNull())
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('code_links_pk', ['from_system', 'from_code', 'to_system', 'to_code', 'via'])
    .execute()
  await db.schema.createIndex('code_links_to_idx').on('code_links').columns(['to_system', 'to_code']).execute()

  await db.schema
    .createTable('price_parities')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('geo_fips', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('line', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addPrimaryKeyConstraint('price_parities_pk', ['geo_fips', 'line', 'year'])
    .execute()

  await db.schema
    .createTable('import_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('input_hash', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('checkpoint', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_staged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('summary', json)
    .execute()

  await db.schema
    .createTable('import_staging')
    .addColumn('run_id', 'text', (c) => c.notNull().references('import_runs.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('rows', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_staging_pk', ['run_id', 'seq'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['import_staging', 'import_runs', 'price_parities', 'code_links', 'occupation_programmes', 'occupation_attributes', 'occupation_facts', 'career_tasks']) {
    await db.schema.dropTable(table).execute()
  }
  await db.schema.alterTable('career_relations').dropColumn('relatedness').execute()
  for (const column of ['in_demand', 'hot_technology', 'relation', 'level', 'importance']) {
    await db.schema.alterTable('career_skills').dropColumn(column).execute()
  }
  await db.schema.alterTable('careers').dropColumn('attributes').execute()
  await db.schema.alterTable('careers').dropColumn('job_zone').execute()
}

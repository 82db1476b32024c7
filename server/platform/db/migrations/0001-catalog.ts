import type { Kysely } from 'kysely'
import { jsonColumn } from '../json.js'

/**
 * The catalog: sources, places, exchange rates, providers, skills, credentials, resources, careers and
 * everything hanging off a career. Written once for both engines with Kysely's schema builder.
 * Numbers that can be fractional are double precision; flags are integers 0/1; dates are ISO text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const json = jsonColumn(db)
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('publisher', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'text')
    .addColumn('url', 'text')
    .addColumn('licence', 'text')
    .addColumn('attribution', 'text')
    .addColumn('published', 'text')
    .addColumn('retrieved', 'text')
    .addColumn('seed_document', 'text')
    .addColumn('note', 'text')
    .execute()

  await db.schema
    .createTable('places')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('exchange_rates')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('units_per_usd', 'double precision', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addPrimaryKeyConstraint('exchange_rates_pk', ['currency', 'period'])
    .execute()

  await db.schema
    .createTable('providers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .execute()

  await db.schema
    .createTable('skills')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('alt_labels', json)
    .addColumn('description', 'text')
    .addColumn('esco_uri', 'text')
    .addColumn('onet_element', 'text')
    .execute()

  await db.schema
    .createTable('credentials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_is_descriptive', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('provider_id', 'text', (c) => c.notNull().references('providers.id'))
    .addColumn('offered_via_id', 'text', (c) => c.references('providers.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('level', 'text')
    .addColumn('course_count', 'integer')
    .addColumn('duration_min', 'double precision')
    .addColumn('duration_max', 'double precision')
    .addColumn('duration_unit', 'text')
    .addColumn('summary', 'text')
    .addColumn('cip_code', 'text')
    .addColumn('url', 'text')
    .addColumn('sources', json, (c) => c.notNull())
    .addColumn('note', 'text')
    .execute()

  await db.schema
    .createTable('credential_skills')
    .addColumn('credential_id', 'text', (c) => c.notNull().references('credentials.id').onDelete('cascade'))
    .addColumn('skill_id', 'text', (c) => c.notNull().references('skills.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('credential_skills_pk', ['credential_id', 'skill_id'])
    .execute()

  await db.schema
    .createTable('resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('level', 'text')
    .addColumn('skills', json)
    .addColumn('url', 'text')
    .addColumn('sources', json, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('careers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('field_path', json, (c) => c.notNull())
    .addColumn('education', json)
    .addColumn('experience', json)
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('career_aliases')
    .addColumn('career_id', 'text', (c) => c.notNull().references('careers.id').onDelete('cascade'))
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('career_aliases_pk', ['career_id', 'alias'])
    .execute()

  await db.schema
    .createTable('career_codes')
    .addColumn('career_id', 'text', (c) => c.notNull().references('careers.id').onDelete('cascade'))
    .addColumn('system', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('granularity', 'text', (c) => c.notNull())
    .addColumn('sources', json)
    .addColumn('note', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('career_codes_pk', ['career_id', 'system', 'code'])
    .execute()
  await db.schema.createIndex('career_codes_code_idx').on('career_codes').columns(['system', 'code']).execute()

  await db.schema
    .createTable('facts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('career_id', 'text', (c) => c.notNull().references('careers.id').onDelete('cascade'))
    .addColumn('subject', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('statistic', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('low', 'double precision')
    .addColumn('high', 'double precision')
    .addColumn('label', 'text')
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('currency', 'text')
    .addColumn('approximate', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('period', 'text')
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('scope_label', 'text', (c) => c.notNull())
    .addColumn('scope_relation', 'text', (c) => c.notNull())
    .addColumn('scope_system', 'text')
    .addColumn('scope_code', 'text')
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addColumn('cited_in_id', 'text', (c) => c.references('sources.id'))
    .addColumn('as_of', 'text')
    .addColumn('is_reference', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('facts_career_kind_idx').on('facts').columns(['career_id', 'kind']).execute()

  await db.schema
    .createTable('career_skill_sets')
    .addColumn('career_id', 'text', (c) => c.notNull().references('careers.id').onDelete('cascade'))
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addColumn('scale_max', 'double precision')
    .addColumn('stated_specialized', 'integer')
    .addColumn('stated_common', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('career_skill_sets_pk', ['career_id', 'source_id'])
    .execute()

  await db.schema
    .createTable('career_skills')
    .addColumn('career_id', 'text', (c) => c.notNull().references('careers.id').onDelete('cascade'))
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addColumn('skill_id', 'text', (c) => c.notNull().references('skills.id'))
    .addColumn('kind', 'text')
    .addColumn('score', 'double precision')
    .addColumn('note', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('career_skills_pk', ['career_id', 'source_id', 'skill_id'])
    .execute()
  await db.schema.createIndex('career_skills_skill_idx').on('career_skills').column('skill_id').execute()

  await db.schema
    .createTable('career_items')
    .addColumn('career_id', 'text', (c) => c.notNull().references('careers.id').onDelete('cascade'))
    .addColumn('list', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('sources', json)
    .addPrimaryKeyConstraint('career_items_pk', ['career_id', 'list', 'position'])
    .execute()

  await db.schema
    .createTable('career_credentials')
    .addColumn('career_id', 'text', (c) => c.notNull().references('careers.id').onDelete('cascade'))
    .addColumn('credential_id', 'text', (c) => c.notNull().references('credentials.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('sources', json, (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('career_credentials_pk', ['career_id', 'credential_id'])
    .execute()

  await db.schema
    .createTable('career_resources')
    .addColumn('career_id', 'text', (c) => c.notNull().references('careers.id').onDelete('cascade'))
    .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('career_resources_pk', ['career_id', 'resource_id'])
    .execute()

  await db.schema
    .createTable('pathway_steps')
    .addColumn('career_id', 'text', (c) => c.notNull().references('careers.id').onDelete('cascade'))
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('duration_min', 'double precision')
    .addColumn('duration_max', 'double precision')
    .addColumn('duration_unit', 'text')
    .addColumn('level', 'text')
    .addColumn('group_label', 'text')
    .addColumn('skills', json)
    .addColumn('credentials', json)
    .addColumn('sources', json)
    .addPrimaryKeyConstraint('pathway_steps_pk', ['career_id', 'section', 'position'])
    .execute()

  await db.schema
    .createTable('career_relations')
    .addColumn('career_id', 'text', (c) => c.notNull().references('careers.id').onDelete('cascade'))
    .addColumn('related_id', 'text', (c) => c.notNull().references('careers.id').onDelete('cascade'))
    .addColumn('sources', json)
    .addColumn('note', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('career_relations_pk', ['career_id', 'related_id'])
    .execute()

  await db.schema
    .createTable('specialisations')
    .addColumn('career_id', 'text', (c) => c.notNull().references('careers.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('focus', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('skills', json)
    .addColumn('sources', json, (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('specialisations_pk', ['career_id', 'id'])
    .execute()

  await db.schema
    .createTable('faqs')
    .addColumn('career_id', 'text', (c) => c.notNull().references('careers.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('sources', json)
    .addPrimaryKeyConstraint('faqs_pk', ['career_id', 'position'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'faqs', 'specialisations', 'career_relations', 'pathway_steps', 'career_resources', 'career_credentials',
    'career_items', 'career_skills', 'career_skill_sets', 'facts', 'career_codes', 'career_aliases', 'careers',
    'resources', 'credential_skills', 'credentials', 'skills', 'providers', 'exchange_rates', 'places',
    'sources', 'meta',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}

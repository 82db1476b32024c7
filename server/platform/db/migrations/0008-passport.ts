import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely'
import { jsonColumn } from '../json.js'

/**
 * The learner's own data (issue 6): the skills passport (skills keyed by catalog skill id — one row
 * per group of equivalent ids —, earned credentials, target careers), learning plans with the items
 * marked done, pathway steps marked done, and an append-only log of progress events carrying the
 * coverage of each target career at that moment (the series the progress chart draws). Every row
 * belongs to one user and goes with the account (account-data.ts). Expand-only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const json = jsonColumn(db)
  const owner = (c: ColumnDefinitionBuilder) => c.notNull().references('users.id').onDelete('cascade')

  await db.schema
    .createTable('passport_skills')
    .addColumn('user_id', 'text', owner)
    .addColumn('skill_id', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('evidence', json, (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('passport_skills_pk', ['user_id', 'skill_id'])
    .addCheckConstraint('passport_skills_level_check', sql.raw('level between 0 and 5'))
    .addCheckConstraint('passport_skills_source_check', sql.raw("source in ('self', 'credential', 'evidence')"))
    .execute()

  await db.schema
    .createTable('passport_credentials')
    .addColumn('user_id', 'text', owner)
    .addColumn('credential_id', 'text', (c) => c.notNull())
    .addColumn('earned_on', 'text', (c) => c.notNull())
    // null: recorded by the learner; a plan id: recorded by marking that plan's item done.
    .addColumn('added_by_plan', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('passport_credentials_pk', ['user_id', 'credential_id'])
    .execute()

  await db.schema
    .createTable('passport_targets')
    .addColumn('user_id', 'text', owner)
    .addColumn('career_slug', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('passport_targets_pk', ['user_id', 'career_slug'])
    .execute()

  await db.schema
    .createTable('learning_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', owner)
    .addColumn('career_slug', 'text', (c) => c.notNull())
    .addColumn('hours_per_week', 'real', (c) => c.notNull())
    .addColumn('optimise', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('learning_plans_optimise_check', sql.raw("optimise in ('time', 'cost')"))
    .execute()
  await db.schema.createIndex('learning_plans_user_idx').on('learning_plans').columns(['user_id', 'created_at']).execute()

  await db.schema
    .createTable('learning_plan_items_done')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('learning_plans.id').onDelete('cascade'))
    .addColumn('user_id', 'text', owner)
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('learning_plan_items_done_pk', ['plan_id', 'item_id'])
    .execute()

  await db.schema
    .createTable('pathway_steps_done')
    .addColumn('user_id', 'text', owner)
    .addColumn('career_slug', 'text', (c) => c.notNull())
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('done_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pathway_steps_done_pk', ['user_id', 'career_slug', 'section', 'position'])
    .execute()

  await db.schema
    .createTable('progress_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', owner)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('coverage', json, (c) => c.notNull())
    .addColumn('items_done', 'integer', (c) => c.notNull())
    .addColumn('steps_done', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('progress_events_user_idx').on('progress_events').columns(['user_id', 'at']).execute()
}

import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely'
import { jsonColumn } from '../json.js'

/**
 * Educators (issue 8), every row inside one school (tenant):
 * - programmes a school runs, by CIP 2020 code, and the thresholds the school sets for calling an
 *   occupation high-wage, high-skill or in-demand;
 * - cohorts (optionally of a programme) with their staff (educators who run them), learners, a join
 *   code, and assignments of target careers or pathways;
 * - adapted pathways: a school's copy of a career's pathway with local steps, local credentials and
 *   its own order, the upstream steps it was last reconciled with (`base`) and the educator's
 *   decisions on upstream changes; learners' done marks on adapted steps.
 * Rows of a person (cohort memberships and staff places, done marks) go with the account
 * (account-data.ts). Expand-only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const json = jsonColumn(db)
  const school = (c: ColumnDefinitionBuilder) => c.notNull().references('schools.id').onDelete('cascade')
  const user = (c: ColumnDefinitionBuilder) => c.notNull().references('users.id').onDelete('cascade')

  await db.schema
    .createTable('school_programmes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', school)
    .addColumn('cip_code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('school_programmes_cip_unique', ['school_id', 'cip_code'])
    .execute()

  await db.schema
    .createTable('alignment_thresholds')
    .addColumn('school_id', 'text', (c) => c.primaryKey().references('schools.id').onDelete('cascade'))
    // High-wage: the occupation's national median annual wage is at or above this percentile of all occupations' medians.
    .addColumn('wage_percentile', 'real', (c) => c.notNull())
    // In-demand: projected employment change over the projection decade, in %, at or above this…
    .addColumn('growth_percent', 'real', (c) => c.notNull())
    // …or at least this many openings a year.
    .addColumn('annual_openings', 'integer', (c) => c.notNull())
    // High-skill: the typical entry education is at least this level (a BLS category key).
    .addColumn('education_level', 'text', (c) => c.notNull())
    // In-demand needs the growth OR the openings threshold met ('either'), or both of them ('both').
    .addColumn('demand_rule', 'text', (c) => c.notNull().defaultTo('either'))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('cohorts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', school)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('programme_id', 'text', (c) => c.references('school_programmes.id').onDelete('set null'))
    // Shown to the cohort's staff to hand out; unique across the instance; null when joining is switched off.
    .addColumn('join_code', 'text', (c) => c.unique())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute()
  await db.schema.createIndex('cohorts_school_idx').on('cohorts').columns(['school_id', 'created_at']).execute()

  await db.schema
    .createTable('cohort_staff')
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', user)
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cohort_staff_pk', ['cohort_id', 'user_id'])
    .execute()

  await db.schema
    .createTable('cohort_members')
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', user)
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cohort_members_pk', ['cohort_id', 'user_id'])
    .execute()
  await db.schema.createIndex('cohort_members_user_idx').on('cohort_members').column('user_id').execute()

  await db.schema
    .createTable('school_credentials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', school)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('hours', 'real')
    .addColumn('skills', json, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('adapted_pathways')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', school)
    .addColumn('career_slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // The upstream steps as last reconciled: what "changed upstream" is measured against.
    .addColumn('base', json, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('adapted_pathways_school_idx').on('adapted_pathways').column('school_id').execute()

  await db.schema
    .createTable('adapted_pathway_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pathway_id', 'text', (c) => c.notNull().references('adapted_pathways.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('duration_min', 'real')
    .addColumn('duration_max', 'real')
    .addColumn('duration_unit', 'text')
    .addColumn('credential_id', 'text') // a catalog credential
    .addColumn('school_credential_id', 'text', (c) => c.references('school_credentials.id').onDelete('set null'))
    // The upstream step this one came from (its key in `base`); null for a local step.
    .addColumn('upstream_key', 'text')
    // 1 once the school edited an upstream step's content: an upstream change to it is then a conflict.
    .addColumn('edited', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.createIndex('adapted_pathway_steps_idx').on('adapted_pathway_steps').columns(['pathway_id', 'position']).execute()

  await db.schema
    .createTable('adapted_pathway_decisions')
    .addColumn('pathway_id', 'text', (c) => c.notNull().references('adapted_pathways.id').onDelete('cascade'))
    .addColumn('change_key', 'text', (c) => c.notNull())
    // The upstream content the decision was about: a newer upstream change is asked about again.
    .addColumn('upstream_hash', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('adapted_pathway_decisions_pk', ['pathway_id', 'change_key'])
    .addCheckConstraint('adapted_pathway_decisions_check', sql.raw("decision in ('accepted', 'declined')"))
    .execute()

  await db.schema
    .createTable('adapted_steps_done')
    .addColumn('user_id', 'text', user)
    .addColumn('step_id', 'text', (c) => c.notNull().references('adapted_pathway_steps.id').onDelete('cascade'))
    .addColumn('pathway_id', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('adapted_steps_done_pk', ['user_id', 'step_id'])
    .execute()

  await db.schema
    .createTable('cohort_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    // 'career': a target career (its gap and catalog pathway); 'pathway': one of the school's adapted pathways.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('career_slug', 'text')
    .addColumn('pathway_id', 'text', (c) => c.references('adapted_pathways.id').onDelete('cascade'))
    .addColumn('due_on', 'text')
    .addColumn('note', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('cohort_assignments_kind_check', sql.raw("(kind = 'career' and career_slug is not null and pathway_id is null) or (kind = 'pathway' and pathway_id is not null)"))
    .execute()
  await db.schema.createIndex('cohort_assignments_cohort_idx').on('cohort_assignments').columns(['cohort_id', 'position']).execute()
}

/**
 * Row types of every table, as Kysely sees them. JSON columns are `Json`: text on SQLite, parsed
 * jsonb on PostgreSQL — read them with fromJson, write them with toJson.
 */
import type { ColumnType } from 'kysely'

export type Json = unknown
type Flag = number

export interface MetaTable { key: string; value: string }

export interface SourcesTable {
  id: string; origin: string; publisher: string; title: string; kind: string; version: string | null
  url: string | null; licence: string | null; attribution: string | null; published: string | null
  retrieved: string | null; seed_document: string | null; note: string | null
}

export interface PlacesTable { id: string; name: string; kind: string; country: string; currency: string }

export interface ExchangeRatesTable { currency: string; period: string; units_per_usd: number; source_id: string }

export interface ProvidersTable { id: string; name: string; kind: string; url: string | null }

export interface SkillsTable {
  id: string; origin: string; name: string; kind: string; alt_labels: Json | null; description: string | null
  esco_uri: string | null; onet_element: string | null
}

export interface CredentialsTable {
  id: string; origin: string; title: string; title_is_descriptive: Flag; provider_id: string
  offered_via_id: string | null; type: string; level: string | null; course_count: number | null
  duration_min: number | null; duration_max: number | null; duration_unit: string | null
  summary: string | null; cip_code: string | null; url: string | null; sources: Json; note: string | null
  hours?: number | null; cost_amount?: number | null; cost_currency?: string | null; prerequisites?: Json | null
}

export interface CredentialSkillsTable { credential_id: string; skill_id: string; position: number }

export interface ResourcesTable {
  id: string; origin: string; kind: string; title: string; description: string | null; level: string | null
  skills: Json | null; url: string | null; sources: Json
  hours?: number | null; cost_amount?: number | null; cost_currency?: string | null; prerequisites?: Json | null
}

export interface CareersTable {
  id: string; origin: string; slug: string; title: string; summary: string; description: string | null
  field_path: Json; education: Json | null; experience: Json | null; position: number
  job_zone: number | null; attributes: Json | null
}

export interface CareerAliasesTable { career_id: string; alias: string; position: number }

export interface CareerCodesTable {
  career_id: string; system: string; code: string; title: string; granularity: string
  sources: Json | null; note: string | null; position: number
}

export interface FactsTable {
  id: string; career_id: string; subject: string | null; kind: string; statistic: string
  value: number | null; low: number | null; high: number | null; label: string | null; unit: string
  currency: string | null; approximate: Flag; period: string | null; place_id: string; scope_label: string
  scope_relation: string; scope_system: string | null; scope_code: string | null; source_id: string
  cited_in_id: string | null; as_of: string | null; is_reference: Flag; note: string | null; position: number
}

export interface CareerSkillSetsTable {
  career_id: string; source_id: string; scale_max: number | null; stated_specialized: number | null
  stated_common: number | null; position: number
}

export interface CareerSkillsTable {
  career_id: string; source_id: string; skill_id: string; kind: string | null; score: number | null
  note: string | null; position: number; importance: number | null; level: number | null
  relation: string | null; hot_technology: number | null; in_demand: number | null
}

export interface CareerItemsTable {
  career_id: string; list: string; position: number; title: string | null; text: string; sources: Json | null
}

export interface CareerCredentialsTable {
  career_id: string; credential_id: string; role: string; sources: Json; position: number
}

export interface CareerResourcesTable { career_id: string; resource_id: string; position: number }

export interface PathwayStepsTable {
  career_id: string; section: string; position: number; title: string; text: string
  duration_min: number | null; duration_max: number | null; duration_unit: string | null
  level: string | null; group_label: string | null; skills: Json | null; credentials: Json | null
  sources: Json | null
}

export interface CareerRelationsTable {
  career_id: string; related_id: string; sources: Json | null; note: string | null; position: number
  relatedness: string | null
}

export interface SpecialisationsTable {
  career_id: string; id: string; title: string; focus: string; text: string; skills: Json | null
  sources: Json; position: number
}

export interface FaqsTable { career_id: string; position: number; question: string; answer: string; sources: Json | null }

export interface Database {
  meta: MetaTable
  sources: SourcesTable
  places: PlacesTable
  exchange_rates: ExchangeRatesTable
  providers: ProvidersTable
  skills: SkillsTable
  credentials: CredentialsTable
  credential_skills: CredentialSkillsTable
  resources: ResourcesTable
  careers: CareersTable
  career_aliases: CareerAliasesTable
  career_codes: CareerCodesTable
  facts: FactsTable
  career_skill_sets: CareerSkillSetsTable
  career_skills: CareerSkillsTable
  career_items: CareerItemsTable
  career_credentials: CareerCredentialsTable
  career_resources: CareerResourcesTable
  pathway_steps: PathwayStepsTable
  career_relations: CareerRelationsTable
  specialisations: SpecialisationsTable
  faqs: FaqsTable
  career_tasks: CareerTasksTable
  occupation_facts: OccupationFactsTable
  occupation_attributes: OccupationAttributesTable
  occupation_programmes: OccupationProgrammesTable
  code_links: CodeLinksTable
  price_parities: PriceParitiesTable
  import_runs: ImportRunsTable
  import_staging: ImportStagingTable
  users: UsersTable
  schools: SchoolsTable
  memberships: MembershipsTable
  sessions: SessionsTable
  auth_tokens: AuthTokensTable
  api_keys: ApiKeysTable
  mail_outbox: MailOutboxTable
  parental_consents: ParentalConsentsTable
  invitations: InvitationsTable
  access_log: AccessLogTable
  issuer_keys: IssuerKeysTable
  passport_skills: PassportSkillsTable
  passport_credentials: PassportCredentialsTable
  passport_targets: PassportTargetsTable
  learning_plans: LearningPlansTable
  learning_plan_items_done: LearningPlanItemsDoneTable
  pathway_steps_done: PathwayStepsDoneTable
  progress_events: ProgressEventsTable
  cvs: CvsTable
  school_programmes: SchoolProgrammesTable
  alignment_thresholds: AlignmentThresholdsTable
  cohorts: CohortsTable
  cohort_staff: CohortStaffTable
  cohort_members: CohortMembersTable
  school_credentials: SchoolCredentialsTable
  adapted_pathways: AdaptedPathwaysTable
  adapted_pathway_steps: AdaptedPathwayStepsTable
  adapted_pathway_decisions: AdaptedPathwayDecisionsTable
  adapted_steps_done: AdaptedStepsDoneTable
  cohort_assignments: CohortAssignmentsTable
}

export interface CareerTasksTable { career_id: string; position: number; task: string; task_type: string | null }

export interface OccupationFactsTable {
  id: string; origin: string; system: string; code: string; title: string; kind: string; statistic: string
  value: number | null; low: number | null; high: number | null; label: string | null; unit: string
  currency: string | null; period: string | null; place_id: string; source_id: string; as_of: string | null
  note: string | null; position: number
}

export interface OccupationAttributesTable { origin: string; system: string; code: string; key: string; value: string; source_id: string }

export interface OccupationProgrammesTable { origin: string; soc_code: string; cip_code: string; cip_title: string; source_id: string }

export interface CodeLinksTable {
  origin: string; from_system: string; from_code: string; to_system: string; to_code: string
  granularity: string; via: string; source_id: string; note: string | null
}

export interface PriceParitiesTable { origin: string; geo_fips: string; area: string; line: string; year: number; value: number; source_id: string }

export interface ImportRunsTable {
  id: string; origin: string; input_hash: string; state: string; checkpoint: number; rows_staged: number
  started_at: string; finished_at: string | null; summary: Json | null
}

export interface ImportStagingTable { run_id: string; seq: number; table_name: string; rows: string }

// --- Identity (0003) -------------------------------------------------------------------------------
// Timestamps are ISO-8601 UTC text. Secrets are stored only as hashes.

export interface UsersTable {
  id: string; email: string; display_name: string; password_hash: string; email_verified_at: string | null
  platform_role: 'user' | 'platform_admin'; status: 'active' | 'disabled'; created_at: string; updated_at: string
  password_changed_at: string
}

export interface SchoolsTable { id: string; name: string; slug: string; created_at: string }

export interface MembershipsTable { user_id: string; school_id: string; role: 'learner' | 'educator' | 'school_admin'; created_at: string }

export interface SessionsTable {
  id_hash: string; public_id: string; user_id: string; created_at: string; last_seen_at: string; expires_at: string
  rotated_from: string | null; user_agent: string | null
}

export interface AuthTokensTable {
  hash: string; purpose: 'verify_email' | 'reset_password' | 'setup'; user_id: string | null; expires_at: string
  used_at: string | null; created_at: string
}

export interface ApiKeysTable {
  id: string; user_id: string; name: string; prefix: string; key_hash: string; scopes: Json; school_id: string | null
  created_at: string; expires_at: string; revoked_at: string | null; last_used_at: string | null
}

export interface ParentalConsentsTable {
  user_id: string; parent_email: string; status: 'pending' | 'granted'; token_hash: string | null; requested_at: string; expires_at: string
  decided_at: string | null
}

export interface MailOutboxTable { id: string; to_address: string; subject: string; body: string; created_at: string }

export interface InvitationsTable {
  id: string; school_id: string; role: 'learner' | 'educator' | 'school_admin'; kind: 'link' | 'code'; email: string | null; secret_hash: string
  created_by: string | null; created_at: string; expires_at: string; max_uses: number; uses: number; revoked_at: string | null
}

export interface AccessLogTable {
  id: string; learner_id: string; actor_user_id: string | null; actor_key_id: string | null; actor_role: string; school_id: string | null
  record: string; purpose: string; at: string
}

/** The instance's credential-signing keys (0006); the private key is wrapped with SECRET_KEY. */
export interface IssuerKeysTable {
  id: string; generation: number; public_key_multibase: string; private_key_wrapped: string; created_at: string
  retired_at: string | null; revoked_at: string | null
}

// --- The learner's passport, plans and progress (0008) ----------------------------------------------

export interface PassportSkillsTable {
  user_id: string; skill_id: string; level: number; source: 'self' | 'credential' | 'evidence'; evidence: Json; updated_at: string
}
export interface PassportCredentialsTable { user_id: string; credential_id: string; earned_on: string; added_by_plan: string | null; created_at: string }
export interface PassportTargetsTable { user_id: string; career_slug: string; position: number }
export interface LearningPlansTable { id: string; user_id: string; career_slug: string; hours_per_week: number; optimise: 'time' | 'cost'; created_at: string }
export interface LearningPlanItemsDoneTable { plan_id: string; user_id: string; item_id: string; done_at: string }
export interface PathwayStepsDoneTable { user_id: string; career_slug: string; section: string; position: number; done_at: string }
export interface ProgressEventsTable {
  id: string; user_id: string; at: string; kind: string; ref: string; coverage: Json; items_done: number; steps_done: number
}

// --- Saved CVs (0009) ----------------------------------------------------------------------------------

export interface CvsTable {
  id: string; user_id: string; title: string; cv: Json; career_slug: string | null; template: string; created_at: string; updated_at: string
}

// --- Educators: programmes, cohorts, adapted pathways (0010) ------------------------------------------

export interface SchoolProgrammesTable { id: string; school_id: string; cip_code: string; title: string; created_at: string }
export interface AlignmentThresholdsTable {
  school_id: string; wage_percentile: number; growth_percent: number; annual_openings: number; education_level: string
  /** 'either' (growth OR openings) or 'both'; the column defaults to 'either'. */
  demand_rule: ColumnType<string, string | undefined, string>
  updated_by: string | null; updated_at: string
}
export interface CohortsTable {
  id: string; school_id: string; name: string; description: string | null; programme_id: string | null; join_code: string | null
  created_by: string | null; created_at: string; archived_at: string | null
}
export interface CohortStaffTable { cohort_id: string; user_id: string; added_at: string }
export interface CohortMembersTable { cohort_id: string; user_id: string; joined_at: string }
export interface SchoolCredentialsTable {
  id: string; school_id: string; title: string; issuer: string; summary: string | null; hours: number | null; skills: Json; created_at: string
}
export interface AdaptedPathwaysTable {
  id: string; school_id: string; career_slug: string; title: string; base: Json; created_by: string | null; created_at: string; updated_at: string
}
export interface AdaptedPathwayStepsTable {
  id: string; pathway_id: string; position: number; section: string; title: string; text: string
  duration_min: number | null; duration_max: number | null; duration_unit: string | null
  credential_id: string | null; school_credential_id: string | null; upstream_key: string | null; edited: Flag
}
export interface AdaptedPathwayDecisionsTable {
  pathway_id: string; change_key: string; upstream_hash: string; decision: 'accepted' | 'declined'; decided_by: string | null; decided_at: string
}
export interface AdaptedStepsDoneTable { user_id: string; step_id: string; pathway_id: string; done_at: string }
export interface CohortAssignmentsTable {
  id: string; cohort_id: string; kind: 'career' | 'pathway'; career_slug: string | null; pathway_id: string | null
  due_on: string | null; note: string | null; position: number; created_at: string
}

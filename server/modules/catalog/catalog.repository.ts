/**
 * Catalog persistence: replace the curated rows from a validated bundle in one transaction, and read
 * every catalog table back as plain rows for the in-memory index.
 */
import type { Insertable, Kysely, Transaction } from 'kysely'
import type { Db } from '../../platform/db/client.js'
import type { Database } from '../../platform/db/types.js'
import type * as T from '../../platform/db/types.js'
import type { CatalogBundle } from './catalog-loader.js'
import { bundleToRows, type CatalogRowSet } from './catalog-rows.js'

export const CURATED = 'catalog'
const BATCH = 100

/** Imported tables read into the index beside the curated ones. */
export interface ImportedRows {
  careerTasks: T.CareerTasksTable[]
  occupationFacts: T.OccupationFactsTable[]
  occupationAttributes: T.OccupationAttributesTable[]
  occupationProgrammes: T.OccupationProgrammesTable[]
  codeLinks: T.CodeLinksTable[]
}

export type CatalogRows = CatalogRowSet & ImportedRows & { version: number }

export function createCatalogRepository(db: Db) {
  const k = db.kysely
  return {
    async meta(key: string): Promise<string | undefined> {
      const row = await k.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst()
      return row?.value
    },

    /** Replaces every curated row with the bundle's; bumps the catalog version. Returns it. */
    async replaceCurated(bundle: CatalogBundle): Promise<number> {
      const rows = bundleToRows(bundle, CURATED)
      return k.transaction().execute(async (trx) => {
        await deleteCurated(trx)
        for (const [table, list] of Object.entries(rows) as [keyof CatalogRowSet, unknown[]][]) {
          await insertBatched(trx, table, list)
        }
        const current = await trx.selectFrom('meta').select('value').where('key', '=', 'catalog.version').executeTakeFirst()
        const version = Number(current?.value ?? 0) + 1
        await setMeta(trx, 'catalog.version', String(version))
        await setMeta(trx, 'catalog.hash', bundle.hash)
        return version
      })
    },

    /** Every catalog row, ordered for stable output. One query per table. */
    async readAll(): Promise<CatalogRows> {
      const [version, sources, places, exchangeRates, providers, skills, credentials, credentialSkills, resources,
        careers, careerAliases, careerCodes, facts, careerSkillSets, careerSkills, careerItems, careerCredentials,
        careerResources, pathwaySteps, careerRelations, specialisations, faqs] = await Promise.all([
        this.meta('catalog.version'),
        k.selectFrom('sources').selectAll().orderBy('id').execute(),
        k.selectFrom('places').selectAll().orderBy('id').execute(),
        k.selectFrom('exchange_rates').selectAll().orderBy('currency').execute(),
        k.selectFrom('providers').selectAll().orderBy('id').execute(),
        k.selectFrom('skills').selectAll().orderBy('id').execute(),
        k.selectFrom('credentials').selectAll().orderBy('id').execute(),
        k.selectFrom('credential_skills').selectAll().orderBy('credential_id').orderBy('position').execute(),
        k.selectFrom('resources').selectAll().orderBy('id').execute(),
        k.selectFrom('careers').selectAll().orderBy('position').orderBy('id').execute(),
        k.selectFrom('career_aliases').selectAll().orderBy('career_id').orderBy('position').execute(),
        k.selectFrom('career_codes').selectAll().orderBy('career_id').orderBy('position').execute(),
        k.selectFrom('facts').selectAll().orderBy('career_id').orderBy('position').execute(),
        k.selectFrom('career_skill_sets').selectAll().orderBy('career_id').orderBy('position').execute(),
        k.selectFrom('career_skills').selectAll().orderBy('career_id').orderBy('source_id').orderBy('position').execute(),
        k.selectFrom('career_items').selectAll().orderBy('career_id').orderBy('list').orderBy('position').execute(),
        k.selectFrom('career_credentials').selectAll().orderBy('career_id').orderBy('position').execute(),
        k.selectFrom('career_resources').selectAll().orderBy('career_id').orderBy('position').execute(),
        k.selectFrom('pathway_steps').selectAll().orderBy('career_id').orderBy('section').orderBy('position').execute(),
        k.selectFrom('career_relations').selectAll().orderBy('career_id').orderBy('position').execute(),
        k.selectFrom('specialisations').selectAll().orderBy('career_id').orderBy('position').execute(),
        k.selectFrom('faqs').selectAll().orderBy('career_id').orderBy('position').execute(),
      ])
      // Hundreds of thousands of rows repeat the same few ids: one string per value keeps the index small.
      const pool = new Map<string, string>()
      internStrings(careerSkills, ['career_id', 'source_id', 'skill_id', 'kind', 'relation'], pool)
      internStrings(careerAliases, ['career_id'], pool)
      internStrings(careerCodes, ['career_id', 'system', 'granularity'], pool)
      internStrings(careerRelations, ['career_id', 'related_id', 'relatedness'], pool)
      internStrings(careerSkillSets, ['career_id', 'source_id'], pool)
      const [careerTasks, occupationFacts, occupationAttributes, occupationProgrammes, codeLinks] = await Promise.all([
        k.selectFrom('career_tasks').selectAll().orderBy('career_id').orderBy('position').execute(),
        k.selectFrom('occupation_facts').selectAll().orderBy('system').orderBy('code').orderBy('position').execute(),
        k.selectFrom('occupation_attributes').selectAll().orderBy('system').orderBy('code').orderBy('key').execute(),
        k.selectFrom('occupation_programmes').selectAll().orderBy('soc_code').orderBy('cip_code').execute(),
        k.selectFrom('code_links').selectAll().orderBy('from_system').orderBy('from_code').orderBy('to_code').execute(),
      ])
      internStrings(careerTasks, ['career_id', 'task_type'], pool)
      internStrings(occupationFacts, ['origin', 'system', 'code', 'title', 'kind', 'statistic', 'unit', 'currency', 'period', 'place_id', 'source_id'], pool)
      return {
        version: Number(version ?? 0), sources, places, exchangeRates, providers, skills, credentials,
        credentialSkills, resources, careers, careerAliases, careerCodes, facts, careerSkillSets, careerSkills,
        careerItems, careerCredentials, careerResources, pathwaySteps, careerRelations, specialisations, faqs,
        careerTasks, occupationFacts, occupationAttributes, occupationProgrammes, codeLinks,
      }
    },
  }
}
export type CatalogRepository = ReturnType<typeof createCatalogRepository>

/** Replaces equal string values in the given columns by one shared string each. */
function internStrings<T extends object>(rows: T[], columns: (keyof T)[], pool: Map<string, string>): void {
  for (const row of rows) {
    for (const column of columns) {
      const value = row[column]
      if (typeof value !== 'string') continue
      const shared = pool.get(value)
      if (shared === undefined) pool.set(value, value)
      else row[column] = shared as T[keyof T]
    }
  }
}

const TABLE_OF: Record<keyof CatalogRowSet, keyof Database> = {
  sources: 'sources', places: 'places', exchangeRates: 'exchange_rates', providers: 'providers',
  skills: 'skills', credentials: 'credentials', credentialSkills: 'credential_skills', resources: 'resources',
  careers: 'careers', careerAliases: 'career_aliases', careerCodes: 'career_codes', facts: 'facts',
  careerSkillSets: 'career_skill_sets', careerSkills: 'career_skills', careerItems: 'career_items',
  careerCredentials: 'career_credentials', careerResources: 'career_resources', pathwaySteps: 'pathway_steps',
  careerRelations: 'career_relations', specialisations: 'specialisations', faqs: 'faqs',
}

async function insertBatched(trx: Transaction<Database>, key: keyof CatalogRowSet, rows: unknown[]): Promise<void> {
  const table = TABLE_OF[key]
  for (let i = 0; i < rows.length; i += BATCH) {
    await trx.insertInto(table).values(rows.slice(i, i + BATCH) as Insertable<Database[typeof table]>[]).execute()
  }
}

/** Children first; careers cascade to everything that hangs off them. */
async function deleteCurated(trx: Kysely<Database>): Promise<void> {
  await trx.deleteFrom('careers').where('origin', '=', CURATED).execute()
  await trx.deleteFrom('resources').where('origin', '=', CURATED).execute()
  await trx.deleteFrom('credentials').where('origin', '=', CURATED).execute()
  await trx.deleteFrom('skills').where('origin', '=', CURATED).execute()
  await trx.deleteFrom('providers').execute()
  await trx.deleteFrom('exchange_rates').execute()
  await trx.deleteFrom('places').execute()
  await trx.deleteFrom('sources').where('origin', '=', CURATED).execute()
}

async function setMeta(trx: Kysely<Database>, key: string, value: string): Promise<void> {
  await trx
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()
}

/**
 * The contract between the import engine, the input readers and the per-source mappers.
 *
 * A mapper reads its files through an ImportInput and hands rows — already in table shape — to an
 * ImportSink. The engine stages them in committed batches with a checkpoint and publishes them in one
 * transaction, replacing every row the same `origin` published before. Mappers are deterministic: the
 * same input always yields the same rows in the same order (resume after a crash relies on it).
 */
import type * as T from '../../platform/db/types.js'

/** Tables an import may write, with their row shapes. Every row carries the import's origin where the table has one. */
export interface StagedRows {
  sources: T.SourcesTable
  careers: T.CareersTable
  career_aliases: T.CareerAliasesTable
  career_codes: T.CareerCodesTable
  career_tasks: T.CareerTasksTable
  skills: T.SkillsTable
  career_skill_sets: T.CareerSkillSetsTable
  career_skills: T.CareerSkillsTable
  career_relations: T.CareerRelationsTable
  occupation_facts: T.OccupationFactsTable
  occupation_attributes: T.OccupationAttributesTable
  occupation_programmes: T.OccupationProgrammesTable
  code_links: T.CodeLinksTable
  price_parities: T.PriceParitiesTable
}
export type StagedTable = keyof StagedRows

export interface ImportSink {
  add<K extends StagedTable>(table: K, row: StagedRows[K]): Promise<void>
}

/** One data row of a delimited file or a worksheet; `line` is 1-based and counts the header. */
export interface InputRow {
  file: string
  line: number
  values: Record<string, string>
}

export interface ReadOptions {
  /** Columns that must be present in the header (others are allowed and ignored). */
  columns: readonly string[]
  /** Tab for O*NET text files, comma for CSV, semicolon for the crosswalk exports. */
  delimiter?: '\t' | ',' | ';'
  /** Worksheet name for .xlsx files. */
  sheet?: string
  /** 1-based row of the header in a worksheet (BLS tables have title rows above it). */
  headerRow?: number
}

/** A folder, a single file, or a zip as published — read the same way. */
export interface ImportInput {
  /** The path the user gave, for messages. */
  readonly path: string
  /** File names (base names) the input holds, including entries of zips directly inside a folder. */
  names(): string[]
  has(name: string): boolean
  /** Streams the rows of a CSV/TSV (or .xlsx) file, validating header, encoding and row shape. */
  rows(name: string, options: ReadOptions): AsyncIterable<InputRow>
  /** SHA-256 over the named files' bytes, in the order given: identifies an input for resume. */
  hash(names: readonly string[]): Promise<string>
  close(): Promise<void>
}

export interface ImportContext {
  /** Career slugs taken by the curated catalog; an imported career that would collide gets a suffix. */
  reservedSlugs: ReadonlySet<string>
  /** Called now and then with rows read so far, for progress display. */
  progress?: (rowsRead: number) => void
}

export interface ImportSummary {
  /** Counts of rows handed to the sink, by table. */
  rows: Partial<Record<StagedTable, number>>
  /** Anything a person should know (rows skipped on purpose, with the reason). */
  notes: string[]
}

export interface Importer {
  /** The source family, e.g. `onet`, `esco`, `bls-oews`: a re-import replaces this origin's rows. */
  readonly origin: string
  readonly description: string
  /** Base names of the files it needs; the input hash covers exactly these. */
  files(input: ImportInput): string[]
  /** True when the input looks like this source (used by `import all`). */
  recognises(input: ImportInput): boolean
  run(input: ImportInput, sink: ImportSink, context: ImportContext): Promise<ImportSummary>
}

/** Bad input: names the file and, where known, the line and column. Exit code 2 from the CLI. */
export class ImportInputError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}${column === undefined ? '' : `:${column}`}: ${message}`)
    this.name = 'ImportInputError'
  }
}

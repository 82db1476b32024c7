/**
 * Reads the curated catalog folder, validates every file against its schema and every reference
 * across files, and returns one bundle. Nothing is written here: a bad catalog never half-loads.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { TSchema } from 'typebox'
import { Value } from 'typebox/value'
import { LineCounter, parseDocument, isNode, type Document } from 'yaml'
import {
  CareerFile,
  CredentialFile,
  ExchangeRateFile,
  PlaceFile,
  ProviderFile,
  ResourceFile,
  SkillFile,
  SourceFile,
} from './catalog-files.schema.js'
import { checkReferences } from './catalog-references.js'

export interface CatalogBundle {
  hash: string
  sources: SourceFile['sources']
  places: PlaceFile['places']
  exchangeRates: ExchangeRateFile['exchangeRates']
  providers: ProviderFile['providers']
  skills: SkillFile['skills']
  credentials: CredentialFile['credentials']
  resources: ResourceFile['resources']
  careers: CareerFile[]
}

export interface CatalogProblem {
  file: string
  pointer: string
  line?: number
  column?: number
  message: string
}

/** A catalog that cannot be loaded; `problems` name the file, the JSON pointer and what is wrong. */
export class CatalogError extends Error {
  constructor(readonly problems: CatalogProblem[]) {
    super(`The catalog is invalid:\n${problems.map(formatProblem).join('\n')}`)
    this.name = 'CatalogError'
  }
}

export function formatProblem(p: CatalogProblem): string {
  const where = p.line === undefined ? '' : ` (line ${p.line}, column ${p.column ?? 1})`
  return `  ${p.file}: at ${p.pointer || '/'}${where}: ${p.message}`
}

const SINGLE_FILES = {
  sources: ['sources.yaml', SourceFile],
  places: ['places.yaml', PlaceFile],
  exchangeRates: ['exchange-rates.yaml', ExchangeRateFile],
  providers: ['providers.yaml', ProviderFile],
  skills: ['skills.yaml', SkillFile],
  credentials: ['credentials.yaml', CredentialFile],
  resources: ['resources.yaml', ResourceFile],
} as const

interface Parsed<T> {
  file: string
  data: T
  locate: (pointer: string) => { line: number; column: number } | undefined
}

/** Loads and validates the catalog under `dir`; throws CatalogError listing what is wrong. */
export function loadCatalog(dir: string): CatalogBundle {
  const problems: CatalogProblem[] = []
  const hash = createHash('sha256')
  const read = <T>(relative: string, schema: TSchema): Parsed<T> | undefined => {
    const parsed = parseFile<T>(dir, relative, schema, problems)
    if (parsed) hash.update(relative).update('\0').update(fs.readFileSync(path.join(dir, relative)))
    return parsed
  }

  const single: Record<string, Parsed<Record<string, unknown[]>> | undefined> = {}
  for (const [key, [file, schema]] of Object.entries(SINGLE_FILES)) single[key] = read(file, schema)
  const careerDir = path.join(dir, 'careers')
  const careerFiles = fs.existsSync(careerDir)
    ? fs.readdirSync(careerDir).filter((f) => f.endsWith('.yaml')).sort()
    : []
  if (careerFiles.length === 0) problems.push({ file: 'careers/', pointer: '', message: 'no career files found' })
  const careers = careerFiles
    .map((f) => read<CareerFile>(`careers/${f}`, CareerFile))
    .filter((c): c is Parsed<CareerFile> => c !== undefined)
  if (problems.length > 0) throw new CatalogError(problems)

  const list = <K extends keyof typeof SINGLE_FILES>(key: K) =>
    (single[key]?.data[key] ?? []) as CatalogBundle[K]
  const bundle: CatalogBundle = {
    hash: hash.digest('hex'),
    sources: list('sources'),
    places: list('places'),
    exchangeRates: list('exchangeRates'),
    providers: list('providers'),
    skills: list('skills'),
    credentials: list('credentials'),
    resources: list('resources'),
    careers: careers.map((c) => c.data),
  }
  const locators = new Map<string, Parsed<unknown>['locate']>()
  for (const [key, parsed] of Object.entries(single)) if (parsed) locators.set(SINGLE_FILES[key as keyof typeof SINGLE_FILES][0], parsed.locate)
  for (const c of careers) locators.set(c.file, c.locate)
  const referenceProblems = checkReferences(bundle, careers.map((c) => c.file)).map((p) => ({
    ...p,
    ...locators.get(p.file)?.(p.pointer),
  }))
  if (referenceProblems.length > 0) throw new CatalogError(referenceProblems)
  return bundle
}

function parseFile<T>(dir: string, relative: string, schema: TSchema, problems: CatalogProblem[]): Parsed<T> | undefined {
  const full = path.join(dir, relative)
  if (!fs.existsSync(full)) {
    problems.push({ file: relative, pointer: '', message: 'file is missing' })
    return undefined
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(fs.readFileSync(full, 'utf8'), { lineCounter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    for (const error of doc.errors.slice(0, 5)) {
      const pos = lineCounter.linePos(error.pos[0])
      problems.push({ file: relative, pointer: '', line: pos.line, column: pos.col, message: `YAML syntax: ${error.code}` })
    }
    return undefined
  }
  const data: unknown = doc.toJS()
  const locate = (pointer: string) => locateNode(doc, lineCounter, pointer)
  const errors = schemaProblems(schema, data)
  for (const { pointer, message } of errors.slice(0, 10)) {
    problems.push({ file: relative, pointer, message, ...locate(pointer) })
  }
  return errors.length === 0 ? { file: relative, data: data as T, locate } : undefined
}

/** Schema errors as (pointer, message), most specific first, one per pointer. */
export function schemaProblems(schema: TSchema, data: unknown): { pointer: string; message: string }[] {
  const seen = new Set<string>()
  const out: { pointer: string; message: string }[] = []
  for (const error of Value.Errors(schema, data)) {
    if (error.keyword === 'boolean') continue // additionalProperties is reported once more, with the key's name
    const extra = (error.params as { additionalProperties?: string[] }).additionalProperties
    const message = extra ? `unknown property ${extra.map((k) => JSON.stringify(k)).join(', ')}` : error.message
    const pointer = extra?.length === 1 ? `${error.instancePath}/${extra[0]}` : error.instancePath
    if (seen.has(pointer)) continue
    seen.add(pointer)
    out.push({ pointer, message })
  }
  return out
}

function locateNode(doc: Document, counter: LineCounter, pointer: string) {
  const keys = pointer.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
  // Walk down as far as the path exists; a missing property is reported at its parent.
  for (let depth = keys.length; depth >= 0; depth--) {
    const path = keys.slice(0, depth).map((k) => (/^\d+$/.test(k) ? Number(k) : k))
    const node = depth === 0 ? doc.contents : doc.getIn(path, true)
    if (isNode(node) && node.range) {
      const pos = counter.linePos(node.range[0])
      return { line: pos.line, column: pos.col }
    }
  }
  return undefined
}

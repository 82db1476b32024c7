/**
 * What the passport pages share: their services, the route options (reads name `me.passport.read`,
 * form posts `me.passport.write`), the first value of a query parameter, looking a typed name up in
 * the catalog (exact title or id; otherwise the nearest entries to offer), and the dataset credit
 * for what a page shows.
 */
import type { FastifyRequest } from 'fastify'
import { requireAuthenticated } from '../../server/modules/identity/index.js'
import type { PassportModule, PassportService } from '../../server/modules/passport/index.js'
import type { Source } from '../../shared/schemas.js'
import type { AccountPagesOptions } from '../account/page-kit.js'
import type { Asset } from '../assets.js'
import { datasetSources, skillOrigin } from '../datasets.js'
import type { WebCareers, WebSearch } from '../web.routes.js'
import type { PickerChoice } from './skill-picker.js'

export interface PassportPagesOptions extends AccountPagesOptions {
  /** The learner's passport, plans and the analysis (deps.learner). */
  learner: PassportModule
  careers: WebCareers
  search: WebSearch
  /** web/skill-picker.js, served by these pages. */
  picker: Asset
}

export const readPage = { schema: { hide: true }, config: { operation: 'me.passport.read' as const } }
export const formPost = { schema: { hide: true }, config: { operation: 'me.passport.write' as const, form: true as const } }

/** The first value of a query parameter given once or repeated. */
export function queryValue(query: unknown, name: string): string | undefined {
  const value = (query as Record<string, unknown> | undefined)?.[name]
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' ? first : undefined
}

/** The signed-in learner (or their API key's owner, for reads); an API key's read is logged. */
export async function learnerOf(request: FastifyRequest, passport: PassportService, record: string): Promise<string> {
  const actor = requireAuthenticated(request.actor)
  await passport.noteRead(actor, record)
  return actor.userId
}

const squash = (text: string): string => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9+#]+/g, ' ').trim()

export type NameLookup = { found: string } | { choices: PickerChoice[] }

/**
 * A typed name as a catalog key: the entry whose title (or id) is the text, ignoring case, accents
 * and punctuation; else up to five near entries to choose from.
 */
export function lookUpName(search: WebSearch, kind: 'skill' | 'credential' | 'career', text: string): NameLookup {
  const q = text.trim().slice(0, 200)
  if (q === '') return { choices: [] }
  const hits = search.search({ q, type: kind, limit: 5 }).items.map((i) => ({ id: i.id ?? i.slug ?? '', title: i.title })).filter((i) => i.id !== '')
  const wanted = squash(q)
  const exact = hits.find((h) => squash(h.title) === wanted || h.id === q)
  return exact ? { found: exact.id } : { choices: hits }
}

/** The submitted key of a picker: the id the script chose, the offered choice picked, or the typed text. */
export function pickedKey(fields: { id: string; choice: string; name: string }): { key: string; typed: boolean } {
  if (fields.id.trim() !== '') return { key: fields.id.trim(), typed: false }
  if (fields.choice.trim() !== '') return { key: fields.choice.trim(), typed: false }
  return { key: fields.name.trim(), typed: true }
}

/**
 * The sources to credit: the O*NET and ESCO datasets behind the careers and skills shown, and the
 * BLS releases behind pay, growth and education figures.
 */
export function creditsFor(careers: WebCareers, shown: { careerOrigins?: Iterable<string>; skillIds?: Iterable<string>; sourceIds?: Iterable<string> }): Source[] {
  const origins = new Set([...(shown.careerOrigins ?? [])])
  for (const id of shown.skillIds ?? []) origins.add(skillOrigin(id))
  const all = careers.sources()
  const datasets = datasetSources(careers.summaries(), all, origins)
  const ids = new Set(shown.sourceIds ?? [])
  const figures = all.filter((s) => ids.has(s.id) && !datasets.some((d) => d.id === s.id))
  return [...datasets, ...figures]
}

/**
 * Adapted pathways: a school's copy of a career's catalog pathway, with local steps, local
 * credentials and its own order, that keeps tracking its upstream. `base` holds the upstream steps
 * as last reconciled; the difference between it and the current catalog's steps is what the school
 * is asked about, change by change (pathway-diff.ts). Accepting or declining moves that one entry
 * of `base` to the decided upstream version and writes a decision row, in one transaction.
 *
 * Every query is filtered by the school (the policy hook has checked the caller belongs to it): an
 * id of another school is simply not found.
 */
import { randomUUID } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import { fromJson, toJson } from '../../platform/db/json.js'
import type { AdaptedPathwayStepsTable, Database } from '../../platform/db/types.js'
import { AppError, notFound } from '../../platform/http/errors.js'
import type { CatalogIndex } from '../careers/index.js'
import type { EducatorsDeps } from './deps.js'
import { contentOf, diffUpstream, keyUpstream, moveBase, REMOVED_HASH, type FieldChange, type StepContent, type UpstreamChange, type UpstreamStep } from './pathway-diff.js'

type Db = Kysely<Database> | Transaction<Database>
type StepRow = AdaptedPathwayStepsTable

/** The catalog's sections of a pathway, in reading order. */
export const SECTIONS = ['gettingStarted', 'traditionalPath', 'progression', 'advancement'] as const

export interface CredentialRef { id: string; title: string }

export interface AdaptedStep extends StepContent {
  id: string
  position: number
  origin: 'upstream' | 'local'
  upstreamKey: string | null
  edited: boolean
  credential: CredentialRef | null
  schoolCredential: CredentialRef | null
  schoolCredentialId: string | null
}

export interface PathwaySummary {
  id: string
  title: string
  career: { slug: string; title: string | null }
  steps: { local: number; upstream: number }
  pendingChanges: number
  createdAt: string
  updatedAt: string
}

export interface PathwayDetail extends PathwaySummary {
  items: AdaptedStep[]
}

export interface ChangeView {
  key: string
  kind: UpstreamChange['kind']
  hash: string
  before: StepContent | null
  after: StepContent | null
  fields: FieldChange[]
  /** True when the school edited (or deleted) its copy of the step: accepting replaces the local state. */
  conflict: boolean
  /** The school's copy: 'unchanged' (as in base), 'edited', 'deleted' (the school removed it), 'none' (an addition). */
  localState: 'unchanged' | 'edited' | 'deleted' | 'none'
  local: AdaptedStep | null
}

export interface SchoolCredential {
  id: string
  title: string
  issuer: string
  summary: string | null
  hours: number | null
  skills: string[]
  createdAt: string
}

export interface StepInput {
  section: string
  title: string
  text: string
  durationMin?: number | null
  durationMax?: number | null
  durationUnit?: string | null
  credentialId?: string | null
  schoolCredentialId?: string | null
}

export interface CredentialInput {
  title: string
  issuer: string
  summary?: string | null
  hours?: number | null
  skills?: string[]
}

const iso = (ms: number) => new Date(ms).toISOString()
const invalid = (field: string, message: string) =>
  new AppError('request.invalid', 400, `Invalid body field ${field}: ${message}`, { errors: [{ pointer: `/body/${field}`, message }] })

interface UpstreamTables {
  careers: Map<string, { id: string; title: string }>
  steps: Map<string, StepContent[]>
  credentials: Map<string, string>
  skills: Map<string, string>
}

const sectionRank = (s: string): number => {
  const i = (SECTIONS as readonly string[]).indexOf(s)
  return i < 0 ? SECTIONS.length : i
}

/** The upstream of every career, built once per catalog version. */
const upstreamOf = (index: CatalogIndex): UpstreamTables => index.derived('adapted-pathways-upstream', (built) => {
  const titles = new Map(built.careers.map((c) => [c.slug, c.title]))
  const careers = new Map(built.rows.careers.map((c) => [c.slug, { id: c.id, title: titles.get(c.slug) ?? c.slug }]))
  const slugById = new Map(built.rows.careers.map((c) => [c.id, c.slug]))
  const credentials = new Map(built.rows.credentials.map((c) => [c.id, c.title]))
  const rows = new Map<string, typeof built.rows.pathwaySteps>()
  for (const s of built.rows.pathwaySteps) {
    const slug = slugById.get(s.career_id)
    if (slug === undefined) continue
    let list = rows.get(slug)
    if (!list) rows.set(slug, (list = []))
    list.push(s)
  }
  const steps = new Map<string, StepContent[]>()
  for (const [slug, list] of rows) {
    const sorted = [...list].sort((a, b) => sectionRank(a.section) - sectionRank(b.section) || a.section.localeCompare(b.section) || a.position - b.position)
    steps.set(slug, sorted.map((s) => {
      const ids = fromJson<unknown[] | null>(s.credentials, null) ?? []
      const first = ids.map((x) => (typeof x === 'string' ? x : typeof x === 'object' && x !== null && 'id' in x ? String((x as { id: unknown }).id) : '')).find((x) => x !== '')
      return {
        section: s.section, title: s.title, text: s.text, durationMin: s.duration_min, durationMax: s.duration_max,
        durationUnit: s.duration_unit, credentialId: first ?? null,
      }
    }))
  }
  return { careers, steps, credentials, skills: new Map(built.rows.skills.map((s) => [s.id, s.name])) }
})

export function createAdaptedPathwaysService(deps: EducatorsDeps) {
  const { db, clock } = deps
  const tables = (): UpstreamTables => upstreamOf(deps.catalog.index())
  const now = () => iso(clock.now())

  const careerSlug = (key: string): string | undefined => {
    const trimmed = key.trim()
    if (tables().careers.has(trimmed)) return trimmed
    return deps.catalog.index().byCode(trimmed)[0]?.careers[0]?.slug
  }

  async function pathwayRow(q: Db, schoolId: string, pathwayId: string) {
    const row = await q.selectFrom('adapted_pathways').selectAll().where('id', '=', pathwayId).where('school_id', '=', schoolId).executeTakeFirst()
    if (!row) throw notFound('adapted_pathway', pathwayId)
    return row
  }

  const stepRows = (q: Db, pathwayId: string) =>
    q.selectFrom('adapted_pathway_steps').selectAll().where('pathway_id', '=', pathwayId).orderBy('position').orderBy('id').execute()

  const baseOf = (row: { base: unknown }): UpstreamStep[] => fromJson<UpstreamStep[]>(row.base, [])

  /** The current upstream of a pathway, keyed against its base. */
  const currentUpstream = (careerSlugValue: string, base: readonly UpstreamStep[]): UpstreamStep[] =>
    keyUpstream(tables().steps.get(careerSlugValue) ?? [], base)

  async function schoolCredentialTitles(q: Db, schoolId: string): Promise<Map<string, string>> {
    const rows = await q.selectFrom('school_credentials').select(['id', 'title']).where('school_id', '=', schoolId).execute()
    return new Map(rows.map((r) => [r.id, r.title]))
  }

  function toStep(row: StepRow, local: Map<string, string>): AdaptedStep {
    const credentials = tables().credentials
    return {
      id: row.id, position: row.position, section: row.section, title: row.title, text: row.text,
      durationMin: row.duration_min, durationMax: row.duration_max, durationUnit: row.duration_unit,
      credentialId: row.credential_id,
      credential: row.credential_id === null ? null : { id: row.credential_id, title: credentials.get(row.credential_id) ?? row.credential_id },
      schoolCredentialId: row.school_credential_id,
      schoolCredential: row.school_credential_id === null ? null : { id: row.school_credential_id, title: local.get(row.school_credential_id) ?? row.school_credential_id },
      origin: row.upstream_key === null ? 'local' : 'upstream', upstreamKey: row.upstream_key, edited: row.edited === 1,
    }
  }

  const rowContent = (row: StepRow): StepContent => ({
    section: row.section, title: row.title, text: row.text, durationMin: row.duration_min, durationMax: row.duration_max,
    durationUnit: row.duration_unit, credentialId: row.credential_id,
  })
  const contentColumns = (c: StepContent) => ({
    section: c.section, title: c.title, text: c.text, duration_min: c.durationMin, duration_max: c.durationMax,
    duration_unit: c.durationUnit, credential_id: c.credentialId,
  })

  function summaryOf(row: { id: string; title: string; career_slug: string; base: unknown; created_at: string; updated_at: string }, steps: readonly StepRow[]): PathwaySummary {
    const base = baseOf(row)
    const upstream = steps.filter((s) => s.upstream_key !== null).length
    return {
      id: row.id, title: row.title,
      career: { slug: row.career_slug, title: tables().careers.get(row.career_slug)?.title ?? null },
      steps: { local: steps.length - upstream, upstream },
      pendingChanges: diffUpstream(base, currentUpstream(row.career_slug, base)).length,
      createdAt: row.created_at, updatedAt: row.updated_at,
    }
  }

  async function detailOf(q: Db, schoolId: string, pathwayId: string): Promise<PathwayDetail> {
    const row = await pathwayRow(q, schoolId, pathwayId)
    const [steps, local] = await Promise.all([stepRows(q, pathwayId), schoolCredentialTitles(q, schoolId)])
    return { ...summaryOf(row, steps), items: steps.map((s) => toStep(s, local)) }
  }

  /** Writes positions 0..n-1 in the given order (only the rows whose position moves). */
  async function renumber(q: Db, ordered: readonly { id: string; position: number }[]): Promise<void> {
    for (const [i, s] of ordered.entries()) {
      if (s.position !== i) await q.updateTable('adapted_pathway_steps').set({ position: i }).where('id', '=', s.id).execute()
    }
  }

  const touch = (q: Db, pathwayId: string) => q.updateTable('adapted_pathways').set({ updated_at: now() }).where('id', '=', pathwayId).execute()

  /** A catalog credential id and a school credential id, checked (400 when unknown here). */
  async function checkRefs(q: Db, schoolId: string, input: { credentialId?: string | null; schoolCredentialId?: string | null }): Promise<void> {
    if (input.credentialId != null && !tables().credentials.has(input.credentialId)) throw invalid('credentialId', 'no catalog credential has this id')
    if (input.schoolCredentialId != null) {
      const found = await q.selectFrom('school_credentials').select('id').where('id', '=', input.schoolCredentialId).where('school_id', '=', schoolId).executeTakeFirst()
      if (!found) throw invalid('schoolCredentialId', 'the school has no local credential with this id')
    }
  }

  function checkDurations(min: number | null, max: number | null): void {
    if (min !== null && max !== null && min > max) throw invalid('durationMax', 'must not be less than durationMin')
  }

  async function stepRow(q: Db, pathwayId: string, stepId: string): Promise<StepRow> {
    const row = await q.selectFrom('adapted_pathway_steps').selectAll().where('id', '=', stepId).where('pathway_id', '=', pathwayId).executeTakeFirst()
    if (!row) throw notFound('adapted_step', stepId)
    return row
  }

  /** The pending changes of a pathway, with the school's side of each. */
  function changesOf(base: readonly UpstreamStep[], current: readonly UpstreamStep[], steps: readonly StepRow[], local: Map<string, string>): ChangeView[] {
    const byKey = new Map(steps.filter((s) => s.upstream_key !== null).map((s) => [s.upstream_key!, s]))
    return diffUpstream(base, current).map((c) => {
      const mine = byKey.get(c.key)
      // An addition may find a copy already there: upstream removed the step, the school declined, upstream brought it back.
      const localState: ChangeView['localState'] = !mine ? (c.kind === 'added' ? 'none' : 'deleted') : mine.edited === 1 ? 'edited' : 'unchanged'
      const conflict = localState === 'edited' || (localState === 'deleted' && c.kind === 'changed')
      return { key: c.key, kind: c.kind, hash: c.hash, before: c.before, after: c.after, fields: c.fields, conflict, localState, local: mine ? toStep(mine, local) : null }
    })
  }

  /**
   * Where an upstream step goes back in: after the copy of its nearest preceding upstream step, else
   * before the copy of the nearest following one (in the current upstream order, then in the base
   * order), else last.
   */
  function insertionIndex(orders: readonly (readonly { key: string }[])[], key: string, steps: readonly StepRow[]): number {
    const indexOfKey = (k: string) => steps.findIndex((s) => s.upstream_key === k)
    for (const order of orders) {
      const at = order.findIndex((c) => c.key === key)
      if (at < 0) continue
      for (let i = at - 1; i >= 0; i--) {
        const j = indexOfKey(order[i]!.key)
        if (j >= 0) return j + 1
      }
      for (let i = at + 1; i < order.length; i++) {
        const j = indexOfKey(order[i]!.key)
        if (j >= 0) return j
      }
    }
    return steps.length
  }

  /** Applies or declines one change inside a transaction; returns what was decided. */
  async function decideIn(trx: Transaction<Database>, schoolId: string, pathwayId: string, key: string, decision: 'accept' | 'decline', hash: string, actorId: string | null): Promise<ChangeView> {
    const row = await pathwayRow(trx, schoolId, pathwayId)
    const base = baseOf(row)
    const current = currentUpstream(row.career_slug, base)
    const steps = await stepRows(trx, pathwayId)
    const local = await schoolCredentialTitles(trx, schoolId)
    const change = changesOf(base, current, steps, local).find((c) => c.key === key)
    if (!change) throw notFound('upstream_change', key)
    if (change.hash !== hash) {
      throw new AppError('upstream_change.stale', 409, 'The upstream step changed again since this change was shown: look at it again.', { key, hash: change.hash })
    }
    if (decision === 'accept') {
      const mine = steps.filter((s) => s.upstream_key === key)
      if (change.kind === 'removed') {
        if (mine.length > 0) {
          await trx.deleteFrom('adapted_steps_done').where('step_id', 'in', mine.map((m) => m.id)).execute()
          await trx.deleteFrom('adapted_pathway_steps').where('pathway_id', '=', pathwayId).where('upstream_key', '=', key).execute()
        }
        await renumber(trx, steps.filter((s) => s.upstream_key !== key))
      } else if (mine.length > 0) {
        await trx.updateTable('adapted_pathway_steps').set({ ...contentColumns(change.after!), edited: 0, school_credential_id: null })
          .where('pathway_id', '=', pathwayId).where('upstream_key', '=', key).execute()
      } else {
        const at = insertionIndex([current, base], key, steps)
        const id = randomUUID()
        await trx.insertInto('adapted_pathway_steps').values({
          id, pathway_id: pathwayId, position: at, ...contentColumns(change.after!), school_credential_id: null, upstream_key: key, edited: 0,
        }).execute()
        const ordered = [...steps]
        ordered.splice(at, 0, { id, position: at } as StepRow)
        await renumber(trx, ordered)
      }
    }
    await trx.updateTable('adapted_pathways').set({ base: toJson(moveBase(base, current, key)) as string, updated_at: now() }).where('id', '=', pathwayId).execute()
    const decided = decision === 'accept' ? 'accepted' as const : 'declined' as const
    const at = now()
    await trx.insertInto('adapted_pathway_decisions')
      .values({ pathway_id: pathwayId, change_key: key, upstream_hash: hash, decision: decided, decided_by: actorId, decided_at: at })
      .onConflict((oc) => oc.columns(['pathway_id', 'change_key']).doUpdateSet({ upstream_hash: hash, decision: decided, decided_by: actorId, decided_at: at }))
      .execute()
    return change
  }

  return {
    /** The school's adapted pathways, newest first. */
    async list(schoolId: string): Promise<PathwaySummary[]> {
      const rows = await db.selectFrom('adapted_pathways').selectAll().where('school_id', '=', schoolId).orderBy('created_at', 'desc').orderBy('id').execute()
      if (rows.length === 0) return []
      const steps = await db.selectFrom('adapted_pathway_steps').selectAll().where('pathway_id', 'in', rows.map((r) => r.id)).execute()
      return rows.map((r) => summaryOf(r, steps.filter((s) => s.pathway_id === r.id)))
    },

    /** Copies a career's upstream steps (career by slug or official code). */
    async copy(schoolId: string, actorId: string | null, input: { career: string; title?: string }): Promise<PathwayDetail> {
      const slug = careerSlug(input.career)
      if (slug === undefined) throw notFound('career', input.career)
      const career = tables().careers.get(slug)!
      const upstream = currentUpstream(slug, [])
      const id = randomUUID()
      const at = now()
      return db.transaction().execute(async (trx) => {
        await trx.insertInto('adapted_pathways').values({
          id, school_id: schoolId, career_slug: slug, title: input.title?.trim() || career.title, base: toJson(upstream) as string,
          created_by: actorId, created_at: at, updated_at: at,
        }).execute()
        if (upstream.length > 0) {
          await trx.insertInto('adapted_pathway_steps').values(upstream.map((s, i) => ({
            id: randomUUID(), pathway_id: id, position: i, ...contentColumns(s), school_credential_id: null, upstream_key: s.key, edited: 0,
          }))).execute()
        }
        return detailOf(trx, schoolId, id)
      })
    },

    detail: (schoolId: string, pathwayId: string): Promise<PathwayDetail> => detailOf(db, schoolId, pathwayId),

    /** The ordered steps of a pathway (for cohorts, dashboards and reports). */
    async steps(schoolId: string, pathwayId: string): Promise<AdaptedStep[]> {
      return (await detailOf(db, schoolId, pathwayId)).items
    },

    async rename(schoolId: string, pathwayId: string, title: string): Promise<PathwayDetail> {
      await pathwayRow(db, schoolId, pathwayId)
      await db.updateTable('adapted_pathways').set({ title: title.trim(), updated_at: now() }).where('id', '=', pathwayId).where('school_id', '=', schoolId).execute()
      return detailOf(db, schoolId, pathwayId)
    },

    async remove(schoolId: string, pathwayId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await pathwayRow(trx, schoolId, pathwayId)
        // Children first: SQLite enforces the cascade only with foreign keys on.
        await trx.deleteFrom('adapted_steps_done').where('pathway_id', '=', pathwayId).execute()
        await trx.deleteFrom('adapted_pathway_steps').where('pathway_id', '=', pathwayId).execute()
        await trx.deleteFrom('adapted_pathway_decisions').where('pathway_id', '=', pathwayId).execute()
        await trx.deleteFrom('adapted_pathways').where('id', '=', pathwayId).where('school_id', '=', schoolId).execute()
      })
    },

    /** Adds a local step at `position` (0-based; default last). */
    async addStep(schoolId: string, pathwayId: string, input: StepInput & { position?: number }): Promise<AdaptedStep> {
      return db.transaction().execute(async (trx) => {
        await pathwayRow(trx, schoolId, pathwayId)
        await checkRefs(trx, schoolId, input)
        checkDurations(input.durationMin ?? null, input.durationMax ?? null)
        const steps = await stepRows(trx, pathwayId)
        const at = Math.min(input.position ?? steps.length, steps.length)
        const id = randomUUID()
        await trx.insertInto('adapted_pathway_steps').values({
          id, pathway_id: pathwayId, position: at, section: input.section, title: input.title.trim(), text: input.text.trim(),
          duration_min: input.durationMin ?? null, duration_max: input.durationMax ?? null, duration_unit: input.durationUnit ?? null,
          credential_id: input.credentialId ?? null, school_credential_id: input.schoolCredentialId ?? null, upstream_key: null, edited: 0,
        }).execute()
        const ordered = [...steps]
        ordered.splice(at, 0, { id, position: at } as StepRow)
        await renumber(trx, ordered)
        await touch(trx, pathwayId)
        return toStep(await stepRow(trx, pathwayId, id), await schoolCredentialTitles(trx, schoolId))
      })
    },

    /** Changes a step; a content change to an upstream step marks it edited. */
    async updateStep(schoolId: string, pathwayId: string, stepId: string, patch: Partial<StepInput>): Promise<AdaptedStep> {
      return db.transaction().execute(async (trx) => {
        await pathwayRow(trx, schoolId, pathwayId)
        const row = await stepRow(trx, pathwayId, stepId)
        await checkRefs(trx, schoolId, patch)
        const before = rowContent(row)
        const after: StepContent = contentOf({ ...before, ...Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && k !== 'schoolCredentialId')) } as StepContent)
        after.title = after.title.trim()
        after.text = after.text.trim()
        checkDurations(after.durationMin, after.durationMax)
        const schoolCredentialId = patch.schoolCredentialId === undefined ? row.school_credential_id : patch.schoolCredentialId
        const changed = JSON.stringify(before) !== JSON.stringify(after) || schoolCredentialId !== row.school_credential_id
        if (changed) {
          await trx.updateTable('adapted_pathway_steps').set({
            ...contentColumns(after), school_credential_id: schoolCredentialId, edited: row.upstream_key !== null ? 1 : row.edited,
          }).where('id', '=', stepId).execute()
          await touch(trx, pathwayId)
        }
        return toStep(await stepRow(trx, pathwayId, stepId), await schoolCredentialTitles(trx, schoolId))
      })
    },

    async removeStep(schoolId: string, pathwayId: string, stepId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await pathwayRow(trx, schoolId, pathwayId)
        await stepRow(trx, pathwayId, stepId)
        await trx.deleteFrom('adapted_steps_done').where('step_id', '=', stepId).execute()
        await trx.deleteFrom('adapted_pathway_steps').where('id', '=', stepId).execute()
        await renumber(trx, (await stepRows(trx, pathwayId)))
        await touch(trx, pathwayId)
      })
    },

    /** Puts the steps in this order: exactly the pathway's step ids, each once. */
    async reorder(schoolId: string, pathwayId: string, stepIds: readonly string[]): Promise<PathwayDetail> {
      return db.transaction().execute(async (trx) => {
        await pathwayRow(trx, schoolId, pathwayId)
        const steps = await stepRows(trx, pathwayId)
        const known = new Map(steps.map((s) => [s.id, s]))
        if (new Set(stepIds).size !== stepIds.length || stepIds.length !== steps.length || !stepIds.every((id) => known.has(id))) {
          throw new AppError('adapted_pathway.order_invalid', 400, 'The order must list each of the pathway’s step ids exactly once.', {
            errors: [{ pointer: '/body/stepIds', message: 'must be exactly the pathway’s step ids, each once' }],
          })
        }
        await renumber(trx, stepIds.map((id) => known.get(id)!))
        await touch(trx, pathwayId)
        return detailOf(trx, schoolId, pathwayId)
      })
    },

    /** Moves a step one place up or down (the pages' buttons). */
    async move(schoolId: string, pathwayId: string, stepId: string, direction: 'up' | 'down'): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await pathwayRow(trx, schoolId, pathwayId)
        const steps = await stepRows(trx, pathwayId)
        const i = steps.findIndex((s) => s.id === stepId)
        if (i < 0) throw notFound('adapted_step', stepId)
        const j = direction === 'up' ? i - 1 : i + 1
        if (j < 0 || j >= steps.length) return
        const ordered = [...steps]
        ordered[i] = steps[j]!
        ordered[j] = steps[i]!
        await renumber(trx, ordered)
        await touch(trx, pathwayId)
      })
    },

    /** What changed upstream since the pathway was last reconciled, with the school's side of each change. */
    async upstream(schoolId: string, pathwayId: string): Promise<{ career: string; catalogVersion: number; items: ChangeView[] }> {
      const row = await pathwayRow(db, schoolId, pathwayId)
      const base = baseOf(row)
      const [steps, local] = await Promise.all([stepRows(db, pathwayId), schoolCredentialTitles(db, schoolId)])
      return { career: row.career_slug, catalogVersion: deps.catalog.index().version, items: changesOf(base, currentUpstream(row.career_slug, base), steps, local) }
    },

    /** Accepts or declines one upstream change, shown with `hash` (a newer upstream version is refused: 409). */
    async decide(schoolId: string, pathwayId: string, key: string, input: { decision: 'accept' | 'decline'; hash: string }, actorId: string | null): Promise<{ change: ChangeView; pathway: PathwayDetail }> {
      return db.transaction().execute(async (trx) => {
        const change = await decideIn(trx, schoolId, pathwayId, key, input.decision, input.hash, actorId)
        return { change, pathway: await detailOf(trx, schoolId, pathwayId) }
      })
    },

    /** Accepts every pending change that does not conflict with a local edit. */
    async acceptAll(schoolId: string, pathwayId: string, actorId: string | null): Promise<{ accepted: string[]; pathway: PathwayDetail }> {
      return db.transaction().execute(async (trx) => {
        const pending = await (async () => {
          const row = await pathwayRow(trx, schoolId, pathwayId)
          const base = baseOf(row)
          return changesOf(base, currentUpstream(row.career_slug, base), await stepRows(trx, pathwayId), new Map())
        })()
        const accepted: string[] = []
        for (const change of pending.filter((c) => !c.conflict)) {
          await decideIn(trx, schoolId, pathwayId, change.key, 'accept', change.hash, actorId)
          accepted.push(change.key)
        }
        return { accepted, pathway: await detailOf(trx, schoolId, pathwayId) }
      })
    },

    // --- local credentials ---

    async credentials(schoolId: string): Promise<SchoolCredential[]> {
      const rows = await db.selectFrom('school_credentials').selectAll().where('school_id', '=', schoolId).orderBy('title').orderBy('id').execute()
      return rows.map(credentialOf)
    },

    async credential(schoolId: string, credentialId: string): Promise<SchoolCredential> {
      return credentialOf(await credentialRow(db, schoolId, credentialId))
    },

    async addCredential(schoolId: string, input: CredentialInput): Promise<SchoolCredential> {
      checkSkills(input.skills)
      const row = {
        id: randomUUID(), school_id: schoolId, title: input.title.trim(), issuer: input.issuer.trim(), summary: input.summary?.trim() || null,
        hours: input.hours ?? null, skills: toJson([...new Set(input.skills ?? [])]) as string, created_at: now(),
      }
      await db.insertInto('school_credentials').values(row).execute()
      return credentialOf(row)
    },

    async updateCredential(schoolId: string, credentialId: string, patch: Partial<CredentialInput>): Promise<SchoolCredential> {
      checkSkills(patch.skills)
      await credentialRow(db, schoolId, credentialId)
      const set = {
        ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
        ...(patch.issuer !== undefined ? { issuer: patch.issuer.trim() } : {}),
        ...(patch.summary !== undefined ? { summary: patch.summary?.trim() || null } : {}),
        ...(patch.hours !== undefined ? { hours: patch.hours } : {}),
        ...(patch.skills !== undefined ? { skills: toJson([...new Set(patch.skills)]) as string } : {}),
      }
      if (Object.keys(set).length > 0) await db.updateTable('school_credentials').set(set).where('id', '=', credentialId).where('school_id', '=', schoolId).execute()
      return credentialOf(await credentialRow(db, schoolId, credentialId))
    },

    /** Removes a local credential; the steps that named it keep their place without it. */
    async removeCredential(schoolId: string, credentialId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await credentialRow(trx, schoolId, credentialId)
        await trx.updateTable('adapted_pathway_steps').set({ school_credential_id: null }).where('school_credential_id', '=', credentialId).execute()
        await trx.deleteFrom('school_credentials').where('id', '=', credentialId).where('school_id', '=', schoolId).execute()
      })
    },

    /** Catalog credentials and skills by id, for the pages' pickers and titles. */
    catalogCredentialTitle: (id: string): string | undefined => tables().credentials.get(id),
    skillName: (id: string): string | undefined => tables().skills.get(id),
    careerTitle: (slug: string): string | undefined => tables().careers.get(slug)?.title,
    /** The catalog credentials a career names (its own list and its pathway steps'), for a picker. */
    careerCredentials(slug: string): CredentialRef[] {
      const index = deps.catalog.index()
      const t = tables()
      const career = t.careers.get(slug)
      const ids = new Set<string>(career ? index.rows.careerCredentials.filter((c) => c.career_id === career.id).map((c) => c.credential_id) : [])
      for (const s of t.steps.get(slug) ?? []) if (s.credentialId !== null) ids.add(s.credentialId)
      return [...ids].filter((id) => t.credentials.has(id)).map((id) => ({ id, title: t.credentials.get(id)! })).sort((a, b) => a.title.localeCompare(b.title))
    },
  }

  function checkSkills(skills: readonly string[] | undefined): void {
    const known = tables().skills
    const unknown = (skills ?? []).find((s) => !known.has(s))
    if (unknown !== undefined) throw invalid('skills', `no catalog skill has the id ${JSON.stringify(unknown)}`)
  }

  async function credentialRow(q: Db, schoolId: string, credentialId: string) {
    const row = await q.selectFrom('school_credentials').selectAll().where('id', '=', credentialId).where('school_id', '=', schoolId).executeTakeFirst()
    if (!row) throw notFound('school_credential', credentialId)
    return row
  }
}

function credentialOf(row: { id: string; title: string; issuer: string; summary: string | null; hours: number | null; skills: unknown; created_at: string }): SchoolCredential {
  return { id: row.id, title: row.title, issuer: row.issuer, summary: row.summary, hours: row.hours, skills: fromJson<string[]>(row.skills, []), createdAt: row.created_at }
}

export { REMOVED_HASH }
export type AdaptedPathwaysService = ReturnType<typeof createAdaptedPathwaysService>

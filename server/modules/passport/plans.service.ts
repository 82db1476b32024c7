/**
 * The learner's stored learning plans, pathway steps marked done and progress. A stored plan keeps
 * only its career, pace, goal and the items marked done: every read recomputes it from the current
 * passport, so re-planning keeps what is done and plans only what is left. Marking a credential done
 * also records it as earned (its skills enter the passport); undoing the mark withdraws a credential
 * the mark recorded. Each change appends a progress event through the passport service.
 */
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type * as S from '../../../shared/schemas.js'
import type { Database } from '../../platform/db/types.js'
import { AppError, notFound } from '../../platform/http/errors.js'
import type { AnalysisService, PassportBody } from '../analysis/index.js'
import type { Clock } from '../identity/index.js'
import { createPassportRepository, type PlanRow } from './passport.repository.js'
import type { PassportService } from './passport.service.js'
import type { PlanSummary, ProgressAnswer, StoredPlan } from './passport.schema.js'
import { progressSeries } from './progress-series.js'

/** Plans one account may keep: each read of the progress page recomputes all of them. */
export const MAX_PLANS = 20
/** Progress events the series is drawn from (the newest). */
const SERIES_EVENTS = 5000

export interface PlansServiceDeps {
  db: Kysely<Database>
  passport: PassportService
  analysis: AnalysisService
  clock: Clock
}

const planNotFound = (id: string) => new AppError('plan.not_found', 404, 'You have no such plan.', { resource: 'plan', id })
const itemNotFound = (id: string) => new AppError('plan_item.not_found', 404, 'The plan has no such item.', { resource: 'plan_item', id })
const stepNotFound = (id: string) => new AppError('pathway_step.not_found', 404, 'The career has no such pathway step.', { resource: 'pathway_step', id })

export function createPlansService(deps: PlansServiceDeps) {
  const { db, passport, analysis, clock } = deps
  const repo = createPassportRepository(db)
  const nowIso = () => new Date(clock.now()).toISOString()

  async function planOf(userId: string, id: string): Promise<PlanRow> {
    const row = await repo.plan(userId, id)
    if (!row) throw planNotFound(id)
    return row
  }

  async function compute(userId: string, row: PlanRow, body?: PassportBody): Promise<StoredPlan> {
    const done = await repo.itemsDone(userId, row.id)
    const plan = analysis.plan(body ?? await passport.body(userId), row.career_slug, {
      hoursPerWeek: row.hours_per_week, optimise: row.optimise, completed: done.map((d) => d.itemId),
    })
    return {
      id: row.id, career: plan.career, hoursPerWeek: row.hours_per_week, optimise: row.optimise, createdAt: row.created_at,
      done: done.map((d) => ({ item: d.itemId, doneAt: d.doneAt })), plan,
    }
  }

  const refOf = (slug: string): S.CareerRef => passport.view().careerRef(slug) ?? { slug, title: slug, origin: 'unknown', summary: '' }

  function stepOf(career: string, section: string, position: number) {
    const step = passport.view().steps(career).find((s) => s.section === section && s.position === position)
    if (!step) throw stepNotFound(`${career}/${section}/${position}`)
    return step
  }

  return {
    async create(userId: string, input: { career: string; hoursPerWeek: number; optimise?: 'time' | 'cost' }): Promise<StoredPlan> {
      const slug = passport.view().careerSlug(input.career)
      if (slug === undefined) throw notFound('career', input.career)
      if ((await repo.plans(userId)).length >= MAX_PLANS) throw new AppError('plan.limit', 409, `At most ${MAX_PLANS} plans; delete one first.`, { limit: MAX_PLANS })
      const row: PlanRow = { id: randomUUID(), user_id: userId, career_slug: slug, hours_per_week: input.hoursPerWeek, optimise: input.optimise ?? 'time', created_at: nowIso() }
      await repo.insertPlan(row)
      return compute(userId, row)
    },

    async list(userId: string): Promise<PlanSummary[]> {
      const [plans, done] = await Promise.all([repo.plans(userId), repo.itemsDone(userId)])
      return plans.map((p) => ({
        id: p.id, career: refOf(p.career_slug), hoursPerWeek: p.hours_per_week, optimise: p.optimise, createdAt: p.created_at,
        itemsDone: done.filter((d) => d.planId === p.id).length,
      }))
    },

    get: async (userId: string, id: string): Promise<StoredPlan> => compute(userId, await planOf(userId, id)),

    async remove(userId: string, id: string): Promise<void> {
      if (!(await repo.deletePlan(userId, id))) throw planNotFound(id)
    },

    /** Marks an item of the plan done; a credential is also recorded as earned. */
    async markDone(userId: string, id: string, itemId: string): Promise<StoredPlan> {
      const row = await planOf(userId, id)
      const current = await compute(userId, row)
      if (current.done.some((d) => d.item === itemId)) return current
      if (!current.plan.items.some((i) => i.id === itemId)) throw itemNotFound(itemId)
      const catalog = passport.view()
      await passport.change(userId, 'plan_item_done', itemId, async (tx) => {
        await tx.markItem(userId, id, itemId, nowIso())
        const earned = (await tx.credentials(userId)).some((c) => c.credential_id === itemId)
        if (!earned && catalog.credential(itemId)) await passport.earnIn(tx, userId, catalog, itemId, nowIso().slice(0, 10), id)
      })
      return compute(userId, row)
    },

    /** Takes the mark back; a credential the mark recorded as earned is withdrawn with it. */
    async unmarkDone(userId: string, id: string, itemId: string): Promise<StoredPlan> {
      const row = await planOf(userId, id)
      const catalog = passport.view()
      await passport.change(userId, 'plan_item_undone', itemId, async (tx) => {
        if (!(await tx.unmarkItem(userId, id, itemId))) throw itemNotFound(itemId)
        const earned = (await tx.credentials(userId)).find((c) => c.credential_id === itemId)
        if (earned?.added_by_plan === id) await passport.unearnIn(tx, userId, catalog, itemId)
      })
      return compute(userId, row)
    },

    async markStep(userId: string, career: string, section: string, position: number, done: boolean) {
      const step = stepOf(career, section, position)
      const marked = (await repo.stepsDone(userId)).some((s) => s.career === career && s.section === section && s.position === position)
      if (marked !== done) {
        await passport.change(userId, done ? 'step_done' : 'step_undone', `${career}/${section}/${position}`, async (tx) => {
          if (done) await tx.markStep(userId, career, section, position, nowIso())
          else await tx.unmarkStep(userId, career, section, position)
        })
      }
      return { career, section, position, title: step.title, done }
    },

    async progress(userId: string): Promise<ProgressAnswer> {
      const catalog = passport.view()
      const [body, plans, steps, events] = await Promise.all([passport.body(userId), repo.plans(userId), repo.stepsDone(userId), repo.events(userId, SERIES_EVENTS)])
      const coverage = passport.coverageOf(body)
      const targets = (body.targets ?? []).flatMap((slug) => {
        const career = catalog.careerRef(slug)
        if (!career) return []
        const total = catalog.steps(slug).length
        return [{ career, coverage: coverage.find((c) => c.career === slug)?.coverage ?? null, steps: { done: steps.filter((s) => s.career === slug).length, total } }]
      })
      const planProgress = []
      for (const row of plans) {
        const stored = await compute(userId, row, body).catch(() => undefined) // a career gone from the catalog
        if (!stored) continue
        const done = stored.plan.items.filter((i) => i.status === 'done').length
        planProgress.push({
          id: row.id, career: stored.career, items: { done, planned: stored.plan.items.length - done },
          coverage: stored.plan.coverageBefore, coverageAfter: stored.plan.coverageAfter,
        })
      }
      const pathways = [...new Set(steps.map((s) => s.career))].flatMap((slug) => {
        const career = catalog.careerRef(slug)
        if (!career) return []
        const all = catalog.steps(slug)
        const done = steps.filter((s) => s.career === slug).flatMap((s) => {
          const step = all.find((x) => x.section === s.section && x.position === s.position)
          return step ? [{ section: s.section, position: s.position, title: step.title, doneAt: s.doneAt }] : []
        })
        return [{ career, done, total: all.length }]
      })
      return { targets, plans: planProgress, pathways, series: progressSeries(events) }
    },
  }
}

export type PlansService = ReturnType<typeof createPlansService>

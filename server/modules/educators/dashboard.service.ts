/**
 * A cohort's dashboard and the drill-down to one of its learners. Per learner: progress on each
 * assignment's pathway, coverage of each assigned career (the analysis service's gap of their stored
 * passport), credentials earned and last activity. Per cohort: 20-point distributions, weekly trends
 * from progress events and step marks, and totals. The work is bounded: at most MAX_LEARNERS learners
 * (oldest members first; the answer says when more exist) and MAX_EVENTS progress events for trends.
 * Every learner shown is a staff read of their record: one access-log row each.
 */
import { createPassportRepository } from '../passport/index.js'
import type { EducatorsDeps } from './deps.js'
import { createInsightReader, type AssignmentInfo, type CohortInfo, type EarnedCredential, type StaffActor } from './insight-read.js'
import { BANDS, DAY_MS, distribute, later, mean, ratio, weekIndex, weeksEnding } from './insight-stats.js'

export const MAX_LEARNERS = 500
export const MAX_EVENTS = 50_000
export const DEFAULT_WEEKS = 8
export const MAX_WEEKS = 26
const TOP_GAPS = 5
const RECENT_EVENTS = 20

export interface AssignmentView {
  id: string
  kind: 'career' | 'pathway'
  title: string
  career: { slug: string; title: string } | null
  pathwayId: string | null
  dueOn: string | null
  steps: number
}

export interface LearnerRow {
  userId: string
  displayName: string
  joinedAt: string
  progress: { assignmentId: string; done: number; total: number; share: number }[]
  coverage: { career: string; coverage: number | null }[]
  credentials: { count: number; latest: { kind: 'catalog' | 'local'; id: string; title: string; earnedOn: string } | null }
  lastActivity: string | null
}

export interface BandCount { label: string; from: number; to: number; count: number }

export interface CohortDashboard {
  cohort: CohortInfo
  generatedAt: string
  assignments: AssignmentView[]
  careers: { slug: string; title: string }[]
  learners: { total: number; shown: number; truncated: boolean }
  totals: {
    learners: number
    activeLast7Days: number
    stepsDone: number
    credentialsEarned: number
    meanCoverage: { career: string; mean: number | null }[]
  }
  distributions: {
    coverage: { career: string; title: string; bands: BandCount[]; noData: number }[]
    completion: { assignmentId: string; title: string; bands: BandCount[]; noData: number }[]
  }
  trends: {
    weeks: {
      start: string
      end: string
      activeLearners: number
      stepsDone: number
      credentialsEarned: number
      meanCoverage: { career: string; mean: number | null }[]
    }[]
    eventsCapped: boolean
  }
  rows: LearnerRow[]
}

export interface LearnerDrillDown {
  cohort: CohortInfo
  learner: { userId: string; displayName: string; joinedAt: string }
  lastActivity: string | null
  careers: { career: { slug: string; title: string }; coverage: number | null; gaps: { skill: string; name: string; required: number; have: number; shortfall: number; missing: boolean }[] }[]
  assignments: { assignment: AssignmentView; done: number; total: number; steps: { title: string; doneAt: string | null }[] }[]
  credentials: { kind: 'catalog' | 'local'; id: string; title: string; type: string; provider: string; earnedOn: string }[]
  /** The newest progress events first: what changed, coverage of the learner's targets then, catalog steps done then. */
  recent: { at: string; kind: string; coverage: { career: string; coverage: number | null }[]; stepsDone: number }[]
}

const bandsOf = (counts: readonly number[]): BandCount[] => BANDS.map((b, i) => ({ label: b.label, from: b.from, to: b.to, count: counts[i] ?? 0 }))

const assignmentView = (a: AssignmentInfo): AssignmentView => ({
  id: a.id, kind: a.kind, title: a.title, career: a.career, pathwayId: a.pathwayId, dueOn: a.dueOn, steps: a.steps.length,
})

const keyOf = (a: AssignmentInfo): string => (a.kind === 'career' ? `career:${a.career?.slug ?? ''}` : `pathway:${a.pathwayId ?? ''}`)

export function createDashboardService(deps: EducatorsDeps) {
  const read = createInsightReader(deps)
  const { analysis } = deps

  /** Coverage of each career by a learner's stored passport (null: no skill data, or gone from the catalog). */
  async function coverageFor(userId: string, careers: readonly { slug: string }[]) {
    const body = await deps.learner.passport.body(userId)
    return { body, coverage: careers.map((c) => {
      try {
        return { career: c.slug, gap: analysis.gap(body, c.slug) }
      } catch {
        return { career: c.slug, gap: null }
      }
    }) }
  }

  const latestOf = (earned: readonly EarnedCredential[]) => earned.reduce<EarnedCredential | null>((best, c) => (!best || c.earnedOn > best.earnedOn || (c.earnedOn === best.earnedOn && c.id > best.id) ? c : best), null)

  return {
    async dashboard(actor: StaffActor, via: string, schoolId: string, cohortId: string, options: { weeks?: number } = {}): Promise<CohortDashboard> {
      const now = deps.clock.now()
      const weeks = weeksEnding(now, Math.max(1, Math.min(MAX_WEEKS, options.weeks ?? DEFAULT_WEEKS)))
      const cohort = await read.cohort(schoolId, cohortId)
      const assignments = await read.assignments(schoolId, cohortId)
      const careers = read.careersOf(assignments)
      const members = await read.members(cohortId, MAX_LEARNERS)
      const ids = members.rows.map((m) => m.userId)

      const [marks, earned, events, touched] = [
        await read.stepMarks(ids, assignments), await read.credentials(schoolId, ids), await read.events(ids, weeks[0]!.start, MAX_EVENTS), await read.passportTouched(ids),
      ]
      const info = await read.credentialInfo(schoolId, earned)
      const marksOf = groupBy(marks, (m) => m.userId)
      const earnedOf = groupBy(earned, (c) => c.userId)

      const rows: LearnerRow[] = []
      const byName = [...members.rows].sort((a, b) => a.displayName.localeCompare(b.displayName) || (a.userId < b.userId ? -1 : 1))
      for (const m of byName) {
        const own = marksOf.get(m.userId) ?? []
        const { coverage } = await coverageFor(m.userId, careers)
        const mine = earnedOf.get(m.userId) ?? []
        const latest = latestOf(mine)
        let last = later(events.lastAt.get(m.userId), touched.get(m.userId))
        for (const mark of own) last = later(last, mark.doneAt)
        rows.push({
          userId: m.userId, displayName: m.displayName, joinedAt: m.joinedAt,
          progress: assignments.map((a) => {
            const done = new Set(own.filter((x) => x.assignmentKey === keyOf(a)).map((x) => x.stepKey)).size
            return { assignmentId: a.id, done, total: a.steps.length, share: ratio(done, a.steps.length) }
          }),
          coverage: coverage.map((c) => ({ career: c.career, coverage: c.gap?.coverage ?? null })),
          credentials: {
            count: mine.length,
            latest: latest ? { kind: latest.kind, id: latest.id, title: info.get(`${latest.kind}:${latest.id}`)?.title ?? latest.id, earnedOn: latest.earnedOn } : null,
          },
          lastActivity: last,
        })
      }

      // Weekly trends: activity and step marks by their time, credentials by the day earned, mean
      // coverage of each career from every learner's latest progress event by the end of the week.
      const active = weeks.map(() => new Set<string>())
      const stepsPerWeek = weeks.map(() => 0)
      const credentialsPerWeek = weeks.map(() => 0)
      for (const mark of marks) {
        const i = weekIndex(weeks, mark.doneAt)
        if (i >= 0) { stepsPerWeek[i]! += 1; active[i]!.add(mark.userId) }
      }
      for (const e of events.within) {
        const i = weekIndex(weeks, e.at)
        if (i >= 0) active[i]!.add(e.userId)
      }
      for (const c of earned) {
        const i = weekIndex(weeks, c.earnedOn)
        if (i >= 0) credentialsPerWeek[i]! += 1
      }
      const state = new Map(events.before.map((e) => [e.userId, e.coverage]))
      let next = 0
      const trendWeeks = weeks.map((week, i) => {
        while (next < events.within.length && events.within[next]!.at < week.end) {
          const e = events.within[next++]!
          state.set(e.userId, e.coverage)
        }
        return {
          start: week.start, end: week.end, activeLearners: active[i]!.size, stepsDone: stepsPerWeek[i]!, credentialsEarned: credentialsPerWeek[i]!,
          meanCoverage: careers.map((c) => ({
            career: c.slug,
            mean: mean([...state.values()].flatMap((cov) => {
              const v = cov.find((x) => x.career === c.slug)?.coverage
              return typeof v === 'number' ? [v] : []
            })),
          })),
        }
      })

      const weekAgo = new Date(now - 7 * DAY_MS).toISOString()
      const result: CohortDashboard = {
        cohort, generatedAt: new Date(now).toISOString(),
        assignments: assignments.map(assignmentView), careers,
        learners: { total: members.total, shown: rows.length, truncated: members.total > rows.length },
        totals: {
          learners: members.total,
          activeLast7Days: rows.filter((r) => r.lastActivity !== null && r.lastActivity >= weekAgo).length,
          stepsDone: marks.length,
          credentialsEarned: earned.length,
          meanCoverage: careers.map((c) => ({ career: c.slug, mean: mean(rows.flatMap((r) => { const v = r.coverage.find((x) => x.career === c.slug)?.coverage; return typeof v === 'number' ? [v] : [] })) })),
        },
        distributions: {
          coverage: careers.map((c) => {
            const d = distribute(rows.map((r) => r.coverage.find((x) => x.career === c.slug)?.coverage ?? null))
            return { career: c.slug, title: c.title, bands: bandsOf(d.counts), noData: d.noData }
          }),
          completion: assignments.map((a) => {
            const d = distribute(rows.map((r) => (a.steps.length === 0 ? null : (r.progress.find((p) => p.assignmentId === a.id)?.share ?? 0))))
            return { assignmentId: a.id, title: a.title, bands: bandsOf(d.counts), noData: d.noData }
          }),
        },
        trends: { weeks: trendWeeks, eventsCapped: events.within.length >= MAX_EVENTS },
        rows,
      }
      await read.logReads(actor, via, schoolId, ids, `cohort:${cohortId}`, 'school.cohort.dashboard')
      return result
    },

    async learner(actor: StaffActor, via: string, schoolId: string, cohortId: string, userId: string): Promise<LearnerDrillDown> {
      const cohort = await read.cohort(schoolId, cohortId)
      const learner = await read.member(cohortId, userId)
      const assignments = await read.assignments(schoolId, cohortId)
      const careers = read.careersOf(assignments)
      const [marks, earned, recent, touched] = [
        await read.stepMarks([userId], assignments), await read.credentials(schoolId, [userId]),
        await createPassportRepository(deps.db).events(userId, RECENT_EVENTS), await read.passportTouched([userId]),
      ]
      const info = await read.credentialInfo(schoolId, earned)
      const { coverage } = await coverageFor(userId, careers)
      let last = later(recent.at(-1)?.at, touched.get(userId))
      for (const mark of marks) last = later(last, mark.doneAt)
      const result: LearnerDrillDown = {
        cohort, learner, lastActivity: last,
        careers: careers.map((c) => {
          const gap = coverage.find((x) => x.career === c.slug)?.gap ?? null
          return {
            career: c, coverage: gap?.coverage ?? null,
            gaps: (gap?.gaps ?? []).slice(0, TOP_GAPS).map((g) => ({ skill: g.skill, name: g.name, required: g.required, have: g.have, shortfall: g.shortfall, missing: g.missing })),
          }
        }),
        assignments: assignments.map((a) => {
          const own = new Map(marks.filter((m) => m.assignmentKey === keyOf(a)).map((m) => [m.stepKey, m.doneAt]))
          return { assignment: assignmentView(a), done: own.size, total: a.steps.length, steps: a.steps.map((s) => ({ title: s.title, doneAt: own.get(s.key) ?? null })) }
        }),
        credentials: [...earned].sort((a, b) => (a.earnedOn < b.earnedOn ? 1 : a.earnedOn > b.earnedOn ? -1 : a.id < b.id ? -1 : 1)).map((c) => {
          const i = info.get(`${c.kind}:${c.id}`)
          return { kind: c.kind, id: c.id, title: i?.title ?? c.id, type: i?.type ?? '', provider: i?.provider ?? '', earnedOn: c.earnedOn }
        }),
        recent: [...recent].reverse().map((e) => ({ at: e.at, kind: e.kind, coverage: e.coverage, stepsDone: e.stepsDone })),
      }
      await read.logReads(actor, via, schoolId, [userId], `cohort:${cohortId}`, 'school.cohort.learner')
      return result
    },
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    let list = out.get(k)
    if (!list) out.set(k, (list = []))
    list.push(item)
  }
  return out
}

export type DashboardService = ReturnType<typeof createDashboardService>

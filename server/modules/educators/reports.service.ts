/**
 * Credential attainment over a date range (both ends inclusive), per cohort and per programme, with
 * a breakdown per credential: how many learners a cohort has, how many earned at least one credential
 * in the range, that share, and how many credentials were earned. A catalog credential counts on the
 * day the learner's passport says it was earned; a school's local credential on the day a learner
 * first marked done a step that carries it. School admins and platform admins see every cohort of the
 * school, an educator the cohorts they run; archived cohorts are included and marked. The report
 * names no learner. The same rows feed JSON, CSV and XLSX.
 */
import { AppError } from '../../platform/http/errors.js'
import type { Cell, Sheet } from '../../platform/export/spreadsheet.js'
import type { EducatorsDeps } from './deps.js'
import { createInsightReader, cohortNotFound, type EarnedCredential, type StaffActor } from './insight-read.js'
import { chunks, daysBetween, isCalendarDate, ratio } from './insight-stats.js'

/** The longest range a report covers: five years. */
export const MAX_RANGE_DAYS = 5 * 366

export interface ReportQuery { from: string; to: string; cohortId?: string; programmeId?: string }

export interface Attainment {
  learners: number
  learnersAttaining: number
  share: number
  credentialsEarned: number
}

export interface AttainmentReport {
  from: string
  to: string
  generatedAt: string
  filters: { cohortId: string | null; programmeId: string | null }
  totals: Attainment & { cohorts: number }
  cohorts: (Attainment & { id: string; name: string; programme: { id: string; title: string } | null; archived: boolean; archivedAt: string | null })[]
  programmes: (Attainment & { id: string; title: string; cipCode: string; cohorts: number })[]
  credentials: { kind: 'catalog' | 'local'; id: string; title: string; type: string; provider: string; learners: number; earned: number }[]
}

export const invalidRange = (message: string): AppError => new AppError('report.invalid_range', 400, message)

export interface ScopeCohort { id: string; name: string; programmeId: string | null; archivedAt: string | null }

export function createReportsService(deps: EducatorsDeps) {
  const { db } = deps
  const read = createInsightReader(deps)

  /** The school's cohorts the actor may report on. */
  async function cohortsInScope(actor: StaffActor, via: string, schoolId: string): Promise<ScopeCohort[]> {
    let query = db.selectFrom('cohorts').select(['cohorts.id', 'cohorts.name', 'cohorts.programme_id as programmeId', 'cohorts.archived_at as archivedAt'])
      .where('cohorts.school_id', '=', schoolId)
    if (via === 'educator') {
      query = query.where((eb) => eb.exists(eb.selectFrom('cohort_staff').select('cohort_staff.user_id').whereRef('cohort_staff.cohort_id', '=', 'cohorts.id').where('cohort_staff.user_id', '=', actor.userId)))
    }
    return query.orderBy('cohorts.name').orderBy('cohorts.id').limit(5000).execute()
  }

  async function programmesOf(schoolId: string) {
    return db.selectFrom('school_programmes').select(['id', 'title', 'cip_code as cipCode']).where('school_id', '=', schoolId).orderBy('title').orderBy('id').execute()
  }

  function checkRange(from: string, to: string): void {
    if (!isCalendarDate(from) || !isCalendarDate(to)) throw invalidRange('`from` and `to` must be calendar dates written YYYY-MM-DD.')
    if (from > to) throw invalidRange('`from` is after `to`.')
    if (daysBetween(from, to) > MAX_RANGE_DAYS) throw invalidRange(`A report covers at most ${MAX_RANGE_DAYS} days (five years).`)
  }

  return {
    cohortsInScope,
    programmesOf,

    async attainment(actor: StaffActor, via: string, schoolId: string, query: ReportQuery): Promise<AttainmentReport> {
      checkRange(query.from, query.to)
      const programmes = await programmesOf(schoolId)
      if (query.programmeId !== undefined && !programmes.some((p) => p.id === query.programmeId)) {
        throw new AppError('programme.not_found', 404, 'The school has no programme with that id.', { resource: 'programme', id: query.programmeId })
      }
      let cohorts = await cohortsInScope(actor, via, schoolId)
      if (query.cohortId !== undefined) {
        cohorts = cohorts.filter((c) => c.id === query.cohortId)
        if (cohorts.length === 0) throw cohortNotFound()
      }
      if (query.programmeId !== undefined) cohorts = cohorts.filter((c) => c.programmeId === query.programmeId)

      // Members of every cohort in scope, then the credentials they earned in the range.
      const membersOf = new Map<string, string[]>(cohorts.map((c) => [c.id, []]))
      for (const ids of chunks(cohorts.map((c) => c.id))) {
        const rows = await db.selectFrom('cohort_members').select(['cohort_id', 'user_id']).where('cohort_id', 'in', ids).execute()
        for (const r of rows) membersOf.get(r.cohort_id)?.push(r.user_id)
      }
      const everyone = [...new Set([...membersOf.values()].flat())]
      const earned = await read.credentials(schoolId, everyone, { from: query.from, to: query.to })
      const info = await read.credentialInfo(schoolId, earned)
      const earnedBy = new Map<string, EarnedCredential[]>()
      for (const c of earned) {
        const list = earnedBy.get(c.userId)
        if (list) list.push(c)
        else earnedBy.set(c.userId, [c])
      }
      const attainmentOf = (learners: readonly string[]): Attainment => {
        const unique = [...new Set(learners)]
        const attaining = unique.filter((id) => (earnedBy.get(id)?.length ?? 0) > 0).length
        const credentialsEarned = unique.reduce((sum, id) => sum + (earnedBy.get(id)?.length ?? 0), 0)
        return { learners: unique.length, learnersAttaining: attaining, share: ratio(attaining, unique.length), credentialsEarned }
      }

      const programmeById = new Map(programmes.map((p) => [p.id, p]))
      const cohortRows = cohorts.map((c) => {
        const programme = c.programmeId === null ? undefined : programmeById.get(c.programmeId)
        return {
          id: c.id, name: c.name, programme: programme ? { id: programme.id, title: programme.title } : null,
          archived: c.archivedAt !== null, archivedAt: c.archivedAt, ...attainmentOf(membersOf.get(c.id) ?? []),
        }
      })
      const programmeRows = programmes.flatMap((p) => {
        const own = cohorts.filter((c) => c.programmeId === p.id)
        if (own.length === 0 && query.programmeId !== p.id) return []
        return [{ id: p.id, title: p.title, cipCode: p.cipCode, cohorts: own.length, ...attainmentOf(own.flatMap((c) => membersOf.get(c.id) ?? [])) }]
      })
      const perCredential = new Map<string, { kind: 'catalog' | 'local'; id: string; learners: Set<string> }>()
      for (const c of earned) {
        const key = `${c.kind}:${c.id}`
        const entry = perCredential.get(key) ?? { kind: c.kind, id: c.id, learners: new Set<string>() }
        entry.learners.add(c.userId)
        perCredential.set(key, entry)
      }
      const credentials = [...perCredential.entries()].map(([key, e]) => {
        const i = info.get(key)
        // A learner earns a credential once, so learners and credentials earned are the same count.
        return { kind: e.kind, id: e.id, title: i?.title ?? e.id, type: i?.type ?? '', provider: i?.provider ?? '', learners: e.learners.size, earned: e.learners.size }
      }).sort((a, b) => b.earned - a.earned || a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1))

      return {
        from: query.from, to: query.to, generatedAt: new Date(deps.clock.now()).toISOString(),
        filters: { cohortId: query.cohortId ?? null, programmeId: query.programmeId ?? null },
        totals: { cohorts: cohorts.length, ...attainmentOf(everyone) },
        cohorts: cohortRows, programmes: programmeRows, credentials,
      }
    },
  }
}

/** The report as three sheets (the XLSX workbook; the CSV stacks them with a `section` column). */
export function reportSheets(report: AttainmentReport): Sheet[] {
  const figures = (a: Attainment): Cell[] => [a.learners, a.learnersAttaining, a.share, a.credentialsEarned]
  return [
    {
      name: 'Cohorts',
      header: ['Cohort id', 'Cohort', 'Programme', 'Archived', 'Learners', 'Learners attaining', 'Share attaining (0–1)', 'Credentials earned'],
      rows: [
        ...report.cohorts.map((c): Cell[] => [c.id, c.name, c.programme?.title ?? '', c.archived ? 'yes' : 'no', ...figures(c)]),
        ['', 'All cohorts', '', '', ...figures(report.totals)],
      ],
    },
    {
      name: 'Programmes',
      header: ['Programme id', 'Programme', 'CIP code', 'Cohorts', 'Learners', 'Learners attaining', 'Share attaining (0–1)', 'Credentials earned'],
      rows: report.programmes.map((p): Cell[] => [p.id, p.title, p.cipCode, p.cohorts, ...figures(p)]),
    },
    {
      name: 'Credentials',
      header: ['Credential id', 'Kind', 'Credential', 'Type', 'Provider', 'Learners', 'Earned'],
      rows: report.credentials.map((c): Cell[] => [c.id, c.kind, c.title, c.type, c.provider, c.learners, c.earned]),
    },
  ]
}

/** One CSV table: every sheet's rows under a shared header, the first column naming the section. */
export function reportCsvTable(report: AttainmentReport): Pick<Sheet, 'header' | 'rows'> {
  const header = ['Section', 'Id', 'Name', 'Programme or kind', 'Archived or CIP code or type', 'Provider', 'Cohorts', 'Learners', 'Learners attaining', 'Share attaining (0–1)', 'Credentials earned']
  const rows: Cell[][] = [
    ...report.cohorts.map((c): Cell[] => ['cohort', c.id, c.name, c.programme?.title ?? '', c.archived ? 'archived' : '', '', 1, c.learners, c.learnersAttaining, c.share, c.credentialsEarned]),
    ['total', '', 'All cohorts', '', '', '', report.totals.cohorts, report.totals.learners, report.totals.learnersAttaining, report.totals.share, report.totals.credentialsEarned],
    ...report.programmes.map((p): Cell[] => ['programme', p.id, p.title, '', p.cipCode, '', p.cohorts, p.learners, p.learnersAttaining, p.share, p.credentialsEarned]),
    ...report.credentials.map((c): Cell[] => ['credential', c.id, c.title, c.kind, c.type, c.provider, null, c.learners, null, null, c.earned]),
  ]
  return { header, rows }
}

export type ReportsService = ReturnType<typeof createReportsService>

/**
 * Programme alignment (issue 8, item 5): a school lists its programmes by CIP 2020 code; each leads to
 * the SOC 2018 occupations of the NCES crosswalk, shown with their national figures (BLS OEWS wages,
 * BLS Employment Projections) and flagged high-wage / high-skill / in-demand by the school's
 * thresholds (rules in alignment-rules.ts), each flag with its evidence. Every query is filtered by
 * the school the policy hook admitted the caller to; another school's programme is simply not found.
 */
import { randomUUID } from 'node:crypto'
import { AppError } from '../../platform/http/errors.js'
import type { Cell, Sheet } from '../../platform/export/spreadsheet.js'
import { alignmentData, type AlignmentData, type SourceRef } from './alignment-data.js'
import {
  defaultsExplained, defaultThresholds, EDUCATION_LEVELS, educationLabel, flagsOf, flagWords, percentileRank, periodWords, type EducationLevel, type Flag, type Flags,
  type DemandRule, type Thresholds,
} from './alignment-rules.js'
import type { EducatorsDeps } from './deps.js'

/** Bounds the report's work: CIP 2020 has about 2,850 six-digit codes, no school teaches a third of them. */
export const MAX_PROGRAMMES = 1000

export const IMPORT_COMMAND = 'npx pathways import cip-soc <folder holding CIP2020_SOC2018_Crosswalk.csv>'

export interface DataStatus {
  crosswalkImported: boolean
  wagesImported: boolean
  projectionsImported: boolean
  /** What is missing and how to import it; null when everything alignment reads is there. */
  message: string | null
}

export interface ProgrammeView {
  id: string
  cipCode: string
  title: string
  /** The crosswalk's title for the code; null when the crosswalk does not list it. */
  cipTitle: string | null
  /** Occupations the crosswalk links the programme to; null without the crosswalk. */
  occupationCount: number | null
  createdAt: string
}

export interface OccupationView {
  socCode: string
  title: string | null
  careers: { slug: string; title: string }[]
  medianAnnualWage: { value: number; topCoded: boolean; source: SourceRef } | null
  /** The median's rank among all occupations' national medians, 0–100. */
  wagePercentile: number | null
  employmentChangePercent: { value: number; source: SourceRef } | null
  annualOpenings: { value: number; source: SourceRef } | null
  /** The projection decade, e.g. "2024–2034". */
  projectionPeriod: string | null
  entryEducation: { level: EducationLevel; label: string; source: SourceRef } | null
  flags: Flags
}

export interface ThresholdsView extends Thresholds {
  /** False while the school uses the defaults. */
  configured: boolean
  updatedAt: string | null
  defaults: Thresholds
  defaultsExplained: string[]
}

export interface ProgrammeDetail {
  programme: ProgrammeView
  thresholds: ThresholdsView
  occupations: OccupationView[]
  data: DataStatus
}

export interface AlignmentReport {
  school: { id: string; name: string }
  generatedAt: string
  thresholds: ThresholdsView
  programmes: { programme: ProgrammeView; occupations: OccupationView[] }[]
  data: DataStatus
  sources: SourceRef[]
}

/**
 * A typed CIP code as `NN.NNNN`: `11.0201`, `110201` (dots dropped), `1.0000` / `10000` (a leading zero
 * dropped by a spreadsheet) → a six-digit code; `11.02` / `1102` → a four-digit series; null otherwise.
 */
export function parseCip(text: string): { kind: 'code' | 'series'; code: string } | null {
  const t = text.trim().replace(/^CIP\s*/i, '')
  let m = /^(\d{1,2})\.(\d{4})$/.exec(t) ?? /^(\d{1,2})(\d{4})$/.exec(t)
  if (m) return { kind: 'code', code: `${m[1]!.padStart(2, '0')}.${m[2]}` }
  m = /^(\d{1,2})\.(\d{2})$/.exec(t) ?? /^(\d{2})(\d{2})$/.exec(t)
  if (m) return { kind: 'series', code: `${m[1]!.padStart(2, '0')}.${m[2]}` }
  return null
}

/** The start of a CIP code typed so far (`11`, `11.0`, `1.07`, `1107`) as `NN.NN…`; null when it is not one. */
function cipPrefix(text: string): string | null {
  const dotted = /^(\d{1,2})(?:\.(\d{0,4}))?$/.exec(text)
  if (dotted) return `${dotted[1]!.padStart(2, '0')}${text.includes('.') ? `.${dotted[2] ?? ''}` : ''}`
  const bare = /^(\d{2})(\d{1,4})$/.exec(text)
  return bare ? `${bare[1]}.${bare[2]}` : null
}

const tidy = (value: number | string): number => Math.round(Number(value) * 1000) / 1000
const cleanTitle = (title: string): string => title.trim().replace(/\.$/, '')

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505'
}

function dataStatus(data: AlignmentData): DataStatus {
  const missing: string[] = []
  if (!data.crosswalkLoaded) missing.push(`The CIP–SOC crosswalk is not imported, so no programme can be linked to occupations. An operator imports it with: ${IMPORT_COMMAND} (the NCES files; see shared/data/nces-cip2020-soc2018-crosswalk).`)
  if (!data.wagesLoaded) missing.push('BLS OEWS national wages are not imported (npx pathways import bls-oews <folder>): no wage figures or high-wage flags.')
  if (!data.projectionsLoaded) missing.push('BLS Employment Projections are not imported (npx pathways import bls-projections <folder>): no growth, openings or education figures.')
  return {
    crosswalkImported: data.crosswalkLoaded, wagesImported: data.wagesLoaded, projectionsImported: data.projectionsLoaded,
    message: missing.length > 0 ? missing.join(' ') : null,
  }
}

export function createProgrammesService(deps: EducatorsDeps) {
  const { db } = deps
  const data = (): AlignmentData => alignmentData(deps.catalog.index())
  const now = (): string => new Date(deps.clock.now()).toISOString()

  const view = (d: AlignmentData, row: { id: string; cip_code: string; title: string; created_at: string }): ProgrammeView => {
    const entry = d.cip(row.cip_code)
    return {
      id: row.id, cipCode: row.cip_code, title: row.title, cipTitle: entry ? cleanTitle(entry.title) : null,
      occupationCount: d.crosswalkLoaded ? (entry?.socs.length ?? 0) : null, createdAt: row.created_at,
    }
  }

  const occupationsOf = (d: AlignmentData, cip: string, t: Thresholds): OccupationView[] =>
    (d.cip(cip)?.socs ?? []).map((soc) => {
      const o = d.occupation(soc)
      const projection = o.growthPercent ?? o.openings
      return {
        socCode: soc, title: o.title, careers: o.careers,
        medianAnnualWage: o.medianWage ? { value: o.medianWage.value, topCoded: o.medianWage.topCoded, source: o.medianWage.source } : null,
        wagePercentile: o.medianWage ? percentileRank(d.medians, o.medianWage.value) : null,
        employmentChangePercent: o.growthPercent ? { value: o.growthPercent.value, source: o.growthPercent.source } : null,
        annualOpenings: o.openings ? { value: o.openings.value, source: o.openings.source } : null,
        projectionPeriod: projection ? periodWords(projection.source.period) : null,
        entryEducation: o.education ? { level: o.education.level, label: o.education.label, source: o.education.source } : null,
        flags: flagsOf(o, d.medians, t),
      }
    })

  async function programmeRow(schoolId: string, programmeId: string) {
    const row = await db.selectFrom('school_programmes').selectAll().where('school_id', '=', schoolId).where('id', '=', programmeId).executeTakeFirst()
    if (!row) throw new AppError('programme.not_found', 404, 'This school has no programme with that id.', { id: programmeId })
    return row
  }

  async function thresholds(schoolId: string): Promise<ThresholdsView> {
    const d = data()
    const defaults = defaultThresholds(d)
    const row = await db.selectFrom('alignment_thresholds').selectAll().where('school_id', '=', schoolId).executeTakeFirst()
    const explained = defaultsExplained(d)
    if (!row) return { ...defaults, configured: false, updatedAt: null, defaults, defaultsExplained: explained }
    const level = (EDUCATION_LEVELS as readonly string[]).includes(row.education_level) ? (row.education_level as EducationLevel) : defaults.educationLevel
    return {
      // PostgreSQL keeps `real` in four bytes: 14.4 comes back as 14.3999996…, so read to a sensible precision.
      wagePercentile: tidy(row.wage_percentile), growthPercent: tidy(row.growth_percent), annualOpenings: Number(row.annual_openings), educationLevel: level,
      inDemandRule: row.demand_rule === 'both' ? 'both' : 'either',
      configured: true, updatedAt: row.updated_at, defaults, defaultsExplained: explained,
    }
  }

  return {
    dataStatus: (): DataStatus => dataStatus(data()),

    /**
     * CIP codes of the crosswalk for a picker: by code or series prefix (`11.07`, `1107`), else by the
     * words of the title (every word must appear), at most `limit`, ordered by code.
     */
    searchCip(q: string, limit = 20): { items: { cipCode: string; title: string; occupationCount: number }[]; crosswalkImported: boolean } {
      const d = data()
      const text = q.trim().slice(0, 100)
      const parsed = parseCip(text)
      const prefix = parsed ? parsed.code : cipPrefix(text)
      const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0)
      const found = prefix !== null
        ? d.series(prefix)
        : words.length === 0 ? [] : d.all().filter((e) => { const title = e.title.toLowerCase(); return words.every((w) => title.includes(w)) })
      return {
        items: found.slice(0, Math.max(1, Math.min(50, limit))).map((e) => ({ cipCode: e.cip, title: cleanTitle(e.title), occupationCount: e.socs.length })),
        crosswalkImported: d.crosswalkLoaded,
      }
    },

    async list(schoolId: string): Promise<{ items: ProgrammeView[]; data: DataStatus }> {
      const d = data()
      const rows = await db.selectFrom('school_programmes').selectAll().where('school_id', '=', schoolId).orderBy('cip_code').orderBy('id').execute()
      return { items: rows.map((r) => view(d, r)), data: dataStatus(d) }
    },

    async add(schoolId: string, input: { cipCode: string; title?: string | undefined }): Promise<ProgrammeView> {
      const d = data()
      const parsed = parseCip(input.cipCode)
      if (!parsed) {
        throw new AppError('cip.invalid', 400, 'A CIP 2020 code has six digits, written 11.0201 (or 110201).', { errors: [{ pointer: '/body/cipCode', message: 'not a CIP code' }] })
      }
      let code = parsed.code
      if (parsed.kind === 'series') {
        const inSeries = d.series(`${parsed.code}`)
        const exact = d.cip(`${parsed.code}00`)
        if (exact) code = exact.cip
        else if (inSeries.length === 1) code = inSeries[0]!.cip
        else {
          throw new AppError('cip.not_found', 404, `${parsed.code} is a CIP series, not a programme code${inSeries.length > 0 ? '; choose one of its six-digit codes' : ''}.`, {
            candidates: inSeries.slice(0, 50).map((e) => ({ cipCode: e.cip, title: cleanTitle(e.title) })),
          })
        }
      }
      const entry = d.cip(code)
      if (d.crosswalkLoaded && !entry) {
        throw new AppError('cip.not_found', 404, `The CIP–SOC crosswalk does not list ${code}: either the code does not exist or NCES links it to no occupation.`, { cipCode: code })
      }
      const title = input.title?.trim() || (entry ? cleanTitle(entry.title) : `CIP ${code}`)
      const row = { id: randomUUID(), school_id: schoolId, cip_code: code, title, created_at: now() }
      const existing = await db.selectFrom('school_programmes').select('id').where('school_id', '=', schoolId).where('cip_code', '=', code).executeTakeFirst()
      const duplicate = () => new AppError('programme.duplicate', 409, `This school already lists CIP ${code}.`, { cipCode: code, ...(existing ? { programmeId: existing.id } : {}) })
      if (existing) throw duplicate()
      const listed = await db.selectFrom('school_programmes').select((eb) => eb.fn.countAll().as('n')).where('school_id', '=', schoolId).executeTakeFirstOrThrow()
      if (Number(listed.n) >= MAX_PROGRAMMES) throw new AppError('programme.limit', 409, `A school lists at most ${MAX_PROGRAMMES.toLocaleString('en-US')} programmes; remove one first.`, { limit: MAX_PROGRAMMES })
      try {
        await db.insertInto('school_programmes').values(row).execute()
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicate()
        throw error
      }
      return view(d, row)
    },

    async remove(schoolId: string, programmeId: string): Promise<void> {
      await programmeRow(schoolId, programmeId)
      await db.deleteFrom('school_programmes').where('school_id', '=', schoolId).where('id', '=', programmeId).execute()
    },

    thresholds,

    async setThresholds(schoolId: string, userId: string | null, input: Omit<Thresholds, 'inDemandRule'> & { inDemandRule?: DemandRule | undefined }): Promise<ThresholdsView> {
      const t: Thresholds = { ...input, inDemandRule: input.inDemandRule ?? 'either' }
      const values = {
        wage_percentile: t.wagePercentile, growth_percent: t.growthPercent, annual_openings: Math.round(t.annualOpenings), education_level: t.educationLevel,
        demand_rule: t.inDemandRule,
        updated_by: userId, updated_at: now(),
      }
      await db.insertInto('alignment_thresholds').values({ school_id: schoolId, ...values })
        .onConflict((oc) => oc.column('school_id').doUpdateSet(values)).execute()
      return thresholds(schoolId)
    },

    async programme(schoolId: string, programmeId: string): Promise<ProgrammeDetail> {
      const row = await programmeRow(schoolId, programmeId)
      const d = data()
      const t = await thresholds(schoolId)
      return { programme: view(d, row), thresholds: t, occupations: occupationsOf(d, row.cip_code, t), data: dataStatus(d) }
    },

    async alignment(schoolId: string): Promise<AlignmentReport> {
      const d = data()
      const school = await db.selectFrom('schools').select(['id', 'name']).where('id', '=', schoolId).executeTakeFirst()
      if (!school) throw new AppError('school.not_found', 404, 'No such school.')
      const t = await thresholds(schoolId)
      const rows = await db.selectFrom('school_programmes').selectAll().where('school_id', '=', schoolId).orderBy('cip_code').orderBy('id').execute()
      const programmes = rows.map((r) => ({ programme: view(d, r), occupations: occupationsOf(d, r.cip_code, t) }))
      const sources = new Map<string, SourceRef>()
      if (d.crosswalkSource && programmes.length > 0) sources.set(d.crosswalkSource.id, d.crosswalkSource)
      for (const p of programmes) {
        for (const o of p.occupations) {
          for (const s of [o.medianAnnualWage?.source, o.employmentChangePercent?.source, o.annualOpenings?.source, o.entryEducation?.source]) {
            if (s && !sources.has(s.id)) sources.set(s.id, { ...s, period: s.period })
          }
        }
      }
      return { school, generatedAt: now(), thresholds: t, programmes, data: dataStatus(d), sources: [...sources.values()] }
    },
  }
}

export type ProgrammesService = ReturnType<typeof createProgrammesService>

const flagText = (flag: Flag): string => (flag.value === null ? 'unknown' : flag.value ? 'yes' : 'no')
const evidenceText = (flag: Flag): string => flagWords(flag)
const sourceText = (s: SourceRef | undefined): string => (s ? `${s.publisher}, ${s.title}${s.period ? `, ${periodWords(s.period)}` : ''}` : '')

export const EXPORT_HEADER = [
  'Programme', 'CIP code', 'CIP title', 'SOC code', 'Occupation', 'Pathways careers',
  'Median annual wage (USD)', 'Wage top-coded', 'Wage percentile', 'Wage source',
  'Employment change (%)', 'Annual openings', 'Projection period', 'Projection source', 'Typical entry education',
  'High-wage', 'High-wage evidence', 'High-skill', 'High-skill evidence', 'In-demand', 'In-demand evidence',
] as const

/** One row per programme × occupation (a programme without occupations gets one row saying so). */
export function alignmentSheet(report: AlignmentReport): Sheet {
  const rows: Cell[][] = []
  for (const { programme: p, occupations } of report.programmes) {
    if (occupations.length === 0) {
      const why = report.data.crosswalkImported ? 'The CIP–SOC crosswalk links this programme to no occupation.' : 'The CIP–SOC crosswalk is not imported.'
      rows.push([p.title, p.cipCode, p.cipTitle, null, why, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null])
      continue
    }
    for (const o of occupations) {
      rows.push([
        p.title, p.cipCode, p.cipTitle, o.socCode, o.title, o.careers.map((c) => c.title).join('; ') || null,
        o.medianAnnualWage?.value ?? null, o.medianAnnualWage ? (o.medianAnnualWage.topCoded ? 'yes (at least)' : 'no') : null, o.wagePercentile,
        sourceText(o.medianAnnualWage?.source) || null,
        o.employmentChangePercent?.value ?? null, o.annualOpenings?.value ?? null, o.projectionPeriod,
        sourceText(o.employmentChangePercent?.source ?? o.annualOpenings?.source) || null, o.entryEducation?.label ?? null,
        flagText(o.flags.highWage), evidenceText(o.flags.highWage), flagText(o.flags.highSkill), evidenceText(o.flags.highSkill),
        flagText(o.flags.inDemand), evidenceText(o.flags.inDemand),
      ])
    }
  }
  return { name: 'Programme alignment', header: EXPORT_HEADER, rows }
}

/** The thresholds the report used, as a second sheet (XLSX) — so the flags can be checked. */
export function thresholdsSheet(report: AlignmentReport): Sheet {
  const t = report.thresholds
  return {
    name: 'Thresholds',
    header: ['Setting', 'Value', 'Note'],
    rows: [
      ['High-wage: wage percentile', t.wagePercentile, 'Median at or above this percentile of all occupations\' national medians'],
      ['In-demand: employment change (%)', t.growthPercent, t.inDemandRule === 'both' ? 'And at least the openings below' : 'Or at least the openings below'],
      ['In-demand: figures that must meet their threshold', t.inDemandRule === 'both' ? 'both' : 'either', null],
      ['In-demand: annual openings', t.annualOpenings, null],
      ['High-skill: entry education at least', educationLabel(t.educationLevel), null],
      ['Configured by the school', t.configured ? 'yes' : 'no (defaults)', null],
      ['Generated', report.generatedAt, null],
      ...report.sources.map((s): Cell[] => ['Source', sourceText(s), null]),
    ],
  }
}

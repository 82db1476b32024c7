/**
 * Pure helpers of the cohort dashboard and the attainment report: 20-point bands of a share, UTC
 * weeks (Monday to Monday) ending with the current one, calendar dates, and splitting long `in (…)`
 * lists into chunks a database accepts. No I/O.
 */

export const DAY_MS = 24 * 60 * 60 * 1000
const WEEK_MS = 7 * DAY_MS

export interface Band {
  /** Lower bound in %, inclusive. */
  from: number
  /** Upper bound in %, exclusive except for the last band (100 included). */
  to: number
  label: string
}

export const BANDS: readonly Band[] = [0, 20, 40, 60, 80].map((from) => ({
  from, to: from + 20, label: from === 80 ? '80–100%' : `${from}–${from + 19}%`,
}))

/** The band of a share 0–1 (rounded to 0.01 % first so 0.2 is in 20–39 %). */
export function bandOf(share: number): number {
  const percent = Math.round(share * 10000) / 100
  return Math.max(0, Math.min(BANDS.length - 1, Math.floor(percent / 20)))
}

/** How many of the shares fall in each band; null shares are counted apart. */
export function distribute(shares: readonly (number | null)[]): { counts: number[]; noData: number } {
  const counts = BANDS.map(() => 0)
  let noData = 0
  for (const share of shares) {
    if (share === null) noData++
    else counts[bandOf(share)]! += 1
  }
  return { counts, noData }
}

export interface Week {
  /** ISO timestamp of the Monday 00:00 UTC the week starts on. */
  start: string
  /** ISO timestamp of the next Monday (exclusive). */
  end: string
}

/** The last `count` UTC weeks, oldest first; the last one holds `now`. */
export function weeksEnding(now: number, count: number): Week[] {
  const day = new Date(now)
  const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate())
  const monday = midnight - ((day.getUTCDay() + 6) % 7) * DAY_MS
  return Array.from({ length: count }, (_, i) => {
    const start = monday - (count - 1 - i) * WEEK_MS
    return { start: new Date(start).toISOString(), end: new Date(start + WEEK_MS).toISOString() }
  })
}

/** The index of the week holding an ISO timestamp or date; -1 outside. */
export function weekIndex(weeks: readonly Week[], at: string): number {
  const first = weeks[0]
  if (!first) return -1
  const t = Date.parse(at.length === 10 ? `${at}T00:00:00.000Z` : at)
  if (Number.isNaN(t)) return -1
  const i = Math.floor((t - Date.parse(first.start)) / WEEK_MS)
  return i >= 0 && i < weeks.length ? i : -1
}

/** A real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const t = Date.parse(`${text}T00:00:00.000Z`)
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === text
}

/** The day after a YYYY-MM-DD date, as YYYY-MM-DD. */
export const nextDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10)

/** Whole days from `from` to `to` (YYYY-MM-DD). */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS)

/** Splits ids for `in (…)` lists (SQLite and PostgreSQL parameter limits stay far away). */
export function chunks<T>(items: readonly T[], size = 400): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

export const ratio = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 10000) / 10000 : 0)

export const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10000) / 10000

/** The later of two ISO strings (either may be missing). */
export const later = (a: string | null | undefined, b: string | null | undefined): string | null =>
  (a ?? null) === null ? (b ?? null) : (b ?? null) === null ? (a ?? null) : (a! > b! ? a! : b!)

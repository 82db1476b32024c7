/**
 * Figure normalisation, pure: periods to labels and years, amounts to display strings, local
 * currencies to US dollars at a stated rate. No I/O; unit-tested in figures.test.ts.
 */
import type { Period } from '../../../shared/schemas.js'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** `2024-05` → May 2024; `2023/2033` → 2023–2033; `2025` → 2025. Returns null for null. */
export function parsePeriod(value: string | null): Period | null {
  if (value === null) return null
  const [start, end] = value.split('/') as [string, string | undefined]
  const startYear = Number(start.slice(0, 4))
  const endYear = Number((end ?? start).slice(0, 4))
  const label = end === undefined ? pointLabel(start) : `${pointLabel(start)}–${pointLabel(end)}`
  return { value, label, startYear, endYear }
}

function pointLabel(point: string): string {
  const [year, month, day] = point.split('-')
  if (month === undefined) return year ?? point
  const name = MONTHS[Number(month) - 1] ?? month
  return day === undefined ? `${name} ${year}` : `${Number(day)} ${name} ${year}`
}

const HOURS_PER_YEAR = 2080

/** Annual amount of a money figure: hourly wages are annualised at 2,080 hours, as BLS does. */
export function annualAmount(amount: number, unit: string): number {
  return unit === 'per-hour' ? amount * HOURS_PER_YEAR : amount
}

export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount)
}

export interface DisplayInput {
  statistic: string
  value: number | null
  low: number | null
  high: number | null
  label: string | null
  unit: string
  currency: string | null
  approximate: boolean
}

/** The figure as people read it: `~$148,000 a year`, `+7.5%`, `22,418 listings`, `$70,000–$120,000 a year`. */
export function displayFigure(f: DisplayInput): string {
  if (f.statistic === 'designation') return f.label ?? ''
  const prefix = f.approximate ? '~' : ''
  const one = (n: number) => formatNumber(n, f)
  const body = f.statistic === 'range' && f.low !== null && f.high !== null ? `${one(f.low)}–${one(f.high)}` : one(f.value ?? 0)
  return `${prefix}${body}${suffix(f.unit)}`
}

function formatNumber(n: number, f: DisplayInput): string {
  if (f.currency) return formatMoney(n, f.currency)
  if (f.unit === 'percent') return `${n > 0 ? '+' : ''}${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(n)}%`
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(n)
}

function suffix(unit: string): string {
  switch (unit) {
    case 'per-year': return ' a year'
    case 'per-hour': return ' an hour'
    case 'listings': return ' listings'
    case 'jobs': return ' jobs'
    default: return ''
  }
}

export interface Rate {
  currency: string
  period: string
  unitsPerUsd: number
}

/** The rate for a currency closest in time to the figure's period (latest when the figure has none). */
export function pickRate(rates: readonly Rate[], currency: string, period: Period | null): Rate | undefined {
  const candidates = rates.filter((r) => r.currency === currency)
  const year = period?.endYear ?? Number.POSITIVE_INFINITY
  return candidates
    .map((r) => ({ r, distance: Math.abs((parsePeriod(r.period)?.endYear ?? 0) - year) }))
    .sort((a, b) => a.distance - b.distance || b.r.period.localeCompare(a.r.period))[0]?.r
}

/** Converts a local annual amount to US dollars, rounded to the nearest 100. */
export function toUsd(amount: number, rate: Rate): number {
  return Math.round(amount / rate.unitsPerUsd / 100) * 100
}

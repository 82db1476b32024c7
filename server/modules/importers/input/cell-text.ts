/**
 * Worksheet cells as the same plain strings a CSV export would hold, so a mapper need not care which
 * format it reads: numbers in plain decimal (no thousands separators, no exponent), empty cells as ''.
 */
import type { CellValue } from 'exceljs'

const plainDecimal = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 20 })

export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  const text = String(value) // shortest round-trip form, e.g. 0.1 rather than 0.10000000000000001
  return /e/i.test(text) ? plainDecimal.format(value) : text
}

/** Dates are written as ISO 8601: a date alone when the time is midnight UTC. */
export function dateText(value: Date): string {
  const iso = value.toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
}

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return numberText(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return dateText(value)
  if ('richText' in value) return value.richText.map((run) => run.text).join('')
  if ('hyperlink' in value) return hyperlinkText(value.text)
  if ('error' in value) return value.error
  return cellText(value.result)
}

/** exceljs puts rich text in a hyperlink's `text` at run time although its types say string. */
function hyperlinkText(text: unknown): string {
  if (typeof text === 'string') return text
  if (typeof text === 'object' && text !== null && 'richText' in text && Array.isArray(text.richText)) {
    return text.richText.map((run: { text?: unknown }) => (typeof run.text === 'string' ? run.text : '')).join('')
  }
  return ''
}

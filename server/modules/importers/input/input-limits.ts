/**
 * Ceilings that keep a hostile or broken input from exhausting memory or disk (SECURITY.md F1, F3).
 * The defaults fit the published datasets with a wide margin; tests pass tiny values.
 */
export interface InputLimits {
  /** Most entries a zip may hold (directories included). */
  maxEntries: number
  /** Most bytes all entries of one zip may expand to. */
  maxTotalBytes: number
  /** Most bytes one entry may expand to. */
  maxEntryBytes: number
  /** Highest uncompressed : compressed ratio of one entry, checked once it exceeds `ratioFloorBytes`. */
  maxRatio: number
  /** Below this many uncompressed bytes the ratio is not checked (small files compress very well). */
  ratioFloorBytes: number
  /** Longest row of a delimited file, in characters: an unterminated quote cannot swallow the file. */
  maxRowChars: number
  /** Largest .xlsx file: a workbook is parsed in memory, so it is capped harder than a text file. */
  maxWorkbookBytes: number
}

const MiB = 1024 * 1024

export const defaultInputLimits: Readonly<InputLimits> = Object.freeze({
  maxEntries: 10_000,
  maxTotalBytes: 1024 * MiB,
  maxEntryBytes: 512 * MiB,
  maxRatio: 100, // SECURITY.md F1; the real ESCO entries are about 7:1, BLS workbook parts at most 26:1
  ratioFloorBytes: MiB,
  maxRowChars: MiB,
  maxWorkbookBytes: 64 * MiB,
})

/** Fills the limits a caller did not give with the defaults, rejecting nonsense values early. */
export function resolveLimits(overrides: Partial<InputLimits> = {}): InputLimits {
  const limits: InputLimits = { ...defaultInputLimits }
  for (const key of Object.keys(defaultInputLimits) as (keyof InputLimits)[]) {
    const value = overrides[key]
    if (value === undefined) continue
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`input limit ${key} must be a positive number`)
    limits[key] = value
  }
  return limits
}

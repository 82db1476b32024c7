/**
 * Which OEWS release an input holds, read from the BLS file name (`national_M2024_dl` = May 2024), and the
 * `sources` row for it. OEWS reference periods are always May.
 */
import type { SourcesTable } from '../../../../platform/db/types.js'

export const OEWS_ORIGIN = 'bls-oews'

const FILE_PATTERN = /^national_M(\d{4})_dl\.(csv|xlsx)$/

export interface OewsRelease {
  year: number
  /** The file to read: the CSV when both are present (faster, and what PROVENANCE checked), else the workbook. */
  file: string
  /** Worksheet of the data in the workbook: BLS names it after the file. */
  sheet: string | undefined
  sourceId: string
  /** ISO period of every figure, `2024-05`. */
  period: string
}

/** Top-codes BLS prints as `#`, from the workbook's Field Descriptions sheet; they change between releases. */
export const TOP_CODES: Readonly<Record<number, { annual: number; hourly: number }>> = {
  2024: { annual: 239_200, hourly: 115 },
}

/** The newest national release among the input's files, or undefined when there is none. */
export function findOewsRelease(names: readonly string[]): OewsRelease | undefined {
  const years = names.flatMap((name) => {
    const match = FILE_PATTERN.exec(name)
    return match ? [Number(match[1])] : []
  })
  if (years.length === 0) return undefined
  const year = Math.max(...years)
  const base = `national_M${year}_dl`
  const file = names.includes(`${base}.csv`) ? `${base}.csv` : `${base}.xlsx`
  return { year, file, sheet: file.endsWith('.xlsx') ? base : undefined, sourceId: `bls-oews-${year}-05`, period: `${year}-05` }
}

export function oewsSource(release: OewsRelease): SourcesTable {
  return {
    id: release.sourceId,
    origin: OEWS_ORIGIN,
    publisher: 'U.S. Bureau of Labor Statistics',
    title: 'Occupational Employment and Wage Statistics (OEWS), national',
    kind: 'official-statistics',
    version: `May ${release.year}`,
    url: 'https://www.bls.gov/oes/',
    licence: 'Public domain',
    attribution: 'Source: U.S. Bureau of Labor Statistics (OEWS).',
    published: null,
    retrieved: null,
    seed_document: null,
    note: `National cross-industry estimates for detailed SOC 2018 occupations, reference period May ${release.year} (${release.file}). Wages cover wage and salary workers, not the self-employed.`,
  }
}

/**
 * BEA Regional Price Parities files as published in MARPP.zip / PARPP.zip: the year range is in the file
 * name (`MARPP_MSA_2008_2024.csv`) and in the header, one column per year. Metro areas are the main
 * file; the state metropolitan / nonmetropolitan portions file is read too when present.
 */
import type { SourcesTable } from '../../../../platform/db/types.js'

export const RPP_ORIGIN = 'bea-rpp'

export interface RppFile {
  name: string
  kind: 'metro' | 'portion'
  years: number[]
}

const PATTERN = /^(MARPP_MSA|PARPP_PORT)_(\d{4})_(\d{4})\.csv$/

function parse(name: string): RppFile | undefined {
  const match = PATTERN.exec(name)
  if (!match) return undefined
  const [first, last] = [Number(match[2]), Number(match[3])]
  if (last < first) return undefined
  return { name, kind: match[1] === 'MARPP_MSA' ? 'metro' : 'portion', years: Array.from({ length: last - first + 1 }, (_, i) => first + i) }
}

const newest = (files: RppFile[]): RppFile | undefined => files.sort((a, b) => (b.years.at(-1) ?? 0) - (a.years.at(-1) ?? 0))[0]

/** The newest metro file and, when present, the newest portions file; undefined without a metro file. */
export function findRppFiles(names: readonly string[]): RppFile[] | undefined {
  const files = names.map(parse).filter((file): file is RppFile => file !== undefined)
  const metro = newest(files.filter((file) => file.kind === 'metro'))
  const portion = newest(files.filter((file) => file.kind === 'portion'))
  return metro ? [metro, ...(portion ? [portion] : [])] : undefined
}

/** LineCode → the `line` stored: BEA's five RPP lines (Unit: index, U.S. = 100). */
export const LINES: Readonly<Record<string, string>> = {
  '1': 'all-items',
  '2': 'goods',
  '3': 'housing',
  '4': 'utilities',
  '5': 'other-services',
}

export const rppSourceId = (metro: RppFile): string => `bea-rpp-${metro.years.at(-1) ?? ''}`

/** The source row; `metro` (the first of `files`) names it after its latest year. */
export function rppSource(metro: RppFile, files: readonly RppFile[]): SourcesTable {
  const years = `${metro.years[0] ?? ''}–${metro.years.at(-1) ?? ''}`
  return {
    id: rppSourceId(metro),
    origin: RPP_ORIGIN,
    publisher: 'U.S. Bureau of Economic Analysis',
    title: 'Regional Price Parities by metropolitan area and state portion',
    kind: 'official-statistics',
    version: years,
    url: 'https://www.bea.gov/data/prices-inflation/regional-price-parities-state-and-metro-area',
    licence: 'Public domain',
    attribution: 'Source: U.S. Bureau of Economic Analysis (Regional Price Parities).',
    published: null,
    retrieved: null,
    seed_document: null,
    note: `Price levels by area as an index (U.S. = 100), ${years}: all items, goods, housing, utilities and other services. Read from ${files.map((f) => f.name).join(' and ')}.`,
  }
}

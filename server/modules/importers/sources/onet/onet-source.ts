/**
 * Which O*NET release an input holds, read from `Read Me.txt` ("O*NET 29.3 Database" / "May 2025 Release"),
 * and the `sources` row for it. Without a readable Read Me the input is taken to be 29.3, the release the
 * column layout was checked against.
 */
import type { SourcesTable } from '../../../../platform/db/types.js'
import type { ImportInput } from '../../import-types.js'
import { ONET } from './onet-files.js'

export interface OnetRelease {
  version: string
  /** ISO month of the release, `2025-05`, when the Read Me states it. */
  published: string | null
  sourceId: string
}

export const DEFAULT_RELEASE: OnetRelease = { version: '29.3', published: '2025-05', sourceId: 'onet-29-3' }

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

/** The release stated in the Read Me's lines, or the default for what it does not state. */
export function releaseFromReadMe(lines: readonly string[]): OnetRelease {
  const all = lines.join('\n')
  const version = /O\*NET\s+(\d+\.\d+)\s+Database/i.exec(all)?.[1]
  if (version === undefined) return DEFAULT_RELEASE
  return { version, published: releaseMonth(all), sourceId: `onet-${version.replace(/\./g, '-')}` }
}

/** "May 2025 Release" → `2025-05`. */
function releaseMonth(text: string): string | null {
  const date = /\b([A-Za-z]+)\s+(\d{4})\s+Release\b/i.exec(text)
  const month = MONTHS.indexOf((date?.[1] ?? '').toLowerCase())
  return date && month >= 0 ? `${date[2]}-${String(month + 1).padStart(2, '0')}` : null
}

/**
 * Lines of the Read Me through the row reader: it is one column of free text, so its first line is what the
 * reader calls the header and the others are values.
 */
export async function readRelease(input: ImportInput): Promise<OnetRelease> {
  if (!input.has(ONET.readMe)) return DEFAULT_RELEASE
  const lines: string[] = []
  for await (const row of input.rows(ONET.readMe, { columns: [], delimiter: '\t' })) {
    if (lines.length === 0) lines.push(...Object.keys(row.values))
    lines.push(...Object.values(row.values))
    if (lines.length >= 4) break
  }
  return releaseFromReadMe(lines)
}

export function attributionFor(version: string): string {
  return `Includes information from the O*NET ${version} Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. Skills, Knowledge, Alternate Titles and Education, Training, and Experience were converted from the Excel release to text format.`
}

export function onetSource(release: OnetRelease): SourcesTable {
  return {
    id: release.sourceId,
    origin: 'onet',
    publisher: 'National Center for O*NET Development, for USDOL/ETA',
    title: `O*NET ${release.version} Database`,
    kind: 'reference-data',
    version: release.version,
    url: 'https://www.onetcenter.org/database.html',
    licence: 'CC BY 4.0',
    attribution: attributionFor(release.version),
    published: release.published,
    retrieved: null,
    seed_document: null,
    note: null,
  }
}

/**
 * Nesta's ESCO → O*NET matches as `code_links` to O*NET-SOC 2019 codes.
 *
 * Nesta gives, for each ESCO occupation, the best-matching O*NET-SOC 2010 occupation and a confidence
 * (0.5, 1 or 2 = highest); it has no match-type column. ESCO's occupations are finer than O*NET's
 * (≈3,000 against ≈1,000), so a match usually lands on a wider O*NET occupation. Granularity says how
 * the O*NET code relates to the ESCO occupation:
 * - `related`  when the confidence is 0.5 (Nesta's lowest: a neighbour, not a claimed match), or when the
 *              2010 code was split into several 2019 codes (which successor fits is not known; each is linked);
 * - `exact`    when the confidence is 2, no other ESCO occupation shares the 2010 code, and the 2019 code
 *              is that one 2010 code carried over (not a merger of several);
 * - `broader`  otherwise: the O*NET occupation covers this ESCO occupation and other work.
 * The reason is written in each row's note.
 */
import { ImportInputError, type InputRow } from '../../import-types.js'
import type { CodeLinksTable } from '../../../../platform/db/types.js'
import { CROSSWALK_ORIGIN, NESTA_SOURCE_ID } from './crosswalk-files.js'
import { ONET_SOC, type OnetWalk } from './onet-walk.js'

export interface NestaMatch {
  uri: string
  onet2010: string
  confidence: number
}

const ESCO_OCCUPATION = /^http:\/\/data\.europa\.eu\/esco\/occupation\/[\w-]+$/

const cell = (row: InputRow, column: string): string => (row.values[column] ?? '').trim()

/** One Nesta row; malformed values name the file, line and column. */
export function readNestaMatch(row: InputRow): NestaMatch {
  const uri = cell(row, 'concept_uri')
  if (!ESCO_OCCUPATION.test(uri)) throw new ImportInputError(row.file, `column concept_uri: "${uri}" is not an ESCO occupation URI`, row.line)
  const onet2010 = cell(row, 'onet_code')
  if (!ONET_SOC.test(onet2010)) throw new ImportInputError(row.file, `column onet_code: "${onet2010}" is not an O*NET-SOC code`, row.line)
  const text = cell(row, 'confidence')
  if (!/^\d+(\.\d+)?$/.test(text)) throw new ImportInputError(row.file, `column confidence: "${text}" is not a number`, row.line)
  return { uri, onet2010, confidence: Number(text) }
}

type Granularity = 'exact' | 'broader' | 'related'

/** The granularity of one link and the words that explain it. */
export function nestaGranularity(match: NestaMatch, targets: number, predecessors: number, sharers: number): { granularity: Granularity; reason: string } {
  if (match.confidence < 1) return { granularity: 'related', reason: 'lowest confidence, so a related occupation' }
  if (targets > 1) return { granularity: 'related', reason: `the 2010 code was split into ${targets} codes in 2019, so each is related` }
  if (match.confidence >= 2 && sharers === 1 && predecessors === 1) return { granularity: 'exact', reason: 'highest confidence and one-to-one, so exact' }
  return { granularity: 'broader', reason: 'the O*NET occupation also covers other work, so broader' }
}

const confidenceWords = (confidence: number): string => `confidence ${confidence} on Nesta's scale of 0.5, 1 and 2`

export interface NestaLinks {
  links: CodeLinksTable[]
  /** Matches whose 2010 code is not in the 2010 → 2019 crosswalk. */
  unresolved: number
}

/** All links, in Nesta's row order and, within a row, the crosswalk's order; duplicates dropped. */
export function nestaLinks(matches: readonly NestaMatch[], walk: OnetWalk): NestaLinks {
  const sharers = new Map<string, Set<string>>()
  for (const match of matches) sharers.set(match.onet2010, (sharers.get(match.onet2010) ?? new Set()).add(match.uri))
  const seen = new Set<string>()
  const result: NestaLinks = { links: [], unresolved: 0 }
  for (const match of matches) {
    const targets = walk.onet.get(match.onet2010) ?? []
    if (targets.length === 0) result.unresolved++
    for (const target of targets) {
      if (seen.has(`${match.uri} ${target}`)) continue
      seen.add(`${match.uri} ${target}`)
      const { granularity, reason } = nestaGranularity(match, targets.length, walk.predecessors.get(target) ?? 1, sharers.get(match.onet2010)?.size ?? 1)
      result.links.push({
        origin: CROSSWALK_ORIGIN, from_system: 'esco', from_code: match.uri, to_system: 'onet-soc', to_code: target, granularity,
        via: 'nesta-crosswalk', source_id: NESTA_SOURCE_ID,
        note: `Nesta matched O*NET-SOC 2010 ${match.onet2010} (${confidenceWords(match.confidence)}); ${reason}.`,
      })
    }
  }
  return result
}

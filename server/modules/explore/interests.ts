/**
 * Careers by interest: O*NET rates every occupation on the six RIASEC interests (1–7). A career's
 * interest code is its three highest, in order (its Holland code); browsing an interest lists the
 * careers whose code includes it, highest score first.
 */
import type * as S from '../../../shared/schemas.js'
import { fromJson } from '../../platform/db/json.js'
import type { CatalogIndex } from '../careers/index.js'

export const RIASEC: readonly { code: string; name: string; description: string }[] = [
  { code: 'R', name: 'Realistic', description: 'Hands-on work with tools, machines, plants or animals; practical problems with visible results, often outdoors or on site.' },
  { code: 'I', name: 'Investigative', description: 'Working with ideas: observing, researching and reasoning through problems, often with data, science or mathematics.' },
  { code: 'A', name: 'Artistic', description: 'Creating and expressing: design, writing, music, performance — work with room for self-expression and fewer set routines.' },
  { code: 'S', name: 'Social', description: 'Helping, teaching, caring for or advising people; work centred on communication and service.' },
  { code: 'E', name: 'Enterprising', description: 'Leading, persuading and deciding: starting projects, selling ideas, managing people and taking business risks.' },
  { code: 'C', name: 'Conventional', description: 'Organised, detailed work with data and procedures: records, numbers, systems and clear standards.' },
]

export interface InterestEntry {
  career: number
  score: number
  code: string
}

export interface InterestModel {
  /** Careers whose three highest interests include this one, highest score first. */
  careers(code: string): InterestEntry[]
}

interface StoredInterest { code: string; score: number }

export const interestModel = (index: CatalogIndex): InterestModel => index.derived('interests', build)

function build(index: CatalogIndex): InterestModel {
  const lists = new Map<string, InterestEntry[]>(RIASEC.map((r) => [r.code, []]))
  index.rows.careers.forEach((row, i) => {
    if (row.attributes === null) return
    const interests = fromJson<{ interests?: StoredInterest[] }>(row.attributes, {}).interests ?? []
    if (interests.length === 0) return
    const top = [...interests].sort((a, b) => b.score - a.score || RIASEC_ORDER.indexOf(a.code) - RIASEC_ORDER.indexOf(b.code)).slice(0, 3)
    const code = top.map((t) => t.code).join('')
    for (const t of top) lists.get(t.code)?.push({ career: i, score: t.score, code })
  })
  for (const list of lists.values()) list.sort((a, b) => b.score - a.score || a.career - b.career)
  return { careers: (code) => lists.get(code) ?? [] }
}

const RIASEC_ORDER = 'RIASEC'

export function interestOf(code: string, model: InterestModel): S.Interest | undefined {
  const found = RIASEC.find((r) => r.code === code.toUpperCase())
  return found && { ...found, careerCount: model.careers(found.code).length }
}

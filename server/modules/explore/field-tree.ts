/**
 * Careers placed in the official hierarchies by the codes they carry: ISCO-08 (major → sub-major →
 * minor → unit group, from every ISCO code a career carries, labels from ESCO's field paths), SOC 2018
 * major groups (which O*NET uses as its job families, from SOC and O*NET-SOC codes), and the curated
 * field paths of Pathways' own careers.
 */
import type * as S from '../../../shared/schemas.js'
import { slugify } from '../careers/careers.service.js'
import { socMajorGroupTitle } from '../importers/sources/shared/soc-major-groups.js'

export type FieldSystem = 'isco' | 'soc' | 'pathways'

export const FIELD_SYSTEMS: Record<FieldSystem, { title: string; description: string }> = {
  isco: {
    title: 'ISCO-08 occupation groups',
    description: 'The International Standard Classification of Occupations, as ESCO uses it: ten major groups down to unit groups.',
  },
  soc: {
    title: 'SOC 2018 major groups (O*NET job families)',
    description: 'The 23 major groups of the US Standard Occupational Classification; O*NET groups its occupations into job families that follow them.',
  },
  pathways: {
    title: 'Pathways fields',
    description: 'The fields Pathways’ curated career pathways are filed under.',
  },
}

export interface FieldTreeModel {
  groups: S.FieldGroup[]
  group(code: string): S.FieldGroup | undefined
  /** Careers (indexes into the summary list) in a group or any of its subgroups, in catalog order. */
  careersIn(code: string): number[]
  children(code: string): S.FieldGroup[]
  path(code: string): S.FieldGroup[]
}

interface Placement {
  /** Group codes from the top down, with their labels where known. */
  path: { code: string; title: string | undefined }[]
}

export function buildFieldTree(system: FieldSystem, careers: readonly S.CareerSummary[]): FieldTreeModel {
  const titles = new Map<string, string>()
  const members = new Map<string, Set<number>>()
  const parents = new Map<string, string | null>()
  const levels = new Map<string, number>()
  careers.forEach((career, i) => {
    for (const placement of placementsOf(system, career)) {
      placement.path.forEach(({ code, title }, depth) => {
        if (title !== undefined && !titles.has(code)) titles.set(code, title)
        parents.set(code, depth === 0 ? null : (placement.path[depth - 1] as { code: string }).code)
        levels.set(code, depth + 1)
        let set = members.get(code)
        if (!set) members.set(code, (set = new Set()))
        set.add(i)
      })
    }
  })
  const groups: S.FieldGroup[] = [...members.keys()]
    .sort((a, b) => (levels.get(a) ?? 0) - (levels.get(b) ?? 0) || (a < b ? -1 : 1))
    .map((code) => ({
      code, title: titles.get(code) ?? fallbackTitle(system, code), level: levels.get(code) ?? 1,
      parent: parents.get(code) ?? null, careerCount: members.get(code)?.size ?? 0,
    }))
  const byCode = new Map(groups.map((g) => [g.code, g]))
  const childrenOf = new Map<string, S.FieldGroup[]>()
  for (const g of groups) {
    if (g.parent === null) continue
    let list = childrenOf.get(g.parent)
    if (!list) childrenOf.set(g.parent, (list = []))
    list.push(g)
  }
  return {
    groups,
    group: (code) => byCode.get(code),
    careersIn: (code) => [...(members.get(code) ?? [])].sort((a, b) => a - b),
    children: (code) => childrenOf.get(code) ?? [],
    path: (code) => {
      const path: S.FieldGroup[] = []
      for (let g = byCode.get(code); g; g = g.parent === null ? undefined : byCode.get(g.parent)) path.unshift(g)
      return path
    },
  }
}

function placementsOf(system: FieldSystem, career: S.CareerSummary): Placement[] {
  if (system === 'pathways') {
    if (career.origin !== 'catalog' || career.fieldPath.length === 0) return []
    const path: Placement['path'] = []
    career.fieldPath.forEach((label, depth) => {
      path.push({ code: career.fieldPath.slice(0, depth + 1).map(slugify).join('/'), title: label })
    })
    return [{ path }]
  }
  if (system === 'soc') {
    const majors = new Set<string>()
    for (const c of career.codes) {
      if ((c.system === 'soc-2018' || c.system === 'onet-soc') && /^\d{2}-/.test(c.code)) majors.add(`${c.code.slice(0, 2)}-0000`)
    }
    return [...majors].map((code) => ({ path: [{ code, title: socMajorGroupTitle(code) }] }))
  }
  const units = new Map<string, string | undefined>()
  for (const c of career.codes) if (c.system === 'isco-08' && /^\d{4}$/.test(c.code)) units.set(c.code, c.title)
  // ESCO careers' field paths carry the labels of all four levels of their one unit group.
  const labels = career.origin === 'esco' && career.fieldPath.length === 4 ? career.fieldPath : undefined
  return [...units].map(([unit, unitTitle]) => ({
    path: [1, 2, 3, 4].map((digits) => ({
      code: unit.slice(0, digits),
      title: labels?.[digits - 1] ?? (digits === 4 ? unitTitle : undefined),
    })),
  }))
}

function fallbackTitle(system: FieldSystem, code: string): string {
  return system === 'isco' ? `ISCO-08 group ${code}` : code
}

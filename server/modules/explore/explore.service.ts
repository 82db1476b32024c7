/**
 * Browsing (by field, skill and interest), comparing careers, and moving between them by skill
 * overlap — all read from the in-memory catalog of the current version, nothing from the database.
 */
import type * as S from '../../../shared/schemas.js'
import { AppError, invalidQuery, notFound } from '../../platform/http/errors.js'
import type { CatalogIndex } from '../careers/index.js'
import type { CareerService } from '../careers/index.js'
import type { CatalogService } from '../catalog/index.js'
import { paginate, type PageQuery } from '../careers/pagination.js'
import type { CursorCodec } from '../../platform/http/cursor.js'
import { careerSkillModel } from './career-skills.js'
import { compareSkills, comparePay, entryEducation, entryExperience, pickFact } from './compare.js'
import { buildFieldTree, FIELD_SYSTEMS, type FieldSystem, type FieldTreeModel } from './field-tree.js'
import { interestModel, interestOf, RIASEC } from './interests.js'
import { overlapsFrom, skillsToAdd, type Overlap } from './skill-overlap.js'

/** Careers whose overlaps are kept (each list can run to a few thousand entries). */
const CACHED_OVERLAPS = 200
const RELATED_BY_SKILLS = 10
const SKILLS_TO_ADD = 5
export const MAX_COMPARED = 4

interface Directory {
  careerIndexBySlug: Map<string, number>
  skillById: Map<string, S.Skill>
  overlapCache: Map<string, Overlap[]>
}

const directoryOf = (index: CatalogIndex): Directory => index.derived('explore-directory', (built) => ({
  careerIndexBySlug: new Map(built.careers.map((c, i) => [c.slug, i])),
  skillById: new Map(built.skills.map((s) => [s.id, s])),
  overlapCache: new Map(),
}))

const fieldTreeOf = (index: CatalogIndex, system: FieldSystem): FieldTreeModel =>
  index.derived(`fields-${system}`, (built) => buildFieldTree(system, built.careers))

const refOf = (c: S.CareerSummary): S.CareerRef => ({ slug: c.slug, title: c.title, origin: c.origin, summary: c.summary })

/** Builds the read models browsing needs for a new catalog version before it is served. */
export async function warmExplore(index: CatalogIndex): Promise<void> {
  careerSkillModel(index)
  interestModel(index)
  for (const system of Object.keys(FIELD_SYSTEMS) as FieldSystem[]) {
    await new Promise<void>((resolve) => setImmediate(resolve))
    fieldTreeOf(index, system)
  }
}

export function createExploreService({ catalog, careers, cursors }: { catalog: CatalogService; careers: CareerService; cursors: CursorCodec }) {
  catalog.addWarmer(warmExplore)
  const index = () => catalog.index()

  const careerAt = (position: number): S.CareerSummary => index().careers[position] as S.CareerSummary
  const careerIdOf = (slug: string): { id: string; summary: S.CareerSummary } => {
    const position = directoryOf(index()).careerIndexBySlug.get(slug)
    if (position === undefined) throw notFound('career', slug)
    return { id: (index().rows.careers[position] as { id: string }).id, summary: careerAt(position) }
  }
  const skillName = (id: string) => directoryOf(index()).skillById.get(id)?.name ?? id

  /** Overlaps of one career with every other, kept for the most recently asked careers. */
  const overlaps = (careerId: string): Overlap[] => {
    const cache = directoryOf(index()).overlapCache
    const hit = cache.get(careerId)
    if (hit) {
      cache.delete(careerId)
      cache.set(careerId, hit)
      return hit
    }
    const computed = overlapsFrom(careerSkillModel(index()), careerId)
    cache.set(careerId, computed)
    for (const oldest of cache.keys()) {
      if (cache.size <= CACHED_OVERLAPS) break
      cache.delete(oldest)
    }
    return computed
  }
  const overlapOut = (o: Overlap): S.Overlap => ({
    career: refOf(summaryByCareerId(index(), o.career)), similarity: round(o.similarity), coverage: round(o.coverage), shared: o.shared,
    score: round(moveScore(o)),
  })

  return {
    fieldSystems: () => (Object.keys(FIELD_SYSTEMS) as FieldSystem[]).map((system) => ({
      system, ...FIELD_SYSTEMS[system], groups: fieldTreeOf(index(), system).groups.filter((g) => g.level === 1).length,
    })),

    fieldTree(system: FieldSystem): S.FieldTree {
      return { system, ...FIELD_SYSTEMS[system], groups: fieldTreeOf(index(), system).groups }
    },

    fieldCareers(system: FieldSystem, code: string, page: PageQuery): S.FieldCareers {
      const tree = fieldTreeOf(index(), system)
      const group = tree.group(code)
      if (!group) throw notFound('field', `${system}/${code}`)
      const listed = paginate(tree.careersIn(code), page, cursors, `fields/${system}/${code}/careers`)
      return {
        system, group, path: tree.path(code), children: tree.children(code),
        items: listed.items.map((i) => refOf(careerAt(i))), total: listed.total, nextCursor: listed.nextCursor,
      }
    },

    skillCareers(skillId: string, page: PageQuery): S.SkillCareers {
      const skill = directoryOf(index()).skillById.get(skillId)
      if (!skill) throw notFound('skill', skillId)
      const model = careerSkillModel(index())
      const listed = paginate(model.careersWith(skillId), page, cursors, `skills/${skillId}/careers`)
      return {
        skill: { id: skill.id, name: skill.name, kind: skill.kind },
        sameAs: model.sameAs(skillId).filter((id) => id !== skillId).map((id) => ({ id, name: skillName(id) })),
        items: listed.items.map(({ career, weight }) => ({ career: refOf(summaryByCareerId(index(), career)), weight })),
        total: listed.total, nextCursor: listed.nextCursor,
      }
    },

    interests: (): S.Interest[] => {
      const model = interestModel(index())
      return RIASEC.map((r) => interestOf(r.code, model) as S.Interest)
    },

    interestCareers(code: string, page: PageQuery): S.InterestCareers {
      const model = interestModel(index())
      const interest = interestOf(code, model)
      if (!interest) throw notFound('interest', code)
      const listed = paginate(model.careers(interest.code), page, cursors, `interests/${interest.code}/careers`)
      return {
        interest,
        items: listed.items.map((e) => ({ career: refOf(careerAt(e.career)), score: e.score, code: e.code })),
        total: listed.total, nextCursor: listed.nextCursor,
      }
    },

    compare(slugs: string[]): S.Comparison {
      const unique = [...new Set(slugs)]
      if (unique.length < 2 || unique.length > MAX_COMPARED) {
        throw invalidQuery('careers', `give 2 to ${MAX_COMPARED} different career slugs, comma-separated`)
      }
      const inputs = unique.map((slug) => ({ profile: careers.profile(slug), careerId: careerIdOf(slug).id }))
      const pay = comparePay(inputs.map((i) => i.profile))
      const skills = compareSkills(inputs, careerSkillModel(index()), skillName)
      return {
        careers: inputs.map(({ profile }, i) => ({
          career: { slug: profile.slug, title: profile.title, origin: profile.origin, summary: profile.summary },
          fieldPath: profile.fieldPath,
          pay: pay.pays[i] ?? null,
          payNote: pay.notes[i] ?? '',
          outlook: pickFact(profile, 'growth', 'percent-change'),
          employment: pickFact(profile, 'employment', 'count'),
          education: entryEducation(profile),
          experience: entryExperience(profile),
          jobZone: profile.jobZone ? { zone: profile.jobZone.zone, name: profile.jobZone.name } : null,
          topSkills: skills.top[i] ?? [],
        })),
        sharedPay: pay.shared,
        sharedSkills: skills.shared,
      }
    },

    related(slug: string): S.RelatedCareers {
      const { id, summary } = careerIdOf(slug)
      const profile = careers.profile(slug)
      const bySkills = [...overlaps(id)].sort((a, b) => b.similarity - a.similarity || (a.career < b.career ? -1 : 1)).slice(0, RELATED_BY_SKILLS)
      return {
        career: refOf(summary),
        official: profile.related.map((r) => ({ slug: r.slug, title: r.title, note: r.note, sources: r.sources })),
        bySkills: bySkills.map(overlapOut),
      }
    },

    moves(slug: string, page: PageQuery & { minCoverage?: number }): S.CareerMoves {
      const { id, summary } = careerIdOf(slug)
      const min = page.minCoverage ?? 0
      const ranked = overlaps(id).filter((o) => o.coverage >= min)
        .sort((a, b) => moveScore(b) - moveScore(a) || b.coverage - a.coverage || (a.career < b.career ? -1 : 1))
      const listed = paginate(ranked, page, cursors, `careers/${slug}/moves`)
      const model = careerSkillModel(index())
      return {
        from: refOf(summary),
        items: listed.items.map((o) => ({
          ...overlapOut(o),
          skillsToAdd: skillsToAdd(model, id, o.career, SKILLS_TO_ADD).map(({ skill, weight, have }) => ({ id: skill, name: skillName(skill), weight, have })),
        })),
        total: listed.total, nextCursor: listed.nextCursor,
      }
    },

    /**
     * Resolves what a person typed for a career to a slug: the slug itself, else a career with that
     * exact title (a curated pathway first), else one with that alternative title.
     */
    resolveCareer(text: string): string | undefined {
      const trimmed = text.trim()
      if (directoryOf(index()).careerIndexBySlug.has(trimmed)) return trimmed
      const lower = trimmed.toLowerCase()
      const all = index().careers
      const titled = all.filter((c) => c.title.toLowerCase() === lower)
      return (titled.find((c) => c.origin === 'catalog') ?? titled[0] ?? all.find((c) => c.aliases.some((a) => a.toLowerCase() === lower)))?.slug
    },
  }
}
export type ExploreService = ReturnType<typeof createExploreService>

/**
 * How good a move is: the geometric mean of coverage (how much of the target one already has) and
 * similarity (how alike the two careers' skills are). Coverage alone favours careers that need little
 * of everything — from nursing, hand trimming covers 95% — and similarity alone ignores direction.
 */
export const moveScore = (o: Pick<Overlap, 'coverage' | 'similarity'>): number => Math.sqrt(o.coverage * o.similarity)

function summaryByCareerId(index: CatalogIndex, careerId: string): S.CareerSummary {
  const positions = index.derived('career-position-by-id', (built) => new Map(built.rows.careers.map((r, i) => [r.id, i])))
  const position = positions.get(careerId)
  if (position === undefined) throw new AppError('internal', 500, `catalog integrity: unknown career ${careerId}`)
  return index.careers[position] as S.CareerSummary
}

const round = (n: number): number => Math.round(n * 1000) / 1000

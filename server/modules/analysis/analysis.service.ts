/**
 * Gap, matching and learning plans for a passport, read from the in-memory catalog of the current
 * version. The same service answers the stateless integrator routes (a passport in the body) and the
 * learner's own routes (the stored passport).
 */
import type * as S from '../../../shared/schemas.js'
import { notFound } from '../../platform/http/errors.js'
import type { CatalogIndex } from '../careers/index.js'
import type { CatalogService } from '../catalog/index.js'
import { careerOutlook, EDUCATION_LEVELS, type CareerOutlook } from './career-outlook.js'
import { requirementModel, type Requirement } from './career-requirements.js'
import { analyseGap } from './gap.js'
import { ASSUMED_HOURS_PER_WEEK, learningCatalog, type LearningItem } from './learning-items.js'
import { levelShare } from './levels.js'
import { matchCareers } from './match.js'
import { resolvePassport, type ResolvedPassport } from './passport.js'
import { buildPlan } from './plan.js'
import type { GapAnswer, MatchAnswer, MatchFilters, Passport, PlanAnswer } from './analysis.schema.js'

const EXPLAINED = 3

interface Directory {
  positionById: Map<string, number>
  positionBySlug: Map<string, number>
  skillName: Map<string, string>
}

const directoryOf = (index: CatalogIndex): Directory => index.derived('analysis-directory', (built) => ({
  positionById: new Map(built.rows.careers.map((c, i) => [c.id, i])),
  positionBySlug: new Map(built.careers.map((c, i) => [c.slug, i])),
  skillName: new Map(built.rows.skills.map((s) => [s.id, s.name])),
}))

/** Builds the read models analysis needs for a new catalog version before it is served. */
export async function warmAnalysis(index: CatalogIndex): Promise<void> {
  requirementModel(index)
  await new Promise<void>((resolve) => setImmediate(resolve))
  learningCatalog(index)
  careerOutlook(index)
  directoryOf(index)
}

export interface PassportReadingResult {
  resolved: ResolvedPassport
  reading: { skills: ResolvedPassport['skills']; unresolved: ResolvedPassport['unresolved']; credentials: { credential: string; known: boolean }[] }
}

export function createAnalysisService({ catalog }: { catalog: CatalogService }) {
  catalog.addWarmer(warmAnalysis)
  const index = () => catalog.index()

  const refAt = (built: CatalogIndex, position: number): S.CareerRef => {
    const c = built.careers[position] as S.CareerSummary
    return { slug: c.slug, title: c.title, origin: c.origin, summary: c.summary }
  }

  function careerOf(built: CatalogIndex, key: string): { id: string; position: number } {
    const dir = directoryOf(built)
    const trimmed = key.trim()
    let position = dir.positionBySlug.get(trimmed)
    if (position === undefined) {
      const slug = built.byCode(trimmed)[0]?.careers[0]?.slug
      position = slug === undefined ? undefined : dir.positionBySlug.get(slug)
    }
    if (position === undefined) throw notFound('career', trimmed)
    return { id: (built.rows.careers[position] as { id: string }).id, position }
  }

  /**
   * The passport as the analysis counts it: its skills, plus each earned credential's skills at the
   * level the credential teaches (unless the passport gives a higher one).
   */
  function read(built: CatalogIndex, passport: Passport): PassportReadingResult {
    const items = learningCatalog(built).items
    const credentials = (passport.credentials ?? []).map((c) => ({ credential: c.credential, known: items.get(c.credential)?.type === 'credential' }))
    const fromCredentials = credentials.flatMap((c) => {
      const item = c.known ? (items.get(c.credential) as LearningItem) : undefined
      return item ? item.skills.map((skill) => ({ skill, level: item.reach })) : []
    })
    const resolved = resolvePassport(built, [...passport.skills.map((s) => ({ skill: s.skill, level: s.level })), ...fromCredentials])
    return { resolved, reading: { skills: resolved.skills, unresolved: resolved.unresolved, credentials } }
  }

  const nameOf = (built: CatalogIndex) => (skill: string) => directoryOf(built).skillName.get(skill) ?? skill

  function keepFor(built: CatalogIndex, filters: MatchFilters | undefined): ((position: number) => boolean) | undefined {
    if (!filters || Object.keys(filters).length === 0) return undefined
    const outlook = careerOutlook(built)
    const careers = built.rows.careers
    const maxEducation = filters.maxEducation === undefined ? undefined : EDUCATION_LEVELS.indexOf(filters.maxEducation)
    return (position) => {
      const career = careers[position] as { id: string; origin: string }
      if (filters.origin !== undefined && career.origin !== filters.origin) return false
      if (filters.minPay === undefined && filters.minGrowthPercent === undefined && maxEducation === undefined) return true
      const o = outlook(career.id)
      if (filters.minPay !== undefined && (o.pay === null || o.pay.value < filters.minPay)) return false
      if (filters.minGrowthPercent !== undefined && (o.growthPercent === null || o.growthPercent.value < filters.minGrowthPercent)) return false
      if (maxEducation !== undefined && (o.education === null || EDUCATION_LEVELS.indexOf(o.education.level) > maxEducation)) return false
      return true
    }
  }

  function explain(requirements: readonly Requirement[], levels: ReadonlyMap<string, number>, name: (id: string) => string) {
    const scored = requirements.map((r) => ({ r, share: levelShare(levels.get(r.skill) ?? 0, r.required) }))
    const pick = (list: typeof scored, value: (x: (typeof scored)[number]) => number) => list
      .filter((x) => value(x) > 0)
      .sort((a, b) => value(b) - value(a) || (a.r.skill < b.r.skill ? -1 : 1))
      .slice(0, EXPLAINED)
      .map(({ r }) => ({ skill: r.skill, name: name(r.skill), weight: r.weight }))
    return { matched: pick(scored, (x) => x.r.weight * x.share), missing: pick(scored, (x) => x.r.weight * (1 - x.share)) }
  }

  return {
    /** How far a passport is from a career. */
    gap(passport: Passport, careerKey: string): GapAnswer {
      const built = index()
      const career = careerOf(built, careerKey)
      const { resolved, reading } = read(built, passport)
      const model = requirementModel(built)
      const teaching = learningCatalog(built)
      const gap = analyseGap(model.of(career.id), resolved.levels, {
        nameOf: nameOf(built),
        teachersOf: (skill) => [...new Set(model.skills.sameAs(skill).flatMap((same) => teaching.teaching(same)))],
      })
      return { career: refAt(built, career.position), ...gap, passport: reading }
    },

    /** Every career ranked by fit for a passport. */
    matches(passport: Passport, options: { filters?: MatchFilters; limit?: number; offset?: number } = {}): MatchAnswer {
      const built = index()
      const { resolved, reading } = read(built, passport)
      const model = requirementModel(built)
      const fits = matchCareers(model, model.skills, resolved.skills, resolved.levels, { keep: keepFor(built, options.filters) })
      const limit = options.limit ?? 20
      const offset = options.offset ?? 0
      const outlook = careerOutlook(built)
      const name = nameOf(built)
      const items = [...fits.order.subarray(offset, offset + limit)].map((position) => {
        const careerId = model.careerIds[position] as string
        const o: CareerOutlook = outlook(careerId)
        return {
          career: refAt(built, position), score: fits.score[position]!, coverage: fits.coverage[position]!, relevance: fits.relevance[position]!,
          ...explain(model.of(careerId), resolved.levels, name),
          outlook: { pay: o.pay, growthPercent: o.growthPercent, education: o.education },
        }
      })
      return { items, total: fits.order.length, filteredOut: model.careerIds.length - fits.order.length, passport: reading }
    },

    /** The shortest (or cheapest) set of credentials and resources closing the gap to a career. */
    plan(passport: Passport, careerKey: string, options: { hoursPerWeek: number; optimise?: 'time' | 'cost'; completed?: readonly string[] }): PlanAnswer {
      const built = index()
      const career = careerOf(built, careerKey)
      const { resolved, reading } = read(built, passport)
      const model = requirementModel(built)
      const plan = buildPlan(model.of(career.id), resolved.levels, {
        optimise: options.optimise ?? 'time', hoursPerWeek: options.hoursPerWeek, completed: options.completed ?? [],
      }, { catalog: learningCatalog(built), sameAs: model.skills.sameAs, nameOf: nameOf(built) })
      const assumptions = [
        'Levels: a beginner item brings a skill to 2, intermediate to 3, advanced to 4 (of 5), and expects the level below it first.',
      ]
      if (plan.items.some((i) => i.hoursEstimated)) {
        assumptions.push(`Hours marked as estimated: a credential's stated duration (midpoint) at ${ASSUMED_HOURS_PER_WEEK} study hours a week, or for a resource without one 15–40 hours by kind and level.`)
      }
      if (plan.totals.itemsWithUnknownCost > 0) assumptions.push('The catalog states no price for some items; the total cost leaves them out.')
      return { career: refAt(built, career.position), ...plan, assumptions, passport: reading }
    },
  }
}

export type AnalysisService = ReturnType<typeof createAnalysisService>

/**
 * A learning plan: which credentials and resources to take, in what order, to close the gap to a
 * career with the least total time (or cost) — and what stays open.
 *
 * The choice is a weighted set cover, which has no fast exact solution in general, so the planner is
 * greedy with a clean-up: at each step it takes the item (together with its unfinished prerequisites)
 * that adds the most coverage per hour (or per unit of money), counting for each skill only the part
 * up to the career's required level; it stops when nothing adds coverage; then it drops any item whose
 * removal loses no coverage and that nothing else needs. Level order is built in: an item counts for a
 * skill only once the plan has reached the item's entry level for it (levels.ts), so a beginner item
 * comes before an intermediate one. Items the learner has completed count as done and stay in the plan;
 * re-planning after progress keeps them and plans only what is left.
 */
import { levelShare, LEVEL_NAMES } from './levels.js'
import type { Requirement } from './career-requirements.js'
import type { LearningCatalog, LearningItem } from './learning-items.js'
import { round } from './gap.js'

export type Optimise = 'time' | 'cost'

export interface PlanOptions {
  optimise: Optimise
  hoursPerWeek: number
  /** Item ids already completed. */
  completed?: readonly string[]
}

export interface PlanContext {
  catalog: LearningCatalog
  sameAs(skillId: string): readonly string[]
  nameOf(skillId: string): string
}

export interface PlanItem {
  id: string
  type: LearningItem['type']
  kind: string
  title: string
  level: LearningItem['level']
  status: 'done' | 'planned'
  hours: number
  hoursEstimated: boolean
  cost: LearningItem['cost']
  /** The career's skills the item raises: from and to level (to is capped at the required level). */
  skills: { skill: string; name: string; from: number; to: number; required: number }[]
  /** Planned items this one is a stated prerequisite of. */
  prerequisiteOf: string[]
  reason: string
  /** 1-based weeks at the learner's pace; null for done items. */
  startWeek: number | null
  endWeek: number | null
}

export interface UncoveredSkill {
  skill: string
  name: string
  weight: number
  required: number
  /** Level after the plan. */
  reached: number
  reason: string
}

export interface LearningPlan {
  optimise: Optimise
  hoursPerWeek: number
  coverageBefore: number | null
  coverageAfter: number | null
  items: PlanItem[]
  /** Remaining (planned) hours and weeks; cost of the planned items whose price is known. */
  totals: { hours: number; weeks: number; cost: { amount: number; currency: string } | null; itemsWithUnknownCost: number }
  uncovered: UncoveredSkill[]
  weeks: { week: number; items: { id: string; hours: number }[] }[]
}

const EPSILON = 1e-9
/** Price floor so a free item's ratio stays finite and its coverage still decides between free items. */
const PRICE_FLOOR: Record<Optimise, number> = { time: 0.5, cost: 1 }
/** Longest timeline returned week by week (20 years at one hour a week). */
const MAX_WEEKS = 1040

export function buildPlan(requirements: readonly Requirement[], levels: ReadonlyMap<string, number>, options: PlanOptions, ctx: PlanContext): LearningPlan {
  const { catalog } = ctx
  const req = new Map(requirements.map((r) => [r.skill, r]))
  const total = requirements.reduce((sum, r) => sum + r.weight, 0)
  const start = new Map(requirements.map((r) => [r.skill, levels.get(r.skill) ?? 0]))

  // Which of the career's skills each item teaches (directly or through an equivalent id).
  const touches = new Map<string, Set<string>>()
  for (const r of requirements) {
    for (const same of ctx.sameAs(r.skill)) {
      for (const item of catalog.teaching(same)) {
        let set = touches.get(item.id)
        if (!set) touches.set(item.id, (set = new Set()))
        set.add(r.skill)
      }
    }
  }
  const skillsOf = (id: string): readonly string[] => [...(touches.get(id) ?? [])]

  const coverageOf = (state: ReadonlyMap<string, number>): number | null => {
    if (total <= 0) return null
    let achieved = 0
    for (const r of requirements) achieved += r.weight * levelShare(state.get(r.skill) ?? 0, r.required)
    return achieved / total
  }
  /** Coverage an item adds to a state, or 0; `ignoreEntry` for items already completed. */
  const gainOf = (item: LearningItem, state: ReadonlyMap<string, number>, ignoreEntry = false): number => {
    let gain = 0
    for (const skill of skillsOf(item.id)) {
      const r = req.get(skill)!
      const have = state.get(skill) ?? 0
      if (!ignoreEntry && have < item.entry) continue
      const after = Math.min(r.required, Math.max(have, item.reach))
      const before = Math.min(r.required, have)
      if (after > before) gain += (r.weight * (after - before)) / r.required
    }
    return gain
  }
  const apply = (item: LearningItem, state: Map<string, number>, ignoreEntry = false): void => {
    for (const skill of skillsOf(item.id)) {
      const have = state.get(skill) ?? 0
      if (!ignoreEntry && have < item.entry) continue
      if (item.reach > have) state.set(skill, item.reach)
    }
  }

  // Completed items first: their skills count, in any order.
  const completed = (options.completed ?? []).filter((id) => catalog.items.has(id))
  const done = new Set(completed)
  const afterDone = new Map(start)
  for (const id of completed) apply(catalog.items.get(id)!, afterDone, true)

  // Known prices set the stand-in for unknown ones: no cheaper than the dearest known item.
  const knownCosts = [...catalog.items.values()].flatMap((i) => (i.cost ? [i.cost.amount] : []))
  const unknownCost = knownCosts.length > 0 ? Math.max(...knownCosts) : 1000
  const priceOf = (item: LearningItem): number => (options.optimise === 'time' ? item.hours : item.cost?.amount ?? unknownCost)

  /** The item preceded by its unfinished prerequisites, deepest first; undefined when one is missing. */
  const bundleOf = (item: LearningItem, planned: ReadonlySet<string>): LearningItem[] | undefined => {
    const order: LearningItem[] = []
    const seen = new Set<string>()
    const visit = (current: LearningItem): boolean => {
      if (seen.has(current.id)) return true
      seen.add(current.id)
      for (const pre of current.prerequisites) {
        if (done.has(pre) || planned.has(pre)) continue
        const found = catalog.items.get(pre)
        if (!found || !visit(found)) return false
      }
      order.push(current)
      return true
    }
    return visit(item) ? order : undefined
  }

  // Greedy selection.
  const state = new Map(afterDone)
  const planned: LearningItem[] = []
  const plannedIds = new Set<string>()
  const candidates = [...touches.keys()].map((id) => catalog.items.get(id)!).filter((item) => !done.has(item.id))
  for (;;) {
    let best: { bundle: LearningItem[]; ratio: number; gain: number } | undefined
    for (const item of candidates) {
      if (plannedIds.has(item.id)) continue
      const bundle = bundleOf(item, plannedIds)
      if (!bundle) continue
      const trial = new Map(state)
      let gain = 0
      let price = 0
      for (const step of bundle) {
        gain += gainOf(step, trial)
        apply(step, trial)
        price += priceOf(step)
      }
      if (gain <= EPSILON) continue
      const ratio = gain / Math.max(price, PRICE_FLOOR[options.optimise])
      if (!best || ratio > best.ratio + EPSILON || (Math.abs(ratio - best.ratio) <= EPSILON && gain > best.gain)) best = { bundle, ratio, gain }
    }
    if (!best) break
    for (const step of best.bundle) {
      apply(step, state)
      planned.push(step)
      plannedIds.add(step.id)
    }
  }

  // Clean-up: drop what adds nothing and is nobody's prerequisite, latest first.
  const replay = (list: readonly LearningItem[]): Map<string, number> => {
    const s = new Map(afterDone)
    for (const item of list) apply(item, s)
    return s
  }
  const target = coverageOf(state) ?? 0
  for (let i = planned.length - 1; i >= 0; i--) {
    const item = planned[i]!
    const needed = planned.some((other) => other !== item && other.prerequisites.includes(item.id))
    if (needed) continue
    const without = planned.filter((_, j) => j !== i)
    if ((coverageOf(replay(without)) ?? 0) >= target - EPSILON) planned.splice(i, 1)
  }

  // The plan, item by item, with what each brings.
  const items: PlanItem[] = []
  const running = new Map(start)
  for (const id of completed) {
    const item = catalog.items.get(id)!
    items.push(describe(item, 'done', running, true))
  }
  for (const item of planned) items.push(describe(item, 'planned', running, false))

  function describe(item: LearningItem, status: PlanItem['status'], s: Map<string, number>, ignoreEntry: boolean): PlanItem {
    const skills: PlanItem['skills'] = []
    for (const skill of skillsOf(item.id)) {
      const r = req.get(skill)!
      const from = s.get(skill) ?? 0
      if (!ignoreEntry && from < item.entry) continue
      const to = Math.max(from, item.reach)
      if (Math.min(to, r.required) > Math.min(from, r.required)) skills.push({ skill, name: ctx.nameOf(skill), from, to: Math.min(to, r.required), required: r.required })
    }
    apply(item, s, ignoreEntry)
    skills.sort((a, b) => (req.get(b.skill)!.weight - req.get(a.skill)!.weight) || (a.skill < b.skill ? -1 : 1))
    const prerequisiteOf = planned.filter((other) => other.prerequisites.includes(item.id)).map((other) => other.id)
    return {
      id: item.id, type: item.type, kind: item.kind, title: item.title, level: item.level, status,
      hours: item.hours, hoursEstimated: item.hoursEstimated, cost: item.cost, skills, prerequisiteOf,
      reason: reasonFor(item, status, skills, prerequisiteOf.map((p) => catalog.items.get(p)!.title)),
      startWeek: null, endWeek: null,
    }
  }

  // Week by week at the learner's pace, one item after another.
  const pace = options.hoursPerWeek
  let elapsed = 0
  const weeks = new Map<number, { id: string; hours: number }[]>()
  for (const item of items) {
    if (item.status !== 'planned') continue
    item.startWeek = Math.floor(elapsed / pace) + 1
    let left = item.hours
    while (left > EPSILON) {
      const week = Math.floor(elapsed / pace) + 1
      const room = week * pace - elapsed
      const spent = Math.min(room, left)
      if (week <= MAX_WEEKS) {
        let list = weeks.get(week)
        if (!list) weeks.set(week, (list = []))
        list.push({ id: item.id, hours: round(spent) })
      }
      elapsed += spent
      left -= spent
    }
    item.endWeek = Math.max(item.startWeek, Math.ceil(elapsed / pace - EPSILON))
  }

  const final = replay(planned)
  const uncovered: UncoveredSkill[] = requirements
    .filter((r) => (final.get(r.skill) ?? 0) < r.required)
    .map((r) => {
      const reached = final.get(r.skill) ?? 0
      const teachers = ctx.sameAs(r.skill).flatMap((same) => catalog.teaching(same))
      const best = teachers.reduce((max, t) => Math.max(max, t.reach), 0)
      const reason = teachers.length === 0
        ? 'No credential or resource in the catalog teaches this skill.'
        : best < r.required
          ? `The catalog's credentials and resources teach it up to level ${best} (${LEVEL_NAMES[best]}); the career asks for ${r.required} (${LEVEL_NAMES[r.required]}).`
          : `The items that teach it to level ${r.required} expect level ${Math.min(...teachers.filter((t) => t.reach >= r.required).map((t) => t.entry))} first, which nothing in the catalog teaches.`
      return { skill: r.skill, name: ctx.nameOf(r.skill), weight: r.weight, required: r.required, reached, reason }
    })
    .sort((a, b) => b.weight - a.weight || (a.skill < b.skill ? -1 : 1))

  const plannedItems = items.filter((i) => i.status === 'planned')
  const priced = plannedItems.filter((i) => i.cost !== null)
  const currencies = new Set(priced.map((i) => i.cost!.currency))
  const hours = plannedItems.reduce((sum, i) => sum + i.hours, 0)
  return {
    optimise: options.optimise, hoursPerWeek: pace,
    coverageBefore: nullableRound(coverageOf(afterDone)), coverageAfter: nullableRound(coverageOf(final)),
    items,
    totals: {
      hours: round(hours), weeks: Math.max(0, Math.ceil(hours / pace - EPSILON)),
      cost: priced.length > 0 && currencies.size === 1 ? { amount: round(priced.reduce((sum, i) => sum + i.cost!.amount, 0)), currency: [...currencies][0]! } : null,
      itemsWithUnknownCost: plannedItems.length - priced.length,
    },
    uncovered,
    weeks: [...weeks.entries()].sort((a, b) => a[0] - b[0]).map(([week, list]) => ({ week, items: list })),
  }
}

const nullableRound = (n: number | null): number | null => (n === null ? null : round(n))

function reasonFor(item: LearningItem, status: PlanItem['status'], skills: PlanItem['skills'], before: string[]): string {
  const raises = skills.slice(0, 4).map((s) => `${s.name} ${s.from}→${s.to}${s.to >= s.required ? '' : ` of ${s.required}`}`)
  const more = skills.length > 4 ? ` and ${skills.length - 4} more` : ''
  const parts: string[] = []
  if (status === 'done') parts.push(raises.length > 0 ? `Completed: counts for ${raises.join(', ')}${more}.` : 'Completed.')
  else if (raises.length > 0) parts.push(`Raises ${raises.join(', ')}${more}.`)
  if (before.length > 0) parts.push(`Listed as a prerequisite of ${before.join(', ')}.`)
  if (parts.length === 0) parts.push('Kept for the order of the plan.')
  return parts.join(' ')
}
